// Plan-level view (docs/ARCHITECTURE.md §Status rule): where each indicator stands on its five-year path, and a
// projection to the final year ("时间过半、任务过半"). Built on the yearly status rule.
import { z } from 'zod';
import type { Indicator, Target } from './plan';
import { NO_TARGET, isPercentUnit } from './plan';
import { cellStatus, meetsTarget, STATUS_EPSILON } from './status';

export const OutlookSchema = z.enum(['ahead', 'on-track', 'behind', 'at-risk', 'no-data']);
export type Outlook = z.infer<typeof OutlookSchema>;

export const OUTLOOKS: readonly Outlook[] = OutlookSchema.options;

/** A latest miss larger than this share of the target puts a rate or stock indicator at risk. */
export const BIG_MISS_SHARE = 0.1;

export interface ProgressResult {
  outlook: Outlook;
  /** Latest year with an actual, and that actual. */
  latestYear: number | null;
  latestActual: number | null;
  /**
   * The target the latest actual is judged against: that year's, or — when the year has none ("/")
   * — the last numeric target of an earlier year. Null when there is none.
   */
  latestTarget: number | null;
  /** Final year with a numeric target, and that target (indicator 6: 2027 is "/", so 2026's 4). */
  finalYear: number | null;
  finalTarget: number | null;
  /** Projected value in the final year (see projectFinal); null without actuals or a final target. */
  projected: number | null;
  /**
   * Cumulative kinds only ("任务过半"): the plan's implied starting level, the share of the path from
   * it to the final target that the latest actual covers, and the share of the five-year period
   * elapsed at the end of the latest year. Null for stock and rate indicators, or when undefined.
   */
  baseline: number | null;
  pathShare: number | null;
  timeShare: number | null;
}

/** The last year (not after `upTo`, if given) whose target is a number, with that target. */
function lastNumericTarget(indicator: Indicator, years: number[], upTo = Infinity): { year: number; value: number } | null {
  for (const y of [...years].sort((a, b) => b - a)) {
    if (y > upTo) continue;
    const t: Target | undefined = indicator.targets[y];
    if (t !== undefined && t !== NO_TARGET) return { year: y, value: t };
  }
  return null;
}

/**
 * Where a cumulative indicator stood before the plan's first year: the first year's target minus
 * the first year's planned step (second target − first), never below 0. The plan tables give no
 * base-year figure, so this is the starting level the plan itself implies: [637, 847, …] → 427;
 * [2, 4, 6, …] → 0; [0, 1, 3, …] → 0 (not −1). Null when the first two years lack numeric targets.
 */
export function impliedBaseline(indicator: Indicator, years: number[]): number | null {
  const sorted = [...years].sort((a, b) => a - b);
  const first = sorted[0] === undefined ? undefined : indicator.targets[sorted[0]];
  const second = sorted[1] === undefined ? undefined : indicator.targets[sorted[1]];
  if (typeof first !== 'number' || typeof second !== 'number') return null;
  return Math.max(0, first - (second - first));
}

/**
 * The value expected in the final year if the reported pace continues:
 * - two or more actuals: the straight line through the first and the latest reported actual;
 * - one actual of a cumulative indicator: the pace from the implied baseline (the year before the
 *   first plan year) to that actual — a total of 600 in year one means about 600 − baseline a year;
 * - one actual otherwise: the value stays where it is.
 * Percent rates are clamped to 0–100: a coverage rate cannot pass 100%.
 */
function projectFinal(
  indicator: Indicator,
  reported: number[],
  actuals: Record<number, number | null>,
  finalYear: number,
  firstPlanYear: number,
  baseline: number | null,
): number {
  const latestYear = reported[reported.length - 1] as number;
  const latest = actuals[latestYear] as number;
  if (latestYear >= finalYear) return latest;
  let slope = 0;
  if (reported.length >= 2) {
    const first = reported[0] as number;
    slope = (latest - (actuals[first] as number)) / (latestYear - first);
  } else if (indicator.kind === 'cumulative' && baseline !== null) {
    slope = (latest - baseline) / (latestYear - (firstPlanYear - 1));
  }
  const projected = latest + slope * (finalYear - latestYear);
  if (indicator.kind === 'rate' && isPercentUnit(indicator.unit)) return Math.min(100, Math.max(0, projected));
  return projected;
}

/**
 * Outlook of one indicator. Rule, in order:
 * - no reported actual → no-data;
 * - the latest actual misses (or is only "near") the target of its year (latestTarget) → behind;
 *   at-risk instead when the projected trend misses the final target, or, for rates and stocks,
 *   when the latest miss exceeds 10% of the target (a cumulative total can still catch up; a rate
 *   far below its target rarely does). A single rate or stock figure has no trend: behind unless
 *   the miss is big;
 * - the latest actual already meets the final target before the final year, and the final target
 *   asks for more than the latest year's → ahead. "Ahead" means the five-year goal is reached early;
 *   a constant target (a 100% rate every year) met each year is simply on-track, not ahead;
 * - otherwise on-track — also when the latest year is met but the straight-line trend falls short
 *   of the final target: the plan's own path is rarely straight (indicator 10: 0, 1, 3, 4, 5).
 * The outlook judges the latest reported year: it does not look at the clock, so a year still
 * unreported shows as an older latestYear, not as a worse outlook.
 */
export function indicatorProgress(indicator: Indicator, years: number[], actuals: Record<number, number | null>): ProgressResult {
  const reported = years.filter((y) => actuals[y] !== null && actuals[y] !== undefined).sort((a, b) => a - b);
  const final = lastNumericTarget(indicator, years);
  const firstPlanYear = Math.min(...years);
  const baseline = indicator.kind === 'cumulative' ? impliedBaseline(indicator, years) : null;
  const base: ProgressResult = {
    outlook: 'no-data',
    latestYear: null,
    latestActual: null,
    latestTarget: null,
    finalYear: final?.year ?? null,
    finalTarget: final?.value ?? null,
    projected: null,
    baseline,
    pathShare: null,
    timeShare: null,
  };
  if (reported.length === 0) return base;
  const latestYear = reported[reported.length - 1] as number;
  const latestActual = actuals[latestYear] as number;
  const latestTarget = lastNumericTarget(indicator, years, latestYear)?.value ?? null;
  const projected = final ? projectFinal(indicator, reported, actuals, final.year, firstPlanYear, baseline) : null;

  let pathShare: number | null = null;
  let timeShare: number | null = null;
  if (indicator.kind === 'cumulative' && final && baseline !== null) {
    const span = final.value - baseline;
    pathShare = Math.abs(span) < STATUS_EPSILON ? null : (latestActual - baseline) / span;
    // The path starts at the end of the year before the plan: after 2025 of 2023–2027, 3/5 has passed.
    timeShare = Math.min(1, (latestYear - (firstPlanYear - 1)) / (final.year - (firstPlanYear - 1)));
  }
  const result: ProgressResult = { ...base, latestYear, latestActual, latestTarget, projected, pathShare, timeShare };

  const dir = indicator.direction;
  if (latestTarget !== null) {
    const yearly = cellStatus({ indicator, year: latestYear, target: latestTarget, actual: latestActual, today: new Date(0) }).status;
    if (yearly === 'missed' || yearly === 'near') {
      // A flat projection from a single rate or stock figure only repeats this year's miss; it is
      // evidence of risk only when it is a trend (two or more actuals, or a cumulative pace).
      const isTrend = reported.length >= 2 || (indicator.kind === 'cumulative' && baseline !== null);
      const projectionMisses = isTrend && final !== null && projected !== null && !meetsTarget(dir, final.value, projected);
      const bigMiss = yearly === 'missed' && Math.abs(latestActual - latestTarget) > Math.abs(latestTarget) * BIG_MISS_SHARE;
      const atRisk = indicator.kind === 'cumulative' ? projectionMisses : projectionMisses || bigMiss;
      return { ...result, outlook: atRisk ? 'at-risk' : 'behind' };
    }
  }
  if (final && latestYear < final.year && meetsTarget(dir, final.value, latestActual)) {
    const finalAsksMore = latestTarget === null || !meetsTarget(dir, final.value, latestTarget);
    if (finalAsksMore) return { ...result, outlook: 'ahead' };
  }
  return { ...result, outlook: 'on-track' };
}
