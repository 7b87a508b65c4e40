// @vitest-environment happy-dom
// The window's department lists are the plan's own (docs/ARCHITECTURE.md §Departments of a plan):
// with two plans in a real database, the bootstrap gives each plan its departments; the hook offers
// the plan's, and a view left on a department the plan does not have falls back to all departments.
import { act, renderHook } from '@testing-library/react';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { usePlanDepartments } from '../../../renderer/src/app/use-plan-departments';
import { SECOND_PLAN_ID, addSecondPlan } from '../../helpers/second-plan';
import { PLAN_ID, realApiPerTest } from '../real-api';

const real = realApiPerTest();
beforeEach(() => addSecondPlan(real.services.store));

async function plansWithDepartments() {
  const r = await real.api.getBootstrap({});
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value.plans;
}

describe('usePlanDepartments', () => {
  it('offers the plan on screen its own departments and leaves a department of the other plan', async () => {
    const plans = await plansWithDepartments();
    const seed = plans.find((p) => p.id === PLAN_ID);
    const second = plans.find((p) => p.id === SECOND_PLAN_ID);
    if (!seed || !second) throw new Error('two plans expected');
    expect(second.departments).toEqual(['区财政局', '区教育局']);
    expect(seed.departments).toContain('区住建局');
    expect(seed.departments).not.toContain('区教育局');

    const hook = renderHook(({ plan }) => {
      const [department, setDepartment] = useState<string | null>('区住建局');
      return { departments: usePlanDepartments(plan, department, setDepartment), department, setDepartment };
    }, { initialProps: { plan: seed } });
    expect(hook.result.current.departments).toEqual(seed.departments);
    expect(hook.result.current.department).toBe('区住建局');

    hook.rerender({ plan: second });
    expect(hook.result.current.departments).toEqual(['区财政局', '区教育局']);
    expect(hook.result.current.department).toBeNull();

    act(() => hook.result.current.setDepartment('区教育局'));
    expect(hook.result.current.department).toBe('区教育局');
  });
});
