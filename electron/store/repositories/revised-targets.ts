// Where a plan's targets were revised (issue 14 part 2): for each (indicator, year) whose target
// now differs from the first one the audit log recorded for it (the plan as created or imported),
// that first target — the 原目标 the grid's tooltip and the export show beside the 调整后目标.
// Read from audit_log (every target write has its row there: PlansRepo.insertPlan / setTarget).
import type Database from 'better-sqlite3';
import type { Plan, Target } from '../../../shared/domain/plan';
import { NO_TARGET } from '../../../shared/domain/plan';
import { actualKey } from './actuals-repo';

/**
 * Kept per Plan object: PlansRepo hands out one frozen object until a write changes the plan (a
 * target revision included), so the log is read once per version of the plan, not on every grid.
 */
const cache = new WeakMap<Plan, Map<string, Target | null>>();

function targetOf(text: string | null): Target | null {
  if (text === null) return null;
  if (text === NO_TARGET) return NO_TARGET;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/**
 * The revised cells of `plan`, keyed by actualKey(indicatorId, year): the first recorded target
 * (null when the first row set none). Cells never revised are absent.
 */
export function revisedTargets(db: Database.Database, plan: Plan): ReadonlyMap<string, Target | null> {
  const cached = cache.get(plan);
  if (cached) return cached;
  const rows = db
    .prepare(`SELECT a.indicator_id, a.year, a.new_value FROM audit_log a JOIN indicators i ON i.id = a.indicator_id
      WHERE i.plan_id = ? AND a.entity = 'target' AND a.field = 'target' ORDER BY a.id`)
    .all(plan.id) as { indicator_id: string; year: number; new_value: string | null }[];
  const first = new Map<string, Target | null>();
  for (const r of rows) {
    const key = actualKey(r.indicator_id, r.year);
    if (!first.has(key)) first.set(key, targetOf(r.new_value));
  }
  const revised = new Map<string, Target | null>();
  for (const ind of plan.indicators) {
    for (const year of plan.years) {
      const key = actualKey(ind.id, year);
      if (!first.has(key)) continue;
      const original = first.get(key) ?? null;
      const now = ind.targets[year] ?? null;
      if (original !== now) revised.set(key, original);
    }
  }
  cache.set(plan, revised);
  return revised;
}
