// Legacy .xls whose Chinese text is GBK though the file does not declare it, in shapes other than
// the handed Excel 95 case: that case with its CODEPAGE record saying 1252 or left out, and a BIFF8
// file (xlwt) whose "compressed" 8-bit strings hold GBK bytes. Each reads exactly as the handed
// case (names, values, notes, "/"), with a warning naming the code page used; text that is not
// GBK stays as read, with a warning saying which code page was assumed. Never garbled silently.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { CP$Module } from '@e965/xlsx/dist/cpexcel.full.mjs';
import * as cpexcel from '@e965/xlsx/dist/cpexcel.full.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayName } from '../../../shared/domain/plan';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import type { InterpretedWorkbook } from '../../../electron/workbook/import/interpret';
import { readAndInterpret } from '../../../electron/workbook/import/interpret';
import { CASES_DIR, CASE_READING, caseReading, caseRows } from '../../helpers/case-return';
import type { PyCell } from '../../helpers/python';
import { writeWithPython } from '../../helpers/python';
import { makeTempDir } from '../../helpers/tmp';

const P01 = readFileSync(join(CASES_DIR, 'p01-excel95-biff5-gbk.xls'));
const CODEPAGE = 0x0042;
const USESELFS = 0x0160; // a two-byte record SheetJS passes over: the CODEPAGE record's stand-in

/** The same compound file with each BIFF record of its workbook stream passed through `edit`. */
function editRecords(bytes: Buffer, edit: (type: number, data: Buffer) => number): Buffer {
  const cfb = XLSX.CFB.read(bytes, { type: 'buffer' });
  const i = cfb.FullPaths.findIndex((p: string) => /\/(book|workbook)$/i.test(p));
  const stream = Buffer.from(cfb.FileIndex[i].content as Uint8Array);
  for (let at = 0; at + 4 <= stream.length; at += 4 + stream.readUInt16LE(at + 2))
    stream.writeUInt16LE(edit(stream.readUInt16LE(at), stream.subarray(at + 4, at + 4 + stream.readUInt16LE(at + 2))), at);
  cfb.FileIndex[i].content = stream;
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer', fileType: 'cfb' }) as Uint8Array);
}

const declaring = (codePage: number) =>
  editRecords(P01, (type, data) => {
    if (type === CODEPAGE) data.writeUInt16LE(codePage, 0);
    return type;
  });

/** GBK bytes carried as Latin-1 characters: xlwt stores such text as BIFF8 compressed strings. */
const gbkAsLatin1 = (s: string) => Buffer.from((cpexcel as unknown as CP$Module).utils.encode(936, s)).toString('latin1');

let tmp: ReturnType<typeof makeTempDir>;
let compressedGbk: Buffer;
let western: Buffer;

beforeAll(() => {
  tmp = makeTempDir();
  const smuggled = caseRows().map((row) => row.map((c: PyCell) => (typeof c === 'string' ? gbkAsLatin1(c) : c)));
  compressedGbk = readFileSync(writeWithPython(join(tmp.dir, 'gbk8.xls'), smuggled, { sheet: gbkAsLatin1('2025年度') }));
  // A return whose one non-ASCII text is a Western word: nothing to re-decode, the reading stays.
  const rows = caseRows();
  (rows[1] as PyCell[]).push('Café crème');
  western = readFileSync(writeWithPython(join(tmp.dir, 'western.xls'), rows, { sheet: '2025年度' }));
}, 60_000);
afterAll(() => tmp.cleanup());

/** The indicator names as caseRows writes them; p01 (written elsewhere) has "(%)" where they have "（%）". */
const CASE_NAMES = SEED_PLAN.indicators.map((ind) => displayName(ind));
const P01_NAMES = CASE_NAMES.map((n) => n.replaceAll('（', '(').replaceAll('）', ')'));

function expectExactReading(book: InterpretedWorkbook, names: string[]): void {
  expect(book.format).toBe('xls');
  expect(caseReading(book)).toEqual(CASE_READING);
  // Names exact, character for character, and every row matched.
  expect(book.rows.map((r) => r.name)).toEqual(names);
  expect(book.rows.every((r) => r.indicatorId !== null)).toBe(true);
  expect(book.issues.filter((i) => i.severity === 'error')).toEqual([]);
}

describe('GBK text not declared as such', () => {
  it('the handed case reads as before: its CODEPAGE record says 936, no code-page warning', async () => {
    const book = await readAndInterpret(P01, 'p01.xls', SEED_PLAN);
    expectExactReading(book, P01_NAMES);
    expect(book.issues.some((i) => i.message.key.startsWith('import.code-page'))).toBe(false);
  });

  it.each([
    ['says 1252 (Windows Western)', () => declaring(1252), '1252'],
    ['says 0x8001 (read as 1252)', () => declaring(0x8001), String(0x8001)],
    ['is left out', () => editRecords(P01, (type) => (type === CODEPAGE ? USESELFS : type)), '—'],
  ])('Excel 95 (BIFF5) whose CODEPAGE record %s: read as GBK, saying so', async (_label, make, declared) => {
    const bytes = make();
    expect(bytes.equals(P01)).toBe(false);
    // SheetJS alone garbles it: that is what must not happen silently.
    const raw = XLSX.read(bytes, { type: 'buffer' });
    expect(raw.SheetNames[0]).not.toBe('2025年度');
    const book = await readAndInterpret(bytes, 'p01.xls', SEED_PLAN);
    expectExactReading(book, P01_NAMES);
    const note = book.issues.find((i) => i.message.key === 'import.code-page-gbk');
    expect(note?.severity).toBe('warning');
    expect(note?.message.zh).toContain(`文件所写代码页：${declared}`);
    expect(note?.message.zh).toContain('按 GBK（代码页 936）读取');
    expect(note?.message.en).toContain('read as GBK (code page 936)');
  });

  it('a BIFF8 .xls whose compressed 8-bit strings hold GBK bytes (xlwt): read as GBK, saying so', async () => {
    const raw = XLSX.read(compressedGbk, { type: 'buffer' });
    expect(raw.SheetNames[0]).toBe(gbkAsLatin1('2025年度'));
    const book = await readAndInterpret(compressedGbk, 'gbk8.xls', SEED_PLAN);
    expectExactReading(book, CASE_NAMES);
    expect(book.issues.find((i) => i.message.key === 'import.code-page-gbk')?.message.zh).toContain('BIFF8');
  });

  it('Western text is not taken for GBK: the reading stays, and nothing is rewritten', async () => {
    const book = await readAndInterpret(western, 'western.xls', SEED_PLAN);
    expectExactReading(book, CASE_NAMES);
    expect(book.issues.some((i) => i.message.key.startsWith('import.code-page'))).toBe(false);
  });

  it('bytes that decode as GBK but fit the plan no better stay as read, with the code page named', async () => {
    // "Öø" is one compressed (Latin-1) string whose two bytes D6 F8 also form a GBK character.
    const rows = caseRows();
    (rows[1] as PyCell[]).push('Öø');
    const book = await readAndInterpret(readFileSync(writeWithPython(join(tmp.dir, 'latin.xls'), rows, { sheet: '2025年度' })), 'latin.xls', SEED_PLAN);
    expectExactReading(book, CASE_NAMES);
    const note = book.issues.find((i) => i.message.key === 'import.code-page-assumed');
    expect(note?.message.zh).toContain('按代码页 28591 读取');
    expect(note?.message.en).toContain('read in code page 28591');
  });
});
