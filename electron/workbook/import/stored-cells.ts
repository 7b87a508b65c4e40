// What a workbook's XML stores that no spreadsheet can hold, judged the same way by every .xlsx
// reader (the fast one and the ExcelJS fallback) and the SheetJS one: a number cell's text that is
// not a number in the format's own lexical form, and a cell placed outside Excel's grid
// (docs/ARCHITECTURE.md §Import pipeline, stored values).
import type { Parts } from './package-parts';
import { tabNameOfPart } from './package-parts';
import { cellAddress, columnOf } from './model';
import type { XmlAttrs } from './xml-stream';
import { streamXml } from './xml-stream';
import { GRID_LAST_ROW } from './zip-guard';

/** The last column of an Excel grid (XFD). */
export const GRID_LAST_COLUMN = 16_384;

/** Whether a 1-based row and column lie outside Excel's grid (past XFD, past row 1,048,576). */
export function isOutsideGrid(row: number, col: number): boolean {
  return col > GRID_LAST_COLUMN || row > GRID_LAST_ROW;
}

/**
 * xsd:double's lexical form (XML Schema part 2 §3.2.5), which ECMA-376 gives a number cell's <v>:
 * optional sign, digits with an optional fraction (".5" and "6." included), optional exponent. Its
 * whiteSpace facet is "collapse", so XML whitespace (space, tab, CR, LF) around it is allowed — every
 * reader (LibreOffice too) reads `<v> 6 </v>` as 6 — but no other space (a no-break space is
 * refused). "INF", "-INF" and "NaN" are xsd:double too, but no figure: left out here on purpose.
 * Not global: .test() keeps no state between cells.
 */
const XSD_DOUBLE = /^[ \t\r\n]*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?[ \t\r\n]*$/;

/** Digits with at most one ".", at least one digit: the common stored number, judged without the regex. */
function isPlainDecimal(text: string): boolean {
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && dots === 0) dots++;
    else return false;
  }
  return digits > 0;
}

/**
 * A number cell's stored text as a figure, or NaN when it is none: not xsd:double (JavaScript's
 * Number() also takes "0x6", "0b1", "0o7", "Infinity" and no-break spaces around digits; ExcelJS's
 * parseFloat reads "1,6" as 1 and "0x6" as 0), or too large for a double ("1e400"). `n` is
 * Number(text) when the caller has worked it out already; the regex runs only for text that is
 * not plain digits (the hot loop of a large read).
 */
export function storedNumber(text: string, n: number = Number(text)): number {
  return Number.isFinite(n) && (isPlainDecimal(text) || XSD_DOUBLE.test(text)) ? n : NaN;
}

/** A worksheet's cells that a general reader (ExcelJS) reads wrongly or not at all. */
export interface SheetFaults {
  /** A1 address → the stored text of a number cell (a formula's cached result too) that is no figure. */
  badNumbers: Map<string, string>;
  /** References of cells outside the grid, as written (or as their position gives them). */
  outsideGrid: string[];
}

/**
 * One pass over a worksheet part finding SheetFaults, placing cells as the fast reader does (the
 * <row>'s r, the <c>'s column letters, else the next position).
 */
export function sheetFaults(xml: Buffer): SheetFaults {
  const out: SheetFaults = { badNumbers: new Map(), outsideGrid: [] };
  let row = 0;
  let col = 0;
  let cell: { t: string; r: string | undefined } | null = null;
  let v: string | null = null;
  let inV = false;
  streamXml(xml, {
    open(local: string, a: XmlAttrs) {
      if (local === 'row') {
        row = a.r === undefined ? row + 1 : Number(a.r);
        col = 0;
      } else if (local === 'c') {
        const given = a.r === undefined ? 0 : columnOf(a.r);
        col = given === 0 ? col + 1 : given;
        cell = { t: a.t ?? 'n', r: a.r };
        v = null;
      } else if (local === 'v' && cell !== null) {
        v = '';
        inV = true;
      }
    },
    close(local: string) {
      if (local === 'v') inV = false;
      if (local !== 'c' || cell === null) return;
      const address = cellAddress(row, col);
      if (isOutsideGrid(row, col)) out.outsideGrid.push(cell.r ?? address);
      else if (cell.t === 'n' && v !== null && v.trim() !== '' && Number.isNaN(storedNumber(v))) out.badNumbers.set(address, v);
      cell = null;
      v = null;
    },
    text(t: string) {
      if (inV) v = (v ?? '') + t;
    },
  });
  return out;
}

/** "XFE5, XFF5, XFG5 …": the first few references, for a message (a broken writer may put thousands there). */
export function listed(refs: readonly string[]): string {
  return refs.slice(0, 3).join(', ') + (refs.length > 3 ? ` … (${refs.length})` : '');
}

/**
 * A sheet with cells outside the grid, met by a reader that cannot leave them out (ExcelJS throws
 * on such an address): read-workbook.ts tells the clerk which, rather than "not a valid workbook".
 */
export class CellsOutsideGrid extends Error {
  constructor(
    readonly sheet: string,
    readonly refs: readonly string[],
  ) {
    super(`cells outside the grid on ${sheet}: ${refs.join(', ')}`);
  }
}

/** SheetFaults of every worksheet part of a package, by the tab name of its sheet. */
export function packageFaults(parts: Parts): Map<string, SheetFaults> {
  const out = new Map<string, SheetFaults>();
  for (const [key, xml] of parts) {
    if (!/(?:^|\/)worksheets\/[^/]+\.xml$/.test(key)) continue;
    const tab = tabNameOfPart((k) => parts.get(k), parts.keys(), key);
    if (tab !== null) out.set(tab, sheetFaults(xml));
  }
  return out;
}
