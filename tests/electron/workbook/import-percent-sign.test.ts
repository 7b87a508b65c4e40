// "12%" written as text for a count indicator (公租房在保家庭户数, unit 户) in an openpyxl-written
// return: read as 12, never silently — a warning at its cell by the shared rule
// (shared/domain/plausible.ts percentSignReason). A rate's "10.8%" is read as meant, with no warning.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { readAndInterpret } from '../../../electron/workbook/import/interpret';
import { makeTempDir } from '../../helpers/tmp';
import { writeHandMadeReturn } from '../../helpers/returns';

let tmp: ReturnType<typeof makeTempDir>;
let book: Awaited<ReturnType<typeof readAndInterpret>>;
beforeAll(async () => {
  tmp = makeTempDir();
  const file = writeHandMadeReturn({ path: join(tmp.dir, 'percent.xlsx'), year: 2025, departments: ['区住建局'], actuals: { '1': '10.8%', '3': '12%', '4': 6 } });
  book = await readAndInterpret(readFileSync(file), 'percent.xlsx', SEED_PLAN);
});
afterAll(() => tmp.cleanup());

const rowOf = (code: string) => book.rows.find((r) => r.code === code);

describe('a "%" on a figure whose unit is not a percent, in an import', () => {
  it('12% for 户 is read as 12 with a warning at its cell, in both languages', () => {
    const row = rowOf('3');
    expect(row?.values['2025']?.actual).toBe(12);
    const warned = book.issues.filter((i) => i.message.key === 'plausible.percent-sign');
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({ severity: 'warning' });
    expect(`${warned[0]?.sheet}!${warned[0]?.cell}`).toBe(row?.values['2025']?.actualCell);
    expect(warned[0]?.message.zh).toContain('“12%”带有百分号，但本指标以“户”计');
    expect(warned[0]?.message.en).toContain('counts in "户", not a percent');
  });

  it('a rate\'s 10.8% and a plain count are read with no such warning', () => {
    expect(rowOf('1')?.values['2025']?.actual).toBe(10.8);
    expect(rowOf('4')?.values['2025']?.actual).toBe(6);
    expect(book.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});
