// The plan editor's state (issue 14 part 2): the plan with its retired indicators, the draft the
// inputs edit, the changes it makes (editor-model.ts), the 调整原因 every change needs, saving,
// retiring (or bringing back), the 调整记录 list and copying the plan to a new period, all through
// the plans API (getPlanForEditing, revisePlanTarget, updatePlanIndicator, updatePlanInfo,
// setPlanIndicatorRetired, listPlanRevisions, copyPlanToPeriod, setPlanYears); the store audits each
// change. The add-indicator form has its own hook (use-add-indicator.ts).
import { useCallback, useEffect, useEffectEvent, useMemo, useState } from 'react';
import type { IndicatorDeskApi } from '../../../shared/api/contract';
import type { EditablePlan, PlanRevisionEntry } from '../../../shared/api/plan-schemas';
import type { Result } from '../../../shared/api/result';
import type { Lang } from '../../../shared/i18n/lang';
import { pt } from '../i18n/plans-messages';
import type { IndicatorDraftRow, PlanChanges, PlanDraftState } from './editor-model';
import { changesOf, draftOf, isEmpty } from './editor-model';
import { MAX_PLAN_YEARS, spanText, yearSpan } from '../../../shared/domain/plan-years';
import { pa } from '../i18n/plan-add-messages';
import { revisionReason } from './revision-reason';

export interface PlanEditorOptions {
  api: IndicatorDeskApi;
  planId: string;
  lang: Lang;
  /** The plan was changed (names, targets, indicators): the window reloads its list and grid. */
  onChanged: () => void;
  /** A new plan was made by copying this one to new years: the window switches to it. */
  onCreated: (planId: string) => void;
}

export interface PlanEditor {
  /** Null while loading. */
  plan: EditablePlan | null;
  draft: PlanDraftState | null;
  changes: PlanChanges | null;
  setInfo: (key: 'shortName' | 'title', value: string) => void;
  setField: (indicatorId: string, key: Exclude<keyof IndicatorDraftRow, 'id' | 'retired' | 'targets'>, value: string) => void;
  setTarget: (indicatorId: string, year: number, text: string) => void;
  reason: string;
  setReason: (reason: string) => void;
  /** Write the changes with the reason (the outcome lands in `message`). */
  save: () => Promise<void>;
  /** Retire an indicator (or bring a retired one back), with the reason. */
  setRetired: (indicatorId: string, retired: boolean) => Promise<void>;
  /**
   * Change the plan's years to first…last with the reason (setPlanYears); refused while the table
   * has unsaved changes (they would be lost on reload). The outcome lands in `message`.
   */
  changeYears: (firstYear: number, lastYear: number) => Promise<void>;
  /** Something was written elsewhere (the add-indicator form): say `text`, reload, tell the window. */
  written: (text: string) => Promise<void>;
  /** Copy the plan to the years first…last as a new plan named `shortName`. */
  copyToPeriod: (firstYear: number, lastYear: number, shortName: string) => Promise<void>;
  /** The 调整记录, newest first; null while loading. */
  revisions: PlanRevisionEntry[] | null;
  busy: boolean;
  /** The last outcome: an error (refused, invalid) or what was saved. */
  message: { kind: 'error' | 'info'; text: string } | null;
}

/** Consecutive years from first to last, 1–10 of them (shared/domain/plan-years.ts, the one rule). */
export { yearSpan };

export function usePlanEditor({ api, planId, lang, onChanged, onCreated }: PlanEditorOptions): PlanEditor {
  const [plan, setPlan] = useState<EditablePlan | null>(null);
  const [draft, setDraft] = useState<PlanDraftState | null>(null);
  const [reason, setReason] = useState('');
  const [revisions, setRevisions] = useState<PlanRevisionEntry[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<PlanEditor['message']>(null);
  const p = useCallback((key: Parameters<typeof pt>[1], params?: Record<string, string | number>) => pt(lang, key, params), [lang]);

  const load = useCallback(async (): Promise<void> => {
    const [planResult, revResult] = await Promise.all([api.getPlanForEditing({ planId }), api.listPlanRevisions({ planId })]);
    if (planResult.ok) {
      setPlan(planResult.value);
      setDraft(draftOf(planResult.value));
    } else setMessage({ kind: 'error', text: planResult.error.message[lang] });
    setRevisions(revResult.ok ? revResult.value : []);
  }, [api, planId, lang]);

  // Keyed on the plan only: a language switch words messages, it must not reload (and drop) the draft.
  const open = useEffectEvent(() => {
    setPlan(null);
    setDraft(null);
    void load();
  });
  useEffect(() => {
    open();
  }, [api, planId]);

  const changes = useMemo(() => (plan && draft ? changesOf(plan, draft) : null), [plan, draft]);

  const setInfo = useCallback((key: 'shortName' | 'title', value: string) => setDraft((d) => (d ? { ...d, [key]: value } : d)), []);
  const setField = useCallback<PlanEditor['setField']>((indicatorId, key, value) => {
    setDraft((d) => (d ? { ...d, rows: d.rows.map((r) => (r.id === indicatorId ? { ...r, [key]: value } : r)) } : d));
  }, []);
  const setTarget = useCallback((indicatorId: string, year: number, text: string) => {
    setDraft((d) => (d ? { ...d, rows: d.rows.map((r) => (r.id === indicatorId ? { ...r, targets: { ...r.targets, [String(year)]: text } } : r)) } : d));
  }, []);

  /** The reason, or null with the message set when there is none. */
  const checkedReason = (): string | null => {
    const why = revisionReason(reason);
    if (why === null) setMessage({ kind: 'error', text: p('editor.reason-required') });
    return why;
  };

  const afterWrite = async (text: string): Promise<void> => {
    setReason('');
    setMessage({ kind: 'info', text });
    await load();
    onChanged();
  };

  const save = async (): Promise<void> => {
    if (!changes) return;
    const problem = changes.problems[0];
    if (problem) {
      setMessage({ kind: 'error', text: p(problem.key, { text: problem.text }) });
      return;
    }
    if (isEmpty(changes)) {
      setMessage({ kind: 'info', text: p('editor.nothing-changed') });
      return;
    }
    const why = checkedReason();
    if (why === null) return;
    setBusy(true);
    // One call per change, in order; the first refusal stops the rest (those written stay, audited).
    const calls: (() => Promise<Result<unknown>>)[] = [];
    if (Object.keys(changes.info).length > 0) calls.push(() => api.updatePlanInfo({ planId, patch: changes.info, reason: why }));
    for (const c of changes.indicators) calls.push(() => api.updatePlanIndicator({ planId, indicatorId: c.indicatorId, patch: c.patch, reason: why }));
    for (const c of changes.targets) calls.push(() => api.revisePlanTarget({ planId, indicatorId: c.indicatorId, year: c.year, target: c.target, reason: why }));
    let done = 0;
    let failure: string | null = null;
    for (const call of calls) {
      const r = await call();
      if (!r.ok) {
        failure = r.error.message[lang];
        break;
      }
      done += 1;
    }
    setBusy(false);
    if (failure === null) await afterWrite(p('editor.saved', { count: done }));
    else {
      setMessage({ kind: 'error', text: failure });
      if (done > 0) {
        await load();
        onChanged();
      }
    }
  };

  const setRetired = async (indicatorId: string, retired: boolean): Promise<void> => {
    const why = checkedReason();
    if (why === null) return;
    setBusy(true);
    const r = await api.setPlanIndicatorRetired({ planId, indicatorId, retired, reason: why });
    setBusy(false);
    if (!r.ok) setMessage({ kind: 'error', text: r.error.message[lang] });
    else await afterWrite(p(retired ? 'editor.retired-done' : 'editor.restored-done'));
  };

  const changeYears = async (firstYear: number, lastYear: number): Promise<void> => {
    if (!plan) return;
    const years = yearSpan(firstYear, lastYear);
    if (!years) {
      setMessage({ kind: 'error', text: pa(lang, 'years.bad', { max: MAX_PLAN_YEARS }) });
      return;
    }
    if (spanText(years) === spanText(plan.years)) {
      setMessage({ kind: 'info', text: pa(lang, 'years.unchanged') });
      return;
    }
    if (changes && !isEmpty(changes)) {
      setMessage({ kind: 'error', text: pa(lang, 'years.save-first') });
      return;
    }
    const why = checkedReason();
    if (why === null) return;
    setBusy(true);
    const r = await api.setPlanYears({ planId, firstYear, lastYear, reason: why });
    setBusy(false);
    if (!r.ok) setMessage({ kind: 'error', text: r.error.message[lang] });
    else {
      const span = spanText(r.value.years);
      await afterWrite(r.value.removedTargets > 0 ? pa(lang, 'years.done-removed', { span, count: r.value.removedTargets }) : pa(lang, 'years.done', { span }));
    }
  };

  const written = async (text: string): Promise<void> => {
    setMessage({ kind: 'info', text });
    await load();
    onChanged();
  };

  const copyToPeriod = async (firstYear: number, lastYear: number, shortName: string): Promise<void> => {
    const years = yearSpan(firstYear, lastYear);
    if (!plan || !years) {
      setMessage({ kind: 'error', text: p('editor.bad-years') });
      return;
    }
    setBusy(true);
    const r = await api.copyPlanToPeriod({ planId, years, shortName: shortName.trim() });
    setBusy(false);
    if (!r.ok) setMessage({ kind: 'error', text: r.error.message[lang] });
    else {
      setMessage({ kind: 'info', text: p('editor.new-period-done', { title: r.value.title }) });
      onCreated(r.value.id);
    }
  };

  return { plan, draft, changes, setInfo, setField, setTarget, reason, setReason, save, setRetired, changeYears, written, copyToPeriod, revisions, busy, message };
}
