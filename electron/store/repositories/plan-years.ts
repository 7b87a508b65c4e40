// Changing an existing plan's years (issue 14 part 2): extend at either end (new years get no
// targets) or shrink. Nothing typed is lost: a year that holds any actual (a value or a note) is
// never removed; a year holding only targets is removed with one audit row per target (old → none,
// with the 调整原因), so the 调整记录 keeps them. Called by PlansRepo.setYears inside the change's
// IMMEDIATE transaction (docs/ARCHITECTURE.md §Plans as data, "A plan's years").
import type Database from 'better-sqlite3';
import type { Plan, Target } from '../../../shared/domain/plan';
import { NO_TARGET } from '../../../shared/domain/plan';
import type { YearsChange } from '../../../shared/domain/plan-years';
import { MAX_PLAN_YEARS, retitleSpan, spanText, yearSpan, yearsChange } from '../../../shared/domain/plan-years';
import { planYearsFail } from '../../../shared/i18n/plan-years-messages';
import type { AuditRepo, WriteContext } from './audit-repo';
import { checkReason } from './plan-edit-rules';

/** What a change of years did: the years now, those added and removed, and how many targets left with the removed years. */
export interface PlanYearsResult extends YearsChange {
  years: number[];
  removedTargets: number;
}

function text(t: Target): string {
  return t === NO_TARGET ? NO_TARGET : String(t);
}

/** Refuse ('refused', naming the first such year and its count) when any of `years` holds an actual or a note. */
export function refuseYearsWithActuals(db: Database.Database, planId: string, years: readonly number[]): void {
  for (const year of years) {
    const count = actualsInYear(db, planId, year);
    if (count > 0) planYearsFail('refused', 'years.has-actuals', { year, count });
  }
}

/** How many cells of the plan's indicators (retired ones too) hold an actual value or a note in `year`. */
export function actualsInYear(db: Database.Database, planId: string, year: number): number {
  const row = db
    .prepare(`SELECT count(*) AS n FROM actuals a JOIN indicators i ON i.id = a.indicator_id
      WHERE i.plan_id = ? AND a.year = ? AND (a.value IS NOT NULL OR a.note IS NOT NULL)`)
    .get(planId, year) as { n: number };
  return row.n;
}

/**
 * Set `plan` (read with its retired indicators) to the years first…last. Refused, writing nothing:
 * a span that is not 1–MAX_PLAN_YEARS consecutive years ('invalid-request'), an empty reason, a
 * removed year holding actuals ('refused', naming the year and the count), a removed target in a
 * locked cell (`guard`, the lock check of every target write). Same years → nothing written. A title
 * holding the old span is rewritten to the new one (retitleSpan), audited as field 'title'.
 */
export function writePlanYears(
  db: Database.Database,
  audit: AuditRepo,
  plan: Plan,
  first: number,
  last: number,
  reason: string,
  ctx: WriteContext,
  guard: (indicatorId: string, year: number) => void,
): PlanYearsResult {
  audit.requireTransaction();
  const why = checkReason(reason);
  const years = yearSpan(first, last);
  if (!years) planYearsFail('invalid-request', 'years.bad-span', { first, last, max: MAX_PLAN_YEARS });
  const change = yearsChange(plan.years, years);
  const result: PlanYearsResult = { years, ...change, removedTargets: 0 };
  if (change.added.length === 0 && change.removed.length === 0) return result;
  refuseYearsWithActuals(db, plan.id, change.removed);
  const drop = db.prepare('DELETE FROM targets WHERE indicator_id = ? AND year = ?');
  for (const year of change.removed) {
    for (const ind of plan.indicators) {
      const t = ind.targets[year];
      if (t === undefined) continue;
      guard(ind.id, year);
      drop.run(ind.id, year);
      audit.write(ctx, { action: 'delete', entity: 'target', planId: plan.id, indicatorId: ind.id, year, field: 'target', oldValue: text(t), newValue: null, reason: why });
      result.removedTargets += 1;
    }
  }
  // A title naming the old span ("…（2023—2027年）") follows the new one, audited with the same reason.
  const title = retitleSpan(plan.title, plan.years, years);
  if (title !== null) {
    db.prepare('UPDATE plans SET title = ? WHERE id = ?').run(title, plan.id);
    audit.write(ctx, { action: 'update', entity: 'plan', planId: plan.id, field: 'title', oldValue: plan.title, newValue: title, reason: why });
  }
  db.prepare('UPDATE plans SET years_json = ? WHERE id = ?').run(JSON.stringify(years), plan.id);
  audit.write(ctx, { action: 'update', entity: 'plan', planId: plan.id, field: 'years', oldValue: spanText(plan.years), newValue: spanText(years), reason: why });
  return result;
}
