// Which plan the window shows (issue 14 part 3): the plans of the database, the one chosen (kept in
// settings as planId, so the window reopens on it), switching (saved in the background; a failed
// save is reported but the switch stands), and reloading the list after a plan was created, copied
// or renamed in the editor.
import { useCallback, useState } from 'react';
import type { Bootstrap, IndicatorDeskApi } from '../../../shared/api/contract';
import type { SettingsOutcome } from '../app/use-settings';
import type { Settings } from '../../../shared/api/contract';
import { defaultPlanId } from '../../../shared/domain/default-plan';

/** A plan as the bootstrap lists it: id, short name, title, years. */
export type PlanSummary = Bootstrap['plans'][number];

export interface PlanChoiceOptions {
  api: IndicatorDeskApi;
  /** The plans as loaded with the window. */
  initialPlans: PlanSummary[];
  /** The settings as last saved (their planId is the remembered choice). */
  settings: Settings;
  saveSettings: (next: Settings) => Promise<SettingsOutcome>;
  /** A failed save or reload: the reason in the UI language. */
  onProblem: (text: string) => void;
}

export interface PlanChoice {
  plans: PlanSummary[];
  /** The plan on screen: the remembered one, else the default one. */
  plan: PlanSummary;
  /** Show another plan now and remember it. */
  switchPlan: (planId: string) => void;
  /** Read the list of plans again (after the editor changed it); resolves to it, or null when that failed. */
  reloadPlans: () => Promise<PlanSummary[] | null>;
}

/** The remembered plan when it is still in the list, else the default one (shared/domain/default-plan). */
export function choosePlan(plans: PlanSummary[], remembered: string | null | undefined): PlanSummary {
  return plans.find((p) => p.id === remembered) ?? (plans.find((p) => p.id === defaultPlanId(plans)) as PlanSummary);
}

export function usePlanChoice({ api, initialPlans, settings, saveSettings, onProblem }: PlanChoiceOptions): PlanChoice {
  const [plans, setPlans] = useState(initialPlans);
  const [planId, setPlanId] = useState(() => choosePlan(initialPlans, settings.planId).id);

  const switchPlan = useCallback(
    (next: string) => {
      setPlanId(next);
      void saveSettings({ ...settings, planId: next }).then((outcome) => {
        if (!outcome.ok) onProblem(outcome.problem);
      });
    },
    [saveSettings, settings, onProblem],
  );

  const reloadPlans = useCallback(async (): Promise<PlanSummary[] | null> => {
    const r = await api.getBootstrap({});
    if (!r.ok) {
      onProblem(r.error.message[settings.lang]);
      return null;
    }
    setPlans(r.value.plans);
    return r.value.plans;
  }, [api, onProblem, settings.lang]);

  return { plans, plan: choosePlan(plans, planId), switchPlan, reloadPlans };
}
