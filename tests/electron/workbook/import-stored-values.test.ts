// Stored values the readers once misread or dropped without a word (issue 10): a number cell whose
// <v> is no xsd:double ("1,6" read as 1, "0x6" as 6), a cell placed past column XFD or row
// 1,048,576, and an Excel 2003 XML formula with no <Data> (never calculated). Each on real files —
// openpyxl's and LibreOffice's XML edited inside the zip, SpreadsheetML written by hand — through
// the fast .xlsx reader, the ExcelJS fallback, and SheetJS.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportIssue } from '../../../shared/api/contract';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import type { InterpretedWorkbook } from '../../../electron/workbook/import/interpret';
import { readAndInterpret } from '../../../electron/workbook/import/interpret';
import { UnreadableWorkbookError } from '../../../electron/workbook/import/import-messages';
import { IMPORT_LIMITS } from '../../../electron/workbook/import/limits';
import { FastReaderUnsupported, readXlsxFast } from '../../../electron/workbook/import/read-xlsx-fast';
import { readXlsx } from '../../../electron/workbook/import/read-xlsx';
import { readWorkbook } from '../../../electron/workbook/import/read-workbook';
import { a1Formula } from '../../../electron/workbook/import/read-xls';
import { guardZip } from '../../../electron/workbook/import/zip-guard';
import { CASE_EXPECTED, CASE_READING, caseByOpenpyxl, caseReading, caseRows } from '../../helpers/case-return';
import { FIRST_SHEET, editSheet, readZip } from '../../helpers/zip';

const LIBREOFFICE = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'returns', 'a-title-two-row-header.xlsx'));
/** Indicator 2's 2025 actual is F5 in the case rows (title, 填报单位, header, then indicator 1). */
const CODE = '2';
const EXPECTED = CASE_EXPECTED.actual[CODE] as number;

const openpyxl = caseByOpenpyxl();

/** openpyxl's F5 (`<c r="F5" t="n"><v>…</v></c>`) with `cell` in its place. */
const withF5 = (cell: string) => editSheet(openpyxl(), (xml) => xml.replace(/<c r="F5"[^>]*>.*?<\/c>/, cell));

/** An empty row numbered 0 at the end: the fast reader gives up on it, so the ExcelJS fallback reads the file. */
const toFallback = (bytes: Buffer) => editSheet(bytes, (xml) => xml.replace('</sheetData>', '<row r="0"/></sheetData>'));

const actualOf = (book: InterpretedWorkbook, code = CODE) => book.rows.find((r) => r.code === code)?.values['2025']?.actual ?? null;
const at = (book: InterpretedWorkbook, cell: string) => book.issues.filter((i) => i.cell === cell);
const shape = (i: ImportIssue) => ({ severity: i.severity, cell: i.cell, key: i.message.key, params: i.message.params });

describe('a number cell’s stored text must be an xsd:double', () => {
  // Each is read by Number() or ExcelJS's parseFloat as some figure (or as NaN, shown as "NaN").
  const REFUSED = ['1,6', '0x6', '0b1', '0o7', 'Infinity', 'INF', '-INF', 'NaN', '1e400', '6\u00a0', '1_6', '6 6'];
  const escaped = (t: string) => t.replace(/\u00a0/g, '&#160;');

  it('is confirmed to take the fallback path by the row numbered 0', async () => {
    const parts = guardZip(toFallback(openpyxl()), { file: 'o.xlsx', limits: IMPORT_LIMITS }).parts;
    await expect(readXlsxFast(parts)).rejects.toBeInstanceOf(FastReaderUnsupported);
  });

  for (const path of ['fast reader', 'ExcelJS fallback'] as const) {
    const route = path === 'fast reader' ? (b: Buffer) => b : toFallback;

    it(`${path}: anything else is refused at its cell, showing the stored text; the other figures read`, async () => {
      for (const text of REFUSED) {
        const book = await readAndInterpret(route(withF5(`<c r="F5" t="n"><v>${escaped(text)}</v></c>`)), 'o.xlsx', SEED_PLAN);
        expect(actualOf(book), text).toBeNull();
        expect(at(book, 'F5').map(shape), text).toEqual([{ severity: 'error', cell: 'F5', key: 'import.stored-not-a-number', params: { text } }]);
        expect(at(book, 'F5')[0]?.message.zh).toContain(`（${text}）`);
        expect(actualOf(book, '3')).toBe(CASE_EXPECTED.actual['3']);
      }
    });

    it(`${path}: a formula’s cached result is held to the same form`, async () => {
      const book = await readAndInterpret(route(withF5('<c r="F5"><f>2*3</f><v>0x6</v></c>')), 'o.xlsx', SEED_PLAN);
      expect(actualOf(book)).toBeNull();
      expect(at(book, 'F5').map(shape)).toEqual([{ severity: 'error', cell: 'F5', key: 'import.stored-not-a-number', params: { text: '0x6' } }]);
    });

    it(`${path}: every xsd:double form reads, XML whitespace around it too`, async () => {
      for (const text of [`${EXPECTED}`, ` ${EXPECTED} `, `\n${EXPECTED}\n`, `+${EXPECTED}`, `${EXPECTED}.`, `${EXPECTED}.000`, `${EXPECTED / 10}E1`, `${EXPECTED * 10}e-1`, `.${EXPECTED}E${String(EXPECTED).length}`]) {
        const book = await readAndInterpret(route(withF5(`<c r="F5" t="n"><v>${text}</v></c>`)), 'o.xlsx', SEED_PLAN);
        expect(actualOf(book), JSON.stringify(text)).toBe(EXPECTED);
        expect(book.issues.filter((i) => i.severity === 'error'), text).toEqual([]);
      }
    });
  }

  it('the ExcelJS reader on its own marks the cell as the fast one does (NaN, with the stored text)', async () => {
    const bytes = withF5('<c r="F5" t="n"><v>1,6</v></c>');
    const fast = readXlsxFast(guardZip(bytes, { file: 'o.xlsx', limits: IMPORT_LIMITS }).parts);
    for (const book of [await fast, await readXlsx(bytes)]) {
      const cell = book.sheets[0]?.rows.get(5)?.get(6);
      expect(cell?.value).toBeNaN();
      expect(cell?.storedText).toBe('1,6');
    }
  });

  it('a LibreOffice-written file with a figure edited to "1,6" is refused there too, in both readers', async () => {
    const sheet = readZip(LIBREOFFICE).find((f) => f.name === FIRST_SHEET)?.data.toString('utf8') ?? '';
    // The first cell LibreOffice stored as a number (no t attribute) in a data row.
    const m = /<c r="([E-G]\d+)" s="\d+" t="n"><v>([^<]+)<\/v><\/c>/.exec(sheet) ?? /<c r="([E-G]\d+)"[^>]*><v>([^<]+)<\/v><\/c>/.exec(sheet);
    expect(m).not.toBeNull();
    const [whole, ref] = m as unknown as [string, string, string];
    const edited = editSheet(LIBREOFFICE, (xml) => xml.replace(whole, whole.replace(/<v>[^<]+<\/v>/, '<v>1,6</v>')));
    for (const bytes of [edited, toFallback(edited)]) {
      const book = await readAndInterpret(bytes, 'a.xlsx', SEED_PLAN);
      expect(at(book, ref).map(shape)).toEqual([{ severity: 'error', cell: ref, key: 'import.stored-not-a-number', params: { text: '1,6' } }]);
    }
  });
});

describe('a cell past column XFD or row 1,048,576', () => {
  const openpyxlShapes: [string, Buffer][] = [];
  beforeAll(() => {
    openpyxlShapes.push(
      ['XFE5', withF5(`<c r="XFE5" t="n"><v>${EXPECTED}</v></c>`)],
      ['$XFE$5', withF5(`<c r="$XFE$5" t="n"><v>${EXPECTED}</v></c>`)],
      ['AAAA5', withF5(`<c r="AAAA5" t="n"><v>${EXPECTED}</v></c>`)],
      // No r: placed after XFD5 by its position.
      ['XFE5', editSheet(openpyxl(), (xml) => xml.replace('</row><row r="6">', `<c r="XFD5" t="n"><v>1</v></c><c t="n"><v>2</v></c></row><row r="6">`))],
    );
  });

  it('is not read, and said: a warning naming the cell; the figures that can be seen read (openpyxl())', async () => {
    for (const [ref, bytes] of openpyxlShapes) {
      const book = await readAndInterpret(bytes, 'o.xlsx', SEED_PLAN);
      const warned = book.issues.filter((i) => i.message.key === 'import.outside-grid');
      expect(warned.map(shape), ref).toEqual([{ severity: 'warning', cell: ref, key: 'import.outside-grid', params: { sheet: '2025年度', cells: ref } }]);
      expect(warned[0]?.sheet).toBe('2025年度');
      expect(warned[0]?.message.zh).toContain('XFD 列、第 1048576 行');
      expect(actualOf(book, '3')).toBe(CASE_EXPECTED.actual['3']);
    }
  });

  it('several are named together, a few of them (LibreOffice, single quotes)', async () => {
    const cells = ['XFE1', 'XFF1', 'XFG1', 'ZZZ1'].map((r) => `<c r='${r}' t='inlineStr'><is><t>误</t></is></c>`).join('');
    const bytes = editSheet(LIBREOFFICE, (xml) => xml.replace(/(<row r="1"[^>]*>)/, `$1${cells}`));
    const whole = await readAndInterpret(LIBREOFFICE, 'a.xlsx', SEED_PLAN);
    const book = await readAndInterpret(bytes, 'a.xlsx', SEED_PLAN);
    expect(book.rows).toEqual(whole.rows);
    const warned = book.issues.filter((i) => i.message.key === 'import.outside-grid');
    expect(warned.map(shape)).toEqual([{ severity: 'warning', cell: 'XFE1', key: 'import.outside-grid', params: { sheet: expect.any(String), cells: 'XFE1, XFF1, XFG1 … (4)' } }]);
  });

  it('the ExcelJS fallback, which cannot hold such a cell, refuses the file naming it (not "not a valid workbook")', async () => {
    const err = await readWorkbook(toFallback(openpyxlShapes[0]?.[1] as Buffer), 'o.xlsx').then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UnreadableWorkbookError);
    expect((err as UnreadableWorkbookError).appMessage).toMatchObject({ key: 'import.outside-grid-unreadable', params: { file: 'o.xlsx', sheet: '2025年度', cells: 'XFE5' } });
  });

  it.each([
    ['its <row r>', (xml: string) => xml.replace('</sheetData>', `<row r="1048577"><c r="A1048577" t="n"><v>1</v></c></row></sheetData>`)],
    ['its <dimension>', (xml: string) => xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:H2000000"/>')],
  ])('a row past the grid’s end (by %s) is refused as damaged before any reader, never read silently', async (_by, edit) => {
    const bytes = editSheet(openpyxl(), edit);
    const err = await readWorkbook(bytes, 'o.xlsx').then(
      () => null,
      (e: unknown) => e,
    );
    const message = (err as UnreadableWorkbookError).appMessage;
    expect([message.key, message.params.sheet]).toEqual(['import.row-past-grid', '2025年度']);
    expect(message.zh).toContain('已损坏');
  });

  it('Excel 2003 XML: ss:Index past the grid (a column, a row) is warned about too', async () => {
    const xml = spreadsheetMl((row, cells) => (row === 5 ? cells.replace('</Row>', `<Cell ss:Index="16385"><Data ss:Type="Number">7</Data></Cell></Row>`) : cells), '<Row ss:Index="1048577"><Cell><Data ss:Type="Number">8</Data></Cell></Row>');
    const book = await readAndInterpret(Buffer.from(xml, 'utf8'), 's.xls', SEED_PLAN);
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(book.issues.filter((i) => i.message.key === 'import.outside-grid').map(shape)).toEqual([
      { severity: 'warning', cell: 'XFE5', key: 'import.outside-grid', params: { sheet: '2025年度', cells: 'XFE5, A1048577' } },
    ]);
  });
});

/**
 * The case rows as Excel 2003 XML in a sheet "2025年度"; `row(n, xml)` may rewrite row n's
 * <Row>…</Row>, `extra` rows follow.
 */
function spreadsheetMl(row: (n: number, xml: string) => string = (_, x) => x, extra = ''): string {
  const cell = (v: unknown) => (v === null || v === undefined ? '<Cell/>' : `<Cell><Data ss:Type="${typeof v === 'number' ? 'Number' : 'String'}">${String(v)}</Data></Cell>`);
  const rows = caseRows()
    .map((r, i) => row(i + 1, `<Row>${r.map(cell).join('')}</Row>`))
    .join('');
  return `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="2025年度"><Table>${rows}${extra}</Table></Worksheet></Workbook>`;
}

describe('Excel 2003 XML: a formula with no <Data> (never calculated)', () => {
  /** Row 5 with its F cell (the 6th) replaced by `f`. */
  const withF = (f: string) => spreadsheetMl((n, xml) => (n === 5 ? xml.replace(/^(<Row>(?:<Cell(?:\/>|>.*?<\/Cell>)){5})<Cell>.*?<\/Cell>/, `$1${f}`) : xml));

  it('is refused at its cell as uncalculated, its formula shown as Excel shows it; the others read', async () => {
    const shapes = [
      '<Cell ss:Formula="=RC[-1]*2"/>',
      '<Cell ss:Formula="=R[0]C[-1]*2"></Cell>',
      '<Cell ss:Formula="=R5C5*2"><Comment><ss:Data>待核</ss:Data></Comment></Cell>',
      '<Cell ss:Index="6" ss:Formula="=RC5*2"/>',
    ];
    for (const f of shapes) {
      const book = await readAndInterpret(Buffer.from(withF(f), 'utf8'), 's.xls', SEED_PLAN);
      expect(actualOf(book), f).toBeNull();
      expect(at(book, 'F5').map(shape), f).toEqual([{ severity: 'error', cell: 'F5', key: 'import.formula-uncalculated', params: { formula: 'E5*2' } }]);
      expect(actualOf(book, '3')).toBe(CASE_EXPECTED.actual['3']);
    }
  });

  it('placed after a merged cell (ss:MergeAcross) and after a repeated row (ss:Span), at the right address', async () => {
    const merged = spreadsheetMl((n, xml) =>
      n === 5 ? xml.replace(/^<Row>((?:<Cell(?:\/>|>.*?<\/Cell>)){3})<Cell(?:\/>|>.*?<\/Cell>)<Cell(?:\/>|>.*?<\/Cell>)<Cell>.*?<\/Cell>/, '<Row>$1<Cell ss:MergeAcross="1"></Cell><Cell ss:Formula="=1+1"/>') : xml,
    );
    expect(merged).toContain('<Cell ss:MergeAcross="1"></Cell><Cell ss:Formula="=1+1"/>');
    expect((await readWorkbook(Buffer.from(merged, 'utf8'), 's.xls')).sheets[0]?.rows.get(5)?.get(6)).toMatchObject({ address: 'F5', formula: '1+1', uncalculated: true });
    const spanned = spreadsheetMl(undefined, '<Row ss:Span="2"/><Row><Cell ss:Index="3" ss:Formula="=1+1"/></Row>');
    const rows = caseRows().length;
    const book = await readWorkbook(Buffer.from(spanned, 'utf8'), 's.xls');
    expect(book.sheets[0]?.rows.get(rows + 4)?.get(3)).toMatchObject({ address: `C${rows + 4}`, value: null, formula: '1+1', uncalculated: true });
  });

  it('with its <Data> it reads the cached result, no issue', async () => {
    const book = await readAndInterpret(Buffer.from(withF(`<Cell ss:Formula="=RC[-1]*2"><Data ss:Type="Number">${EXPECTED}</Data></Cell>`), 'utf8'), 's.xls', SEED_PLAN);
    expect(actualOf(book)).toBe(EXPECTED);
    expect(book.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('R1C1 references become A1 ones; names and functions are left alone', () => {
    expect(a1Formula('=R[-1]C+RC[-2]*R3C2', 5, 6)).toBe('F4+D5*B3');
    expect(a1Formula('=SUM(R[-3]C:R[-1]C)', 5, 6)).toBe('SUM(F2:F4)');
    expect(a1Formula('=ROUND(RC[-1],0)+SRC', 5, 6)).toBe('ROUND(E5,0)+SRC');
    expect(a1Formula('=R[-9]C', 5, 6)).toBe('R[-9]C');
  });
});
