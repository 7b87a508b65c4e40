// The kinds of fault behind the handed cases, in other shapes: the same return written by openpyxl
// (whose formulas carry an empty cached value, <v></v>) and by Excel (the p16 case), then stored
// the ways other writers store legal XML and OPC packages. Every shape must give the cases'
// expected reading, and on the fast reader (never by falling back to ExcelJS).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { interpretWorkbook, readAndInterpret } from '../../../electron/workbook/import/interpret';
import { IMPORT_LIMITS } from '../../../electron/workbook/import/limits';
import { readXlsxFast } from '../../../electron/workbook/import/read-xlsx-fast';
import { guardZip } from '../../../electron/workbook/import/zip-guard';
import { CASES_DIR, CASE_READING, caseReading, caseRows } from '../../helpers/case-return';
import { writeWithPython } from '../../helpers/python';
import { makeTempDir } from '../../helpers/tmp';
import { editXmlParts, readZip, writeZip } from '../../helpers/zip';

let tmp: ReturnType<typeof makeTempDir>;
const bases: Record<string, Buffer> = {};

beforeAll(() => {
  tmp = makeTempDir();
  // openpyxl, with a 完成率 formula column it never calculates (<f>F4/E4</f><v></v>).
  const rows = caseRows();
  (rows[2] as unknown[]).push('2025年完成率');
  for (let r = 4; r <= rows.length; r++) (rows[r - 1] as unknown[])[8] = `=F${r}/E${r}`;
  bases.openpyxl = readFileSync(writeWithPython(join(tmp.dir, 'openpyxl.xlsx'), rows, { sheet: '2025年度' }));
  bases.excel = readFileSync(join(CASES_DIR, 'p16-single-quoted-attributes.xlsx'));
});
afterAll(() => tmp.cleanup());

async function expectCaseReading(bytes: Buffer): Promise<void> {
  const book = await readAndInterpret(bytes, 'shape.xlsx', SEED_PLAN);
  expect(caseReading(book)).toEqual(CASE_READING);
  expect(book.issues.filter((i) => i.severity === 'error')).toEqual([]);
  // The fast reader itself reads it (a throw here would have meant a fall back to ExcelJS).
  const fast = await readXlsxFast(guardZip(bytes, { file: 'shape.xlsx', limits: { ...IMPORT_LIMITS } }).parts);
  expect(caseReading(interpretWorkbook(fast, SEED_PLAN))).toEqual(CASE_READING);
}

const utf16 = (xml: string, bigEndian: boolean): Buffer => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace(/encoding=["']UTF-8["']/i, 'encoding="UTF-16"'), 'utf16le')]);
  return bigEndian ? Buffer.from(le).swap16() : le;
};

/** `a="1" b="2"` → reversed order, each on its own line, tabs and spaces around "=". */
function shuffleAttributes(tag: string): string {
  const m = /^<([\w:.-]+)(\s[^>]*?)?(\/?)>$/.exec(tag);
  if (!m || !m[2]) return tag;
  const attrs = [...m[2].matchAll(/([\w:.-]+)\s*=\s*(["'])(.*?)\2/g)].map((a) => `${a[1]}\t= ${a[2]}${a[3]}${a[2]}`).reverse();
  return `<${m[1]}\n\t${attrs.join('\n\t')}\n${m[3]}>`;
}

/** XML text content → the characters it stands for (openpyxl writes non-ASCII as &#NNNN;). */
const unescapeText = (t: string) =>
  t
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');

const XML_SHAPES: Record<string, (name: string, xml: string) => string | Buffer> = {
  'every attribute in single quotes': (_, x) => x.replace(/(\s[\w:.-]+)="([^"']*)"/g, "$1='$2'"),
  'every part UTF-16 LE with a BOM': (_, x) => utf16(x, false),
  'every part UTF-16 BE with a BOM': (_, x) => utf16(x, true),
  'every part UTF-8 with a BOM': (_, x) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(x, 'utf8')]),
  'a namespace prefix on every element (<x:c>)': (name, x) =>
    name.endsWith('.rels') || name.includes('Content_Types') ? x : x.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s>/])/g, '<$1x:$2').replace(/\sxmlns=(["'])/, ' xmlns:x=$1'),
  'CDATA text, character and entity references': (_, x) =>
    x
      .replace(/<t(\s[^>]*)?>([^<]*)<\/t>/g, (_m, a: string | undefined, t: string) => `<t${a ?? ''}><![CDATA[${unescapeText(t)}]]></t>`)
      .replace(/<v>(\d)/g, (_m, d: string) => `<v>&#x${d.charCodeAt(0).toString(16)};`)
      .replace(/name=(["'])2025/g, 'name=$1&#50;025'),
  'attributes reversed, newlines and tabs between attributes and elements': (_, x) =>
    x.replace(/<[A-Za-z][^>]*>/g, (tag) => (tag.startsWith('<t') && !tag.endsWith('/>') ? tag : shuffleAttributes(tag))).replace(/(<\/(?!t>)[\w:.-]+>)(?=<)/g, '$1\n  '),
};

/** Move the workbook and its parts to unconventional names, reached only through relationships. */
function movedParts(buf: Buffer): Buffer {
  const moves: Record<string, string> = {
    'xl/workbook.xml': 'book/main.xml',
    'xl/_rels/workbook.xml.rels': 'book/_rels/main.xml.rels',
    'xl/worksheets/sheet1.xml': 'book/data/one.xml',
    'xl/sharedStrings.xml': 'strings.xml',
    'xl/styles.xml': 'book/s.xml',
  };
  return writeZip(
    readZip(buf).map((f) => {
      let text = f.data.toString('utf8');
      if (f.name === '_rels/.rels') text = text.replace(/Target=(["'])\/?xl\/workbook\.xml\1/, 'Target="/book/main.xml"');
      if (f.name === 'xl/_rels/workbook.xml.rels')
        text = text
          .replace(/Target=(["'])(\/xl\/)?worksheets\/sheet1\.xml\1/, 'Target="./data/one.xml"')
          .replace(/Target=(["'])(\/xl\/)?sharedStrings\.xml\1/, 'Target="../strings.xml"')
          .replace(/Target=(["'])(\/xl\/)?styles\.xml\1/, 'Target="/book/s.xml"');
      if (f.name === '[Content_Types].xml') for (const [from, to] of Object.entries(moves)) text = text.replace(`/${from}"`, `/${to}"`);
      return { name: moves[f.name] ?? f.name, data: /\.(xml|rels)$/.test(f.name) ? Buffer.from(text, 'utf8') : f.data };
    }),
  );
}

const PACKAGE_SHAPES: Record<string, (buf: Buffer) => Buffer> = {
  'zip entry names with backslashes': (b) => writeZip(readZip(b).map((f) => ({ ...f, name: f.name.replaceAll('/', '\\') }))),
  'zip entry names in other case than the relationships say': (b) => writeZip(readZip(b).map((f) => ({ ...f, name: f.name.toUpperCase() }))),
  'backslashes and case together, entries in reverse order': (b) => writeZip(readZip(b).map((f) => ({ ...f, name: f.name.replaceAll('/', '\\').replace(/^xl/, 'XL') })).reverse()),
  'workbook and sheets at unconventional names, found through _rels/.rels and the workbook rels': movedParts,
};

describe.each(['openpyxl', 'excel'])('written by %s', (base) => {
  it('reads as the cases expect as written', async () => {
    await expectCaseReading(bases[base] as Buffer);
  });
  it.each(Object.keys(XML_SHAPES))('XML as XML: %s', async (shape) => {
    await expectCaseReading(editXmlParts(bases[base] as Buffer, XML_SHAPES[shape] as (n: string, x: string) => string | Buffer));
  });
  it.each(Object.keys(PACKAGE_SHAPES))('package as package: %s', async (shape) => {
    await expectCaseReading((PACKAGE_SHAPES[shape] as (b: Buffer) => Buffer)(bases[base] as Buffer));
  });
});

it('openpyxl formulas without a cached value keep their formula and no value, on the fast reader', async () => {
  const bytes = bases.openpyxl as Buffer;
  expect(readZip(bytes).find((f) => f.name === 'xl/worksheets/sheet1.xml')?.data.toString('utf8')).toContain('<f>F4/E4</f><v></v>');
  const sheet = (await readXlsxFast(guardZip(bytes, { file: 'o.xlsx', limits: { ...IMPORT_LIMITS } }).parts)).sheets[0];
  expect(sheet?.rows.get(4)?.get(9)).toMatchObject({ address: 'I4', value: null, formula: 'F4/E4' });
});
