// Interpretation rules on small hand-built grids (no file format involved): the header and row
// cases that the LibreOffice fixtures do not show, each with the value a clerk would expect.
import { describe, expect, it } from 'vitest';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import type { CellValue, NeutralSheet, NeutralWorkbook, SheetState } from '../../../electron/workbook/import/model';
import { cellAddress, isPercentFormat, newSheet, parseRange, putCell } from '../../../electron/workbook/import/model';
import { interpretWorkbook } from '../../../electron/workbook/import/interpret';
import { normalizeName } from '../../../electron/workbook/import/match';

type In = CellValue | { v: CellValue; fmt?: string; err?: boolean; f?: string } | undefined;

function sheet(name: string, grid: In[][], opts: { merges?: string[]; hiddenRows?: number[]; hiddenCols?: number[]; state?: SheetState } = {}): NeutralSheet {
  const s = newSheet(name, opts.state ?? 'visible');
  grid.forEach((cells, i) =>
    cells.forEach((c, j) => {
      if (c === undefined || c === null) return;
      const cell = typeof c === 'object' ? c : { v: c };
      const numFmt = cell.fmt ?? null;
      putCell(s, { row: i + 1, col: j + 1, address: cellAddress(i + 1, j + 1), value: cell.v, formula: cell.f ?? null, isError: cell.err ?? false, numFmt, percent: isPercentFormat(numFmt) });
    }),
  );
  for (const m of opts.merges ?? []) s.merges.push(parseRange(m) as NonNullable<ReturnType<typeof parseRange>>);
  for (const r of opts.hiddenRows ?? []) s.hiddenRows.add(r);
  for (const c of opts.hiddenCols ?? []) s.hiddenCols.add(c);
  return s;
}

const book = (...sheets: NeutralSheet[]): NeutralWorkbook => ({ format: 'xlsx', sheets });
const keys = (b: ReturnType<typeof interpretWorkbook>) => b.issues.map((i) => [i.severity, i.sheet, i.cell, i.message.key]);

describe('headers', () => {
  it('years under merged 目标/实际 groups (role above, year below)', () => {
    const b = interpretWorkbook(book(sheet('表', [
      ['序号', '指标名称', '目标', undefined, '实际', undefined],
      [undefined, undefined, '2024', '2025', '2024年', '2025年度'],
      [1, '城镇住房保障受益覆盖率（%）', 10.5, 11, 10.6, 11.2],
    ], { merges: ['A1:A2', 'B1:B2', 'C1:D1', 'E1:F1'] })), SEED_PLAN);
    expect(b.years).toEqual([2024, 2025]);
    expect(b.rows[0]?.values).toEqual({
      '2024': { target: 10.5, actual: 10.6, note: null, targetCell: '表!C3', actualCell: '表!E3', noteCell: null },
      '2025': { target: 11, actual: 11.2, note: null, targetCell: '表!D3', actualCell: '表!F3', noteCell: null },
    });
  });

  it('bare year headers with no 目标/实际 anywhere are a table of targets (kind plan)', () => {
    const b = interpretWorkbook(book(sheet('目标', [
      ['指标', '2026年', '2027年'],
      ['创建未来社区累计数量（个）', 4, '/'],
    ])), SEED_PLAN);
    expect(b.kind).toBe('plan');
    expect(b.rows[0]?.values['2027']?.target).toBe('/');
    expect(b.rows[0]?.values['2026']?.target).toBe(4);
  });

  it('完成率 is never read as an actual, 完成值 is', () => {
    const b = interpretWorkbook(book(sheet('S', [
      ['指标', '2025年完成率', '2025年完成值'],
      ['公租房在保家庭户数（户）', 1.02, 224],
    ])), SEED_PLAN);
    expect(b.rows[0]?.values['2025']).toMatchObject({ actual: 224, actualCell: 'S!C2', target: null });
  });

  it('no table at all → no rows, no years', () => {
    const b = interpretWorkbook(book(sheet('S', [['随便写的'], [1, 2, 3]])), SEED_PLAN);
    expect([b.rows, b.years]).toEqual([[], []]);
  });
});

describe('rows and values', () => {
  const header = ['序号', '指标', '2025年目标值', '2025年实际值', '说明'];

  it('a 0.0% cell on a count indicator keeps its stored value, with a warning', () => {
    const b = interpretWorkbook(book(sheet('S', [header, [3, '公租房在保家庭户数（户）', 220, { v: 2.2, fmt: '0.0%' }]])), SEED_PLAN);
    expect(b.rows[0]?.values['2025']?.actual).toBe(2.2);
    expect(keys(b)).toEqual([['warning', 'S', 'D2', 'import.percent-not-rate']]);
  });

  it('error cells, booleans and negative counts are refused with the cell named', () => {
    const b = interpretWorkbook(book(sheet('S', [
      header,
      [3, '公租房在保家庭户数（户）', 220, { v: '#DIV/0!', err: true, f: 'A1/0' }],
      [4, '老旧小区累计改造个数（个）', true, -2],
      [1, '城镇住房保障受益覆盖率（%）', 11, -0.5],
    ])), SEED_PLAN);
    expect(keys(b)).toEqual([
      ['error', 'S', 'D2', 'parse.not-a-number'],
      ['error', 'S', 'C3', 'parse.not-a-number'],
      ['error', 'S', 'D3', 'parse.negative-count'],
    ]);
    // A rate may fall below zero (a growth rate), so -0.5 is a value.
    expect(b.rows.map((r) => r.values['2025']?.actual)).toEqual([null, null, -0.5]);
  });

  it('figures without a name are skipped with a warning; footers are not rows', () => {
    const b = interpretWorkbook(book(sheet('S', [
      header,
      [undefined, undefined, 5, 6],
      ['填报人：张三', undefined, undefined],
      [undefined, '注：数据截至年底'],
    ])), SEED_PLAN);
    expect(b.rows).toEqual([]);
    expect(keys(b)).toEqual([['warning', 'S', 'B2', 'import.values-without-name']]);
    expect(b.clerkName).toBe('张三');
  });

  it('section headings ("一、住房保障", a bare 领域) are not rows; an unknown row with figures is kept', () => {
    const b = interpretWorkbook(book(sheet('S', [
      header,
      [undefined, '一、住房保障'],
      [3, '公租房在保家庭户数（户）', 220, 224],
      [undefined, '住房品质'],
      [undefined, '其他工作', 1, 2],
    ])), SEED_PLAN);
    expect(b.rows.map((r) => [r.row, r.indicatorId])).toEqual([[3, 'zyyj-03'], [5, null]]);
    expect(keys(b)).toEqual([['warning', 'S', 'B5', 'import.unmatched-row']]);
  });

  it('a name with words added still matches when its 序号 agrees; a name missing words or a different one does not', () => {
    const b = interpretWorkbook(book(sheet('S', [
      header,
      [13, '住房公积金实缴职工人数', 15460, 15500],
      [13, '完全不同的指标', 1, 2],
    ])), SEED_PLAN);
    expect(b.rows.map((r) => r.indicatorId)).toEqual([null, null]);
    const c = interpretWorkbook(book(sheet('S', [header, [6, '创建未来社区累计数量（个）（含省级）', 3, 3]])), SEED_PLAN);
    expect(c.rows[0]?.indicatorId).toBe('zyyj-06');
  });

  it('the same indicator twice with different figures, both visible: neither is read, both named', () => {
    const b = interpretWorkbook(book(sheet('S', [
      header,
      [3, '公租房在保家庭户数（户）', 220, 224],
      [3, '公租房在保家庭户数', 220, 230],
    ])), SEED_PLAN);
    expect(b.rows).toHaveLength(1);
    expect(b.rows[0]?.values['2025']?.actual).toBeNull();
    // The same target twice is no choice: it is read.
    expect(b.rows[0]?.values['2025']?.target).toBe(220);
    expect(keys(b)).toEqual([['error', 'S', 'D3', 'import.ambiguous-value']]);
    expect(b.issues[0]?.message.params).toMatchObject({ first: 'S!D2', second: 'S!D3', year: '2025', code: '3', firstValue: '224', secondValue: '230' });
  });

  it('the same indicator in a hidden row and a visible one: the visible figure is read, the hidden one named', () => {
    for (const hiddenRow of [2, 3]) {
      const s = sheet('S', [header, [3, '公租房在保家庭户数（户）', 220, 224], [3, '公租房在保家庭户数', 220, 230]]);
      s.hiddenRows.add(hiddenRow);
      const b = interpretWorkbook(book(s), SEED_PLAN);
      const visibleRow = hiddenRow === 2 ? 3 : 2;
      expect(b.rows[0]?.values['2025']).toMatchObject({ actual: visibleRow === 2 ? 224 : 230, actualCell: `S!D${visibleRow}` });
      const superseded = b.issues.filter((i) => i.message.key === 'import.superseded-row');
      expect(superseded.map((i) => [i.severity, i.cell, i.message.params.used, i.message.params.hidden])).toEqual([['warning', `D${hiddenRow}`, `S!D${visibleRow}`, `S!D${hiddenRow}`]]);
    }
  });

  it('a hidden or very hidden sheet is read, with a warning; _meta never is', () => {
    const hidden = sheet('隐藏', [header, [3, '公租房在保家庭户数（户）', 220, 224]], { state: 'hidden' });
    const b = interpretWorkbook(book(sheet('封面', [['2025年报表']]), hidden), SEED_PLAN);
    expect(b.rows.map((r) => r.indicatorId)).toEqual(['zyyj-03']);
    expect(keys(b)).toEqual([['warning', '隐藏', 'A1', 'import.hidden-sheet']]);
    const veryHidden = sheet('v', [header, [3, '公租房在保家庭户数（户）', 220, 224]], { state: 'veryHidden' });
    const v = interpretWorkbook(book(veryHidden), SEED_PLAN);
    expect(v.rows.map((r) => r.values['2025']?.actual)).toEqual([224]);
    expect(keys(v)).toEqual([['warning', 'v', 'A1', 'import.hidden-sheet']]);
    const meta = sheet('_meta', [header, [3, '公租房在保家庭户数（户）', 220, 224]], { state: 'veryHidden' });
    expect(interpretWorkbook(book(meta), SEED_PLAN).rows).toEqual([]);
  });

  it('a sheet named like instructions is read only when no other sheet holds a table', () => {
    const data = sheet('说明', [header, [3, '公租房在保家庭户数（户）', 220, 224]]);
    expect(interpretWorkbook(book(data), SEED_PLAN).rows.map((r) => r.values['2025']?.actual)).toEqual([224]);
    const other = sheet('S', [header, [3, '公租房在保家庭户数（户）', 220, 230]]);
    expect(interpretWorkbook(book(data, other), SEED_PLAN).rows.map((r) => [r.sheet, r.values['2025']?.actual])).toEqual([['S', 230]]);
  });

  it('a note column without a year goes to the latest year with actuals', () => {
    const b = interpretWorkbook(book(sheet('S', [
      ['指标', '2024年实际值', '2025年实际值', '2026年实际值', '备注'],
      ['公租房在保家庭户数（户）', 212, 224, null, '已核实'],
    ])), SEED_PLAN);
    expect(b.reportingYear).toBe(2025);
    expect(b.rows[0]?.values['2025']).toMatchObject({ actual: 224, note: '已核实', noteCell: 'S!E2' });
    expect(b.rows[0]?.values['2024']?.note).toBeNull();
  });
});

describe('name normalisation', () => {
  it('folds full-width, brackets, spaces and case', () => {
    expect(normalizeName('城镇住房保障受益覆盖率（％）')).toBe('城镇住房保障受益覆盖率(%)');
    expect(normalizeName(' 老旧小区　累计改造个数【个】')).toBe('老旧小区累计改造个数(个)');
    expect(normalizeName('ＡＢＣ [x]')).toBe('abc(x)');
  });
});

describe('normalizeName on hostile input', () => {
  it('a name of a million characters does not overflow the stack', async () => {
    const { normalizeName } = await import('../../../electron/workbook/import/match');
    const long = '（指标）'.repeat(250_000);
    expect(normalizeName(long)).toHaveLength(1_000_000);
    expect(normalizeName(' 公租房（户）')).toBe('公租房(户)');
  });
});
