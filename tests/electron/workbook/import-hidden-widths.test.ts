// A column dragged to width 0 (or a row to height 0) is what Excel shows as hidden, with or without
// the hidden flag. Every reader must say so: the fast .xlsx reader, the ExcelJS fallback, SheetJS
// for BIFF .xls (xlwt's colinfo width 0) and for Excel 2003 XML (ss:Width="0", ss:Height="0"); and
// (rows: the fast reader and SpreadsheetML only — ExcelJS and SheetJS's BIFF reader drop a height of 0);
// a draft 2025年实际值 column hidden that way is passed over for the visible one, as a flagged one is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { readAndInterpret } from '../../../electron/workbook/import/interpret';
import { IMPORT_LIMITS } from '../../../electron/workbook/import/limits';
import type { NeutralWorkbook } from '../../../electron/workbook/import/model';
import { readWorkbook } from '../../../electron/workbook/import/read-workbook';
import { readXlsx } from '../../../electron/workbook/import/read-xlsx';
import { readXlsxFast } from '../../../electron/workbook/import/read-xlsx-fast';
import { guardZip } from '../../../electron/workbook/import/zip-guard';
import { CASES_DIR, CASE_HEADER, CASE_READING, caseByOpenpyxl, caseReading, caseRows } from '../../helpers/case-return';
import type { PyCell } from '../../helpers/python';
import { runPython } from '../../helpers/python';
import { makeTempDir } from '../../helpers/tmp';
import { editSheet } from '../../helpers/zip';

const LIBREOFFICE = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'returns', 'b-single-row-header-text-numbers.xlsx'));
const P25 = readFileSync(join(CASES_DIR, 'p25-hidden-superseded-column.xlsx'));

/** The case with a draft 2025年实际值 column (I) of other figures after the note column. */
function withDraftColumn(): PyCell[][] {
  return caseRows().map((r, i) => (i < 2 ? r : i === 2 ? [...CASE_HEADER, '2025年实际值'] : [...r, 1]));
}

const openpyxl = caseByOpenpyxl(withDraftColumn);

async function bothXlsxReaders(bytes: Buffer): Promise<NeutralWorkbook[]> {
  const { parts } = guardZip(bytes, { file: 'x.xlsx', limits: { ...IMPORT_LIMITS } });
  return [await readXlsxFast(parts), await readXlsx(bytes)];
}

const hidden = (book: NeutralWorkbook) => ({ cols: [...(book.sheets[0]?.hiddenCols ?? [])].sort((a, b) => a - b), rows: [...(book.sheets[0]?.hiddenRows ?? [])].sort((a, b) => a - b) });

describe('width 0 and height 0 are hidden in every reader', () => {
  it('xlsx: LibreOffice’s sheet XML with a column at width 0 and a row at height 0 (fast reader and ExcelJS)', async () => {
    const bytes = editSheet(LIBREOFFICE, (xml) => {
      // As LibreOffice writes a column: hidden="false" spelled out, the width last.
      const cols = xml.replace('<sheetData>', '<cols><col collapsed="false" customWidth="true" hidden="false" outlineLevel="0" max="3" min="3" style="0" width="0"/></cols><sheetData>');
      expect(cols).not.toBe(xml);
      const rows = cols.replace(/<row r="5"([^>]*?) ht="15"([^>]*?)customHeight="false"/, '<row r="5"$1 ht="0"$2customHeight="true"');
      expect(rows).not.toBe(cols);
      return rows;
    });
    const [fast, exceljs] = await bothXlsxReaders(bytes);
    expect(hidden(fast as NeutralWorkbook)).toEqual({ cols: [3], rows: [5] });
    // ExcelJS drops a row height of 0 while loading (its row model keeps only a truthy height): the
    // fallback reader sees the column, not the row.
    expect(hidden(exceljs as NeutralWorkbook).cols).toEqual([3]);
    for (const book of await bothXlsxReaders(LIBREOFFICE)) expect(hidden(book)).toEqual({ cols: [], rows: [] });
  });

  it('xlsx: openpyxl’s sheet with <col width="0" customWidth="1"> added, in single quotes, and <row ht="0" customHeight="1">', async () => {
    const bytes = editSheet(openpyxl(), (xml) =>
      xml.replace('<sheetData>', "<cols><col min='9' max='9' width='0' customWidth='1'/></cols><sheetData>").replace('<row r="6">', '<row r="6" ht="0" customHeight="1">'),
    );
    const [fast, exceljs] = await bothXlsxReaders(bytes);
    expect(hidden(fast as NeutralWorkbook)).toEqual({ cols: [9], rows: [6] });
    expect(hidden(exceljs as NeutralWorkbook).cols).toEqual([9]);
  });

  it('xls: xlwt’s colinfo width 0 (no hidden flag)', async () => {
    const tmp = makeTempDir();
    const out = join(tmp.dir, 'w.xls');
    let bytes: Buffer;
    try {
      runPython(
        'import json, sys, xlwt\nwb = xlwt.Workbook(encoding="utf-8")\nws = wb.add_sheet("2025年度")\nfor r, row in enumerate(json.loads(sys.argv[1])):\n  for c, v in enumerate(row):\n    if v is not None: ws.write(r, c, v)\nws.col(8).width = 0\nwb.save(sys.argv[2])',
        [JSON.stringify(withDraftColumn()), out],
      );
      bytes = readFileSync(out);
    } finally {
      tmp.cleanup();
    }
    expect(hidden(await readWorkbook(bytes, 'w.xls'))).toEqual({ cols: [9], rows: [] });
    const book = await readAndInterpret(bytes, 'w.xls', SEED_PLAN);
    expect(caseReading(book)).toEqual(CASE_READING);
  });

  it('Excel 2003 XML: ss:Width="0" and ss:Height="0"', async () => {
    const xml = `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="a"><Table><Column ss:Width="60"/><Column ss:Width="0"/><Column ss:Width="60"/><Row><Cell><Data ss:Type="Number">1</Data></Cell></Row><Row ss:Height="0"><Cell><Data ss:Type="Number">2</Data></Cell></Row><Row ss:Height="15"><Cell><Data ss:Type="Number">3</Data></Cell></Row></Table></Worksheet></Workbook>`;
    expect(hidden(await readWorkbook(Buffer.from(xml, 'utf8'), 's.xls'))).toEqual({ cols: [2], rows: [2] });
  });
});

describe('a draft column hidden by width 0 gives way to the visible one', () => {
  it('the handed p25 with its draft column at width 0 instead of hidden (a clerk dragged it shut)', async () => {
    const bytes = editSheet(P25, (xml) => {
      const out = xml.replace(/<col min="6" max="6" width="12" hidden="1" customWidth="1"\/>/, '<col min="6" max="6" width="0" customWidth="1"/>');
      expect(out).not.toBe(xml);
      return out;
    });
    const book = await readAndInterpret(bytes, 'p25.xlsx', SEED_PLAN);
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(book.issues.map((i) => (i.message as { key: string }).key)).toContain('import.superseded-column');
  });

  it('openpyxl’s return with its draft column I at width 0', async () => {
    const bytes = editSheet(openpyxl(), (xml) => xml.replace('<sheetData>', '<cols><col min="9" max="9" width="0" customWidth="1"/></cols><sheetData>'));
    expect(caseReading(await readAndInterpret(bytes, 'o.xlsx', SEED_PLAN))).toEqual(CASE_READING);
  });
});
