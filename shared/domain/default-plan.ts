// Which plan is shown or used when none is chosen (issue 14 part 3), one rule for the window and the
// command line: the only plan; else the embedded plan (the first plan of every database); else the
// first listed.
import { SEED_PLAN } from '../seed/zhu-you-yi-ju';

/** The id of the default plan among `plans` (non-empty; throws on an empty list). */
export function defaultPlanId(plans: readonly { id: string }[]): string {
  const first = plans[0];
  if (first === undefined) throw new Error('defaultPlanId: no plans');
  if (plans.length === 1) return first.id;
  return (plans.find((p) => p.id === SEED_PLAN.id) ?? first).id;
}
