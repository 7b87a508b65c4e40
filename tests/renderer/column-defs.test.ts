// The AG Grid column definitions, exercised through their own getters, formatters and class
// rules with real seed rows: ids, editability, status classes and tooltips.
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { buildColumnDefs } from '../../renderer/src/grid/column-defs';
import type { IndicatorRowData } from '../../renderer/src/grid/row-model';
import { toRowData, withRefusedEdit, cellOf, withoutDraft, withUnsavedEdit } from '../../renderer/src/grid/row-model';
import { allColumnIds } from '../../renderer/src/grid/columns';
import type { Lang } from '../../shared/i18n/lang';
import { message } from '../../shared/i18n/messages';
import { seedRow, TODAY } from './grid-fixtures';

const YEARS = [2023, 2024, 2025, 2026, 2027];
type Def = ColDef<IndicatorRowData>;

function leaves(defs: (Def | ColGroupDef<IndicatorRowData>)[]): Def[] {
  return defs.flatMap((d) => ('children' in d ? leaves(d.children as Def[]) : [d as Def]));
}

function leaf(lang: Lang, id: string): Def {
  const found = leaves(buildColumnDefs({ years: YEARS, reportingYear: 2025, lang })).find((d) => d.colId === id);
  if (!found) throw new Error(id);
  return found;
}

// The getters only read `data`; the rest of AG Grid's params object is irrelevant to them.
const params = (data: IndicatorRowData) => ({ data }) as never;
const call = <T>(fn: unknown, data: IndicatorRowData): T => (fn as (p: unknown) => T)(params(data));

describe('buildColumnDefs', () => {
  it('has exactly the model column ids, year groups titled 2025年, the reporting year emphasised', () => {
    const defs = buildColumnDefs({ years: YEARS, reportingYear: 2025, lang: 'zh' });
    expect(leaves(defs).map((d) => d.colId)).toEqual(allColumnIds(YEARS));
    const groups = defs.filter((d): d is ColGroupDef<IndicatorRowData> => 'children' in d);
    expect(groups.map((g) => g.headerName)).toEqual(['2023年', '2024年', '2025年', '2026年', '2027年']);
    expect(groups.find((g) => g.groupId === 'year-2025')?.headerClass).toContain('year-current');
    expect(groups.find((g) => g.groupId === 'year-2024')?.headerClass).not.toContain('year-current');
  });

  it('only 实际值 of the reporting year and 说明 are editable; the left columns are pinned; 领域 spans rows', () => {
    const all = leaves(buildColumnDefs({ years: YEARS, reportingYear: 2025, lang: 'zh' }));
    // Editable is decided per cell (a locked department-year is read-only): evaluated on an open row.
    const open = toRowData(seedRow('zyyj-02', { 2025: 1012 }));
    const editable = (d: Def) => (typeof d.editable === 'function' ? call<boolean>(d.editable, open) : d.editable === true);
    expect(all.filter(editable).map((d) => d.colId)).toEqual(['actual-2025', 'note']);
    expect(all.filter((d) => d.pinned === 'left').map((d) => d.colId)).toEqual(['domain', 'code', 'name', 'unit']);
    expect(leaf('zh', 'domain').spanRows).toBe(true);
  });

  it('a locked cell is read-only, marked locked, and its tooltip gives the lock before the status', () => {
    const open = toRowData(seedRow('zyyj-02', { 2025: 1012 }));
    const lock = { key: 'cycle.locked', params: {}, zh: '区住建局 2025 年度已于 2026-03-15 由 协调办 锁定（原因：已审定），不能修改', en: 'locked (reason: checked)' };
    const row: IndicatorRowData = { ...open, cells: { ...open.cells, '2025': { ...cellOf(open, 2025), locked: lock } } };
    const actual = leaf('zh', 'actual-2025');
    expect(call<boolean>(actual.editable, row)).toBe(false);
    expect(call<boolean>(leaf('zh', 'note').editable, row)).toBe(false);
    expect(call<string[]>(actual.cellClass, row)).toEqual(expect.arrayContaining(['cell-locked']));
    expect(call<string[]>(actual.cellClass, row)).not.toContain('cell-editable');
    expect(call<string>(actual.tooltipValueGetter, row)).toBe(`已锁定：${lock.zh}\n未达标：目标 1,050，实际 1,012，差 38（96.4%）`);
    expect(call<string>(leaf('en', 'note').tooltipValueGetter, row)).toBe('Locked: locked (reason: checked)');
  });

  it('colours 实际值 by status and explains it in the tooltip', () => {
    const row = toRowData(seedRow('zyyj-02', { 2024: 850, 2025: 1012 }));
    const actual = leaf('zh', 'actual-2025');
    expect(call<string[]>(actual.cellClass, row)).toEqual(expect.arrayContaining(['status-missed', 'cell-editable', 'year-current']));
    expect(call<string>(actual.tooltipValueGetter, row)).toBe('未达标：目标 1,050，实际 1,012，差 38（96.4%）');
    expect(call<string[]>(leaf('zh', 'actual-2024').cellClass, row)).toContain('status-met');
    expect(call<string[]>(leaf('zh', 'actual-2024').cellClass, row)).not.toContain('cell-editable');
    expect(call<string[]>(leaf('zh', 'actual-2023').cellClass, row)).toContain('status-not-reported');
    expect(call<string>(leaf('en', 'actual-2023').tooltipValueGetter, row)).toBe('2023 is due and has not been reported');
    expect(call<string[]>(leaf('zh', 'actual-2026').cellClass, row)).toContain('status-pending');
  });

  it('formats targets, "/" and completion', () => {
    const row = toRowData(seedRow('zyyj-06', { 2025: 3 }));
    const fmt = (id: string) => call<string>(leaf('zh', id).valueFormatter, row);
    expect(fmt('target-2027')).toBe('/');
    expect(call<string[]>(leaf('zh', 'actual-2027').cellClass, row)).toContain('status-no-target');
    expect(fmt('completion-2025')).toBe('100%');
    const big = toRowData(seedRow('zyyj-13', { 2025: 15012 }));
    expect(call<string>(leaf('en', 'actual-2025').valueFormatter, big)).toBe('15,012');
    expect(call<string>(leaf('zh', 'units').valueGetter, big)).toMatch(/^\*市住房公积金洞头分中心、/);
  });

  it('a refused cell shows the refused text, is marked, and its tooltip gives the reason and the way out', () => {
    const row = toRowData(seedRow('zyyj-02', { 2025: 1100 }));
    const edit = { year: 2025, field: 'actual', text: '约1000' } as const;
    const refused = withRefusedEdit(row, edit, cellOf(row, 2025), message('parse.approximate', { text: '约1000' }));
    const actual = leaf('zh', 'actual-2025');
    expect(call<string[]>(actual.cellClass, refused)).toContain('cell-refused');
    // The draft is what the cell shows and what F2 edits; the saved 1100 stays underneath.
    expect(call<unknown>(actual.valueGetter, refused)).toBe('约1000');
    expect(call<string>(actual.valueFormatter, refused)).toBe('约1000');
    expect(call<string>(actual.tooltipValueGetter, refused)).toBe(
      '未保存：“约1000”是约数，请填写确切数字\n按 F2 修改或直接重新输入；按 Esc 或 Delete 放弃，恢复已保存的值',
    );
    expect(call<string>(leaf('en', 'actual-2025').tooltipValueGetter, refused)).toMatch(/^Not saved: "约1000" is an approximation; enter the exact figure\n/);
    // Dropping the draft shows the saved value again, unmarked.
    const dropped = withoutDraft(refused, edit, cellOf(row, 2025));
    expect(call<string>(actual.valueFormatter, dropped)).toBe('1,100');
    expect(call<string[]>(actual.cellClass, dropped)).not.toContain('cell-refused');
  });

  it('an unsaved cell shows the typed text with the unsaved mark and its reason; other years ignore drafts', () => {
    const row = toRowData(seedRow('zyyj-02'));
    const reason = message('error.internal', { detail: 'disk full' });
    const unsaved = withUnsavedEdit(row, { indicatorId: 'zyyj-02', year: 2025, field: 'actual', text: '1012' }, reason, TODAY);
    const actual = leaf('zh', 'actual-2025');
    expect(call<string[]>(actual.cellClass, unsaved)).toEqual(expect.arrayContaining(['cell-unsaved', 'status-missed']));
    expect(call<string[]>(actual.cellClass, unsaved)).not.toContain('cell-refused');
    expect(call<string>(actual.valueFormatter, unsaved)).toBe('1012');
    expect(call<string>(actual.tooltipValueGetter, unsaved)).toBe('未保存，将自动重试：内部错误：disk full');
    expect(call<string>(leaf('en', 'actual-2025').tooltipValueGetter, unsaved)).toBe('Not saved, will retry automatically: Internal error: disk full');
    const note = withUnsavedEdit(row, { indicatorId: 'zyyj-02', year: 2025, field: 'note', text: '待核实' }, reason, TODAY);
    expect(call<unknown>(leaf('zh', 'note').valueGetter, note)).toBe('待核实');
    expect(call<string[]>(leaf('zh', 'note').cellClass, note)).toContain('cell-unsaved');
  });
});
