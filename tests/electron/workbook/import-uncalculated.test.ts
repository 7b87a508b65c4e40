// A formula nobody calculated (openpyxl and other programs write formulas with no cached result) is
// not an empty cell: the figure must not vanish without a word. Both readers (the fast one and the
// ExcelJS fallback) mark it, the interpreter refuses it with a message saying what to do, and the
// same file once calculated by LibreOffice reads its value with no such issue.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { readAndInterpret } from '../../../electron/workbook/import/interpret';
import { readXlsx } from '../../../electron/workbook/import/read-xlsx';
import { makeTempDir } from '../../helpers/tmp';
import { writeHandMadeReturn } from '../../helpers/returns';
import { convertWithLibreOffice } from '../../helpers/libreoffice';

let tmp: ReturnType<typeof makeTempDir>;
let file: string;
beforeAll(() => {
  tmp = makeTempDir();
  // Indicator 3 (公租房在保家庭户数) given as =200+26, never calculated; indicator 4 a plain 6.
  file = writeHandMadeReturn({ path: join(tmp.dir, 'formula.xlsx'), year: 2025, departments: ['区住建局'], actuals: { '3': '=200+26', '4': 6 } });
});
afterAll(() => tmp.cleanup());

const actualOf = (book: Awaited<ReturnType<typeof readAndInterpret>>, code: string) => book.rows.find((r) => r.code === code)?.values['2025']?.actual ?? null;

describe('a formula with no cached result', () => {
  it('is refused with its cell and what to do (zh and en), the other values read', async () => {
    const book = await readAndInterpret(readFileSync(file), 'formula.xlsx', SEED_PLAN);
    expect(actualOf(book, '3')).toBeNull();
    expect(actualOf(book, '4')).toBe(6);
    const refused = book.issues.filter((i) => i.severity === 'error');
    expect(refused).toHaveLength(1);
    expect(refused[0]?.cell).toMatch(/^D\d+$/);
    expect(refused[0]?.message.zh).toContain('=200+26');
    expect(refused[0]?.message.zh).toContain('没有保存计算结果');
    expect(refused[0]?.message.en).toContain('holds no calculated result');
  });

  it('is marked by the ExcelJS reader too (the fallback path)', async () => {
    const book = await readXlsx(readFileSync(file));
    const cells = [...(book.sheets[0]?.rows.values() ?? [])].flatMap((r) => [...r.values()]);
    const formulaCell = cells.find((c) => c.formula === '200+26');
    expect(formulaCell).toMatchObject({ value: null, uncalculated: true });
    expect(cells.filter((c) => c.uncalculated)).toHaveLength(1);
  });

  it('once LibreOffice has calculated and saved it, reads 226 with no issue', async () => {
    const saved = await convertWithLibreOffice(file, 'xlsx', join(tmp.dir, 'lo'));
    const book = await readAndInterpret(readFileSync(saved), 'formula.xlsx', SEED_PLAN);
    expect(actualOf(book, '3')).toBe(226);
    expect(book.issues.filter((i) => i.severity === 'error')).toEqual([]);
  }, 120_000);
});
