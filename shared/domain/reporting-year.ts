// Which plan year a clerk reports by default: the one rule behind the year the window opens on and
// the year the desktop menu's export uses before the window has shown a grid.
import type { Plan } from './plan';
import { isYearDue } from './status';

/**
 * The year a clerk most likely reports on `today` ("YYYY-MM-DD", as Bootstrap.today): the last
 * plan year that is due (has ended, see isYearDue — in March 2026 that is 2025), else the plan's
 * first year (a plan that has not started yet). A plan without years gives today's calendar year.
 * Years are taken in the plan's order, which is ascending.
 */
export function defaultReportingYear(plan: Pick<Plan, 'years'>, today: string): number {
  const calendarYear = Number(today.slice(0, 4));
  // Only the year of today matters to "due"; a local 1 January avoids any time-zone shift.
  const due = plan.years.filter((y) => isYearDue(y, new Date(calendarYear, 0, 1)));
  return due.length > 0 ? (due[due.length - 1] as number) : (plan.years[0] ?? calendarYear);
}
