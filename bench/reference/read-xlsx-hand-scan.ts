// BENCH REFERENCE ONLY (not used by the app): the hand-scanning .xlsx reader as it was before the
// importer moved to saxes (git 699b7e5^:electron/workbook/import/read-xlsx-fast.ts), kept so
// `npm run bench` can time today's reader against it in one process. It misreads legal XML
// (single-quoted attributes, UTF-16 parts); never import it from electron/.
// .xlsx → neutral model straight from the unpacked parts the zip guard already produced: a small
// scanner over SpreadsheetML for exactly what the importer needs (cell values and cached formula
// results, number formats, merges, hidden rows/columns, sheet state). It is an order of magnitude
// faster than a general workbook model on large returns; anything it does not understand throws,
// and read-workbook.ts then falls back to the ExcelJS reader (read-xlsx.ts).
import type { CellValue, NeutralSheet, NeutralWorkbook, SheetState } from '../../electron/workbook/import/model';
import { cellAddress, isPercentFormat, newSheet, parseRange, putCell } from '../../electron/workbook/import/model';

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

/** The value of attribute `name` (optionally namespace-prefixed) in an attribute string. */
function attr(attrs: string, name: string): string | null {
  const key = `${name}="`;
  for (let i = attrs.indexOf(key); i >= 0; i = attrs.indexOf(key, i + 1)) {
    const before = i === 0 ? 32 : attrs.charCodeAt(i - 1);
    if (before !== 32 && before !== 58 && before !== 9 && before !== 10 && before !== 13) continue; // " " or ":"
    const from = i + key.length;
    const to = attrs.indexOf('"', from);
    return to < 0 ? null : decodeXml(attrs.slice(from, to));
  }
  return null;
}

interface Element {
  attrs: string;
  /** Null for a self-closing element. */
  inner: string | null;
}

function isNameEnd(code: number): boolean {
  return code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13; // space > / tab LF CR
}

/**
 * Each unprefixed <tag …>inner</tag> or <tag …/> in xml[from, to), in order. Linear in the input:
 * every search moves forward, and a missing end tag throws (ExcelJS then reads the file) rather
 * than rescanning — hostile XML cannot make this quadratic.
 */
function elements(xml: string, tag: string, from = 0, to = xml.length): Element[] {
  const out: Element[] = [];
  const open = `<${tag}`;
  const close = `</${tag}>`;
  let pos = from;
  for (;;) {
    const start = xml.indexOf(open, pos);
    if (start < 0 || start >= to) return out;
    if (!isNameEnd(xml.charCodeAt(start + open.length))) {
      pos = start + open.length;
      continue;
    }
    const tagEnd = xml.indexOf('>', start);
    if (tagEnd < 0 || tagEnd >= to) throw new FastReaderUnsupported(`unterminated <${tag}>`);
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      out.push({ attrs: xml.slice(start + open.length, tagEnd - 1), inner: null });
      pos = tagEnd + 1;
      continue;
    }
    const end = xml.indexOf(close, tagEnd);
    if (end < 0 || end >= to) throw new FastReaderUnsupported(`no </${tag}>`);
    out.push({ attrs: xml.slice(start + open.length, tagEnd), inner: xml.slice(tagEnd + 1, end) });
    pos = end + close.length;
  }
}

/** Parts written with a namespace prefix on every element (<x:row>) go to ExcelJS. */
function requireUnprefixed(xml: string, tag: string): void {
  if (!xml.includes(`<${tag}`) && new RegExp(`<\\w+:${tag}[\\s>/]`).test(xml)) throw new FastReaderUnsupported(`prefixed <${tag}>`);
}

/** Fast path for attributes read on every row and cell (unprefixed, as every writer emits them). */
function cellAttr(attrs: string, name: 'r' | 's' | 't' | 'hidden'): string | null {
  const key = ` ${name}="`;
  const at = attrs.indexOf(key);
  if (at < 0) return null;
  const end = attrs.indexOf('"', at + key.length);
  return attrs.slice(at + key.length, end);
}

/** Text of an <si> or <is>: its <t> runs, without phonetic (rPh) guides. */
function richText(xml: string): string {
  let out = '';
  let body = xml;
  if (body.includes('<rPh')) {
    let kept = '';
    let pos = 0;
    for (;;) {
      const at = body.indexOf('<rPh', pos);
      if (at < 0) break;
      const end = body.indexOf('</rPh>', at);
      if (end < 0) throw new FastReaderUnsupported('no </rPh>');
      kept += body.slice(pos, at);
      pos = end + 6;
    }
    body = kept + body.slice(pos);
  }
  for (const t of elements(body, 't')) out += t.inner ?? '';
  return decodeXml(out);
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  requireUnprefixed(xml, 'si');
  return elements(xml, 'si').map((si) => (si.inner === null ? '' : richText(si.inner)));
}

/** Style index → number format code. */
function styleFormats(xml: string | undefined): (string | null)[] {
  if (!xml) return [];
  requireUnprefixed(xml, 'cellXfs');
  const custom = new Map<number, string>();
  for (const f of elements(xml, 'numFmt')) {
    const id = attr(f.attrs, 'numFmtId');
    const code = attr(f.attrs, 'formatCode');
    if (id !== null && code !== null) custom.set(Number(id), code);
  }
  const xfs = elements(xml, 'cellXfs')[0]?.inner;
  if (!xfs) return [];
  // <xf> may hold <alignment/> or <protection/> children; only its own attributes matter here.
  return elements(xfs, 'xf').map((xf) => {
    const id = Number(attr(xf.attrs, 'numFmtId') ?? 0);
    return custom.get(id) ?? BUILTIN_FORMATS[id] ?? null;
  });
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
  const xml = relsXml ?? '';
  requireUnprefixed(xml, 'Relationship');
  for (const rel of elements(xml, 'Relationship')) {
    const id = attr(rel.attrs, 'Id');
    const target = attr(rel.attrs, 'Target');
    const type = attr(rel.attrs, 'Type') ?? '';
    if (id !== null && target !== null) rels.set(id, { type, path: target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}` });
  }
  return rels;
}

function sheetRefs(workbookXml: string, rels: Map<string, Rel>): SheetRef[] {
  const out: SheetRef[] = [];
  requireUnprefixed(workbookXml, 'sheet');
  for (const { attrs } of elements(workbookXml, 'sheet')) {
    const name = attr(attrs, 'name');
    const rid = /\s\w+:id="([^"]*)"/.exec(attrs)?.[1];
    const path = rid === undefined ? undefined : rels.get(rid)?.path;
    if (name === null || path === undefined) throw new FastReaderUnsupported(`sheet without a part: ${name}`);
    const state = attr(attrs, 'state');
    out.push({ name, state: state === 'hidden' || state === 'veryHidden' ? state : 'visible', path });
  }
  return out;
}

const HIDDEN = /^(1|true)$/;

/** Inner text of the first unprefixed <tag>…</tag> in a cell's XML; undefined when absent. */
function child(inner: string, tag: string): { attrs: string; text: string } | undefined {
  const open = `<${tag}`;
  for (let at = inner.indexOf(open); at >= 0; at = inner.indexOf(open, at + 1)) {
    if (!isNameEnd(inner.charCodeAt(at + open.length))) continue;
    const tagEnd = inner.indexOf('>', at);
    if (tagEnd < 0) throw new FastReaderUnsupported(`unterminated <${tag}>`);
    if (inner.charCodeAt(tagEnd - 1) === 47) return { attrs: inner.slice(at + open.length, tagEnd - 1), text: '' };
    const end = inner.indexOf(`</${tag}>`, tagEnd);
    if (end < 0) throw new FastReaderUnsupported(`no </${tag}>`);
    return { attrs: inner.slice(at + open.length, tagEnd), text: inner.slice(tagEnd + 1, end) };
  }
  return undefined;
}

function readSheet(ref: SheetRef, xml: string, strings: string[], formats: (string | null)[]): NeutralSheet {
  const sheet = newSheet(ref.name, ref.state);
  requireUnprefixed(xml, 'sheetData');
  const dataStart = xml.indexOf('<sheetData');
  const dataEnd = xml.lastIndexOf('</sheetData>');
  const head = dataStart < 0 ? xml : xml.slice(0, dataStart);
  for (const col of elements(head, 'col')) {
    if (!HIDDEN.test(attr(col.attrs, 'hidden') ?? '')) continue;
    const min = Number(attr(col.attrs, 'min'));
    const max = Math.min(Number(attr(col.attrs, 'max')), 16384);
    for (let c = min; c <= max; c++) sheet.hiddenCols.add(c);
  }

  if (dataStart >= 0 && dataEnd > dataStart) {
    let rowNumber = 0;
    // Rows and cells are scanned inline (not through elements()) because they are most of the file.
    let pos = dataStart;
    for (;;) {
      const rowStart = xml.indexOf('<row', pos);
      if (rowStart < 0 || rowStart >= dataEnd) break;
      if (!isNameEnd(xml.charCodeAt(rowStart + 4))) {
        pos = rowStart + 4;
        continue;
      }
      const rowTagEnd = xml.indexOf('>', rowStart);
      if (rowTagEnd < 0 || rowTagEnd > dataEnd) throw new FastReaderUnsupported('unterminated <row>');
      const selfClosing = xml.charCodeAt(rowTagEnd - 1) === 47;
      const rowAttrs = xml.slice(rowStart + 4, selfClosing ? rowTagEnd - 1 : rowTagEnd);
      const r = cellAttr(rowAttrs, 'r');
      rowNumber = r === null ? rowNumber + 1 : Number(r);
      if (!Number.isInteger(rowNumber) || rowNumber < 1) throw new FastReaderUnsupported(`bad row number ${r}`);
      if (HIDDEN.test(cellAttr(rowAttrs, 'hidden') ?? '')) sheet.hiddenRows.add(rowNumber);
      if (selfClosing) {
        pos = rowTagEnd + 1;
        continue;
      }
      const rowEnd = xml.indexOf('</row>', rowTagEnd);
      if (rowEnd < 0 || rowEnd > dataEnd) throw new FastReaderUnsupported('no </row>');
      pos = rowEnd + 6;
      let col = 0;
      let p = rowTagEnd + 1;
      for (;;) {
        const cStart = xml.indexOf('<c', p);
        if (cStart < 0 || cStart >= rowEnd) break;
        if (!isNameEnd(xml.charCodeAt(cStart + 2))) {
          p = cStart + 2;
          continue;
        }
        const cTagEnd = xml.indexOf('>', cStart);
        if (cTagEnd < 0 || cTagEnd > rowEnd) throw new FastReaderUnsupported('unterminated <c>');
        const cSelf = xml.charCodeAt(cTagEnd - 1) === 47;
        const a = xml.slice(cStart + 2, cSelf ? cTagEnd - 1 : cTagEnd);
        const addr = cellAttr(a, 'r');
        const parsedCol = addr === null ? 0 : columnOf(addr);
        col = parsedCol > 0 ? parsedCol : col + 1;
        if (cSelf) {
          p = cTagEnd + 1;
          continue;
        }
        const cEnd = xml.indexOf('</c>', cTagEnd);
        if (cEnd < 0 || cEnd > rowEnd) throw new FastReaderUnsupported('no </c>');
        p = cEnd + 4;
        const inner = xml.slice(cTagEnd + 1, cEnd);
        if (inner === '') continue;
        const t = cellAttr(a, 't') ?? 'n';
        const f = child(inner, 'f');
        const v = child(inner, 'v')?.text;
        let value: CellValue = null;
        let isError = false;
        if (t === 'inlineStr') {
          const is = child(inner, 'is');
          value = is ? richText(is.text) : null;
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
        const formula = f ? decodeXml(f.text) : null;
        if (value === null && formula === null) continue;
        const s = cellAttr(a, 's');
        const numFmt = s === null ? (formats[0] ?? null) : (formats[Number(s)] ?? null);
        const address = addr !== null && parsedCol > 0 && !addr.includes('$') ? addr.toUpperCase() : cellAddress(rowNumber, col);
        putCell(sheet, { row: rowNumber, col, address, value, formula, isError, numFmt, percent: isPercentFormat(numFmt) });
      }
    }
  }

  const tail = dataEnd < 0 ? '' : xml.slice(dataEnd);
  for (const m of elements(tail, 'mergeCell')) {
    const range = parseRange(attr(m.attrs, 'ref') ?? '');
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
