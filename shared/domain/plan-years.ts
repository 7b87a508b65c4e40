// A plan's years as a run (issue 14 part 2): a five-year plan is a span of consecutive years, first ≤
// last, at most MAX_PLAN_YEARS of them. The one rule for the editor's year fields, 新规划期 and the
// store's check when an existing plan's years change (docs/ARCHITECTURE.md §Plans as data).

/** The longest plan the editor makes or changes a plan to (years). */
export const MAX_PLAN_YEARS = 10;

/** Consecutive years from first to last, 1–MAX_PLAN_YEARS of them; null when the pair is not such a span. */
export function yearSpan(first: number, last: number): number[] | null {
  if (!Number.isInteger(first) || !Number.isInteger(last) || first < 1900 || last > 2200 || last < first || last - first >= MAX_PLAN_YEARS) return null;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** What changing a plan's years from `from` to `to` does: years that come in and years that go, ascending. */
export interface YearsChange {
  added: number[];
  removed: number[];
}

export function yearsChange(from: readonly number[], to: readonly number[]): YearsChange {
  return {
    added: to.filter((y) => !from.includes(y)).sort((a, b) => a - b),
    removed: from.filter((y) => !to.includes(y)).sort((a, b) => a - b),
  };
}

/** "2023—2027" (one year: "2025"): how a span reads in messages and the audit log. */
export function spanText(years: readonly number[]): string {
  if (years.length === 0) return '';
  const first = years[0] as number;
  const last = years[years.length - 1] as number;
  return first === last ? String(first) : `${first}—${last}`;
}
