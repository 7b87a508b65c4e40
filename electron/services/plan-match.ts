// Which plan of the database an incoming workbook belongs to (issue 14 part 3): the plan id its
// _meta sheet names, when that plan is in the database; else the plan whose indicators its rows name
// (matched as the importer matches rows: workbook/import/match.ts); else none. The import preview
// shows the answer, so a return for 学有优教 opened while 住有宜居 is on screen is said to be so.
import type { Plan } from '../../shared/domain/plan';
import type { InterpretedWorkbook } from '../workbook/import/interpret';
import { makeMatcher } from '../workbook/import/match';

/** The plan a workbook belongs to and how that was found; null when no plan fits. */
export interface PlanOfBook {
  planId: string;
  title: string;
  /** The plan's short name (规划简称): the window and messages name a plan by it and its title. */
  shortName: string;
  /** 'meta': the template's _meta sheet names it; 'names': most of its rows name its indicators. */
  by: 'meta' | 'names';
}

/**
 * Find the plan of `book` among `plans`. By names: the plan matching the most rows wins, and only
 * when it matches at least half of the rows (a return with one familiar line among twenty strange
 * ones belongs to none); a tie goes to the earlier plan in `plans`.
 */
export function planOfBook(book: Pick<InterpretedWorkbook, 'planId' | 'rows'>, plans: readonly Plan[]): PlanOfBook | null {
  if (book.planId !== null) {
    const named = plans.find((p) => p.id === book.planId);
    if (named) return { planId: named.id, title: named.title, shortName: named.shortName, by: 'meta' };
  }
  if (book.rows.length === 0) return null;
  let best: { plan: Plan; hits: number } | null = null;
  for (const plan of plans) {
    const matcher = makeMatcher(plan);
    const seen = new Set<string>();
    for (const row of book.rows) {
      const hit = matcher.match(row.name, row.code).indicator;
      if (hit) seen.add(hit.id);
    }
    if (seen.size > 0 && (best === null || seen.size > best.hits)) best = { plan, hits: seen.size };
  }
  if (best === null || best.hits * 2 < book.rows.length) return null;
  return { planId: best.plan.id, title: best.plan.title, shortName: best.plan.shortName, by: 'names' };
}
