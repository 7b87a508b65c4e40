// The two facts the 报送情况 overview and the reminders read from the reporting cycle — a return's
// state and a year's deadline — each behind one small function, so the rules of issue 13 parts 1–2
// (states, deadlines, migration 004) plug in here and nowhere else.
// Until those are recorded: no state is stored, so a department with any actual for the year is
// 填报中 (in progress), else 未填报; the deadline is the default rule, 31 January of the next year.
import type { Plan } from '../../shared/domain/plan';
import type { ReturnState } from '../../shared/domain/reporting-overview';
import type { Store } from '../store/store';

/** The reporting deadline of a plan year, ISO date (default: 31 January of the following year). */
export function reportingDeadline(_store: Store, _plan: Plan, year: number): string {
  return `${year + 1}-01-31`;
}

/** The state of a department's return for a year; `hasActuals`: any of its cells holds an actual. */
export function returnState(_store: Store, _plan: Plan, _year: number, _department: string, hasActuals: boolean): ReturnState {
  return hasActuals ? 'in-progress' : 'not-started';
}
