// Plan-level view (docs/ARCHITECTURE.md §Status rule): where each indicator stands on its five-year
// path, a projection to the final year ("时间过半、任务过半"), the pace so far and the pace still
// needed. Built on the yearly status rule.
import { z } from 'zod';
import type { Indicator, Target } from './plan';
import { NO_TARGET, isPercentUnit } from './plan';
import { cellStatus, isYearDue, meetsTarget, STATUS_EPSILON } from './status';

export const OutlookSchema = z.enum(['ahead', 'on-track', 'behind', 'at-risk', 'no-data']);
export type Outlook = z.infer<typeof OutlookSchema>;

export const OUTLOOKS: readonly Outlook[] = OutlookSchema.options;

/** A latest miss larger than this share of the target puts a rate or stock indicator at risk. */
export const BIG_MISS_SHARE = 0.1;

/**
 * Why an outlook is what it is, in the order the rule checks them (see indicatorProgress):
 * - year-missed: the latest reported year misses (or is only "near") its target — one concern;
 * - year-missed-explained: a cumulative indicator missed its latest yearly target, but its share of
 *   the five-year path is at least the share of time gone ("时间过半、任务过半") — no concern, said;
 * - big-miss: a rate or stock missed its latest target by more than BIG_MISS_SHARE of it — at-risk;
 * - projection-misses: the projected final-year value misses the final target — one concern;
 * - due-not-reported: a year that has ended is later than the latest actual — one concern;
 * - final-reached: the latest actual already meets the final target before the final year.
 */
export const ProgressReasonSchema = z.enum(['year-missed', 'year-missed-explained', 'big-miss', 'projection-misses', 'due-not-reported', 'final-reached']);
export type ProgressReason = z.infer<typeof ProgressReasonSchema>;

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
  /** Projected value in the final year (see projectFinal); null without a trend or a final target. */
  projected: number | null;
  /**
   * Cumulative kinds only ("任务过半"): the plan's implied starting level, the share of the path from
   * it to the final target that the latest actual covers, and the share of the five-year period
   * elapsed at the end of the latest year. Null for stock and rate indicators, or when undefined.
   */
  baseline: number | null;
  pathShare: number | null;
  timeShare: number | null;
  /**
   * Pace so far: the trend's yearly step in the indicator's unit (the slope the projection uses);
   * null without a trend. Pace still needed: the yearly step from the latest actual to the final
   * target, (finalTarget − latestActual) / (finalYear − latestYear); null once the final year is
   * reported or without a final target. Indicator 2 (1,012 in 2025, 1,100 in 2027): so far 180 a
   * year, still needed 44 a year.
   */
  paceSoFar: number | null;
  paceNeeded: number | null;
  /** The last year that has ended, when it is later than latestYear (it is due and not reported). */
  missingYear: number | null;
  /** The reasons behind the outlook, in the rule's order (see ProgressReason). */
  reasons: ProgressReason[];
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
 * The yearly step of the reported trend, in the indicator's unit, or null when there is no trend:
 * - two or more actuals: the straight line through the first and the latest reported actual;
 * - one actual of a cumulative indicator: the pace from the implied baseline (the year before the
 *   first plan year) to that actual — a total of 600 in year one means about 600 − baseline a year;
 * - one actual of a rate or stock: no trend (one figure says where it is, not where it goes).
 */
function trendSlope(indicator: Indicator, reported: number[], actuals: Record<number, number | null>, firstPlanYear: number, baseline: number | null): number | null {
  const latestYear = reported[reported.length - 1] as number;
  const latest = actuals[latestYear] as number;
  if (reported.length >= 2) {
    const first = reported[0] as number;
    return (latest - (actuals[first] as number)) / (latestYear - first);
  }
  if (indicator.kind === 'cumulative' && baseline !== null) return (latest - baseline) / (latestYear - (firstPlanYear - 1));
  return null;
}

/**
 * The value expected in the final year if the trend continues: latest + slope × years left. Once the
 * final year is reported it is that actual. Null without a trend. Percent rates are clamped to
 * 0–100: a coverage rate cannot pass 100%.
 */
function projectFinal(indicator: Indicator, latestYear: number, latest: number, slope: number | null, finalYear: number): number | null {
  if (latestYear >= finalYear) return latest;
  if (slope === null) return null;
  const projected = latest + slope * (finalYear - latestYear);
  if (indicator.kind === 'rate' && isPercentUnit(indicator.unit)) return Math.min(100, Math.max(0, projected));
  return projected;
}

/** The last of `years` that has ended by `today` (see isYearDue), or null when none has. */
export function lastDueYear(years: number[], today: Date): number | null {
  const due = years.filter((y) => isYearDue(y, today));
  return due.length > 0 ? Math.max(...due) : null;
}

const LADDER: readonly Outlook[] = ['ahead', 'on-track', 'behind', 'at-risk'];

/**
 * Outlook of one indicator — THE progress rule (the plan-level view; the panel, the dashboard, the
 * report and the CLI show what it returns and explain it from `reasons`). In order:
 *
 * 1. No reported actual → no-data.
 * 2. Start at ahead when the latest actual already meets the final target before the final year and
 *    the final target asks more than the latest year's (the goal is reached early; a constant 100%
 *    met every year is not "ahead"); otherwise start at on-track.
 * 3. Count concerns; each lowers the outlook one step (ahead → on-track → behind → at-risk):
 *    - the latest year misses its target (year-missed) — unless the indicator is cumulative and its
 *      path share is at least the time share: then the miss is explained (year-missed-explained),
 *      not counted, because the total is where the five-year path needs it ("时间过半、任务过半");
 *    - the projection misses the final target (projection-misses): a projection that misses cannot
 *      be on-track, whatever the latest year did — the plan's path may bend, the outlook says so;
 *    - a year that has ended (given `today`) is later than the latest actual (due-not-reported):
 *      the outlook cannot stay as good as it was on older figures.
 *    A counted yearly miss or a missing projection leaves the outlook at behind or worse, even when
 *    it started at ahead (a rate at 102% falling towards 84.8% against 95% is not on-track).
 * 4. A rate or stock that misses its latest target by more than 10% of it (big-miss) is at-risk.
 *
 * Worked examples (plan 2023–2027, today 15 March 2026, so 2025 is due):
 * - Indicator 2, cumulative, targets 637 / 847 / 1050 / 1060 / 1100, actuals 652 / 861 / 1012:
 *   2025 misses 1050 by 38; baseline 637 − 210 = 427, path (1012 − 427) / 673 = 87% ≥ time 3/5 =
 *   60% → explained; trend 180 a year → 2027: 1372 ≥ 1100. No concern → on-track.
 * - Indicator 13, stock, 2024: 14702 ≥ 14660 met; trend 681 a year → 2027: 16745 < 17060 (one
 *   concern); 2025 not reported (another) → at-risk.
 * - Indicator 10, cumulative 0 / 1 / 3 / 4 / 5, actuals 0 / 1: 2024 met; trend 1 a year → 2027: 4 < 5
 *   (one concern); 2025 not reported (another) → at-risk. Without the clock: behind.
 * - Indicator 7, 2 / 3 / 5 against 2 / 4 / 6: 2025 misses 6, path 5/10 = 50% < 60% (concern);
 *   trend 1.5 a year → 8 < 10 (concern) → at-risk.
 * - Indicator 4, 5 / 8 against 4 / 5 / …/ 8: 8 meets the 2027 target in 2024 → ahead; with 2025 due
 *   and not reported → on-track.
 * - Indicator 9, rate, one figure 31 against 35: no trend, no projection; miss 4 > 3.5 → at-risk.
 *
 * Without `today` the due-year check is skipped (the outlook of the figures alone).
 */
export function indicatorProgress(indicator: Indicator, years: number[], actuals: Record<number, number | null>, today?: Date): ProgressResult {
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
    paceSoFar: null,
    paceNeeded: null,
    missingYear: null,
    reasons: [],
  };
  if (reported.length === 0) return base;
  const latestYear = reported[reported.length - 1] as number;
  const latestActual = actuals[latestYear] as number;
  const latestTarget = lastNumericTarget(indicator, years, latestYear)?.value ?? null;
  const paceSoFar = trendSlope(indicator, reported, actuals, firstPlanYear, baseline);
  const projected = final ? projectFinal(indicator, latestYear, latestActual, paceSoFar, final.year) : null;
  const paceNeeded = final && latestYear < final.year ? (final.value - latestActual) / (final.year - latestYear) : null;
  const due = today ? lastDueYear(years, today) : null;
  const missingYear = due !== null && latestYear < due ? due : null;

  let pathShare: number | null = null;
  let timeShare: number | null = null;
  if (indicator.kind === 'cumulative' && final && baseline !== null) {
    const span = final.value - baseline;
    pathShare = Math.abs(span) < STATUS_EPSILON ? null : (latestActual - baseline) / span;
    // The path starts at the end of the year before the plan: after 2025 of 2023–2027, 3/5 has passed.
    timeShare = Math.min(1, (latestYear - (firstPlanYear - 1)) / (final.year - (firstPlanYear - 1)));
  }

  const dir = indicator.direction;
  const reasons: ProgressReason[] = [];
  let concerns = 0;
  let severe = false;
  if (latestTarget !== null) {
    const yearly = cellStatus({ indicator, year: latestYear, target: latestTarget, actual: latestActual, today: new Date(0) }).status;
    if (yearly === 'missed' || yearly === 'near') {
      if (pathShare !== null && timeShare !== null && pathShare >= timeShare - STATUS_EPSILON) {
        reasons.push('year-missed-explained');
      } else {
        reasons.push('year-missed');
        concerns += 1;
        const bigMiss = yearly === 'missed' && Math.abs(latestActual - latestTarget) > Math.abs(latestTarget) * BIG_MISS_SHARE;
        if (bigMiss && indicator.kind !== 'cumulative') {
          reasons.push('big-miss');
          severe = true;
        }
      }
    }
  }
  if (final && projected !== null && !meetsTarget(dir, final.value, projected)) {
    reasons.push('projection-misses');
    concerns += 1;
  }
  if (missingYear !== null) {
    reasons.push('due-not-reported');
    concerns += 1;
  }
  let start = 1;
  if (final && latestYear < final.year && meetsTarget(dir, final.value, latestActual)) {
    const finalAsksMore = latestTarget === null || !meetsTarget(dir, final.value, latestTarget);
    if (finalAsksMore) {
      reasons.push('final-reached');
      start = 0;
    }
  }
  let level = start + concerns;
  // A missed year or a missing projection is never on-track, even from "ahead" (step 3).
  if (reasons.includes('year-missed') || reasons.includes('projection-misses')) level = Math.max(level, 2);
  const outlook = severe ? 'at-risk' : (LADDER[Math.min(LADDER.length - 1, level)] as Outlook);
  return { ...base, outlook, latestYear, latestActual, latestTarget, projected, pathShare, timeShare, paceSoFar, paceNeeded, missingYear, reasons };
}
