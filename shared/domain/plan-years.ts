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

/** How a span is written between its years: 2023—2027, 2023——2027, 2023-2027, 2023–2027, 2023至2027, 2023~2027. */
const SPAN_SEPARATOR = '(——|—|–|-|至|~|～)';

/**
 * The title with the plan's old span rewritten to the new one in the same style, or null when the
 * title does not contain the old span (it stays as it is). The span is found as first year, an
 * optional 年, the separator (SPAN_SEPARATOR, spaces allowed around it) and last year, not inside a
 * longer number: "（2023—2027年）" → "（2023—2028年）", "2023年至2027年" → "2023年至2028年". A
 * new span of one year is written as that year alone. Used when a plan's years change
 * (plan-years.ts in the store, docs/ARCHITECTURE.md §Plans as data).
 */
export function retitleSpan(title: string, from: readonly number[], to: readonly number[]): string | null {
  if (from.length < 2 || to.length === 0) return null;
  const [a, b] = [from[0] as number, from[from.length - 1] as number];
  const [c, d] = [to[0] as number, to[to.length - 1] as number];
  const span = new RegExp(`(?<!\\d)${a}(年?)(\\s*)${SPAN_SEPARATOR}(\\s*)${b}(?!\\d)`, 'g');
  const next = title.replace(span, (_m, nian: string, s1: string, sep: string, s2: string) => (c === d ? String(c) : `${c}${nian}${s1}${sep}${s2}${d}`));
  return next === title ? null : next;
}
