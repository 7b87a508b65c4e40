// A return from another plan, named as the clerk knows plans (docs/ARCHITECTURE.md §Returns from
// another plan): the importer alone names the file's plan by what the file's _meta says (short name
// and title since they are exported, else only its id); with the database at hand the plan is named
// as the database holds it now — an old return naming only an id included.
import type { Plan } from '../../shared/domain/plan';
import type { PlanNaming } from '../../shared/domain/plan-label';
import type { InterpretedWorkbook } from '../workbook/import/interpret';
import { otherPlanMessage } from '../workbook/import/interpret';

/**
 * `book` with its import.other-plan warning naming the file's plan from `plans` (the database's
 * plans, by id) and the current plan `current`; the same book when there is no such warning or the
 * database does not hold the file's plan. Pure: `book` is not changed.
 */
export function namePlansFromStore(book: InterpretedWorkbook, current: Plan, plans: readonly PlanNaming[]): InterpretedWorkbook {
  const held = book.planId === null ? undefined : plans.find((p) => p.id === book.planId);
  if (!held || !book.issues.some((i) => i.message.key === 'import.other-plan')) return book;
  const message = otherPlanMessage(held, current);
  return { ...book, issues: book.issues.map((i) => (i.message.key === 'import.other-plan' ? { ...i, message } : i)) };
}
