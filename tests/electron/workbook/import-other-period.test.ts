// Columns of another period or another quantity beside the year's actual (header-rules.ts
// OTHER_PERIOD, 累计, 完成情况; column-choice.ts chooseColumns): never competing with the year's
// actual, and never dropped without a word when they are all the return has. Files written by
// openpyxl and xlwt, read by the real importer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import type { InterpretedWorkbook } from '../../../electron/workbook/import/interpret';
import { readAndInterpret } from '../../../electron/workbook/import/interpret';
import { CASE_HEADER, CASE_READING, caseReading, caseRows } from '../../helpers/case-return';
import type { PyCell } from '../../helpers/python';
import { writeSheets } from '../../helpers/python';
import { makeTempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  tmp = makeTempDir();
});
afterAll(() => tmp.cleanup());

let n = 0;
async function read(rows: PyCell[][], ext: 'xlsx' | 'xls' = 'xlsx', sheet = '2025年度'): Promise<InterpretedWorkbook> {
  const out = writeSheets(join(tmp.dir, `p${++n}.${ext}`), [{ name: sheet, rows }]);
  return readAndInterpret(readFileSync(out), out, SEED_PLAN);
}
const keyed = (book: InterpretedWorkbook, key: string) => book.issues.filter((i) => i.message.key === key);
const renamed = (from: string, to: string) => CASE_HEADER.map((h) => (h === from ? to : h));
/** The case table with one more column at the end: `header`, and `cell(row)` in each data row. */
function withColumn(header: string, cell: (row: PyCell[]) => PyCell, base = caseRows()): PyCell[][] {
  return base.map((row, i) => (i < 2 ? row : i === 2 ? [...row, header] : [...row, cell(row)]));
}

describe("a return whose only actual column is of another period is said so, not taken for a plan", () => {
  const headers = [
    '2025年实际值（1-11月）',
    '2025年实际值（预计）',
    '2025年实际值【上半年】',
    '2025年1-11月',
    '2025年1—11月完成',
    '四季度',
    '前三季度实际值',
    '1至11月实际值',
    '截至11月底实际值',
    '2025年11月实际值',
    '十一月完成',
    '2025年预计完成值',
    '2025年本月完成',
    '2025年年中完成',
    '2025年12月完成',
    '2025年十二月完成',
  ];
  it.each(headers.flatMap((h) => [[h, 'xlsx'] as const, [h, 'xls'] as const]))('%s (.%s)', async (header, ext) => {
    const book = await read(caseRows({ header: renamed('2025年实际值', header) }), ext);
    expect(book.kind).toBe('return');
    expect(caseReading(book).actual).toEqual({});
    // The targets beside it are still read.
    expect(caseReading(book).target).toEqual(CASE_READING.target);
    const errors = book.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.message.key, i.cell, i.message.params.header, i.message.params.actual])).toEqual([['import.other-period-only', 'F:F', header, '2025年实际值']]);
    expect(errors[0]?.message.zh).toContain('请把表头改为“2025年实际值”');
  });

  it('with no year anywhere, the message names the actual without one', async () => {
    const rows = caseRows({ header: renamed('2025年实际值', '1-11月实际值') }).slice(2);
    const book = await read(rows, 'xlsx', 'Sheet1');
    expect(keyed(book, 'import.other-period-only').map((i) => i.message.params.actual)).toEqual(['实际值']);
  });

  it("the year before's actual read does not hide this year's part-year column", async () => {
    const header = [...renamed('2025年实际值', '2025年实际值（1-11月）'), '2024年实际值'];
    const rows = withColumn('2024年实际值', (row) => Number(row[5]) - 1, caseRows({ header: header.slice(0, -1) }));
    const book = await read(rows);
    expect(book.rows.find((r) => r.code === '13')?.values['2024']?.actual).toBe(Number(rows[15]?.[5]) - 1);
    expect(keyed(book, 'import.other-period-only').map((i) => i.cell)).toEqual(['F:F']);
  });

  it('an empty column of another period is nothing to report', async () => {
    const book = await read(caseRows({ header: renamed('2025年实际值', '2025年实际值（1-11月）'), actual: () => null }));
    expect(book.issues).toEqual([]);
  });
});

describe('beside the year\'s actual, other periods and forecasts are left alone without a word', () => {
  it.each(['2026年预计', '2026年预测完成值', '上年同期', '2025年1-11月完成'])('%s', async (header) => {
    const book = await read(withColumn(header, (row) => Number(row[5]) * 2));
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(book.issues).toEqual([]);
  });

  it("a base year's estimate in a table of targets is not a return's actual", async () => {
    const rows: PyCell[][] = [['序号', '指标名称', '单位', '2024年预计', '2025年目标值', '2027年目标值']];
    for (const ind of SEED_PLAN.indicators.slice(0, 3)) rows.push([Number(ind.code), ind.name, ind.unit, 10, 20, 30]);
    const book = await read(rows, 'xlsx', 'Sheet1');
    expect(book.kind).toBe('plan');
    expect(book.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('a title naming part of the year makes a yearless 实际值 column that period\'s', () => {
  it.each(['青岚区“住有宜居”工程2025年1-11月指标完成情况表', '2025年上半年指标完成情况', '2025年指标完成情况（截至11月底）', '2025年前三季度完成情况'])('%s', async (title) => {
    const rows = caseRows({ header: ['领域', '序号', '指标名称', '单位', '目标值', '实际值', '2027年目标值', '说明'] });
    rows[0] = [title];
    const book = await read(rows);
    expect(book.kind).toBe('return');
    expect(caseReading(book).actual).toEqual({});
    expect(keyed(book, 'import.other-period-title').map((i) => [i.severity, i.cell, i.message.params.title])).toEqual([['error', 'F:F', title]]);
  });

  it.each(['1-11月', '2025年1-11月', '上半年'])('a sheet named %s does the same', async (sheet) => {
    const rows = caseRows({ header: ['领域', '序号', '指标名称', '单位', '2025年目标值', '实际值', '2027年目标值', '说明'] });
    const book = await read(rows, 'xlsx', sheet);
    expect(caseReading(book).actual).toEqual({});
    expect(keyed(book, 'import.other-period-title').map((i) => [i.cell, i.message.params.title])).toEqual([['F:F', sheet]]);
  });

  it('over headers that name the year, the figures are read as the year, and the title is said', async () => {
    const rows = caseRows();
    rows[0] = ['2025年1-11月指标完成情况表'];
    const book = await read(rows);
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(keyed(book, 'import.title-period-read').map((i) => [i.severity, i.cell, i.message.params.header])).toEqual([['warning', 'F:F', '2025年实际值']]);
  });

  it.each(['青岚区“住有宜居”工程2025年度指标完成情况表', '2025年1-12月指标完成情况', '填报日期：2026年1月8日'])('not %s', async (title) => {
    const rows = caseRows({ header: ['领域', '序号', '指标名称', '单位', '目标值', '实际值', '2027年目标值', '说明'] });
    rows[1] = [title];
    const book = await read(rows);
    expect(caseReading(book).actual).toEqual(CASE_READING.actual);
    expect(keyed(book, 'import.other-period-title')).toEqual([]);
  });
});

describe('目标值 / 实际值 with no year in the header, the sheet name or the title', () => {
  it.each([
    ['no date line', null],
    ['a date line', '填报日期：2026年1月8日'],
  ])('are not read, and each column is named (%s)', async (_shape, line) => {
    const rows = caseRows({ header: ['领域', '序号', '指标名称', '单位', '目标值', '实际值', '2027年目标值', '说明'] });
    rows[0] = ['“住有宜居”工程指标完成情况表'];
    rows[1] = [line];
    const book = await read(rows, 'xlsx', 'Sheet1');
    expect(book.kind).toBe('return');
    expect(caseReading(book).actual).toEqual({});
    expect(keyed(book, 'import.column-without-year').map((i) => [i.severity, i.cell, i.message.params.header])).toEqual([
      ['error', 'E:E', '目标值'],
      ['error', 'F:F', '实际值'],
    ]);
  });
});

describe('figures under a header that says neither 目标 nor 实际', () => {
  it.each(['2025年', '2025年度', '2025年数据'])('%s beside 2025年目标值, with no 2025 actual column: an error naming it, not a plan', async (header) => {
    const book = await read(caseRows({ header: renamed('2025年实际值', header) }));
    expect(book.kind).toBe('return');
    expect(keyed(book, 'import.unknown-figures-column').map((i) => [i.severity, i.cell, i.message.params.actual])).toEqual([['error', 'F:F', '2025年实际值']]);
  });

  it('beside the year\'s actual, such a column is left alone', async () => {
    const book = await read(withColumn('2025年排名', (row) => Number(row[1])));
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(book.issues).toEqual([]);
  });

  it.each(['2025年执行数', '2025年实绩'])('%s holds the actuals', async (header) => {
    const book = await read(caseRows({ header: renamed('2025年实际值', header) }));
    expect(caseReading(book)).toEqual(CASE_READING);
  });
});

describe('累计 (cumulative) is the actual alone, another quantity beside 实际值', () => {
  it('本年累计 beside 本月完成 (a monthly report): the year to date is read, the month left alone', async () => {
    const rows = withColumn('2025年本月完成', (row) => Number(row[5]) / 12, caseRows({ header: renamed('2025年实际值', '2025年本年累计') }));
    const book = await read(rows);
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(book.issues).toEqual([]);
  });

  it.each(['xlsx', 'xls'] as const)('2025年累计完成 alone holds the actuals (.%s)', async (ext) => {
    const book = await read(caseRows({ header: renamed('2025年实际值', '2025年累计完成') }), ext);
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(book.issues).toEqual([]);
  });

  it('累计实际值 with other figures beside 2025年实际值 does not block the actuals', async () => {
    const book = await read(withColumn('2025年累计实际值', (row) => Number(row[5]) * 5));
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(book.issues).toEqual([]);
  });
});

describe('完成情况 mixing figures and words beside a filled 实际值 is the narrative', () => {
  it('the actuals are read from 实际值; its texts are notes, and its figures are said', async () => {
    const rows = withColumn('完成情况', (row) => (row[1] === 3 ? '已完成' : row[1] === 6 ? '推进中' : Number(row[5]) + 7));
    const book = await read(rows);
    expect(caseReading(book).actual).toEqual(CASE_READING.actual);
    expect(keyed(book, 'import.ambiguous-columns')).toEqual([]);
    expect(book.rows.find((r) => r.code === '6')?.values['2025']?.note).toContain('推进中');
    expect(keyed(book, 'import.note-column-figures').map((i) => i.cell)).toEqual(['I:I']);
  });

  it('beside an empty 实际值, the same column holds the actuals, its words refused as figures', async () => {
    const rows = withColumn('完成情况', (row) => (row[1] === 3 ? '已完成' : row[5] ?? null)).map((row, i) => (i < 3 ? row : row.map((c, j) => (j === 5 ? null : c))));
    const book = await read(rows);
    const { '3': _three, ...rest } = CASE_READING.actual;
    expect(caseReading(book).actual).toEqual(rest);
    expect(keyed(book, 'import.unused-empty-column').map((i) => i.cell)).toEqual(['F:F']);
  });
});
