// The heuristic path against real LibreOffice-written returns (tests/fixtures/returns, made by
// scripts/make-fixtures.ts). Every expected value below is written from the fixture's design —
// what the clerk typed and how the importer must read it — never read back from the importer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import type { InterpretedWorkbook } from '../../../electron/workbook/import/interpret';
import { readAndInterpret } from '../../../electron/workbook/import/interpret';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'returns');

async function load(file: string): Promise<InterpretedWorkbook> {
  return readAndInterpret(readFileSync(join(DIR, file)), file, SEED_PLAN);
}

/** [target, actual, note, targetCell, actualCell, noteCell] */
type V = [number | '/' | null, number | null, string | null, string | null, string | null, string | null];
type R = [sheet: string, row: number, code: string | null, name: string, indicatorId: string | null, values: Record<string, V>];

function compactRows(book: InterpretedWorkbook): R[] {
  return book.rows.map((r) => [
    r.sheet,
    r.row,
    r.code,
    r.name,
    r.indicatorId,
    Object.fromEntries(Object.entries(r.values).map(([y, v]) => [y, [v.target, v.actual, v.note, v.targetCell, v.actualCell, v.noteCell] as V])),
  ]);
}

function compactIssues(book: InterpretedWorkbook): [string, string, string, string][] {
  return book.issues.map((i) => [i.severity, i.sheet, i.cell, i.message.key]);
}

function expectBilingual(book: InterpretedWorkbook): void {
  for (const i of book.issues) {
    expect(i.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(i.message.en).toMatch(/[a-z]/i);
    expect(i.message.en).not.toBe(i.message.zh);
  }
}

describe.each(['xlsx', 'xls'])('a: title rows, two-row merged header, percent formats, formulas (.%s)', (ext) => {
  it('reads every value', async () => {
    const book = await load(`a-title-two-row-header.${ext}`);
    expect(book).toMatchObject({ format: ext, kind: 'return', path: 'heuristic', planId: null });
    expect([book.department, book.clerkName, book.clerkPhone, book.reportingYear]).toEqual(['区住建局', '王芳', '0577-63488888', 2025]);
    expect(book.years).toEqual([2024, 2025]);
    const s = '填报';
    const row = (r: number, code: string, name: string, id: string, t24: number, a24: number, t25: number, a25: number, note: string | null): R => [
      s, r, code, name, id,
      {
        '2024': [t24, a24, null, `${s}!D${r}`, `${s}!E${r}`, null],
        '2025': [t25, a25, note, `${s}!G${r}`, `${s}!H${r}`, `${s}!J${r}`],
      },
    ];
    expect(compactRows(book)).toEqual([
      row(6, '1', '城镇住房保障受益覆盖率（%）', 'zyyj-01', 10.5, 10.8, 11, 11.2, '含公租房和保障性租赁住房'),
      // H7 is the formula =850+210: its cached result.
      row(7, '2', '保障性租赁住房累计建设筹集套（间）数（套）', 'zyyj-02', 847, 850, 1050, 1060, null),
      row(8, '3', '公租房在保家庭户数（户）', 'zyyj-03', 210, 212, 220, 225, null),
      row(9, '4', '老旧小区累计改造个数（个）', 'zyyj-04', 5, 5, 6, 6, null),
      // 0.88 and 0.875 formatted 0.0%, target 0.9 formatted 0%: a rate in percent units.
      row(10, '5', '住宅小区专业物业服务覆盖率（%）', 'zyyj-05', 87.5, 88, 90, 87.5, '物业覆盖率按小区数计'),
    ]);
    expect(book.issues).toEqual([]);
  });
});

describe.each(['xls', 'xlsx'])('b: single-row "2024年 目标值" headers, numbers as text (.%s)', (ext) => {
  it('reads every value', async () => {
    const book = await load(`b-single-row-header-text-numbers.${ext}`);
    expect(book).toMatchObject({ format: ext, kind: 'return', path: 'heuristic' });
    expect([book.department, book.clerkName, book.clerkPhone, book.reportingYear]).toEqual(['区住建局', '李明', null, 2025]);
    expect(book.years).toEqual([2024, 2025]);
    const s = 'Sheet1';
    const row = (r: number, code: string, name: string, id: string, y24: [number | null, number | null], y25: [number | '/' | null, number | null], note: string | null = null): R => [
      s, r, code, name, id,
      {
        '2024': [y24[0], y24[1], null, `${s}!C${r}`, `${s}!D${r}`, null],
        '2025': [y25[0], y25[1], note, `${s}!E${r}`, `${s}!F${r}`, `${s}!H${r}`],
      },
    ];
    expect(compactRows(book)).toEqual([
      row(4, '1', '城镇住房保障受益覆盖率（%）', 'zyyj-01', [10.5, 10.7], [11, 11.3], '按常住人口口径'), // "11.3%"
      row(5, '2', '保障性租赁住房累计建设筹集套（间）数（套）', 'zyyj-02', [847, 847], [1050, 1062]), // "1,062"
      row(6, '3', '公租房在保家庭户数（户）', 'zyyj-03', [210, 215], [220, 226]), // "２１５", "２２６"
      row(7, '5', '住宅小区专业物业服务覆盖率（%）', 'zyyj-05', [87.5, 88], [90, 87.5]), // "87.5%"
      row(8, '6', '创建未来社区累计数量（个）', 'zyyj-06', [2, null], ['/', null]), // "-", "/" target, "—"
      row(9, '7', '住宅加装电梯累计数量（台）', 'zyyj-07', [4, 4], [6, null]), // "/" actual
    ]);
    // An actual of "-", "—" or "/" is no figure, said so (the clerk may have meant 0).
    expect(book.issues.map((i) => [i.severity, i.cell, i.message.key, i.message.params.text])).toEqual([
      ['warning', 'D8', 'import.mark-no-value', '-'],
      ['warning', 'F8', 'import.mark-no-value', '—'],
      ['warning', 'F9', 'import.mark-no-value', '/'],
    ]);
  });
});

describe.each(['xlsx', 'xls'])('c: 计划/完成 wording, shuffled rows, blanks, 合计, hidden row and column (.%s)', (ext) => {
  it('reads every value and warns about what it skipped or found hidden', async () => {
    const book = await load(`c-plan-wording-shuffled-hidden.${ext}`);
    expect(book).toMatchObject({ format: ext, kind: 'return', path: 'heuristic', department: null, clerkName: null, clerkPhone: null });
    expect(book.reportingYear).toBe(2025);
    expect(book.years).toEqual([2024, 2025]);
    const s = '住建局';
    const row = (r: number, code: string, name: string, id: string, t24: number, a24: number, t25: number, a25: number): R => [
      s, r, code, name, id,
      { '2024': [t24, a24, null, `${s}!C${r}`, `${s}!D${r}`, null], '2025': [t25, a25, null, `${s}!E${r}`, `${s}!F${r}`, null] },
    ];
    expect(compactRows(book)).toEqual([
      row(3, '3', '公租房在保家庭户数（户）', 'zyyj-03', 210, 211, 220, 224),
      row(4, '1', '城镇住房保障受益覆盖率（%）', 'zyyj-01', 10.5, 10.6, 11, 11.4),
      row(6, '13', '住房公积金年末实缴职工人数（人）', 'zyyj-13', 14660, 14702, 15460, 15588),
      row(7, '4', '老旧小区累计改造个数（个）', 'zyyj-04', 5, 5, 6, 7),
      row(9, '2', '保障性租赁住房累计建设筹集套（间）数（套）', 'zyyj-02', 847, 851, 1050, 1055),
    ]);
    expect(compactIssues(book)).toEqual([
      ['warning', s, 'A10', 'import.total-row'],
      ['warning', s, 'D:D', 'import.hidden-column'],
      // Told after the rows are merged: only a hidden row some value of which is read is "read anyway".
      ['warning', s, 'B7', 'import.hidden-row'],
    ]);
    expectBilingual(book);
  });
});

describe('d: name variants, 序号 disagreeing, a row not in the plan, bad values', () => {
  it('matches by normalised name, keeps the stranger, and names every bad cell', async () => {
    const book = await load('d-name-variants-bad-values.xlsx');
    expect(book).toMatchObject({ format: 'xlsx', kind: 'return', path: 'heuristic', department: null, reportingYear: 2025 });
    expect(book.years).toEqual([2025]);
    const s = '2025';
    const row = (r: number, code: string, name: string, id: string | null, t: number | null, a: number | null, note: string | null = null): R => [
      s, r, code, name, id, { '2025': [t, a, note, `${s}!D${r}`, `${s}!E${r}`, `${s}!F${r}`] },
    ];
    expect(compactRows(book)).toEqual([
      row(2, '1', '城镇住房保障受益覆盖率(%)', 'zyyj-01', 11, 11.1),
      row(3, '2', '保障性租赁住房累计建设筹集套(间)数', 'zyyj-02', 1050, 1052, '未写单位'),
      row(4, '3', '公租房 在保 家庭户数 （户）', 'zyyj-03', 220, 221),
      row(5, '4', '老旧小区累计改造个数【个】', 'zyyj-04', 6, 6),
      row(6, '5', '住宅加装电梯累计数量（台）', 'zyyj-07', 6, 7, '序号写错'),
      row(7, '14', '住房租赁市场监测覆盖率（%）', null, 50, 60),
      row(8, '8', '创县级及以上优质工程累计数量（个）', 'zyyj-08', 15, null), // "约1.6万"
      row(9, '9', '新开工装配式建筑占新建建筑比例（%）', 'zyyj-09', 35, null), // "abc"
      row(10, '10', '建设浙派民居特色村累计数量（个）', 'zyyj-10', null, null), // "-", "   "
      row(11, '11', '城乡危房整治率（%）', 'zyyj-11', 100, 100), // "100%", 1 as 0%
      row(12, '13', '住房公积金年末实缴职工人数', 'zyyj-13', 15460, 1.6),
    ]);
    expect(compactIssues(book)).toEqual([
      ['warning', s, 'A6', 'import.code-name-mismatch'],
      ['warning', s, 'B7', 'import.unmatched-row'],
      ['error', s, 'E8', 'parse.approximate'],
      ['error', s, 'E9', 'parse.not-a-number'],
      ['warning', s, 'C12', 'import.unit-mismatch'],
    ]);
    expect(book.issues[2]?.message.zh).toContain('约1.6万');
    expect(book.issues[3]?.message.en).toContain('"abc"');
    expect(book.issues[0]?.message.params).toMatchObject({ code: '5', planCode: '7' });
    expectBilingual(book);
  });
});

describe('e: one sheet per year', () => {
  it('merges the year sheets into one row per indicator, notes under their sheet year', async () => {
    const book = await load('e-per-year-sheets.xlsx');
    expect(book).toMatchObject({ format: 'xlsx', kind: 'return', path: 'heuristic', reportingYear: 2024 });
    expect(book.years).toEqual([2023, 2024]);
    const [a, b] = ['2023年度', '2024年度'];
    expect(compactRows(book)).toEqual([
      [a, 3, '1', '城镇住房保障受益覆盖率（%）', 'zyyj-01', {
        '2023': [10, 10.2, null, `${a}!C3`, `${a}!D3`, `${a}!E3`],
        '2024': [10.5, 10.6, null, `${b}!C3`, `${b}!D3`, null],
      }],
      [a, 4, '2', '保障性租赁住房累计建设筹集套（间）数（套）', 'zyyj-02', {
        '2023': [637, 640, '提前完成', `${a}!C4`, `${a}!D4`, `${a}!E4`],
        '2024': [847, 850, '新增筹集 3 套', `${b}!C4`, `${b}!D4`, `${b}!E4`],
      }],
      [a, 5, '3', '公租房在保家庭户数（户）', 'zyyj-03', {
        '2023': [200, 205, null, `${a}!C5`, `${a}!D5`, `${a}!E5`],
        '2024': [210, 212, null, `${b}!C5`, `${b}!D5`, null],
      }],
    ]);
    expect(book.issues).toEqual([]);
  });
});

describe.each(['xlsx', 'xls'])('f: the seed plan\'s own targets-only table (.%s)', (ext) => {
  it('is a plan, with "/" kept as no target and "100%" as 100', async () => {
    const book = await load(`f-seed-targets-only.${ext}`);
    expect(book).toMatchObject({ format: ext, kind: 'plan', path: 'heuristic', reportingYear: null, department: null });
    expect(book.years).toEqual([2023, 2024, 2025, 2026, 2027]);
    const s = '五年目标';
    const targets: [string, string, (number | '/')[]][] = [
      ['1', '城镇住房保障受益覆盖率(%)', [10, 10.5, 11, 11.5, 12]],
      ['2', '保障性租赁住房累计建设筹集套(间)数(套)', [637, 847, 1050, 1060, 1100]],
      ['3', '公租房在保家庭户数(户)', [200, 210, 220, 230, 240]],
      ['4', '老旧小区累计改造个数(个)', [4, 5, 6, 7, 8]],
      ['5', '住宅小区专业物业服务覆盖率(%)', [85, 87.5, 90, 92.5, 95]],
      ['6', '创建未来社区累计数量(个)', [1, 2, 3, 4, '/']],
      ['7', '住宅加装电梯累计数量(台)', [2, 4, 6, 8, 10]],
      ['8', '创县级及以上优质工程累计数量(个)', [5, 10, 15, 20, 25]],
      ['9', '新开工装配式建筑占新建建筑比例(%)', [33, 34, 35, 36, 37]],
      ['10', '建设浙派民居特色村累计数量(个)', [0, 1, 3, 4, 5]],
      ['11', '城乡危房整治率(%)', [100, 100, 100, 100, 100]],
      ['12', '农村困难家庭危房改造救助率(%)', [100, 100, 100, 100, 100]],
      ['13', '住房公积金年末实缴职工人数(人)', [13862, 14660, 15460, 16260, 17060]],
    ];
    expect(compactRows(book)).toEqual(
      targets.map(([code, name, t], i): R => [
        s, i + 3, code, name, `zyyj-${code.padStart(2, '0')}`,
        Object.fromEntries([2023, 2024, 2025, 2026, 2027].map((y, j) => [String(y), [t[j] ?? null, null, null, `${s}!${'DEFGH'[j]}${i + 3}`, null, null] as V])),
      ]),
    );
    expect(book.issues).toEqual([]);
  });
});
