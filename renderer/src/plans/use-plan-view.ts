// What the window does when the plan on screen changes (issue 14): switching shows the plan at its
// own reporting year; after an edit the plans and the grid reload and the grid is drawn afresh
// (AG Grid re-styles only cells whose value changed), at the plan's reporting year if the year on
// screen left the plan; a plan copied to a new period is opened.
import { useCallback, useState } from 'react';
import { defaultReportingYear } from '../../../shared/domain/reporting-year';
import type { PlanSummary, usePlanChoice } from './use-plan-choice';

interface PlanViewOptions {
  planChoice: Pick<ReturnType<typeof usePlanChoice>, 'plan' | 'plans' | 'switchPlan' | 'reloadPlans'>;
  /** The grid view's controls (useGridView); `year` is the one on screen. */
  view: { year: number; setYear: (year: number) => void; reload: () => Promise<unknown>; dataChanged: () => void };
  /** ISO date the reporting year is worked out from. */
  today: string;
}

export interface PlanView {
  /** Show the plan with this id (ignored when unknown). */
  switchPlan: (planId: string) => void;
  /** The editor changed the plan (names, targets, indicators). */
  afterPlanEdit: () => Promise<void>;
  /** The editor made a new plan by copying this one: open it. */
  afterPlanCopy: (planId: string) => Promise<void>;
  /** A plan was created or revised from a plan table: show it afresh (the one on screen, or another). */
  afterPlanImport: (planId: string) => Promise<void>;
  /** Moves on every plan edit: part of the grid's key, so it is drawn afresh. */
  planEdits: number;
}

export function usePlanView({ planChoice, view, today }: PlanViewOptions): PlanView {
  const [planEdits, setPlanEdits] = useState(0);
  const { plan, plans, switchPlan: rememberPlan, reloadPlans } = planChoice;
  const { year, setYear, reload, dataChanged } = view;
  const showPlan = useCallback(
    (next: PlanSummary) => {
      rememberPlan(next.id);
      setYear(defaultReportingYear(next, today));
    },
    [rememberPlan, setYear, today],
  );
  const switchPlan = useCallback(
    (planId: string) => {
      const next = plans.find((p) => p.id === planId);
      if (next) showPlan(next);
    },
    [plans, showPlan],
  );
  const afterPlanEdit = useCallback(async (): Promise<void> => {
    const edited = (await reloadPlans())?.find((p) => p.id === plan.id);
    // The year on screen left the plan (its years were shortened): show the plan's reporting year instead.
    if (edited && !edited.years.includes(year)) setYear(defaultReportingYear(edited, today));
    else await reload();
    setPlanEdits((n) => n + 1);
    dataChanged();
  }, [reloadPlans, reload, dataChanged, plan.id, year, setYear, today]);
  const afterPlanCopy = useCallback(
    async (planId: string): Promise<void> => {
      const next = (await reloadPlans())?.find((p) => p.id === planId);
      if (next) showPlan(next);
    },
    [reloadPlans, showPlan],
  );
  const afterPlanImport = useCallback((planId: string) => (planId === plan.id ? afterPlanEdit() : afterPlanCopy(planId)), [plan.id, afterPlanEdit, afterPlanCopy]);
  return { switchPlan, afterPlanEdit, afterPlanCopy, afterPlanImport, planEdits };
}
