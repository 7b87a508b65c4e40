// The departments of one plan (docs/ARCHITECTURE.md §Departments of a plan). The database's
// department table holds the departments of every plan; a plan's own are the lead units (牵头单位)
// and co-units (配合单位) of its indicators (shared/domain/plan planDepartments), listed here in the
// table's order. Every list or check of departments that concerns one plan goes through this file.
import type { Plan } from '../../shared/domain/plan';
import { planDepartments } from '../../shared/domain/plan';
import { fail } from '../../shared/api/result';
import type { Store } from '../store/store';

/**
 * The departments of `plan`, in the department table's order (sort order, then name); a unit of the
 * plan missing from the table (not expected: the repository adds each) comes last rather than vanish.
 */
export function departmentsOfPlan(store: Store, plan: Plan): string[] {
  const own = new Set(planDepartments(plan));
  const listed = store.plans.listDepartments().filter((d) => own.has(d));
  const seen = new Set(listed);
  return [...listed, ...[...own].filter((d) => !seen.has(d))];
}

/**
 * Refuses a department that is not one of `plan`'s (null, all departments, passes): a name no plan
 * has is refused with error.unknown-department, a department of another plan only with
 * error.department-not-in-plan, which names the plan and the departments it does have.
 */
export function checkPlanDepartment(store: Store, plan: Plan, name: string | null): void {
  if (name === null) return;
  const own = departmentsOfPlan(store, plan);
  if (own.includes(name)) return;
  if (!store.plans.listDepartments().includes(name)) fail('refused', 'error.unknown-department', { name });
  fail('refused', 'error.department-not-in-plan', { name, plan: plan.shortName, departments: own.join('、') });
}
