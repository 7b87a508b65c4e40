// The status rule of status.ts (cellStatus) written as Excel formulas, for the exported workbook's
// conditional formats and 完成率 column. Kept beside the rule and proven equal to it by a test that
// recalculates these formulas in LibreOffice (tests/electron/workbook/status-excel.test.ts).
import type { Direction } from './plan';
import { STATUS_EPSILON } from './status';
import { STATUS_SYMBOL } from './status-symbol';

export interface StatusFormulaInput {
  direction: Direction;
  /** As on Indicator: a fraction of the target; null or ≤ 0 means no "near" band. */
  tolerance: number | null;
  /** A1 references (relative, e.g. "F6") of the target and actual cells. */
  target: string;
  actual: string;
}

/** Formulas without the leading "=", each TRUE exactly when cellStatus() returns that status. */
export interface StatusFormulas {
  met: string;
  /** Null when the indicator has no tolerance: cellStatus() never says "near" then. */
  near: string | null;
  missed: string;
}

/** A JS number as an Excel formula literal (no "e+" surprises, no locale). */
function excelNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return String(n).toUpperCase().replace('E+', 'E');
}

function hasTolerance(tolerance: number | null): tolerance is number {
  return tolerance !== null && tolerance > 0;
}

/**
 * The meaning, line by line against cellStatus():
 * - target not a number ("/" or blank) → no-target; actual not a number (blank) → not reported or
 *   pending: every formula is FALSE, so the cell keeps its own fill. N() keeps text from raising
 *   #VALUE! (AND() evaluates every argument).
 * - better = actual − target (higher is better) or target − actual (lower is better);
 *   met ⇔ better > −ε (|better| < ε counts as exactly on target).
 * - near ⇔ not met and −better ≤ |target| × tolerance + ε, only when tolerance > 0.
 * - missed ⇔ not met and not near.
 */
export function statusFormulas(input: StatusFormulaInput): StatusFormulas {
  const a = `N(${input.actual})`;
  const t = `N(${input.target})`;
  const eps = excelNumber(STATUS_EPSILON);
  const guard = `ISNUMBER(${input.actual}),ISNUMBER(${input.target})`;
  // shortfall = −better: how far the actual falls short of the target, in the direction of "better".
  const shortfall = input.direction === 'higher' ? `${t}-${a}` : `${a}-${t}`;
  // One expression for all three rules, so met / near / missed stay exact complements even where
  // the spreadsheet rounds differently from JavaScript.
  const met = `AND(${guard},${shortfall}<${eps})`;
  const notMet = `${shortfall}>=${eps}`;
  if (!hasTolerance(input.tolerance)) return { met, near: null, missed: `AND(${guard},${notMet})` };
  const allowed = `ABS(${t})*${excelNumber(input.tolerance)}+${eps}`;
  return {
    met,
    near: `AND(${guard},${notMet},${shortfall}<=${allowed})`,
    missed: `AND(${guard},${notMet},${shortfall}>${allowed})`,
  };
}

/**
 * 完成率 as completionRatio() in status.ts computes it: actual/target (higher is better) or
 * target/actual (lower is better); "" (shown blank) when either is not a number or the divisor is 0.
 */
export function completionFormula(direction: Direction, target: string, actual: string): string {
  const [num, den] = direction === 'higher' ? [actual, target] : [target, actual];
  return `IF(AND(ISNUMBER(${actual}),ISNUMBER(${target})),IF(N(${den})=0,"",N(${num})/N(${den})),"")`;
}

/**
 * Number formats of a 完成率 cell carrying its status symbol, for the conditional formats that
 * keep the symbol live when the clerk edits 实际值 in Excel: "√ 96.4%". The text section covers a
 * 完成率 formula that gives "" (no actual): a due year's empty cell reads "? 未填报".
 */
export function completionStatusNumFmt(status: 'met' | 'near' | 'missed' | 'not-reported'): string {
  const symbol = STATUS_SYMBOL[status];
  if (status === 'not-reported') return `;;;"${symbol} 未填报"`;
  return `"${symbol} "0.0%;"${symbol} "-0.0%;"${symbol} "0.0%;@`;
}

/**
 * TRUE exactly when cellStatus() says "not-reported" in a year that is due: a numeric target and
 * no numeric actual (whether the year is due is decided at export time, from its date).
 */
export function notReportedFormula(target: string, actual: string): string {
  return `AND(ISNUMBER(${target}),NOT(ISNUMBER(${actual})))`;
}
