// Excel's grid ends at row 1,048,576, and Ctrl+↓ in an empty column lands there: a clerk who typed
// something there, or a writer that styled that row, must not get the return refused as "a sheet
// of a million rows". The row guard counts the rows that hold cells (an empty styled row costs
// nothing), takes no claim from the grid's last row, and names a sheet by its tab name, never by
// its part ("sheet1"). The hostile-input guards themselves are in bad-files.test.ts and
// large-sheet-later.test.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { UnreadableWorkbookError } from '../../../electron/workbook/import/import-messages';
import { readAndInterpret } from '../../../electron/workbook/import/interpret';
import type { ImportLimits } from '../../../electron/workbook/import/limits';
import { IMPORT_LIMITS } from '../../../electron/workbook/import/limits';
import { readWorkbook } from '../../../electron/workbook/import/read-workbook';
import { CASE_READING, caseReading, caseRows } from '../../helpers/case-return';
import { runPython, writeWithPython } from '../../helpers/python';
import { makeTempDir } from '../../helpers/tmp';
import type { ZipFile } from '../../helpers/zip';
import { readZip, writeZip } from '../../helpers/zip';

const LAST = 1_048_576;
const LIBREOFFICE = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'returns', 'b-single-row-header-text-numbers.xlsx'));
const SHEET = 'xl/worksheets/sheet1.xml';

let tmp: ReturnType<typeof makeTempDir>;
let base: string;

beforeAll(() => {
  tmp = makeTempDir();
  base = writeWithPython(join(tmp.dir, 'o.xlsx'), caseRows(), { sheet: '2025年度' });
}, 60_000);
afterAll(() => tmp.cleanup());

/** The openpyxl-written case with `code` run on its sheet `ws` before saving again. */
function openpyxlWith(code: string): Buffer {
  const out = join(tmp.dir, `o-${Math.random().toString(36).slice(2)}.xlsx`);
  runPython(`import openpyxl, sys\nwb = openpyxl.load_workbook(sys.argv[1])\nws = wb.active\n${code}\nwb.save(sys.argv[2])`, [base, out]);
  return readFileSync(out);
}

function editSheet(bytes: Buffer, edit: (xml: string) => string, order: (files: ZipFile[]) => ZipFile[] = (f) => f): Buffer {
  const files = readZip(bytes).map((f) => (f.name === SHEET ? { ...f, data: Buffer.from(edit(f.data.toString('utf8')), 'utf8') } : f));
  return writeZip(order(files));
}

async function refusal(bytes: Buffer | string, name: string, limits: ImportLimits = IMPORT_LIMITS): Promise<UnreadableWorkbookError> {
  const err = await readWorkbook(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, name, limits).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UnreadableWorkbookError);
  return err as UnreadableWorkbookError;
}

/** An Excel 2003 XML spreadsheet of the case rows in a sheet "2025年度", plus `extraRows`. */
function spreadsheetMl(extraRows = ''): string {
  const cell = (v: unknown) => (v === null || v === undefined ? '<Cell/>' : `<Cell><Data ss:Type="${typeof v === 'number' ? 'Number' : 'String'}">${String(v)}</Data></Cell>`);
  const rows = caseRows()
    .map((r) => `<Row>${r.map(cell).join('')}</Row>`)
    .join('');
  return `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="2025年度"><Table>${rows}${extraRows}</Table></Worksheet></Workbook>`;
}

describe('the grid’s last row', () => {
  it('a stray entry at the last cell (openpyxl): the return reads, the entry with it', async () => {
    const bytes = openpyxlWith(`ws.cell(row=${LAST}, column=16384).value = 1`);
    const book = await readAndInterpret(bytes, 'o.xlsx', SEED_PLAN);
    expect(caseReading(book)).toEqual(CASE_READING);
    const read = await readWorkbook(bytes, 'o.xlsx');
    expect(read.sheets[0]?.rows.get(LAST)?.get(16384)?.value).toBe(1);
  });

  it('an empty styled row there (openpyxl: a row height), and a <dimension> to the grid’s end (LibreOffice’s XML edited)', async () => {
    const styled = openpyxlWith(`ws.row_dimensions[${LAST}].height = 30`);
    expect(readZip(styled).find((f) => f.name === SHEET)?.data.toString('utf8')).toContain(`r="${LAST}"`);
    expect(caseReading(await readAndInterpret(styled, 'o.xlsx', SEED_PLAN))).toEqual(CASE_READING);

    const lo = editSheet(LIBREOFFICE, (xml) =>
      xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>').replace('</sheetData>', `<row r="${LAST}" s="1" customFormat="true" ht="12.8" customHeight="true"/></sheetData>`),
    );
    const whole = await readAndInterpret(LIBREOFFICE, 'b.xlsx', SEED_PLAN);
    const withRow = await readAndInterpret(lo, 'b.xlsx', SEED_PLAN);
    expect(withRow.rows).toEqual(whole.rows);
  });

  it('a stray text at the last row of a LibreOffice sheet, in single quotes', async () => {
    const lo = editSheet(LIBREOFFICE, (xml) => xml.replace('</sheetData>', `<row r='${LAST}'><c r='XFD${LAST}' t='inlineStr'><is><t>误输入</t></is></c></row></sheetData>`));
    const whole = await readAndInterpret(LIBREOFFICE, 'b.xlsx', SEED_PLAN);
    expect((await readAndInterpret(lo, 'b.xlsx', SEED_PLAN)).rows).toEqual(whole.rows);
  });

  it('Excel 2003 XML with an entry at the last row reads (its rows are counted, not numbered)', async () => {
    const xml = spreadsheetMl(`<Row ss:Index="${LAST}"><Cell><Data ss:Type="String">误输入</Data></Cell></Row>`);
    const book = await readAndInterpret(Buffer.from(xml, 'utf8'), 's.xls', SEED_PLAN);
    expect(caseReading(book)).toEqual(CASE_READING);
  });
});

describe('the row guard still holds, and names the tab', () => {
  it('a sheet claiming too many rows is named by its tab, even with the workbook part stored after it', async () => {
    const claim = (xml: string) => xml.replace('</sheetData>', '<row r="300000"><c r="A300000"><v>1</v></c></row></sheetData>');
    for (const order of [(f: ZipFile[]) => f, (f: ZipFile[]) => [...f.filter((x) => x.name === SHEET), ...f.filter((x) => x.name !== SHEET)]]) {
      const e = await refusal(editSheet(readFileSync(base), claim, order), 'o.xlsx');
      expect(e.appMessage.key).toBe('import.too-many-rows');
      expect(e.appMessage.params).toMatchObject({ sheet: '2025年度', rows: 300000 });
      expect(e.appMessage.zh).not.toContain('sheet1');
    }
  });

  it('rows past the limit before the last row are still refused (the last row does not hide them)', async () => {
    const e = await refusal(editSheet(readFileSync(base), (xml) => xml.replace('</sheetData>', `<row r="250000"><c r="A250000"><v>1</v></c></row><row r="${LAST}"><c r="A${LAST}"><v>1</v></c></row></sheetData>`)), 'o.xlsx');
    expect(e.appMessage.params).toMatchObject({ sheet: '2025年度', rows: 250000 });
  });

  it('after reading, the rows holding cells are what is counted, named by tab (xlsx and Excel 2003 XML)', async () => {
    const stray = openpyxlWith(`ws.cell(row=${LAST}, column=1).value = 'x'`);
    const rowsWithCells = caseRows().length + 1;
    await expect(readWorkbook(stray, 'o.xlsx', { ...IMPORT_LIMITS, maxRows: rowsWithCells })).resolves.toBeTruthy();
    const e = await refusal(stray, 'o.xlsx', { ...IMPORT_LIMITS, maxRows: rowsWithCells - 1 });
    expect(e.appMessage.params).toMatchObject({ sheet: '2025年度', rows: rowsWithCells });

    const xml = spreadsheetMl(`<Row ss:Index="${LAST}"><Cell><Data ss:Type="String">x</Data></Cell></Row>`);
    writeFileSync(join(tmp.dir, 's.xls'), xml);
    await expect(readWorkbook(Buffer.from(xml), 's.xls', { ...IMPORT_LIMITS, maxRows: rowsWithCells })).resolves.toBeTruthy();
    const s = await refusal(xml, 's.xls', { ...IMPORT_LIMITS, maxRows: rowsWithCells - 1 });
    expect(s.appMessage.params).toMatchObject({ sheet: '2025年度', rows: rowsWithCells });
  });
});
