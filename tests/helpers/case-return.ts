// The return the handed cases (tests/fixtures/returns/cases) all hold, as rows a writer can store
// in any shape, and its expected reading from their expected.json — so a test can write the same
// return another way (openpyxl, xlwt, edited XML) and demand the same reading.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { displayName } from '../../shared/domain/plan';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';
import type { InterpretedWorkbook } from '../../electron/workbook/import/interpret';
import type { PyCell } from './python';
import { writeWithPython } from './python';
import { makeTempDir } from './tmp';

export const CASES_DIR = join(import.meta.dirname, '..', 'fixtures', 'returns', 'cases');

export interface CaseExpectation {
  kind: 'return' | 'plan';
  year: number;
  actual: Record<string, number>;
  note: Record<string, string>;
  target: Record<string, Record<string, number | '/'>>;
}

/** The expected reading shared by the cases (p16's, the plainest). */
export const CASE_EXPECTED = (JSON.parse(readFileSync(join(CASES_DIR, 'expected.json'), 'utf8')) as Record<string, CaseExpectation>)[
  'p16-single-quoted-attributes.xlsx'
] as CaseExpectation;

export const CASE_HEADER = ['领域', '序号', '指标名称', '单位', '2025年目标值', '2025年实际值', '2027年目标值', '说明'];

/** Title, 填报单位 line, header (row 3), 13 indicator rows; `value(code)` overrides the 2025 actual. */
export function caseRows(opts: { header?: string[]; actual?: (code: string, v: number) => PyCell } = {}): PyCell[][] {
  const rows: PyCell[][] = [['青岚区“住有宜居”工程2025年度指标完成情况表'], ['填报单位：青岚区住房和城乡建设局'], opts.header ?? CASE_HEADER];
  for (const ind of SEED_PLAN.indicators) {
    const actual = CASE_EXPECTED.actual[ind.code] as number;
    rows.push([
      ind.domain,
      Number(ind.code),
      displayName(ind),
      ind.unit,
      CASE_EXPECTED.target['2025']?.[ind.code] ?? null,
      opts.actual ? opts.actual(ind.code, actual) : actual,
      ind.targets[2027] ?? null,
      CASE_EXPECTED.note[ind.code] ?? null,
    ]);
  }
  return rows;
}

/** A reading in expected.json's shape: 2025 actuals and notes by 序号, the listed targets. */
export function caseReading(book: InterpretedWorkbook, exp: CaseExpectation = CASE_EXPECTED) {
  const year = String(exp.year);
  const actual: Record<string, number> = {};
  const note: Record<string, string> = {};
  for (const r of book.rows) {
    const v = r.values[year];
    if (r.code === null || !v) continue;
    if (v.actual !== null) actual[r.code] = v.actual;
    if (v.note !== null) note[r.code] = v.note;
  }
  const target = Object.fromEntries(
    Object.entries(exp.target).map(([y, codes]) => [y, Object.fromEntries(Object.keys(codes).map((code) => [code, book.rows.find((r) => r.code === code)?.values[y]?.target]))]),
  );
  return { kind: book.kind, actual, note, target };
}

export const CASE_READING = { kind: CASE_EXPECTED.kind, actual: CASE_EXPECTED.actual, note: CASE_EXPECTED.note, target: CASE_EXPECTED.target };

/**
 * The case return (or `rows()`) written by openpyxl on a sheet named 2025年度, made once for the
 * calling test file (its own beforeAll, its temp folder removed afterAll). Returns a getter for the
 * bytes, to be called inside tests.
 */
export function caseByOpenpyxl(rows: () => PyCell[][] = () => caseRows()): () => Buffer {
  let tmp: ReturnType<typeof makeTempDir> | null = null;
  let bytes: Buffer | null = null;
  beforeAll(() => {
    tmp = makeTempDir();
    bytes = readFileSync(writeWithPython(join(tmp.dir, 'o.xlsx'), rows(), { sheet: '2025年度' }));
  }, 60_000);
  afterAll(() => tmp?.cleanup());
  return () => {
    if (bytes === null) throw new Error('caseByOpenpyxl: read inside a test, after its beforeAll');
    return bytes;
  };
}
