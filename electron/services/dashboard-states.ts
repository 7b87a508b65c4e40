// The reporting-cycle states the dashboard, the PDF report and the consolidated workbook show beside
// each department's completeness (docs/ARCHITECTURE.md §Leadership report). The states come from
// the reporting service (yearStates: the one rule of reporting-cycle.ts); nothing is decided here.
import type { DepartmentCycle } from '../../shared/domain/dashboard';
import type { Plan } from '../../shared/domain/plan';
import type { Store } from '../store/store';
import { yearStates } from './reporting-service';

/**
 * `year`'s state of each department as of `today`, for buildDashboard's `cycle` argument. A year
 * outside the plan has no reporting cycle: every department then gets none (undefined).
 */
export function dashboardStates(store: Store, plan: Plan, year: number, today: Date): (department: string) => DepartmentCycle | undefined {
  if (!plan.years.includes(year)) return () => undefined;
  const states = new Map(yearStates(store, plan.id, year, today).map((s) => [s.department, s]));
  return (department) => states.get(department);
}
