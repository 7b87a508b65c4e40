// Rows whose names end in a bracket that is no unit — （第1组）, （2024年） — in a table typed by
// openpyxl: they are other indicators, not the plan's indicator in an odd unit. Before, each was
// matched to the indicator named before the bracket with a unit warning, and two such rows were
// merged into one with a "filled twice" warning (a 10,000-row return of another plan read as 13
// indicators). A bracket that is a unit still matches, with a warning when it is not the plan's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { readAndInterpret } from '../../../electron/workbook/import/interpret';
import { makeTempDir } from '../../helpers/tmp';
import { writeWithPython } from '../../helpers/python';

let tmp: ReturnType<typeof makeTempDir>;
let book: Awaited<ReturnType<typeof readAndInterpret>>;
beforeAll(async () => {
  tmp = makeTempDir();
  const file = writeWithPython(join(tmp.dir, 'brackets.xlsx'), [
    ['青岚区住房保障指标2025年完成情况'],
    ['序号', '指标名称', '单位', '2025年目标值', '2025年实际值'],
    [1, '城镇住房保障受益覆盖率（％）', '%', 11, 11.2],
    [null, '老旧小区累计改造个数（第1组）', '个', null, 30],
    [null, '老旧小区累计改造个数（第2组）', '个', null, 40],
    [null, '公租房在保家庭户数（2024年）', '户', null, 205],
    [null, '住宅加装电梯累计数量（部）', null, 6, 7],
    // Sub-group rows under the indicator's own 序号, before its real row: the real row's 7 is read.
    [4, '老旧小区累计改造个数（第3组）', '个', null, 3],
    [4, '老旧小区累计改造个数（第4组）', '个', null, 4],
    [4, '老旧小区累计改造个数（个）', '个', 6, 7],
    [null, '创建未来社区累计数量（注）', '个', null, 2],
  ]);
  book = await readAndInterpret(readFileSync(file), 'brackets.xlsx', SEED_PLAN);
});
afterAll(() => tmp.cleanup());

const rowNamed = (name: string) => book.rows.find((r) => r.name === name);
const keys = () => book.issues.map((i) => `${i.cell} ${i.message.key}`);

describe('a name\'s closing bracket that is no unit', () => {
  it('keeps （第1组） and （2024年） rows apart and unmatched, each with its own figure', () => {
    expect(rowNamed('老旧小区累计改造个数（第1组）')).toMatchObject({ indicatorId: null, values: { '2025': { actual: 30 } } });
    expect(rowNamed('老旧小区累计改造个数（第2组）')).toMatchObject({ indicatorId: null, values: { '2025': { actual: 40 } } });
    expect(rowNamed('公租房在保家庭户数（2024年）')).toMatchObject({ indicatorId: null, values: { '2025': { actual: 205 } } });
    expect(keys()).toEqual(expect.arrayContaining(['B4 import.unmatched-row', 'B5 import.unmatched-row', 'B6 import.unmatched-row']));
    expect(keys().filter((k) => /duplicate-value|unit-mismatch/.test(k) && /^B[456] /.test(k))).toEqual([]);
  });

  it('does not take a sub-group row for the indicator because it carries the indicator\'s 序号; a note bracket is no unit', () => {
    expect(book.rows.filter((r) => r.indicatorId === 'zyyj-04')).toMatchObject([{ name: '老旧小区累计改造个数（个）', values: { '2025': { actual: 7 } } }]);
    const atRow = (row: number) => book.rows.find((r) => r.row === row);
    expect(atRow(8)).toMatchObject({ name: '老旧小区累计改造个数（第3组）', indicatorId: null, values: { '2025': { actual: 3 } } });
    expect(atRow(9)).toMatchObject({ name: '老旧小区累计改造个数（第4组）', indicatorId: null, values: { '2025': { actual: 4 } } });
    expect(atRow(11)).toMatchObject({ name: '创建未来社区累计数量（注）', indicatorId: null });
    expect(keys()).toEqual(expect.arrayContaining(['B8 import.unmatched-row', 'B9 import.unmatched-row', 'B11 import.unmatched-row']));
    expect(book.issues.filter((i) => i.message.key === 'import.duplicate-value')).toEqual([]);
  });

  it('while a bracket that is a unit still matches: ％ silently, 部 (plan: 台) with a warning naming both', () => {
    expect(rowNamed('城镇住房保障受益覆盖率（％）')).toMatchObject({ indicatorId: 'zyyj-01', values: { '2025': { actual: 11.2 } } });
    expect(rowNamed('住宅加装电梯累计数量（部）')).toMatchObject({ indicatorId: 'zyyj-07', values: { '2025': { actual: 7 } } });
    const unit = book.issues.filter((i) => i.message.key === 'import.unit-mismatch');
    expect(unit.map((i) => i.cell)).toEqual(['B7']);
    expect(unit[0]?.message.zh).toContain('“部”与规划的单位“台”不同');
    expect(book.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});
