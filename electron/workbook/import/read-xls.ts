// Legacy workbooks → neutral model, with SheetJS: .xls (BIFF2–8, as saved by WPS and old Excel,
// including Excel 95's BIFF5 whose text is stored in a Windows code page such as GBK/936) and
// Excel 2003 XML spreadsheets (SpreadsheetML, often saved with an .xls name). Read-only options:
// number formats kept (cellNF), row/column visibility (cellStyles), formulas noted but never
// evaluated (cached values only). The caller has already checked size and the container.
import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import type { CellValue, NeutralCell, NeutralSheet, NeutralWorkbook, SheetState } from './model';
import { cellAddress, getCell, isPercentFormat, newSheet, putCell } from './model';
import { attrByLocal, streamXml } from './xml-stream';
import { isOutsideGrid } from './stored-cells';
import { GBK, biffTextOf, hasNonAsciiText, mayBeUndeclaredGbk, sheetsWithLatin1AsGbk, withDeclaredCodePage } from './xls-code-page';

// SheetJS decodes code-page text only once its code-page tables are loaded; without them a BIFF5
// file's Chinese text comes out as mojibake.
XLSX.set_cptable(cptable);

const STATES: Record<number, SheetState> = { 0: 'visible', 1: 'hidden', 2: 'veryHidden' };

function cellValue(c: XLSX.CellObject): { value: CellValue; isError: boolean } {
  switch (c.t) {
    case 'n':
      return { value: typeof c.v === 'number' ? c.v : Number(c.v), isError: false };
    case 's':
      return { value: c.v === undefined ? null : String(c.v), isError: false };
    case 'b':
      return { value: Boolean(c.v), isError: false };
    case 'e':
      return { value: c.w ?? '#ERROR', isError: true };
    case 'd':
      return { value: c.v instanceof Date ? (c.v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : null, isError: false };
    default:
      return { value: null, isError: false };
  }
}

/** `uncalculated`: formula cells SheetJS leaves out (SpreadsheetML's with no <Data>, uncalculatedFormulas). */
function readSheet(ws: XLSX.WorkSheet, name: string, state: SheetState, uncalculated: readonly NeutralCell[] = []): NeutralSheet {
  const sheet = newSheet(name, state);
  const data = (ws['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  for (let r = 0; r < data.length; r++) {
    const cells = data[r];
    if (!cells) continue;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell || cell.t === 'z') continue;
      const { value, isError } = cellValue(cell);
      const formula = typeof cell.f === 'string' ? cell.f : null;
      if (value === null && formula === null) continue;
      // Past XFD or row 1,048,576 (SpreadsheetML's ss:Index can say so): no spreadsheet shows it; noted, not read.
      if (isOutsideGrid(r + 1, c + 1)) {
        sheet.outsideGrid.push(cellAddress(r + 1, c + 1));
        continue;
      }
      const numFmt = typeof cell.z === 'string' ? cell.z : null;
      putCell(sheet, { row: r + 1, col: c + 1, address: cellAddress(r + 1, c + 1), value, formula, isError, numFmt, percent: isPercentFormat(numFmt) });
    }
  }
  for (const cell of uncalculated) {
    if (isOutsideGrid(cell.row, cell.col)) sheet.outsideGrid.push(cell.address);
    else if (getCell(sheet, cell.row, cell.col) === undefined) putCell(sheet, cell);
  }
  // A row of height 0 or a column of width 0 (xlwt's colinfo width 0, SpreadsheetML's ss:Width="0")
  // is what Excel shows as hidden, flag or not.
  (ws['!rows'] ?? []).forEach((info, i) => {
    if (info?.hidden || info?.hpt === 0 || info?.hpx === 0) sheet.hiddenRows.add(i + 1);
  });
  (ws['!cols'] ?? []).forEach((info, i) => {
    if (info?.hidden || info?.width === 0 || info?.wpx === 0 || info?.wch === 0) sheet.hiddenCols.add(i + 1);
  });
  for (const m of ws['!merges'] ?? []) sheet.merges.push({ top: m.s.r + 1, left: m.s.c + 1, bottom: m.e.r + 1, right: m.e.c + 1 });
  return sheet;
}

/** A SpreadsheetML <Data> start or end tag, prefixed or not. */
const DATA_TAG = /<(\/?)((?:[\w.-]+:)?Data)\b[^>]*>/g;

const escapeText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Every run's text of a rich <Data>'s content, in order; null when it is not well-formed. */
function runsText(inner: string): string | null {
  let text = '';
  try {
    streamXml(`<r>${inner}</r>`, {
      open() {},
      close() {},
      text(t) {
        text += t;
      },
    });
  } catch {
    return null;
  }
  return text;
}

/**
 * SpreadsheetML with every rich-text cell's runs joined into plain text. Excel 2003 writes a rich
 * cell as HTML inside <Data>: `<Data xmlns="http://www.w3.org/TR/REC-html40"><B>两户</B><Font …>外出务工</Font>，…</Data>`,
 * and SheetJS keeps only one run as the value (its raw runs come back with the entities already
 * decoded, no longer XML). The cell shows every run in order: that text, escaped again, replaces
 * the runs before SheetJS reads the file. One pass over the tags (linear, whatever the text holds);
 * a content that is not well-formed is left as it was.
 */
export function joinRichText(xml: string): string {
  if (!xml.includes('REC-html40')) return xml;
  const out: string[] = [];
  let copied = 0;
  let open: { name: string; end: number } | null = null;
  for (const m of xml.matchAll(DATA_TAG)) {
    const [tag, slash, name] = m as unknown as [string, string, string];
    const at = m.index ?? 0;
    if (slash === '') open = tag.endsWith('/>') ? null : { name, end: at + tag.length };
    else if (open !== null && open.name === name) {
      const inner = xml.slice(open.end, at);
      const text = inner.includes('<') ? runsText(inner) : null;
      if (text !== null) {
        out.push(xml.slice(copied, open.end), escapeText(text));
        copied = at;
      }
      open = null;
    }
  }
  out.push(xml.slice(copied));
  return out.join('');
}

/** A self-closing SpreadsheetML <Cell …/>, prefixed or not; quoted attribute values may hold ">" or "/". */
const EMPTY_CELL_TAG = /<((?:[\w.-]+:)?Cell)\b((?:[^>"'/]|"[^"]*"|'[^']*'|\/(?!>))*)\/>/g;

/**
 * SpreadsheetML with every empty <Cell …/> written as <Cell …></Cell> (the same XML). Excel 2003
 * writes an empty merged cell self-closed (`<Cell ss:MergeAcross="1" ss:StyleID="s21"/>`), and
 * SheetJS then does not move past the merged columns: every later cell of the row landed one or
 * more columns to the left (a 2025年实际值 read as the 目标值). One pass over the tags.
 */
export function expandEmptyCells(xml: string): string {
  return xml.replace(EMPTY_CELL_TAG, (_tag, name: string, attrs: string) => `<${name}${attrs}></${name}>`);
}

/** An R1C1 reference's row or column part ("[−1]" relative, "3" absolute, "" this one) → its number. */
function r1c1Part(part: string | undefined, here: number): number {
  if (part === undefined || part === '') return here;
  return part.startsWith('[') ? here + Number(part.slice(1, -1)) : Number(part);
}

/** R1C1 cell references (R[0]C[-1], R3C2, RC) outside a name or function: the A1 forms Excel would show. */
const R1C1_REF = /(?<![A-Za-z0-9_.$])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_(])/g;

/**
 * A SpreadsheetML formula (R1C1, with its "=") as the A1 formula without "=" the other readers give
 * (SheetJS converts the cells it reads alike): "=R[0]C[-1]*2" at F5 → "E5*2". A reference that
 * would leave the grid stays as written.
 */
export function a1Formula(r1c1: string, row: number, col: number): string {
  return r1c1.replace(/^=/, '').replace(R1C1_REF, (ref: string, r: string | undefined, c: string | undefined) => {
    const [rr, cc] = [r1c1Part(r, row), r1c1Part(c, col)];
    return rr >= 1 && cc >= 1 ? cellAddress(rr, cc) : ref;
  });
}

/**
 * SpreadsheetML cells holding a formula with no <Data> (its cached result): a program wrote the
 * formula and no spreadsheet ever calculated it (Excel writes every result it has). SheetJS leaves
 * such a cell out altogether; here each is a cell with no value, marked `uncalculated`, so the
 * importer refuses it with import.formula-uncalculated as for .xlsx, never as an empty cell.
 * By worksheet index; positions follow ss:Index, ss:Span (rows) and ss:MergeAcross (cells).
 */
export function uncalculatedFormulas(xml: string): Map<number, NeutralCell[]> {
  const out = new Map<number, NeutralCell[]>();
  let sheet = -1;
  let row = 0;
  let nextRow = 1;
  let col = 0;
  let nextCol = 1;
  let formula: string | null = null;
  let hasData = false;
  // A cell's comment holds a <Data> of its own (the comment's text): not the cell's result.
  let inComment = false;
  streamXml(xml, {
    open(local, a) {
      if (local === 'Worksheet') {
        sheet++;
        nextRow = 1;
      } else if (local === 'Row') {
        const index = attrByLocal(a, 'Index');
        row = index === undefined ? nextRow : Number(index);
        nextRow = row + 1 + Number(attrByLocal(a, 'Span') ?? 0);
        nextCol = 1;
      } else if (local === 'Cell') {
        const index = attrByLocal(a, 'Index');
        col = index === undefined ? nextCol : Number(index);
        nextCol = col + 1 + Number(attrByLocal(a, 'MergeAcross') ?? 0);
        formula = attrByLocal(a, 'Formula') ?? null;
        hasData = false;
      } else if (local === 'Comment') inComment = true;
      else if (local === 'Data' && !inComment) hasData = true;
    },
    close(local) {
      if (local === 'Comment') inComment = false;
      if (local !== 'Cell' || formula === null || hasData || !(row >= 1 && col >= 1)) return;
      const cells = out.get(sheet) ?? [];
      out.set(sheet, cells);
      const f = a1Formula(formula, row, col);
      cells.push({ row, col, address: cellAddress(row, col), value: null, formula: f, uncalculated: true, isError: false, numFmt: null, percent: false });
      formula = null;
    },
    text() {},
  });
  return out;
}

/**
 * BIFF bytes (an OLE2 compound file) or SpreadsheetML 2003 text. Throws SheetJS's own error (e.g.
 * "password-protected") for the caller to translate. Text that may be undeclared GBK comes with a
 * second reading as GBK (`gbkReading`, see xls-code-page.ts). SpreadsheetML's rich-text cells
 * read whole (joinRichText), and its empty merged cells keep later cells in place (expandEmptyCells).
 */
export function readXls(bytes: Buffer | string): NeutralWorkbook {
  if (typeof bytes === 'string') return readWith(expandEmptyCells(joinRichText(bytes)), undefined, uncalculatedFormulas(bytes));
  const book = readWith(bytes);
  if (!hasNonAsciiText(book.sheets)) return book;
  const text = biffTextOf(XLSX, bytes);
  if (text?.biff === 5 && mayBeUndeclaredGbk(text)) {
    // Excel 95 text in an undeclared or Western code page: read again as GBK, byte-exact.
    const patched = text.declared === null ? null : withDeclaredCodePage(XLSX, bytes, GBK);
    const gbk = patched ? readWith(patched) : readWith(bytes, GBK);
    return { ...book, gbkReading: { sheets: gbk.sheets, biff: 5, declared: text.declared, used: text.declared ?? 1252 } };
  }
  if (text?.biff === 8) {
    // BIFF8 "compressed" strings are Latin-1 by the format; some writers stored GBK bytes there.
    const gbk = sheetsWithLatin1AsGbk(book.sheets);
    if (gbk) return { ...book, gbkReading: { sheets: gbk, biff: 8, declared: text.declared, used: 28591 } };
  }
  return book;
}

/**
 * One SheetJS read; `codepage` is the default for a file without a CODEPAGE record; `uncalculated`:
 * SpreadsheetML's formula cells SheetJS leaves out, by sheet index (uncalculatedFormulas).
 */
function readWith(bytes: Buffer | string, codepage?: number, uncalculated: ReadonlyMap<number, NeutralCell[]> = new Map()): NeutralWorkbook {
  const wb = XLSX.read(bytes, {
    ...(codepage === undefined ? {} : { codepage }),
    type: typeof bytes === 'string' ? 'string' : 'buffer',
    dense: true,
    cellNF: true,
    cellStyles: true,
    cellFormula: true,
    cellDates: false,
    cellHTML: false,
    cellText: true,
    bookVBA: false,
  });
  const sheets = wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name];
    const state = STATES[wb.Workbook?.Sheets?.[i]?.Hidden ?? 0] ?? 'visible';
    return ws ? readSheet(ws, name, state, uncalculated.get(i)) : newSheet(name, state);
  });
  return { format: 'xls', sheets };
}
