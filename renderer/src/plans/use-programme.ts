// The programme view's data (issue 14 part 3): for every plan of the database, its indicators
// counted by outlook — getProgress per plan (the one progress rule, shared/domain/progress.ts) and
// the progress panel's countOutlooks — loaded while the view is open, dropped when it closes.
import { useEffect, useEffectEvent, useState } from 'react';
import type { IndicatorDeskApi } from '../../../shared/api/contract';
import type { Outlook } from '../../../shared/domain/progress';
import type { Lang } from '../../../shared/i18n/lang';
import { countOutlooks } from '../components/progress-model';
import type { PlanSummary } from './use-plan-choice';

/** One plan's line: its outlook counts, or why they could not be read (in the UI language). */
export type ProgrammeLine = { plan: PlanSummary; indicators: number; counts: Record<Outlook, number> } | { plan: PlanSummary; error: string };

/** Null while loading or closed; one line per plan, in the order of `plans`. */
export function useProgramme(api: IndicatorDeskApi, options: { plans: PlanSummary[]; open: boolean; lang: Lang }): ProgrammeLine[] | null {
  const { plans, open, lang } = options;
  const [lines, setLines] = useState<ProgrammeLine[] | null>(null);
  // The language only words an error: a switch must not reload the figures.
  const errorText = useEffectEvent((message: Record<Lang, string>) => message[lang]);
  useEffect(() => {
    if (!open) {
      setLines(null);
      return;
    }
    let live = true;
    void Promise.all(
      plans.map(async (plan): Promise<ProgrammeLine> => {
        const r = await api.getProgress({ planId: plan.id });
        return r.ok ? { plan, indicators: r.value.length, counts: countOutlooks(r.value) } : { plan, error: errorText(r.error.message) };
      }),
    ).then((next) => {
      if (live) setLines(next);
    });
    return () => {
      live = false;
    };
  }, [api, plans, open]);
  return lines;
}
