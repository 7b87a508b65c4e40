// 报送情况 for the coordinating office (issue 13 part 3): departments × one reporting year — state,
// deadline and days overdue, cells filled / due, misses without a note, last import. The counting
// rule is shared/domain/reporting-overview.ts; this module fetches its inputs from the store.
import type { z } from 'zod';
import type { ReportingOverviewSchema } from '../../shared/api/overview-schemas';
import type { Plan } from '../../shared/domain/plan';
import { indicatorsForDepartment } from '../../shared/domain/plan';
import { departmentOverview } from '../../shared/domain/reporting-overview';
import type { OverviewCell } from '../../shared/domain/reporting-overview';
import { fail } from '../../shared/api/result';
import type { Store } from '../store/store';
import { actualKey } from '../store/repositories/actuals-repo';
import { buildCell, isoDate } from './grid-service';
import { departmentYearState } from './reporting-service';

export type ReportingOverview = z.infer<typeof ReportingOverviewSchema>;

/** The latest applied (not undone) import of each department: file name, time, import id. */
export function lastImports(store: Store): Map<string, { fileName: string; at: string; importId: number }> {
  const out = new Map<string, { fileName: string; at: string; importId: number }>();
  // list() is newest first: the first file seen for a department is its latest.
  for (const record of store.imports.list(1_000_000)) {
    if (record.undone) continue;
    for (const f of record.files) if (f.department && !out.has(f.department)) out.set(f.department, { fileName: f.name, at: record.at, importId: record.importId });
  }
  return out;
}

/** The cells of one department for a year (the indicators it leads), coloured by the shared rule. */
export function departmentCells(store: Store, plan: Plan, year: number, department: string, today: Date): (OverviewCell & { code: string; indicatorId: string; target: number | '/' | null })[] {
  const actuals = store.actuals.forPlan(plan.id);
  return indicatorsForDepartment(plan, department).map((ind) => {
    const cell = buildCell(ind, year, actuals.get(actualKey(ind.id, year)), today);
    return { status: cell.status, actual: cell.actual, note: cell.note, code: ind.code, indicatorId: ind.id, target: cell.target };
  });
}

/**
 * The overview of `year` as of `today`: one row per department that leads at least one indicator,
 * in the plan's department order. Refuses a year outside the plan (error.unknown-year).
 */
export function buildReportingOverview(store: Store, plan: Plan, year: number, today: Date): ReportingOverview {
  if (!plan.years.includes(year)) fail('refused', 'error.unknown-year', { year });
  const imports = lastImports(store);
  const rows = store.plans
    .listDepartments()
    .filter((d) => indicatorsForDepartment(plan, d).length > 0)
    .map((department) => {
      const cells = departmentCells(store, plan, year, department, today);
      // State, deadline and days overdue: the reporting cycle's one rule (reporting-service.ts).
      const cycle = departmentYearState(store, plan.id, year, department, today);
      return departmentOverview({ department, state: cycle.state, deadline: cycle.deadline, overdueDays: cycle.overdueDays, lateDays: cycle.submittedLateDays, cells, lastImport: imports.get(department) ?? null });
    });
  return { planId: plan.id, year, today: isoDate(today), rows };
}
