// THE status rule (docs/ARCHITECTURE.md §Status rule). The grid, the exported workbook's legend and conditional
// formats, the CLI and the import preview all call cellStatus(); nothing else decides a colour.
import type { Direction, Indicator, Target } from './plan';
import { NO_TARGET } from './plan';

/** A cell's status, declared once: the contract validates with CellStatusSchema (domain-schemas.ts), code uses the type. */
export const CELL_STATUSES = ['met', 'missed', 'near', 'no-target', 'not-reported', 'pending'] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

export interface StatusInput {
  indicator: Pick<Indicator, 'direction' | 'tolerance'>;
  year: number;
  /** Undefined when the plan has no entry for the year; "/" when it explicitly sets none. */
  target: Target | undefined;
  actual: number | null;
  /** Today's date; injected so tests and exports use a fixed clock. */
  today: Date;
}

export interface StatusResult {
  status: CellStatus;
  /** actual − target, signed in the direction of "better" (positive = better than target). */
  gap: number | null;
  /** Completion ratio as a fraction (1 = exactly on target), direction-aware; null when undefined. */
  completion: number | null;
}

/**
 * A year is due once it has ended: actuals for 2025 are reported from 1 January 2026. Until then
 * an empty cell is "pending", not "not reported".
 */
export function isYearDue(year: number, today: Date): boolean {
  return today.getFullYear() > year;
}



/** Completion ratio: actual/target for higher-is-better, target/actual for lower-is-better. */
export function completionRatio(direction: Direction, target: number, actual: number): number | null {
  if (direction === 'higher') {
    if (target === 0) return null;
    return actual / target;
  }
  if (actual === 0) return null;
  return target / actual;
}

/**
 * Floating-point noise (87.5 typed vs 0.875×100 read from a workbook) must not turn a met cell red:
 * differences smaller than this count as on target. The exported workbook's formulas use it too.
 */
export const STATUS_EPSILON = 1e-9;
const EPSILON = STATUS_EPSILON;

/**
 * True when `actual` meets `target` in the given direction. Equal always meets, and so does a
 * difference below STATUS_EPSILON (floating-point noise), as in cellStatus().
 */
export function meetsTarget(direction: Direction, target: number, actual: number): boolean {
  const meets = direction === 'higher' ? actual >= target : actual <= target;
  return meets || Math.abs(actual - target) < EPSILON;
}

export function cellStatus(input: StatusInput): StatusResult {
  const { indicator, year, target, actual, today } = input;
  if (target === NO_TARGET || target === undefined) {
    return { status: 'no-target', gap: null, completion: null };
  }
  if (actual === null) {
    return { status: isYearDue(year, today) ? 'not-reported' : 'pending', gap: null, completion: null };
  }
  const better = indicator.direction === 'higher' ? actual - target : target - actual;
  // Reported to 12 significant digits: 11.2 − 11 is 0.2, not 0.1999999999999993 (float noise).
  const gap = Math.abs(better) < EPSILON ? 0 : Number(better.toPrecision(12));
  const completion = completionRatio(indicator.direction, target, actual);
  if (gap >= 0) return { status: 'met', gap, completion };
  const tol = indicator.tolerance;
  if (tol !== null && tol > 0) {
    const allowed = Math.abs(target) * tol;
    if (-gap <= allowed + EPSILON) return { status: 'near', gap, completion };
  }
  return { status: 'missed', gap, completion };
}
