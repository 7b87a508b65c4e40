// The departments of one plan (docs/ARCHITECTURE.md §Departments of a plan), on a real SQLite file
// holding two plans: each plan lists its own lead and co-units only (the bootstrap, the reporting
// year), and a department of the other plan only is refused — an export (which wrote an EMPTY
// return before), a cycle action — with a message naming the plan and the departments it has.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/create-services';
import type { Services } from '../../../electron/services/create-services';
import { checkPlanDepartment, departmentsOfPlan } from '../../../electron/services/plan-departments';
import { changeState } from '../../../electron/services/reporting-service';
import { ApiFailure } from '../../../shared/api/result';
import { planDepartments } from '../../../shared/domain/plan';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { SECOND_PLAN, SECOND_PLAN_ID, makeTwoPlanDatabase } from '../../helpers/second-plan';
import { makeTempDir } from '../../helpers/tmp';

const NOW = new Date('2026-03-15T09:00:00+08:00');
const OTHER = '区住建局'; // leads indicators of the seed plan only
let tmp: ReturnType<typeof makeTempDir>;
let services: Services;

beforeAll(() => {
  tmp = makeTempDir('plan-departments-');
  services = createServices({ dbPath: makeTwoPlanDatabase(tmp.dir), mode: 'desktop', now: () => NOW });
});
afterAll(() => {
  services.close();
  tmp.cleanup();
});

/** The failure a call throws, or null. */
function failureOf(call: () => unknown): ApiFailure | null {
  try {
    call();
    return null;
  } catch (e) {
    if (e instanceof ApiFailure) return e;
    throw e;
  }
}

describe('departments of a plan', () => {
  it('each plan lists its own lead and co-units, in the department table order', () => {
    const { store } = services;
    expect(store.plans.listDepartments()).toContain(OTHER);
    expect(departmentsOfPlan(store, store.plans.getPlan(SECOND_PLAN_ID))).toEqual(['区财政局', '区教育局']);
    const seed = departmentsOfPlan(store, store.plans.getPlan(SEED_PLAN.id));
    expect(new Set(seed)).toEqual(new Set(planDepartments(SEED_PLAN)));
    expect(seed).toEqual(store.plans.listDepartments().filter((d) => seed.includes(d)));
    expect(seed).toContain(OTHER);
  });

  it('the bootstrap gives each plan its departments', async () => {
    const boot = await services.handlers.getBootstrap({});
    const second = boot.plans.find((p) => p.id === SECOND_PLAN_ID);
    expect(second?.departments).toEqual(['区财政局', '区教育局']);
    expect(boot.plans.find((p) => p.id === SEED_PLAN.id)?.departments).toContain(OTHER);
    expect(boot.departments).toContain(OTHER);
  });

  it('the reporting year of the second plan lists its departments only', async () => {
    const states = await services.handlers.getReportingYear({ planId: SECOND_PLAN_ID, year: 2025 });
    expect(states.map((s) => s.department)).toEqual(['区财政局', '区教育局']);
  });

  it('exporting the second plan for a department of the other plan is refused, naming the plan and its departments', async () => {
    let failure: unknown = null;
    try {
      await services.handlers.exportWorkbook({ planId: SECOND_PLAN_ID, year: 2025, department: OTHER });
    } catch (e) {
      failure = e;
    }
    expect(failure).toBeInstanceOf(ApiFailure);
    const message = (failure as ApiFailure).appMessage;
    expect(message.key).toBe('error.department-not-in-plan');
    expect(message.zh).toContain(`“${OTHER}”`);
    expect(message.zh).toContain(SECOND_PLAN.shortName);
    expect(message.zh).toContain('区财政局、区教育局');
    expect(message.en).toContain(`plan "${SECOND_PLAN.shortName}"`);
    // Its own department still exports.
    const own = await services.handlers.exportWorkbook({ planId: SECOND_PLAN_ID, year: 2025, department: '区教育局' });
    expect(own.base64.length).toBeGreaterThan(0);
  });

  it('a cycle action for a department of the other plan is refused and writes nothing', () => {
    const failure = failureOf(() => changeState(services.store, { planId: SECOND_PLAN_ID, year: 2025, department: OTHER, action: 'lock', reason: null }, { who: 't', at: NOW.toISOString() }, NOW));
    expect(failure?.appMessage.key).toBe('error.department-not-in-plan');
    expect(services.store.reporting.lockOf(SECOND_PLAN_ID, 2025, OTHER)).toBeNull();
  });

  it('an import preview for a department of the other plan is refused', async () => {
    const base64 = readFileSync(join(__dirname, '../../fixtures/returns/a-title-two-row-header.xlsx')).toString('base64');
    let failure: unknown = null;
    try {
      await services.handlers.previewImport({ planId: SECOND_PLAN_ID, files: [{ name: 'zjj.xlsx', base64 }], department: OTHER });
    } catch (e) {
      failure = e;
    }
    expect((failure as ApiFailure).appMessage.key).toBe('error.department-not-in-plan');
  });

  it('a name no plan has stays "unknown department"; null (all departments) passes', () => {
    const plan = services.store.plans.getPlan(SECOND_PLAN_ID);
    expect(failureOf(() => checkPlanDepartment(services.store, plan, '不存在局'))?.appMessage.key).toBe('error.unknown-department');
    expect(failureOf(() => checkPlanDepartment(services.store, plan, null))).toBeNull();
    expect(existsSync(join(tmp.dir, 'two-plans.sqlite'))).toBe(true);
  });
});
