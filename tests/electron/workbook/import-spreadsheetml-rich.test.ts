// A SpreadsheetML (Excel 2003 XML) cell in rich text holds its runs as HTML inside <Data>:
// `<Data xmlns="http://www.w3.org/TR/REC-html40"><B>两户</B><Font …>外出务工</Font>，待返乡后实施改造</Data>`.
// The cell's text is every run in order — not one run, which is all SheetJS keeps as the value.
// Shapes: xlwt's rich text (BIFF8, read directly and as LibreOffice saves it to Excel 2003 XML),
// and Excel 2003's own (runs and loose text, an ss: prefix, entities, nested tags).
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { readAndInterpret } from '../../../electron/workbook/import/interpret';
import { readWorkbook } from '../../../electron/workbook/import/read-workbook';
import { CASE_HEADER, CASE_READING, caseReading, caseRows } from '../../helpers/case-return';
import { convertWithLibreOffice } from '../../helpers/libreoffice';
import { runPython } from '../../helpers/python';
import { makeTempDir } from '../../helpers/tmp';

const NOTE = '两户外出务工，待返乡后实施改造';
const ACTUAL = CASE_HEADER.indexOf('2025年实际值');

let tmp: ReturnType<typeof makeTempDir>;
let xlwtBytes: Buffer;
let libreOffice = '';

/** xlwt: the case with every text cell of two or more characters written as rich text in runs of two characters, bold and red alternating. */
const XLWT_RICH = `import json, sys, xlwt
wb = xlwt.Workbook(encoding="utf-8")
ws = wb.add_sheet("2025年度")
bold = xlwt.Font(); bold.bold = True
red = xlwt.Font(); red.colour_index = 2
for r, row in enumerate(json.loads(sys.argv[1])):
    for c, v in enumerate(row):
        if v is None: continue
        if isinstance(v, str) and len(v) > 1:
            ws.write_rich_text(r, c, [(v[i:i + 2], bold if i % 4 == 0 else red) for i in range(0, len(v), 2)])
        else:
            ws.write(r, c, v)
wb.save(sys.argv[2])`;

beforeAll(async () => {
  tmp = makeTempDir();
  const xls = join(tmp.dir, 'rich.xls');
  runPython(XLWT_RICH, [JSON.stringify(caseRows()), xls]);
  xlwtBytes = readFileSync(xls);
  const xml = await convertWithLibreOffice(xls, 'xml:MS Excel 2003 XML', mkdtempSync(join(tmp.dir, 'lo-')));
  // LibreOffice pads the sheet with empty rows down to the grid's end; the trailing run goes.
  libreOffice = readFileSync(xml, 'utf8').replace(/(?:<Row[^>]*>(?:<Cell ss:Index="\d+"\/>)?<\/Row>)+(?=<\/Table>)/g, '');
}, 180_000);
afterAll(() => tmp.cleanup());

/** Excel 2003's SpreadsheetML of the case rows, `rich(text)` deciding how a text cell's <Data> is written. */
function excel2003(rich: (text: string, row: number, col: number) => string | null): string {
  const cell = (v: unknown, r: number, c: number) => {
    if (v === null || v === undefined) return `<Cell ss:Index="${c + 1}"/>`;
    if (typeof v === 'number') return `<Cell ss:Index="${c + 1}"><Data ss:Type="Number">${v}</Data></Cell>`;
    return `<Cell ss:Index="${c + 1}">${rich(String(v), r, c) ?? `<Data ss:Type="String">${String(v)}</Data>`}</Cell>`;
  };
  const rows = caseRows()
    .map((row, r) => `<Row>${row.map((v, c) => cell(v, r, c)).join('')}</Row>`)
    .join('');
  return `<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40"><Worksheet ss:Name="2025年度"><Table>${rows}</Table></Worksheet></Workbook>`;
}

const HTML = 'xmlns="http://www.w3.org/TR/REC-html40"';

describe('rich text in Excel 2003 XML reads whole', () => {
  it('xlwt’s rich text read from the .xls itself (BIFF8)', async () => {
    const book = await readAndInterpret(xlwtBytes, 'rich.xls', SEED_PLAN);
    expect(caseReading(book)).toEqual(CASE_READING);
  });

  it('the same saved by LibreOffice as Excel 2003 XML: <B><Font>…</Font></B><Font>…</Font> runs', async () => {
    expect(libreOffice).toMatch(/<ss:Data[^>]*REC-html40[^>]*><B><Font[^>]*>两户<\/Font><\/B><Font[^>]*>外出<\/Font>/);
    const book = await readAndInterpret(Buffer.from(libreOffice, 'utf8'), 'rich.xls', SEED_PLAN);
    expect(caseReading(book)).toEqual(CASE_READING);
  });

  it('Excel 2003’s shape: runs and loose text, the header cells too, with and without an ss: prefix', async () => {
    for (const prefix of ['', 'ss:']) {
      const xml = excel2003((text, r) => {
        if (text === NOTE) return `<${prefix}Data ss:Type="String" ${HTML}><B>两户</B><Font html:Color="#FF0000">外出务工</Font>，待返乡后实施改造</${prefix}Data>`;
        if (r === 2 && text.length > 3) return `<${prefix}Data ss:Type="String" ${HTML}><Font html:Face="宋体">${text.slice(0, 2)}</Font><B><I>${text.slice(2, 4)}</I></B>${text.slice(4)}</${prefix}Data>`;
        return null;
      });
      const book = await readAndInterpret(Buffer.from(xml, 'utf8'), 'excel2003.xls', SEED_PLAN);
      expect(caseReading(book)).toEqual(CASE_READING);
    }
  });

  it('entities, character references and a line break inside runs are decoded once', async () => {
    const xml = excel2003((text, r, c) => (r === 3 && c === ACTUAL + 2 ? null : text === NOTE ? `<Data ss:Type="String" ${HTML}><B>两户&amp;</B><U>&lt;外出&gt;</U>&#10;<Font>务工&#x3002;</Font></Data>` : null));
    const read = await readWorkbook(Buffer.from(xml, 'utf8'), 'e.xls');
    const texts = [...(read.sheets[0]?.rows.values() ?? [])].flatMap((r) => [...r.values()].map((c) => c.value));
    expect(texts).toContain('两户&<外出>\n务工。');
  });
});
