// Issue 14 part 2's last gaps through the real handlers on a real SQLite file: an existing plan's
// years change (extend at either end: new years without targets; shrink: refused while a removed
// year holds actuals or is locked, audited target by target otherwise), an indicator is added with a
// reason (it reaches the grid, progress and the export template; a duplicate is refused), and a
// cell's history is read only through the plan the request names. Every refusal writes nothing.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/create-services';
import type { Services } from '../../../electron/services/create-services';
import { dispatch } from '../../../shared/api/dispatch';
import { NO_TARGET } from '../../../shared/domain/plan';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { makeTempDir } from '../../helpers/tmp';

const PLAN = SEED_PLAN.id;
const DB = 'db.sqlite';
let tmp: ReturnType<typeof makeTempDir>;
let services: Services;
const open = () => createServices({ dbPath: join(tmp.dir, DB), mode: 'browser', now: () => new Date('2026-05-01T02:00:00Z') });
beforeEach(() => {
  tmp = makeTempDir();
  services = open();
});
afterEach(() => {
  services.close();
  tmp.cleanup();
});

function reopen(): void {
  services.close();
  services = open();
}

/** What the database holds for the plan's years and its targets in `year`. */
function stored(year: number) {
  const db = services.store.db;
  const years = JSON.parse((db.prepare('SELECT years_json FROM plans WHERE id = ?').get(PLAN) as { years_json: string }).years_json) as number[];
  const targets = (db.prepare('SELECT count(*) AS n FROM targets t JOIN indicators i ON i.id = t.indicator_id WHERE i.plan_id = ? AND t.year = ?').get(PLAN, year) as { n: number }).n;
  return { years, targets };
}

async function returnSheetHeader(year: number): Promise<string[]> {
  const book = await services.handlers.exportWorkbook({ planId: PLAN, year, department: null });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(book.base64, 'base64') as unknown as ArrayBuffer);
  const values: string[] = [];
  wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => values.push(String(c.value))));
  return values;
}

describe("changing an existing plan's years", () => {
  it('extends at the end: 2028 comes with no targets ("" not "/"), in the grid, progress and the export; audited; survives reopening', async () => {
    const h = services.handlers;
    expect(await h.setPlanYears({ planId: PLAN, firstYear: 2023, lastYear: 2028, reason: '规划期延长一年' })).toEqual({
      years: [2023, 2024, 2025, 2026, 2027, 2028], added: [2028], removed: [], removedTargets: 0,
    });
    reopen();
    expect(stored(2028)).toEqual({ years: [2023, 2024, 2025, 2026, 2027, 2028], targets: 0 });
    const grid = await services.handlers.getGrid({ planId: PLAN, year: 2028, department: null });
    expect(grid.years).toContain(2028);
    expect(grid.rows.every((r) => r.cells['2028']!.target === null)).toBe(true);
    expect((await services.handlers.getGrid({ planId: PLAN, year: 2025, department: null })).rows[4]!.cells['2025']!.target).toBe(90);
    expect((await services.handlers.getProgress({ planId: PLAN })).length).toBe(SEED_PLAN.indicators.length);
    expect((await returnSheetHeader(2028)).some((v) => v.includes('2028'))).toBe(true);
    const [rev] = await services.handlers.listPlanRevisions({ planId: PLAN });
    expect(rev).toMatchObject({ entity: 'plan', field: 'years', oldValue: '2023—2027', newValue: '2023—2028', reason: '规划期延长一年', source: 'plan-edit' });
  });

  it('extends at the start: 2022 comes first, the targets of the other years stay', async () => {
    const h = services.handlers;
    const r = await h.setPlanYears({ planId: PLAN, firstYear: 2022, lastYear: 2027, reason: '补记2022年' });
    expect(r.added).toEqual([2022]);
    expect((await h.getPlan({ planId: PLAN })).years).toEqual([2022, 2023, 2024, 2025, 2026, 2027]);
    expect((await h.getPlan({ planId: PLAN })).indicators.map((i) => i.targets)).toEqual(SEED_PLAN.indicators.map((i) => i.targets));
  });

  it('refuses to remove a year holding actuals, naming the year and the count; nothing written', async () => {
    const h = services.handlers;
    await h.saveCells({ planId: PLAN, source: 'typed', edits: [
      { indicatorId: 'zyyj-01', year: 2023, field: 'actual', text: '12' },
      { indicatorId: 'zyyj-02', year: 2023, field: 'note', text: '按季度口径' },
    ] });
    const n = services.store.audit.count();
    const refused = await dispatch(h, 'setPlanYears', { planId: PLAN, firstYear: 2024, lastYear: 2027, reason: '缩短' });
    expect(refused.ok ? null : refused.error.code).toBe('refused');
    expect(refused.ok ? null : refused.error.message.zh).toContain('不能删去 2023 年：该年已填报 2 项实际值');
    expect(refused.ok ? null : refused.error.message.en).toContain('Cannot remove 2023: it holds 2 actual');
    expect(services.store.audit.count()).toBe(n);
    expect(stored(2023)).toEqual({ years: SEED_PLAN.years, targets: SEED_PLAN.indicators.filter((i) => i.targets[2023] !== undefined).length });
  });

  it('removes a year holding only targets with the reason: one audit row per target (old → none), its deadline and states go too', async () => {
    const h = services.handlers;
    const s = services.store;
    s.transaction(() => {
      s.reporting.setDeadline(PLAN, 2027, '2028-02-15', { who: '王芳', at: '2026-04-01T00:00:00Z', source: 'reporting' });
      s.reporting.setState(PLAN, 2027, '区住建局', 'returned', null, '退回', { who: '王芳', at: '2026-04-01T00:00:00Z', source: 'reporting' });
    });
    const expected = SEED_PLAN.indicators.filter((i) => i.targets[2027] !== undefined);
    const r = await h.setPlanYears({ planId: PLAN, firstYear: 2023, lastYear: 2026, reason: '规划期调整为四年' });
    expect(r).toEqual({ years: [2023, 2024, 2025, 2026], added: [], removed: [2027], removedTargets: expected.length });
    reopen();
    expect(stored(2027)).toEqual({ years: [2023, 2024, 2025, 2026], targets: 0 });
    const rows = services.store.db
      .prepare("SELECT indicator_id, old_value, new_value, reason FROM audit_log WHERE entity = 'target' AND year = 2027 AND action = 'delete' ORDER BY id")
      .all() as { indicator_id: string; old_value: string; new_value: string | null; reason: string }[];
    expect(rows).toEqual(expected.map((i) => ({ indicator_id: i.id, old_value: String(i.targets[2027] === NO_TARGET ? NO_TARGET : i.targets[2027]), new_value: null, reason: '规划期调整为四年' })));
    const revisions = await services.handlers.listPlanRevisions({ planId: PLAN });
    expect(revisions.filter((x) => x.entity === 'target' && x.year === 2027)).toHaveLength(expected.length);
    expect(services.store.reporting.deadline(PLAN, 2027).isDefault).toBe(true);
    expect(services.store.reporting.state(PLAN, 2027, '区住建局')).toBeNull();
    const grid = await dispatch(services.handlers, 'getGrid', { planId: PLAN, year: 2027, department: null });
    expect(grid.ok).toBe(false);
  });

  it('refuses to remove a locked year, a span not 1–10 consecutive years, a blank reason; nothing written', async () => {
    const h = services.handlers;
    const s = services.store;
    s.transaction(() => s.reporting.setYearLock(PLAN, 2023, true, '已归档', { who: '李强', at: '2026-03-01T00:00:00Z', source: 'reporting' }));
    // 2024: locked and holding an actual.
    await h.saveCells({ planId: PLAN, source: 'typed', edits: [{ indicatorId: 'zyyj-01', year: 2024, field: 'actual', text: '10.5' }] });
    s.transaction(() => s.reporting.setYearLock(PLAN, 2024, true, '已归档', { who: '李强', at: '2026-03-01T00:00:00Z', source: 'reporting' }));
    const n = s.audit.count();
    const locked = await dispatch(h, 'setPlanYears', { planId: PLAN, firstYear: 2024, lastYear: 2027, reason: '缩短' });
    expect(locked.ok ? null : locked.error.message.zh).toContain('不能删去 2023 年：该年的填报已锁定（李强，2026-03-01）');
    // A locked year that also holds an actual: the actual is said first (unlocking would not help).
    const both = await dispatch(h, 'setPlanYears', { planId: PLAN, firstYear: 2025, lastYear: 2027, reason: '缩短' });
    expect(both.ok ? null : both.error.message.zh).toContain('不能删去 2024 年：该年已填报 1 项实际值');
    for (const [firstYear, lastYear] of [[2027, 2023], [2020, 2031]] as const) {
      const bad = await dispatch(h, 'setPlanYears', { planId: PLAN, firstYear, lastYear, reason: '原因' });
      expect(bad.ok ? null : bad.error.code).toBe('invalid-request');
      expect(bad.ok ? null : bad.error.message.en).toContain('at most 10');
    }
    const blank = await dispatch(h, 'setPlanYears', { planId: PLAN, firstYear: 2023, lastYear: 2028, reason: '  ' });
    expect(blank.ok ? null : blank.error.message.en).toContain('Give a reason');
    expect(s.audit.count()).toBe(n);
    expect(stored(2023).years).toEqual(SEED_PLAN.years);
  });
});

describe("a plan title naming the plan's years", () => {
  const title = () => (services.store.db.prepare('SELECT title FROM plans WHERE id = ?').get(PLAN) as { title: string }).title;

  it('follows a change of years (2023—2027 → 2023—2028), in the same transaction, audited with the same reason', async () => {
    expect(title()).toBe('洞头区公共服务“七优享”工程“住有宜居”实施方案（2023—2027年）');
    await services.handlers.setPlanYears({ planId: PLAN, firstYear: 2023, lastYear: 2028, reason: '规划期延长一年' });
    reopen();
    expect(title()).toBe('洞头区公共服务“七优享”工程“住有宜居”实施方案（2023—2028年）');
    expect((await services.handlers.listPlans({})).find((p) => p.id === PLAN)?.title).toBe(title());
    const revisions = await services.handlers.listPlanRevisions({ planId: PLAN });
    expect(revisions.find((r) => r.field === 'title')).toMatchObject({
      entity: 'plan',
      oldValue: '洞头区公共服务“七优享”工程“住有宜居”实施方案（2023—2027年）',
      newValue: '洞头区公共服务“七优享”工程“住有宜居”实施方案（2023—2028年）',
      reason: '规划期延长一年',
      source: 'plan-edit',
    });
  });

  it('written 2023至2027 keeps its style; a title without the span stays; a refused change leaves the title too', async () => {
    const h = services.handlers;
    await h.updatePlanInfo({ planId: PLAN, patch: { title: '住有宜居实施方案（2023至2027年）' }, reason: '改标题' });
    await h.setPlanYears({ planId: PLAN, firstYear: 2023, lastYear: 2028, reason: '延长' });
    expect(title()).toBe('住有宜居实施方案（2023至2028年）');
    await h.updatePlanInfo({ planId: PLAN, patch: { title: '住有宜居实施方案' }, reason: '改标题' });
    const last = (services.store.db.prepare('SELECT max(id) AS id FROM audit_log').get() as { id: number }).id;
    await h.setPlanYears({ planId: PLAN, firstYear: 2023, lastYear: 2027, reason: '缩回' });
    expect(title()).toBe('住有宜居实施方案');
    const rows = services.store.db.prepare('SELECT field FROM audit_log WHERE id > ? ORDER BY id').all(last) as { field: string }[];
    expect(rows.map((r) => r.field).filter((f) => f !== 'target')).toEqual(['years']);
    await h.updatePlanInfo({ planId: PLAN, patch: { title: '方案（2023—2027年）' }, reason: '改标题' });
    await h.saveCells({ planId: PLAN, source: 'typed', edits: [{ indicatorId: 'zyyj-01', year: 2027, field: 'actual', text: '12' }] });
    const refused = await dispatch(h, 'setPlanYears', { planId: PLAN, firstYear: 2023, lastYear: 2026, reason: '缩短' });
    expect(refused.ok).toBe(false);
    expect(title()).toBe('方案（2023—2027年）');
  });
});

describe('adding an indicator', () => {
  const indicator = {
    code: '14', domain: '智慧住房', name: '住房公积金线上办理率', unit: '%', kind: 'rate' as const, direction: 'higher' as const, tolerance: 0.02,
    leadUnit: '区公积金中心', coUnits: ['区住建局'], targets: { 2025: 80, 2026: 90, 2027: NO_TARGET }, plausible: { min: 0, max: 100 },
  };

  it('with a reason: at the end of the grid, progress and export; a new 领域 joins the plan; audited', async () => {
    const h = services.handlers;
    const { indicatorId } = await h.addPlanIndicator({ planId: PLAN, indicator, reason: '区政府新增考核指标' });
    reopen();
    const grid = await services.handlers.getGrid({ planId: PLAN, year: 2025, department: null });
    expect(grid.rows.at(-1)).toMatchObject({ indicatorId, code: '14', name: '住房公积金线上办理率', leadUnit: '区公积金中心' });
    expect(grid.rows.at(-1)!.cells['2025']!.target).toBe(80);
    expect(grid.rows.at(-1)!.cells['2023']!.target).toBeNull();
    expect((await services.handlers.getProgress({ planId: PLAN })).map((r) => r.indicatorId)).toContain(indicatorId);
    expect((await returnSheetHeader(2025)).some((v) => v.includes('住房公积金线上办理率'))).toBe(true);
    const plan = await services.handlers.getPlan({ planId: PLAN });
    expect(plan.domains.at(-1)).toBe('智慧住房');
    const revisions = (await services.handlers.listPlanRevisions({ planId: PLAN })).filter((r) => r.reason === '区政府新增考核指标');
    expect(revisions.map((r) => [r.entity, r.field, r.year, r.newValue]).sort()).toEqual(
      [['indicator', null, null, '住房公积金线上办理率'], ['plan', 'domains', null, [...SEED_PLAN.domains, '智慧住房'].join('、')],
        ['target', 'target', 2025, '80'], ['target', 'target', 2026, '90'], ['target', 'target', 2027, '/']].sort(),
    );
  });

  it('refuses a second indicator of the same name and unit, or a 序号 in use; nothing written', async () => {
    const h = services.handlers;
    const n = services.store.audit.count();
    const same = await dispatch(h, 'addPlanIndicator', { planId: PLAN, indicator: { ...SEED_PLAN.indicators[4]!, code: '14', targets: {} }, reason: '重复' });
    expect(same.ok ? null : same.error.message.zh).toContain('规划中已有指标“住宅小区专业物业服务覆盖率”');
    const code = await dispatch(h, 'addPlanIndicator', { planId: PLAN, indicator: { ...indicator, code: '5' }, reason: '序号' });
    expect(code.ok ? null : code.error.message.zh).toContain('序号“5”已被指标“住宅小区专业物业服务覆盖率”使用');
    expect(services.store.audit.count()).toBe(n);
  });
});

describe('a cell history names its plan', () => {
  it('a cell of another plan is not found through this plan; through its own plan it is', async () => {
    const h = services.handlers;
    const copy = await h.copyPlanToPeriod({ planId: PLAN, years: [2028, 2029, 2030, 2031, 2032], shortName: '住有宜居二期' });
    const second = (await h.getPlan({ planId: copy.id })).indicators[0]!.id;
    await h.saveCells({ planId: copy.id, source: 'typed', edits: [{ indicatorId: second, year: 2028, field: 'actual', text: '3' }] });
    expect((await h.getCellHistory({ planId: copy.id, indicatorId: second, year: 2028 })).map((e) => e.newValue)).toEqual(['3']);
    const wrong = await dispatch(h, 'getCellHistory', { planId: PLAN, indicatorId: second, year: 2028 });
    expect(wrong.ok ? null : wrong.error.code).toBe('not-found');
  });
});
