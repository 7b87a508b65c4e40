// Plans as data in the store, on a real SQLite file: create a plan from a draft, revise targets and
// indicators with reasons (each an audit row), retire, copy to a new period, list revisions; a
// refused change writes nothing; everything survives reopening the file.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../../electron/store/store';
import type { WriteContext } from '../../../electron/store/store';
import { ApiFailure } from '../../../shared/api/result';
import { planToDraft } from '../../../shared/domain/plan-draft';
import type { PlanDraft } from '../../../shared/domain/plan-draft';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { makeTempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
let store: Store;
const PLAN = SEED_PLAN.id;
const ctx: WriteContext = { who: '王芳', at: '2026-04-01T02:00:00.000Z', source: 'plan-edit' };

beforeEach(() => {
  tmp = makeTempDir();
  store = Store.open(join(tmp.dir, 'db.sqlite'));
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const XUE: PlanDraft = {
  shortName: '学有优教',
  title: '学有优教',
  tableTitle: '某区“学有优教”工程五年目标',
  years: [2023, 2024, 2025, 2026, 2027],
  domains: ['学前教育', '义务教育'],
  coordinator: '区教育局',
  sourceNote: '',
  indicators: [
    { code: '1', domain: '学前教育', name: '普惠性幼儿园覆盖率', unit: '%', kind: 'rate', direction: 'higher', tolerance: null, leadUnit: '区教育局', coUnits: ['区财政局'], targets: { 2023: 90, 2024: 92, 2025: 94, 2026: 95, 2027: 96 } },
    { code: '2', domain: '义务教育', name: '累计新增学位数', unit: '个', kind: 'cumulative', direction: 'higher', tolerance: null, leadUnit: '区教育局', coUnits: [], targets: { 2023: 300, 2024: 600, 2025: 900, 2026: 1200, 2027: '/' } },
  ],
};

function reopen(): void {
  store.close();
  store = Store.open(join(tmp.dir, 'db.sqlite'));
}

describe('PlansRepo: plans as data', () => {
  it('creates a plan from a draft with fresh ids and audit rows; the draft reads back the same', () => {
    const plan = store.transaction(() => store.plans.createPlan(XUE, ctx));
    reopen();
    expect(store.plans.listPlans().map((p) => p.shortName).sort()).toEqual(['住有宜居', '学有优教']);
    const read = store.plans.getPlan(plan.id);
    expect(planToDraft(read)).toEqual(XUE);
    expect(new Set(read.indicators.map((i) => i.id)).size).toBe(2);
    const rows = store.db.prepare("SELECT entity, count(*) AS n FROM audit_log WHERE plan_id = ? AND source = 'plan-edit' GROUP BY entity ORDER BY entity").all(plan.id);
    expect(rows).toEqual([{ entity: 'indicator', n: 2 }, { entity: 'plan', n: 1 }, { entity: 'target', n: 10 }]);
    expect(store.plans.listDepartments()).toContain('区教育局');
  });

  it('a table without a 领域 column gives indicators with no domain: allowed', () => {
    const plan = store.transaction(() => store.plans.createPlan({ ...XUE, domains: [''], indicators: XUE.indicators.map((i) => ({ ...i, domain: '' })) }, ctx));
    expect(store.plans.getPlan(plan.id).indicators.map((i) => i.domain)).toEqual(['', '']);
  });

  it('refuses a second plan with the same short name, a draft with no indicators or bad years; nothing written', () => {
    const n = store.audit.count();
    expect(() => store.transaction(() => store.plans.createPlan({ ...XUE, shortName: '住有宜居' }, ctx))).toThrow(ApiFailure);
    expect(() => store.transaction(() => store.plans.createPlan({ ...XUE, indicators: [] }, ctx))).toThrow(/没有指标.*|no indicators/);
    expect(() => store.transaction(() => store.plans.createPlan({ ...XUE, years: [2023, 2025] }, ctx))).toThrow(ApiFailure);
    expect(store.audit.count()).toBe(n);
    expect(store.plans.listPlans()).toHaveLength(1);
  });

  it('revises a target through setTarget with a reason: old → new on the audit row, the plan reads the new target', () => {
    const changed = store.transaction(() => store.plans.reviseTarget('zyyj-07', 2027, 20, '正文写新增20台，按正文调整', ctx));
    expect(changed).toBe(true);
    reopen();
    expect(store.plans.getPlan(PLAN).indicators[6]!.targets[2027]).toBe(20);
    const row = store.db.prepare("SELECT * FROM audit_log WHERE entity = 'target' ORDER BY id DESC LIMIT 1").get();
    expect(row).toMatchObject({ action: 'update', plan_id: PLAN, indicator_id: 'zyyj-07', year: 2027, old_value: '10', new_value: '20', reason: '正文写新增20台，按正文调整', who: '王芳' });
    // The same target again: nothing written.
    const n = store.audit.count();
    expect(store.transaction(() => store.plans.reviseTarget('zyyj-07', 2027, 20, '再次', ctx))).toBe(false);
    expect(store.audit.count()).toBe(n);
    // "/" is a target too.
    store.transaction(() => store.plans.reviseTarget('zyyj-01', 2023, '/', '当年不设目标', ctx));
    expect(store.plans.getPlan(PLAN).indicators[0]!.targets[2023]).toBe('/');
  });

  it('refuses a revision without a reason or for a year outside the plan', () => {
    const n = store.audit.count();
    expect(() => store.transaction(() => store.plans.reviseTarget('zyyj-07', 2027, 20, '  ', ctx))).toThrow(/调整原因/);
    expect(() => store.transaction(() => store.plans.reviseTarget('zyyj-07', 2030, 20, '新年度', ctx))).toThrow(/2030/);
    expect(() => store.transaction(() => store.plans.reviseTarget('nope', 2025, 20, '原因', ctx))).toThrow(ApiFailure);
    expect(store.audit.count()).toBe(n);
  });

  it('updates indicator fields with a reason: one audit row per changed field, unchanged fields write nothing', () => {
    const fields = store.transaction(() =>
      store.plans.updateIndicator('zyyj-05', { name: '住宅小区物业服务覆盖率', unit: '%', direction: 'higher', tolerance: 0.02, plausible: { min: 0, max: 100 }, coUnits: ['区民政局', '新单位'] }, '统一口径', ctx),
    );
    expect(fields).toEqual(['name', 'tolerance', 'coUnits', 'plausible']);
    reopen();
    const ind = store.plans.getPlan(PLAN).indicators[4]!;
    expect(ind).toMatchObject({ name: '住宅小区物业服务覆盖率', tolerance: 0.02, plausible: { min: 0, max: 100 }, coUnits: ['区民政局', '新单位'] });
    expect(store.plans.listDepartments()).toContain('新单位');
    const rows = store.db.prepare("SELECT field, old_value, new_value, reason FROM audit_log WHERE entity = 'indicator' AND indicator_id = 'zyyj-05' AND action = 'update' ORDER BY id").all();
    expect(rows).toEqual([
      { field: 'name', old_value: '住宅小区专业物业服务覆盖率', new_value: '住宅小区物业服务覆盖率', reason: '统一口径' },
      { field: 'tolerance', old_value: null, new_value: '0.02', reason: '统一口径' },
      { field: 'coUnits', old_value: '区委组织部、区民政局、各街道（乡镇）', new_value: '区民政局、新单位', reason: '统一口径' },
      { field: 'plausible', old_value: null, new_value: '0 ~ 100', reason: '统一口径' },
    ]);
    // A one-sided range and clearing it.
    store.transaction(() => store.plans.updateIndicator('zyyj-05', { plausible: { min: 0, max: null } }, '只限下限', ctx));
    expect(store.plans.getPlan(PLAN).indicators[4]!.plausible).toEqual({ min: 0, max: null });
    store.transaction(() => store.plans.updateIndicator('zyyj-05', { plausible: null }, '取消', ctx));
    expect(store.plans.getPlan(PLAN).indicators[4]!.plausible).toBeUndefined();
  });

  it('refuses a range with min above max and an empty name; nothing written', () => {
    const n = store.audit.count();
    expect(() => store.transaction(() => store.plans.updateIndicator('zyyj-05', { name: '新名', plausible: { min: 100, max: 0 } }, '原因', ctx))).toThrow(/100/);
    expect(() => store.transaction(() => store.plans.updateIndicator('zyyj-05', { name: ' ' }, '原因', ctx))).toThrow(ApiFailure);
    expect(store.audit.count()).toBe(n);
    expect(store.plans.getPlan(PLAN).indicators[4]!.name).toBe('住宅小区专业物业服务覆盖率');
  });

  it('retires an indicator with actuals: out of the plan as it stands, kept with its actual and history; can be restored', () => {
    store.transaction(() => store.actuals.setValue('zyyj-10', 2024, 1, { ...ctx, source: 'typed' }));
    expect(store.plans.hasActuals('zyyj-10')).toBe(true);
    store.transaction(() => store.plans.setIndicatorRetired('zyyj-10', true, '并入指标8', ctx));
    reopen();
    expect(store.plans.getPlan(PLAN).indicators.map((i) => i.id)).not.toContain('zyyj-10');
    const all = store.plans.getPlanWithRetired(PLAN).indicators;
    expect(all.find((i) => i.id === 'zyyj-10')).toMatchObject({ retiredAt: ctx.at, name: '建设浙派民居特色村累计数量' });
    expect(store.db.prepare("SELECT value FROM actuals WHERE indicator_id = 'zyyj-10'").get()).toEqual({ value: 1 });
    expect(() => store.transaction(() => store.plans.setIndicatorRetired('zyyj-10', true, '再次', ctx))).toThrow(ApiFailure);
    store.transaction(() => store.plans.setIndicatorRetired('zyyj-10', false, '恢复', ctx));
    expect(store.plans.getPlan(PLAN).indicators.map((i) => i.id)).toContain('zyyj-10');
  });

  it('adds an indicator at the end with a reason', () => {
    const id = store.transaction(() =>
      store.plans.addIndicator(PLAN, { code: '14', domain: '住房市场', name: '新增指标', unit: '个', kind: 'stock', direction: 'higher', tolerance: null, leadUnit: '区住建局', coUnits: [], targets: { 2026: 3 } }, '年中新增', ctx),
    );
    const plan = store.plans.getPlan(PLAN);
    expect(plan.indicators.at(-1)).toMatchObject({ id, code: '14', name: '新增指标', targets: { 2026: 3 } });
  });

  it('copies a plan to a new period: current indicators, no targets, retired ones left behind', () => {
    store.transaction(() => store.plans.setIndicatorRetired('zyyj-10', true, '停用', ctx));
    const next = store.transaction(() => store.plans.copyPlanToPeriod(PLAN, [2028, 2029, 2030, 2031, 2032], { shortName: '住有宜居（2028—2032）' }, ctx));
    reopen();
    const read = store.plans.getPlan(next.id);
    expect(read.years).toEqual([2028, 2029, 2030, 2031, 2032]);
    expect(read.indicators.map((i) => i.name)).toEqual(SEED_PLAN.indicators.filter((i) => i.id !== 'zyyj-10').map((i) => i.name));
    expect(read.indicators.every((i) => Object.keys(i.targets).length === 0)).toBe(true);
    expect(read.indicators[0]).toMatchObject({ unit: '%', kind: 'rate', leadUnit: '区住建局' });
    expect(read.indicators.map((i) => i.id).some((id) => id.startsWith('zyyj-'))).toBe(false);
    // The source plan is untouched.
    expect(store.plans.getPlan(PLAN).indicators[0]!.targets[2027]).toBe(12);
  });

  it('lists revisions (who, when, old → new, reason) newest first, and not the plan creation rows', () => {
    store.transaction(() => store.plans.reviseTarget('zyyj-07', 2027, 20, '按正文', ctx));
    store.transaction(() => store.plans.updateIndicator('zyyj-03', { unit: '户（家庭）' }, '口径说明', { ...ctx, who: '李明', at: '2026-04-02T00:00:00.000Z' }));
    store.transaction(() => store.plans.updatePlanInfo(PLAN, { coordinator: '区住建局' }, '机构调整', ctx));
    const revisions = store.plans.listRevisions(PLAN);
    expect(revisions.map((r) => [r.entity, r.field, r.oldValue, r.newValue, r.reason, r.who])).toEqual([
      ['plan', 'coordinator', '区城乡住房工作协调委员会办公室', '区住建局', '机构调整', '王芳'],
      ['indicator', 'unit', '户', '户（家庭）', '口径说明', '李明'],
      ['target', 'target', '10', '20', '按正文', '王芳'],
    ]);
    expect(revisions[2]).toMatchObject({ indicatorId: 'zyyj-07', indicatorName: '住宅加装电梯累计数量', year: 2027, at: ctx.at });
    expect(store.plans.getPlan(PLAN).coordinator).toBe('区住建局');
  });
});
