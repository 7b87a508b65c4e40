// The departments the window offers for the plan on screen (docs/ARCHITECTURE.md §Departments of a
// plan): the plan's own lead and co-units as the bootstrap lists them, not every plan's. A view left
// on a department the plan does not have (the clerk's own, after switching plans) falls back to all
// departments of the plan, so the department picker shows what the grid shows.
import { useEffect } from 'react';

/**
 * The departments of `plan` for the toolbar, export and import pickers; resets `department` to null
 * (all departments) when the plan has no such department.
 */
export function usePlanDepartments(plan: { departments: string[] }, department: string | null, setDepartment: (department: string | null) => void): string[] {
  const { departments } = plan;
  useEffect(() => {
    if (department !== null && !departments.includes(department)) setDepartment(null);
  }, [department, departments, setDepartment]);
  return departments;
}
