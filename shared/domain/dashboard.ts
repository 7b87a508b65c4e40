// The numbers behind the progress dashboard, the leadership report and the consolidated workbook
// (issue 15): per indicator the target path, the actuals and the projection to the final year; per
// 领域 the counts by outlook; per department how complete the reporting year is, beside its state in
// the reporting cycle (未填报 … 已锁定, days overdue). One pure builder, so the charts, their text
// alternatives, the PDF and the workbook all show the same figures. The states are not decided here:
// the caller passes what the reporting-cycle rule (reporting-cycle.ts effectiveState/overdueDays,
// applied by the reporting service) says for each department.
import type { Indicator, Plan } from './plan';
import { NO_TARGET } from './plan';
import type { Outlook, ProgressResult } from './progress';
import { OUTLOOKS, indicatorProgress } from './progress';
import type { ReportingState } from './reporting-cycle';

export interface IndicatorSeries {
  indicatorId: string;
  code: string;
  name: string;
  unit: string;
  domain: string;
  leadUnit: string;
  direction: Indicator['direction'];
  tolerance: number | null;
  /** Per plan year, in order: the target (null for "/" or none) and the actual (null = not reported). */
  targets: (number | null)[];
  actuals: (number | null)[];
  /** The yearly notes (说明) as entered, null where none. */
  notes: (string | null)[];
  /**
   * The projection drawn as a dashed line: from the latest actual to the final year's projected
   * value, per plan year (null outside that stretch). All null without a projection.
   */
  projection: (number | null)[];
  progress: ProgressResult;
}

export interface DomainOutlooks {
  domain: string;
  counts: Record<Outlook, number>;
}

/** A department-year in the reporting cycle, as the reporting-cycle rule gives it. */
export interface DepartmentCycle {
  /** 未填报 / 填报中 / 已提交 / 已退回 / 已锁定 (reporting-cycle.ts effectiveState). */
  state: ReportingState;
  /** The reporting deadline, YYYY-MM-DD. */
  deadline: string;
  /** Whole days past the deadline without a submission (reporting-cycle.ts overdueDays), else null. */
  overdueDays: number | null;
  /** Whole days after the deadline the standing submission came in (reporting-cycle.ts submittedLateDays), else null. */
  submittedLateDays: number | null;
}

export interface DepartmentCompleteness {
  department: string;
  /** Indicators the department leads, and how many of them have an actual for the reporting year. */
  expected: number;
  reported: number;
  /** Its state for the reporting year; null when the caller passed no states (or none for it). */
  cycle: DepartmentCycle | null;
}

export interface DashboardData {
  planId: string;
  planTitle: string;
  years: number[];
  /** The reporting year the completeness refers to. */
  year: number;
  indicators: IndicatorSeries[];
  domains: DomainOutlooks[];
  departments: DepartmentCompleteness[];
  totals: Record<Outlook, number>;
}

/** An actual as stored: a number, or null with perhaps a note. */
export interface ActualCell {
  value: number | null;
  note: string | null;
}

function emptyCounts(): Record<Outlook, number> {
  return Object.fromEntries(OUTLOOKS.map((o) => [o, 0])) as Record<Outlook, number>;
}

function projectionLine(years: number[], p: ProgressResult): (number | null)[] {
  if (p.projected === null || p.latestYear === null || p.latestActual === null || p.finalYear === null || p.latestYear >= p.finalYear) {
    return years.map(() => null);
  }
  const { latestYear, latestActual, finalYear, projected } = p;
  const step = (projected - latestActual) / (finalYear - latestYear);
  return years.map((y) => (y >= latestYear && y <= finalYear ? latestActual + step * (y - latestYear) : null));
}

/**
 * Builds the dashboard's figures. `actual(indicatorId, year)` reads a stored cell (undefined = none);
 * `departments` lists the departments in their order (those leading nothing are left out); `today`
 * is the services' clock (the progress rule's due years). `cycle(department)` is the department's
 * state for `year` in the reporting cycle (reporting-service.ts yearStates); by default none.
 */
export function buildDashboard(
  plan: Pick<Plan, 'id' | 'title' | 'years' | 'domains' | 'indicators'>,
  actual: (indicatorId: string, year: number) => ActualCell | undefined,
  year: number,
  departments: string[],
  today: Date,
  cycle: (department: string) => DepartmentCycle | undefined = () => undefined,
): DashboardData {
  const years = [...plan.years].sort((a, b) => a - b);
  const indicators: IndicatorSeries[] = plan.indicators.map((ind: Indicator) => {
    const values: Record<number, number | null> = {};
    for (const y of years) values[y] = actual(ind.id, y)?.value ?? null;
    const progress = indicatorProgress(ind, years, values, today);
    return {
      indicatorId: ind.id,
      code: ind.code,
      name: ind.name,
      unit: ind.unit,
      domain: ind.domain,
      leadUnit: ind.leadUnit,
      direction: ind.direction,
      tolerance: ind.tolerance,
      targets: years.map((y) => {
        const t = ind.targets[y];
        return t === undefined || t === NO_TARGET ? null : t;
      }),
      actuals: years.map((y) => values[y] ?? null),
      notes: years.map((y) => actual(ind.id, y)?.note ?? null),
      projection: projectionLine(years, progress),
      progress,
    };
  });
  const domainOrder = [...plan.domains];
  for (const i of indicators) if (!domainOrder.includes(i.domain)) domainOrder.push(i.domain);
  const domains = domainOrder
    .map((domain) => {
      const counts = emptyCounts();
      for (const i of indicators) if (i.domain === domain) counts[i.progress.outlook] += 1;
      return { domain, counts };
    })
    .filter((d) => OUTLOOKS.some((o) => d.counts[o] > 0));
  const yearIndex = years.indexOf(year);
  const completeness = departments
    .map((department) => {
      const led = indicators.filter((i) => i.leadUnit === department);
      const reported = yearIndex < 0 ? 0 : led.filter((i) => i.actuals[yearIndex] !== null).length;
      const c = cycle(department);
      return { department, expected: led.length, reported, cycle: c ? { state: c.state, deadline: c.deadline, overdueDays: c.overdueDays, submittedLateDays: c.submittedLateDays } : null };
    })
    .filter((d) => d.expected > 0);
  const totals = emptyCounts();
  for (const i of indicators) totals[i.progress.outlook] += 1;
  return { planId: plan.id, planTitle: plan.title, years, year, indicators, domains, departments: completeness, totals };
}
