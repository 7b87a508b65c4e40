// .xlsx → neutral model straight from the unpacked parts the zip guard already produced: a
// streaming pass (xml-stream.ts, a conforming XML parser) over exactly the parts and elements the
// importer needs — cell values and cached formula results, number formats, merges, hidden
// rows/columns, sheet state — found through the package's relationships (package-parts.ts). It is
// an order of magnitude faster than building a general workbook model on large returns; a package
// it cannot make sense of throws FastReaderUnsupported and read-workbook.ts falls back to the
// ExcelJS reader (read-xlsx.ts). A part that is not well-formed XML throws XmlRefused. Cells are
// kept as compact rows (compact-rows.ts), not an object each.
import type { CellValue, NeutralSheet, NeutralWorkbook, ReadCells, SheetState } from './model';
import { CompactRows } from './compact-rows';
import { cellAddress, columnOf, isPercentFormat, newSheet, parseRange } from './model';
import type { Parts } from './package-parts';
import { mainDocumentPart, relType, relationshipsOf } from './package-parts';
import type { XmlAttrs } from './xml-stream';
import { STOP, attrByLocal, streamXml } from './xml-stream';
import { isOutsideGrid, storedNumber } from './stored-cells';

/** The package holds something this reader does not understand; ExcelJS gets the file instead. */
export class FastReaderUnsupported extends Error {}

/**
 * The package points at what is not there — a sheet with no relationship or no part, a
 * shared-string index with no string (the table missing or too short). No reader can recover the
 * clerk's figures from it (LibreOffice shows such a sheet empty, or its text blank), so the file is
 * refused as damaged rather than handed to ExcelJS or read as a table without its words.
 */
export class PackageDamaged extends Error {}

/** Excel's built-in number formats that matter for reading (percent and plain numbers). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'm/d/yy',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  49: '@',
};

const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** OOXML escapes control characters in text as _xHHHH_. */
function unescapeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(OOXML_ESCAPE, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : text;
}

/**
 * Whether `address` is exactly cellAddress(row, its column): upper-case letters, then `row`'s
 * digits without a leading zero — as nearly every writer writes it, so it need not be kept.
 */
function isCanonicalAddress(address: string, row: number): boolean {
  let i = 0;
  while (i < address.length && address.charCodeAt(i) >= 65 && address.charCodeAt(i) <= 90) i++;
  if (i === 0 || i === address.length || address.charCodeAt(i) === 48) return false;
  let n = 0;
  for (; i < address.length; i++) {
    const c = address.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    n = n * 10 + (c - 48);
  }
  return n === row;
}

/** The address a cell's r attribute gives, when not already plain: lower case upper-cased, "$B$12" rebuilt. */
function writtenAddress(address: string, row: number, col: number): string {
  return !address.includes('$') ? address.toUpperCase() : cellAddress(row, col);
}

const NO_TEXT = (): void => {};

/** The shared-string table: each <si>'s <t> runs, without phonetic (rPh) guides. */
function sharedStrings(xml: Buffer | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  let inSi = false;
  let inT = false;
  let inRPh = false;
  let cur = '';
  streamXml(xml, {
    open(local) {
      if (local === 'si') {
        inSi = true;
        cur = '';
      } else if (local === 't') inT = inSi && !inRPh;
      else if (local === 'rPh') inRPh = true;
    },
    close(local) {
      if (local === 'si') {
        out.push(unescapeOoxml(cur));
        inSi = false;
      } else if (local === 't') inT = false;
      else if (local === 'rPh') inRPh = false;
    },
    text(t) {
      if (inT) cur += t;
    },
  });
  return out;
}

/**
 * Stylesheet elements that the schema (CT_Stylesheet's sequence) puts after <numFmts> and
 * <cellXfs>, the only parts read: meeting one ends the pass, so a template's differential formats
 * (one per conditional format: most of a large return's styles.xml) are not parsed for nothing.
 */
const AFTER_CELL_XFS = new Set(['cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst']);

/** Style index → number format code (the <xf>s of <cellXfs>, with <numFmts>' custom codes). */
function styleFormats(xml: Buffer | undefined): (string | null)[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let where: 'numFmts' | 'cellXfs' | null = null;
  let depth = 0;
  streamXml(xml, {
    open(local, a) {
      if (depth === 1 && AFTER_CELL_XFS.has(local)) return STOP;
      depth++;
      if (local === 'numFmts' || local === 'cellXfs') where = local;
      else if (where === 'numFmts' && local === 'numFmt' && a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
      // Only <cellXfs>' own <xf>s (depth 3: styleSheet > cellXfs > xf), not <cellStyleXfs>' or <dxf>'s.
      else if (where === 'cellXfs' && local === 'xf' && depth === 3) ids.push(Number(a.numFmtId ?? 0));
    },
    close(local) {
      depth--;
      if (local === 'numFmts' || local === 'cellXfs') where = null;
    },
    text: NO_TEXT,
  });
  return ids.map((id) => custom.get(id) ?? BUILTIN_FORMATS[id] ?? null);
}

interface SheetRef {
  name: string;
  state: SheetState;
  part: string;
}

function sheetRefs(workbookXml: Buffer, rels: Map<string, string>): SheetRef[] {
  const out: SheetRef[] = [];
  streamXml(workbookXml, {
    open(local, a) {
      if (local !== 'sheet') return;
      const rid = attrByLocal(a, 'id');
      const part = rid === undefined ? undefined : rels.get(rid);
      if (a.name === undefined) throw new FastReaderUnsupported('sheet without a name');
      if (part === undefined) throw new PackageDamaged(`sheet without a relationship: ${a.name}`);
      const state = a.state;
      out.push({ name: a.name, state: state === 'hidden' || state === 'veryHidden' ? state : 'visible', part });
    },
    close: NO_TEXT,
    text: NO_TEXT,
  });
  return out;
}

const HIDDEN = /^\s*(1|true)\s*$/;

/**
 * Whether a width or height attribute is 0: a column dragged to width 0 (or a row to height 0) is
 * what Excel shows as hidden, with or without the hidden flag (docs/ARCHITECTURE.md §Package faults,
 * the grid's last row, sizes 0 (issue 10)).
 */
function isZero(size: string | undefined): boolean {
  return size !== undefined && size.trim() !== '' && Number(size) === 0;
}

/** Where a sheet's cells go: its compact rows (compact-rows.ts), a few plain values per cell. */
interface Target {
  sheet: NeutralSheet;
  rows: CompactRows;
  strings: string[];
  /** Keep formulas whose cached result shows nothing (ReadCells 'whole'). */
  blankFormulas: boolean;
}

/** A cell's pieces as the stream gave them: attributes r, s, t, then the text of <v>, <f>, <is>. */
function finishCell(
  to: Target,
  row: number,
  col: number,
  parsedCol: number,
  addr: string | undefined,
  s: string | undefined,
  t: string,
  v: string | null,
  f: string | null,
  is: string | null,
): void {
  // No spreadsheet can hold a cell past XFD or row 1,048,576 (Excel drops it when it repairs the
  // file, as it offers to): it is not read, but noted, for the importer's warning (interpret.ts).
  if (isOutsideGrid(row, col)) {
    to.sheet.outsideGrid.push(addr ?? cellAddress(row, col));
    return;
  }
  let value: CellValue = null;
  let isError = false;
  let storedText: string | null = null;
  if (t === 'inlineStr') value = is === null ? null : unescapeOoxml(is);
  else if (v !== null) {
    if (t === 's') {
      const text = to.strings[Number(v)];
      if (text === undefined) throw new PackageDamaged(`shared string ${v} missing at ${addr}`);
      value = text;
    }
    // A formula whose cached result is "" shows nothing: no value, as ExcelJS reads it.
    else if (t === 'str' || t === 'd') value = v === '' ? null : unescapeOoxml(v);
    else if (t === 'b') value = v.trim() === '1' || v.trim() === 'true';
    else if (t === 'e') {
      value = v;
      isError = true;
    } else {
      // Number() reads "" and blanks as 0, so only a 0 needs the look at whether anything was there.
      // Text that is no xsd:double ("1,6", "0x6", "INF") is kept as NaN with the text, for the
      // importer's refusal: Number() would read "0x6" as 6, ExcelJS "1,6" as 1 (stored-cells.ts).
      const n = Number(v);
      if (n !== 0 || v.trim() !== '') {
        value = storedNumber(v, n);
        if (Number.isNaN(value)) storedText = v;
      }
    }
    // An empty <v></v> (openpyxl writes one for every formula it never calculated): no cached value.
  }
  // No <v> at all, or an empty one that is not a cached "" text result: never calculated.
  const uncalculated = f !== null && (v === null || (v === '' && t !== 'str' && t !== 's'));
  // A calculated formula showing nothing (a template's 完成率 before the actual is typed: a fifth
  // of a large return's cells) tells the importer nothing; only a copy of the sheet needs it.
  if (value === null && (f === null || (!uncalculated && !to.blankFormulas))) return;
  const formula = f === null ? null : unescapeOoxml(f);
  const style = s === undefined ? 0 : Number(s);
  // Nearly every writer's r="B12" is exactly the address the row and column give: not kept.
  const written = addr === undefined || parsedCol <= 0 || isCanonicalAddress(addr, row) ? null : writtenAddress(addr, row, col);
  to.rows.add(row, col, written, style, value, isError, formula, uncalculated, storedText);
  if (row > to.sheet.maxRow) to.sheet.maxRow = row;
  if (col > to.sheet.maxCol) to.sheet.maxCol = col;
}

/**
 * Worksheet elements that the schema (CT_Worksheet's sequence) puts after <mergeCells>, the last
 * thing read: meeting one ends the pass, so the data validations and conditional formats of a
 * large template (a sixth of its sheet XML) are not parsed for nothing.
 */
const AFTER_MERGES = new Set([
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
]);

const V = 1;
const F = 2;
const IS = 3;

function readSheet(ref: SheetRef, xml: Buffer, strings: string[], formats: (string | null)[], cells: ReadCells): NeutralSheet {
  // isPercentFormat of each style's format, worked out once per style rather than per cell.
  const rows = new CompactRows(formats, formats.map(isPercentFormat));
  const sheet: NeutralSheet = { ...newSheet(ref.name, ref.state), rows };
  const to: Target = { sheet, rows, strings, blankFormulas: cells === 'whole' };
  let inData = false;
  let rowNumber = 0;
  let col = 0;
  let parsedCol = 0;
  // The open <c>'s attributes and children (null = child absent).
  let inCell = false;
  let addr: string | undefined;
  let s: string | undefined;
  let t = 'n';
  let v: string | null = null;
  let f: string | null = null;
  let is: string | null = null;
  // Which child's text is being gathered: <v>, <f>, or a <t> of an inline string (not in <rPh>).
  let into = 0;
  let inIs = false;
  let inRPh = false;
  streamXml(xml, {
    open(local: string, a: XmlAttrs) {
      if (inData) {
        if (local === 'c') {
          addr = a.r;
          parsedCol = addr === undefined ? 0 : columnOf(addr);
          col = parsedCol > 0 ? parsedCol : col + 1;
          s = a.s;
          t = a.t ?? 'n';
          v = f = is = null;
          inCell = true;
        } else if (inCell) {
          if (local === 'v') {
            v = '';
            into = V;
          } else if (local === 'f') {
            f = '';
            into = F;
          } else if (local === 'is') {
            is = '';
            inIs = true;
          } else if (local === 't' && inIs && !inRPh) into = IS;
          else if (local === 'rPh') inRPh = true;
        } else if (local === 'row') {
          const r = a.r;
          rowNumber = r === undefined ? rowNumber + 1 : Number(r);
          if (!Number.isInteger(rowNumber) || rowNumber < 1) throw new FastReaderUnsupported(`bad row number ${r}`);
          if ((a.hidden !== undefined && HIDDEN.test(a.hidden)) || isZero(a.ht)) sheet.hiddenRows.add(rowNumber);
          col = 0;
        }
      } else if (local === 'sheetData') inData = true;
      else if (AFTER_MERGES.has(local)) return STOP;
      else if (local === 'col') {
        if ((a.hidden === undefined || !HIDDEN.test(a.hidden)) && !isZero(a.width)) return;
        const min = Number(a.min);
        const max = Math.min(Number(a.max), 16384);
        for (let c = min; c <= max; c++) sheet.hiddenCols.add(c);
      } else if (local === 'mergeCell') {
        const range = parseRange(a.ref ?? '');
        if (range) sheet.merges.push(range);
      }
    },
    close(local: string) {
      if (!inData) return;
      if (local === 'c') {
        if (v !== null || f !== null || is !== null) finishCell(to, rowNumber, col, parsedCol, addr, s, t, v, f, is);
        inCell = false;
        into = 0;
      } else if (into !== 0 && (local === 'v' || local === 'f' || local === 't')) into = 0;
      else if (local === 'is') inIs = false;
      else if (local === 'rPh') inRPh = false;
      else if (local === 'sheetData') inData = false;
    },
    text(text: string) {
      if (into === V) v += text;
      else if (into === F) f += text;
      else if (into === IS) is += text;
    },
  });
  return sheet;
}

/**
 * `parts`: the unpacked XML parts by partKey() (zip-guard.ts). The workbook is found through
 * `_rels/.rels`, its sheets, shared strings and styles through the workbook's relationships.
 * `cells`: see ReadCells (model.ts). `later`: sheet parts still being inflated (GuardedZip.later),
 * read after everything already unpacked; `sheets` keep the workbook's order either way. Throws
 * FastReaderUnsupported, PackageDamaged, XmlRefused, or what a part in `later` rejects with.
 */
export async function readXlsxFast(parts: Parts, cells: ReadCells = 'whole', later: ReadonlyMap<string, Promise<Buffer>> = new Map()): Promise<NeutralWorkbook> {
  const workbookPart = mainDocumentPart(parts, parts.keys());
  const workbookXml = workbookPart === null ? undefined : parts.get(workbookPart);
  if (workbookPart === null || !workbookXml) throw new FastReaderUnsupported('no workbook part');
  const rels = relationshipsOf(parts, workbookPart);
  const byId = new Map<string, string>();
  for (const r of rels) if (r.target !== null) byId.set(r.id, r.target);
  const refs = sheetRefs(workbookXml, byId);
  // By relationship; a writer that left the relationship out still gets its conventionally named part.
  const dir = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
  // A part still inflating is waited for: sheets are what usually is, but a writer may store anything under worksheets/.
  const part = async (name: string) => parts.get(name) ?? (await later.get(name));
  const partOfType = (kind: string, usual: string) => part(rels.find((r) => relType(r.type, kind) && r.target !== null)?.target ?? `${dir}${usual}`);
  const strings = sharedStrings(await partOfType('sharedStrings', 'sharedstrings.xml'));
  const formats = styleFormats(await partOfType('styles', 'styles.xml'));
  const sheets: NeutralSheet[] = [];
  const unpackedFirst = refs.map((ref, i) => ({ ref, i })).sort((a, b) => Number(later.has(a.ref.part)) - Number(later.has(b.ref.part)));
  for (const { ref, i } of unpackedFirst) {
    const xml = await part(ref.part);
    if (xml === undefined) throw new PackageDamaged(`missing part ${ref.part}`);
    sheets[i] = readSheet(ref, xml, strings, formats, cells);
  }
  return { format: 'xlsx', sheets };
}
