// Values of an incoming return that are outside the plausible range (the shared rule,
// shared/domain/plausible.ts): one warning per value, at its cell, for the import preview and the
// CLI's inspect. Nothing is refused — the clerk sees the warning before applying.
import type { ImportIssue } from '../../../shared/api/contract';
import type { Plan } from '../../../shared/domain/plan';
import { displayName } from '../../../shared/domain/plan';
import { implausibleReason, plausibleValueWarning, previousActual } from '../../../shared/domain/plausible';
import type { InterpretedWorkbook } from './interpret';

/** Actuals already known for (indicator, year) — the database's, for the preview; null = none. */
export type StoredActual = (indicatorId: string, year: number) => number | null;

/** "填报表!H9" → sheet 填报表, cell H9 (a sheet name may itself hold "!"). */
function splitRef(ref: string, fallbackSheet: string): { sheet: string; cell: string } {
  const at = ref.lastIndexOf('!');
  return at < 0 ? { sheet: fallbackSheet, cell: ref } : { sheet: ref.slice(0, at), cell: ref.slice(at + 1) };
}

/**
 * A warning for every actual the file gives, for an indicator of the plan, that the shared rule
 * finds implausible. A cumulative value is compared with the nearest earlier year's actual — the
 * file's own, else `stored` (the database's). Plan tables (no actuals) give none.
 */
export function implausibleValueIssues(book: InterpretedWorkbook, plan: Plan, stored: StoredActual = () => null): ImportIssue[] {
  if (book.kind !== 'return') return [];
  const byId = new Map(plan.indicators.map((i) => [i.id, i]));
  const issues: ImportIssue[] = [];
  for (const row of book.rows) {
    const ind = row.indicatorId ? byId.get(row.indicatorId) : undefined;
    if (!ind) continue;
    const actuals: Record<number, number | null> = {};
    for (const year of plan.years) actuals[year] = row.values[String(year)]?.actual ?? stored(ind.id, year);
    for (const [yearText, v] of Object.entries(row.values)) {
      const year = Number(yearText);
      if (v.actual === null || !plan.years.includes(year)) continue;
      const reason = implausibleReason(ind, v.actual, previousActual(actuals, year));
      if (!reason) continue;
      const at = splitRef(v.actualCell ?? '', row.sheet);
      issues.push({ severity: 'warning', ...at, message: plausibleValueWarning(displayName(ind), year, v.actual, reason) });
    }
  }
  return issues;
}
