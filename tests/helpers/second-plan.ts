// A second plan for tests of several plans in one database (issue 14): a short 学有优教 table, with
// its own departments, inserted through PlansRepo.insertPlan (audit rows included) as the plan
// table import will. Distinct indicator names, so a workbook of either plan matches only its own.
import type { Plan } from '../../shared/domain/plan';
import { NO_TARGET } from '../../shared/domain/plan';
import { join } from 'node:path';
import { createServices } from '../../electron/services/create-services';
import type { Store } from '../../electron/store/store';

export const SECOND_PLAN_ID = 'dongtou-xyyj-2023-2027';

export const SECOND_PLAN: Plan = {
  id: SECOND_PLAN_ID,
  shortName: '学有优教',
  title: '温州市洞头区“学有优教”工程五年目标',
  tableTitle: '表：洞头区“学有优教”工程五年目标',
  years: [2023, 2024, 2025, 2026, 2027],
  domains: ['学前教育', '义务教育'],
  sourceNote: 'test plan',
  coordinator: '区教育局',
  version: 1,
  indicators: [
    {
      id: 'xyyj-01', code: '1', domain: '学前教育', name: '普惠性幼儿园在园幼儿占比', unit: '%', kind: 'rate', direction: 'higher', tolerance: null,
      leadUnit: '区教育局', coUnits: ['区财政局'], targets: { 2023: 90, 2024: 91, 2025: 92, 2026: 93, 2027: 95 },
    },
    {
      id: 'xyyj-02', code: '2', domain: '义务教育', name: '新建改扩建中小学累计数量', unit: '所', kind: 'cumulative', direction: 'higher', tolerance: null,
      leadUnit: '区教育局', coUnits: [], targets: { 2023: 1, 2024: 2, 2025: 3, 2026: 4, 2027: NO_TARGET },
    },
    {
      id: 'xyyj-03', code: '3', domain: '义务教育', name: '义务教育阶段大班额比例', unit: '%', kind: 'rate', direction: 'lower', tolerance: null,
      leadUnit: '区教育局', coUnits: [], targets: { 2023: 5, 2024: 4, 2025: 3, 2026: 2, 2027: 1 },
    },
  ],
};

/** Insert SECOND_PLAN into an open store (one transaction, audited as the seed is). */
export function addSecondPlan(store: Store): void {
  store.transaction(() => store.plans.insertPlan(SECOND_PLAN, { who: 'test', at: '2026-03-01T00:00:00.000Z', source: 'seed' }));
}

/**
 * A database file two-plans.sqlite in `dir` holding the seed plan and SECOND_PLAN, made as the
 * desktop app makes its database; returns its path. For the command line's --plan tests.
 */
export function makeTwoPlanDatabase(dir: string): string {
  const db = join(dir, 'two-plans.sqlite');
  const services = createServices({ dbPath: db, mode: 'desktop' });
  addSecondPlan(services.store);
  services.close();
  return db;
}
