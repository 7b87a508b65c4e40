// .xlsx → neutral model straight from the unpacked parts the zip guard already produced: a small
// scanner over SpreadsheetML for exactly what the importer needs (cell values and cached formula
// results, number formats, merges, hidden rows/columns, sheet state). It is an order of magnitude
// faster than a general workbook model on large returns; anything it does not understand throws,
// and read-workbook.ts then falls back to the ExcelJS reader (read-xlsx.ts).
import type { CellValue, NeutralSheet, NeutralWorkbook, SheetState } from './model';
import { cellAddress, isPercentFormat, newSheet, parseRange, putCell } from './model';

export class FastReaderUnsupported extends Error {}

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

const NUMERIC_ENTITY = /&#(x[0-9a-fA-F]+|\d+);/g;

function decodeXml(text: string): string {
  let out = text;
  // Chained native replaces: formulas full of &quot; and &lt; are decoded on every cell.
  if (out.includes('&')) {
    out = out.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&apos;', "'");
    if (out.includes('&#')) out = out.replace(NUMERIC_ENTITY, (_, e: string) => String.fromCodePoint(e.startsWith('x') ? parseInt(e.slice(1), 16) : Number(e)));
    out = out.replaceAll('&amp;', '&');
  }
  // OOXML escapes control characters as _xHHHH_.
  if (out.includes('_x')) out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return out;
}

/** Column number of an A1 address ("AB12" → 28); 0 when it does not start with letters. */
function columnOf(address: string): number {
  let col = 0;
  for (let i = 0; i < address.length; i++) {
    const c = address.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36) break; // "$"
  }
  return col;
}

/** The value of attribute `name` in an attribute string (`name` may carry a namespace prefix). */
function attr(attrs: string, name: string): string | null {
  const re = new RegExp(`(?:^|\\s)(?:\\w+:)?${name}="([^"]*)"`);
  const m = re.exec(attrs);
  return m ? decodeXml(m[1] as string) : null;
}

/** Fast path for attributes read on every row and cell (unprefixed, as every writer emits them). */
function cellAttr(attrs: string, name: 'r' | 's' | 't' | 'hidden'): string | null {
  const key = ` ${name}="`;
  const at = attrs.indexOf(key);
  if (at < 0) return null;
  const end = attrs.indexOf('"', at + key.length);
  return attrs.slice(at + key.length, end);
}

const T_RUN = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>|<(?:\w+:)?t\s*\/>/g;
const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;

/** Text of an <si> or <is>: its <t> runs, without phonetic (rPh) guides. */
function richText(xml: string): string {
  const body = xml.includes('rPh') ? xml.replace(PHONETIC, '') : xml;
  let out = '';
  T_RUN.lastIndex = 0;
  for (let m = T_RUN.exec(body); m; m = T_RUN.exec(body)) out += m[1] ?? '';
  return decodeXml(out);
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const SI = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
  for (let m = SI.exec(xml); m; m = SI.exec(xml)) out.push(m[1] === undefined ? '' : richText(m[1]));
  return out;
}

/** Style index → number format code. */
function styleFormats(xml: string | undefined): (string | null)[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const NUMFMT = /<(?:\w+:)?numFmt\b([^>]*?)\/?>/g;
  for (let m = NUMFMT.exec(xml); m; m = NUMFMT.exec(xml)) {
    const id = attr(m[1] as string, 'numFmtId');
    const code = attr(m[1] as string, 'formatCode');
    if (id !== null && code !== null) custom.set(Number(id), code);
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml);
  if (!xfs) return [];
  const out: (string | null)[] = [];
  const XF = /<(?:\w+:)?xf\b([^>]*?)(?:\/>|>)/g;
  const body = xfs[1] as string;
  for (let m = XF.exec(body); m; m = XF.exec(body)) {
    const id = Number(attr(m[1] as string, 'numFmtId') ?? 0);
    out.push(custom.get(id) ?? BUILTIN_FORMATS[id] ?? null);
  }
  return out;
}

interface SheetRef {
  name: string;
  state: SheetState;
  path: string;
}

interface Rel {
  type: string;
  path: string;
}

/** The workbook's relationships by id, targets resolved to part names. */
function workbookRels(relsXml: string | undefined): Map<string, Rel> {
  const rels = new Map<string, Rel>();
  const REL = /<(?:\w+:)?Relationship\b([^>]*?)\/?>/g;
  const xml = relsXml ?? '';
  for (let m = REL.exec(xml); m; m = REL.exec(xml)) {
    const id = attr(m[1] as string, 'Id');
    const target = attr(m[1] as string, 'Target');
    const type = attr(m[1] as string, 'Type') ?? '';
    if (id !== null && target !== null) rels.set(id, { type, path: target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}` });
  }
  return rels;
}

function sheetRefs(workbookXml: string, rels: Map<string, Rel>): SheetRef[] {
  const out: SheetRef[] = [];
  const SHEET = /<(?:\w+:)?sheet\b([^>]*?)\/?>/g;
  for (let m = SHEET.exec(workbookXml); m; m = SHEET.exec(workbookXml)) {
    const attrs = m[1] as string;
    const name = attr(attrs, 'name');
    const rid = /\s\w+:id="([^"]*)"/.exec(attrs)?.[1];
    const path = rid === undefined ? undefined : rels.get(rid)?.path;
    if (name === null || path === undefined) throw new FastReaderUnsupported(`sheet without a part: ${name}`);
    const state = attr(attrs, 'state');
    out.push({ name, state: state === 'hidden' || state === 'veryHidden' ? state : 'visible', path });
  }
  return out;
}

const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const FORMULA = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
const INLINE = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;
const COL = /<(?:\w+:)?col\b([^>]*?)\/?>/g;
const MERGE = /<(?:\w+:)?mergeCell\b([^>]*?)\/?>/g;
const HIDDEN = /^(1|true)$/;

function readSheet(ref: SheetRef, xml: string, strings: string[], formats: (string | null)[]): NeutralSheet {
  const sheet = newSheet(ref.name, ref.state);
  let dataStart = xml.indexOf('<sheetData');
  if (dataStart < 0) dataStart = xml.search(/<\w+:sheetData\b/);
  let dataEnd = xml.lastIndexOf('</sheetData>');
  if (dataEnd < 0) dataEnd = xml.search(/<\/\w+:sheetData>/);
  const head = dataStart < 0 ? xml : xml.slice(0, dataStart);
  for (let m = COL.exec(head); m; m = COL.exec(head)) {
    const a = m[1] as string;
    if (!HIDDEN.test(attr(a, 'hidden') ?? '')) continue;
    const min = Number(attr(a, 'min'));
    const max = Math.min(Number(attr(a, 'max')), 16384);
    for (let c = min; c <= max; c++) sheet.hiddenCols.add(c);
  }
  COL.lastIndex = 0;

  if (dataStart >= 0 && dataEnd > dataStart) {
    const data = xml.slice(dataStart, dataEnd);
    let rowNumber = 0;
    ROW.lastIndex = 0;
    for (let rm = ROW.exec(data); rm; rm = ROW.exec(data)) {
      const rowAttrs = rm[1] as string;
      const r = cellAttr(rowAttrs, 'r');
      rowNumber = r === null ? rowNumber + 1 : Number(r);
      if (HIDDEN.test(cellAttr(rowAttrs, 'hidden') ?? '')) sheet.hiddenRows.add(rowNumber);
      const body = rm[2];
      if (!body) continue;
      let col = 0;
      CELL.lastIndex = 0;
      for (let cm = CELL.exec(body); cm; cm = CELL.exec(body)) {
        const a = cm[1] as string;
        const addr = cellAttr(a, 'r');
        const parsedCol = addr === null ? 0 : columnOf(addr);
        col = parsedCol > 0 ? parsedCol : col + 1;
        const inner = cm[2];
        if (!inner) continue;
        const t = cellAttr(a, 't') ?? 'n';
        const f = FORMULA.exec(inner);
        const v = VALUE.exec(inner)?.[1];
        let value: CellValue = null;
        let isError = false;
        if (t === 'inlineStr') {
          const is = INLINE.exec(inner);
          value = is ? richText(is[1] as string) : null;
        } else if (v !== undefined) {
          if (t === 's') value = strings[Number(v)] ?? '';
          // A formula whose cached result is "" shows nothing: no value, as ExcelJS reads it.
          else if (t === 'str' || t === 'd') value = v === '' ? null : decodeXml(v);
          else if (t === 'b') value = v.trim() === '1' || v.trim() === 'true';
          else if (t === 'e') {
            value = decodeXml(v);
            isError = true;
          } else {
            const n = Number(v);
            if (v.trim() === '' || Number.isNaN(n)) throw new FastReaderUnsupported(`bad number ${v} at ${addr}`);
            value = n;
          }
        }
        const formula = f ? decodeXml(f[1] ?? '') : null;
        if (value === null && formula === null) continue;
        const s = cellAttr(a, 's');
        const numFmt = s === null ? (formats[0] ?? null) : (formats[Number(s)] ?? null);
        const address = addr !== null && parsedCol > 0 && !addr.includes('$') ? addr.toUpperCase() : cellAddress(rowNumber, col);
        putCell(sheet, { row: rowNumber, col, address, value, formula, isError, numFmt, percent: isPercentFormat(numFmt) });
      }
    }
  }

  const tail = dataEnd < 0 ? '' : xml.slice(dataEnd);
  MERGE.lastIndex = 0;
  for (let m = MERGE.exec(tail); m; m = MERGE.exec(tail)) {
    const range = parseRange(attr(m[1] as string, 'ref') ?? '');
    if (range) sheet.merges.push(range);
  }
  return sheet;
}

/** `parts`: the unpacked zip entries by name (at least the workbook, its rels and its sheets). */
export function readXlsxFast(parts: Map<string, Buffer>): NeutralWorkbook {
  const text = (name: string) => parts.get(name)?.toString('utf8');
  const workbookXml = text('xl/workbook.xml');
  if (!workbookXml) throw new FastReaderUnsupported('no xl/workbook.xml');
  const rels = workbookRels(text('xl/_rels/workbook.xml.rels'));
  const refs = sheetRefs(workbookXml, rels);
  const partOfType = (suffix: string, fallback: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.path ?? fallback;
  const strings = sharedStrings(text(partOfType('/sharedStrings', 'xl/sharedStrings.xml')));
  const formats = styleFormats(text(partOfType('/styles', 'xl/styles.xml')));
  const sheets = refs.map((ref) => {
    const xml = text(ref.path);
    if (xml === undefined) throw new FastReaderUnsupported(`missing part ${ref.path}`);
    return readSheet(ref, xml, strings, formats);
  });
  return { format: 'xlsx', sheets };
}
