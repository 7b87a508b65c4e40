// Legacy and protected returns in other shapes than the handed cases: OLE2 stream names in any
// case (Workbook / WORKBOOK / Book / BOOK), an xlwt-written BIFF8, Excel 2003 XML (SpreadsheetML,
// as LibreOffice writes it) saved as .xls in UTF-8, UTF-16 and a declared GBK, encrypted .xlsx under
// the default password (read) and under a real one (refused, saying a password is needed).
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { CP$Module } from '@e965/xlsx/dist/cpexcel.full.mjs';
import * as cpexcel from '@e965/xlsx/dist/cpexcel.full.mjs';
import officeCrypto from 'officecrypto-tool';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { readAndInterpret } from '../../../electron/workbook/import/interpret';
import { CASES_DIR, CASE_READING, caseReading, caseRows } from '../../helpers/case-return';
import { convertWithLibreOffice } from '../../helpers/libreoffice';
import { writeWithPython } from '../../helpers/python';
import { makeTempDir } from '../../helpers/tmp';
import { refusal } from '../../helpers/refusal';

let tmp: ReturnType<typeof makeTempDir>;
let spreadsheetMl = '';
let openpyxlBytes: Buffer;
let xlwtBytes: Buffer;

beforeAll(async () => {
  tmp = makeTempDir();
  openpyxlBytes = readFileSync(writeWithPython(join(tmp.dir, 'o.xlsx'), caseRows(), { sheet: '2025年度' }));
  xlwtBytes = readFileSync(writeWithPython(join(tmp.dir, 'w.xls'), caseRows(), { sheet: '2025年度' }));
  const xml = await convertWithLibreOffice(join(tmp.dir, 'w.xls'), 'xml:MS Excel 2003 XML', mkdtempSync(join(tmp.dir, 'lo-')));
  // LibreOffice pads the sheet with empty rows down to row 1,048,576 (38 MB); the trailing run goes.
  spreadsheetMl = readFileSync(xml, 'utf8').replace(/(?:<Row[^>]*>(?:<Cell ss:Index="\d+"\/>)?<\/Row>)+(?=<\/Table>)/g, '');
}, 180_000);
afterAll(() => tmp.cleanup());

async function expectCaseReading(bytes: Buffer, name: string, format: 'xls' | 'xlsx'): Promise<void> {
  const book = await readAndInterpret(bytes, name, SEED_PLAN);
  expect(book.format).toBe(format);
  expect(caseReading(book)).toEqual(CASE_READING);
  expect(book.issues.filter((i) => i.severity === 'error')).toEqual([]);
}


/** The same compound file with its workbook stream renamed (`Book` → `BOOK` …). */
function renameStream(bytes: Buffer, rename: (name: string) => string): Buffer {
  const cfb = XLSX.CFB.read(bytes, { type: 'buffer' });
  const out = XLSX.CFB.utils.cfb_new();
  cfb.FullPaths.forEach((path: string, i: number) => {
    const entry = cfb.FileIndex[i];
    if (!entry || entry.type !== 2) return; // streams only
    const name = path.split('/').pop() as string;
    XLSX.CFB.utils.cfb_add(out, `/${rename(name)}`, entry.content);
  });
  return XLSX.CFB.write(out, { type: 'buffer', fileType: 'cfb' }) as Buffer;
}

describe('OLE2 stream names are compared case-insensitively', () => {
  it.each([
    ['p01 (Excel 95): Book → BOOK', 'p01-excel95-biff5-gbk.xls', (n: string) => (n === 'Book' ? 'BOOK' : n)],
    ['p01 (Excel 95): Book → book', 'p01-excel95-biff5-gbk.xls', (n: string) => (n === 'Book' ? 'book' : n)],
  ])('%s', async (_label, file, rename) => {
    const renamed = renameStream(readFileSync(join(CASES_DIR, file)), rename);
    expect(XLSX.CFB.read(renamed, { type: 'buffer' }).FullPaths.some((p: string) => p.endsWith(rename('Book')))).toBe(true);
    await expectCaseReading(renamed, file, 'xls');
  });

  it('an xlwt-written BIFF8 .xls, as written and with its Workbook stream renamed WORKBOOK', async () => {
    await expectCaseReading(xlwtBytes, 'w.xls', 'xls');
    await expectCaseReading(renameStream(xlwtBytes, (n) => (n === 'Workbook' ? 'WORKBOOK' : n)), 'w.xls', 'xls');
  });
});

describe('Excel 2003 XML (SpreadsheetML) saved as .xls', () => {
  it('as LibreOffice writes it (UTF-8)', async () => {
    expect(spreadsheetMl).toContain('urn:schemas-microsoft-com:office:spreadsheet');
    expect(spreadsheetMl.length).toBeLessThan(200_000);
    await expectCaseReading(Buffer.from(spreadsheetMl, 'utf8'), '报表.xls', 'xls');
  });
  it('in UTF-16 with a BOM', async () => {
    const text = spreadsheetMl.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"');
    await expectCaseReading(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), '报表.xls', 'xls');
  });
  it('in a declared legacy code page (GBK)', async () => {
    const text = spreadsheetMl.replace(/encoding="UTF-8"/i, 'encoding="GBK"');
    // The module's ES build exports its tables and utils by name; its typings describe a default export.
    const gbk = Buffer.from((cpexcel as unknown as CP$Module).utils.encode(936, text));
    expect(gbk.includes(Buffer.from('指标', 'utf8'))).toBe(false);
    await expectCaseReading(gbk, '报表.xls', 'xls');
  });
  it('with a DOCTYPE declaring entities: refused before SheetJS sees it', async () => {
    const evil = spreadsheetMl.replace('<Workbook', '<!DOCTYPE Workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><Workbook');
    const e = await refusal(Buffer.from(evil, 'utf8'), 'evil.xls');
    expect(e.appMessage.key).toBe('import.read-failed');
  });
});

describe('encrypted workbooks', () => {
  it.each(['agile', 'standard'] as const)('an .xlsx encrypted (%s) under the default password reads without asking', async (type) => {
    const encrypted = officeCrypto.encrypt(openpyxlBytes, type === 'standard' ? { password: 'VelvetSweatshop', type } : { password: 'VelvetSweatshop' });
    expect([...encrypted.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    await expectCaseReading(encrypted, '加密.xlsx', 'xlsx');
  });

  it('an .xlsx under a real password is refused, saying plainly that its password is needed', async () => {
    const encrypted = officeCrypto.encrypt(openpyxlBytes, { password: '区住建局2025' });
    const e = await refusal(encrypted, '加密.xlsx');
    expect(e.appMessage.key).toBe('import.encrypted');
    expect(e.appMessage.zh).toMatch(/没有密码无法读取.*要密码/);
    expect(e.appMessage.en).toMatch(/cannot be read without it: ask the sender for the password/);
  });

});
