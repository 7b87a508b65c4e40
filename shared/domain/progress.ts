// Plan-level view (DESIGN.md §7): where each indicator stands on its five-year path, and a
// projection to the final year ("时间过半、任务过半"). Built on the yearly status rule.
import type { Indicator, Target } from './plan';
import { NO_TARGET } from './plan';
import { meetsTarget } from './status';

export type Outlook = 'ahead' | 'on-track' | 'behind' | 'at-risk' | 'no-data';

export interface ProgressResult {
  outlook: Outlook;
  /** Latest year with an actual, and that actual. */
  latestYear: number | null;
  latestActual: number | null;
  /** Final year with a numeric target, and that target. */
  finalYear: number | null;
  finalTarget: number | null;
  /** Projected value in the final year (linear trend of reported actuals), cumulative kinds only. */
  projected: number | null;
}

function lastNumericTarget(indicator: Indicator, years: number[]): { year: number; value: number } | null {
  for (const y of [...years].sort((a, b) => b - a)) {
    const t: Target | undefined = indicator.targets[y];
    if (t !== undefined && t !== NO_TARGET) return { year: y, value: t };
  }
  return null;
}

/**
 * Outlook of one indicator. Rule, in order:
 * - no reported actual → no-data;
 * - the latest actual misses that year's target → behind; if the projection also misses the final
 *   target (or, for rates and stocks, the latest miss exceeds 10% of the target) → at-risk;
 * - the latest actual already meets the final target → ahead; otherwise on-track.
 * The projection extends the average yearly change of the reported actuals to the final year.
 */
export function indicatorProgress(indicator: Indicator, years: number[], actuals: Record<number, number | null>): ProgressResult {
  const reported = years.filter((y) => actuals[y] !== null && actuals[y] !== undefined).sort((a, b) => a - b);
  const final = lastNumericTarget(indicator, years);
  const base: ProgressResult = {
    outlook: 'no-data',
    latestYear: null,
    latestActual: null,
    finalYear: final?.year ?? null,
    finalTarget: final?.value ?? null,
    projected: null,
  };
  if (reported.length === 0) return base;
  const latestYear = reported[reported.length - 1] as number;
  const latestActual = actuals[latestYear] as number;
  let projected: number | null = latestActual;
  if (final && reported.length >= 2) {
    const first = reported[0] as number;
    const slope = (latestActual - (actuals[first] as number)) / (latestYear - first);
    projected = latestActual + slope * (final.year - latestYear);
  }
  const result: ProgressResult = { ...base, latestYear, latestActual, projected };
  const yearTarget = indicator.targets[latestYear];
  const dir = indicator.direction;
  const missesThisYear = yearTarget !== undefined && yearTarget !== NO_TARGET && !meetsTarget(dir, yearTarget, latestActual);
  if (missesThisYear) {
    const t = yearTarget as number;
    const projectionMisses = final !== null && projected !== null && !meetsTarget(dir, final.value, projected);
    const bigMiss = Math.abs(latestActual - t) > Math.abs(t) * 0.1;
    const atRisk = indicator.kind === 'cumulative' ? projectionMisses : projectionMisses || bigMiss;
    return { ...result, outlook: atRisk ? 'at-risk' : 'behind' };
  }
  if (final && meetsTarget(dir, final.value, latestActual) && latestYear < final.year) {
    return { ...result, outlook: 'ahead' };
  }
  return { ...result, outlook: 'on-track' };
}
