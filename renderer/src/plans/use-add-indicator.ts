// The 新增指标 form's state (issue 14 part 2): the inputs (new-indicator-model.ts starts them and
// checks them), the problems shown beside the fields once the clerk has tried to add, the server's
// refusal if any, and adding through addPlanIndicator with the form's 调整原因 (audited by the store).
import { useCallback, useMemo, useState } from 'react';
import type { IndicatorDeskApi } from '../../../shared/api/contract';
import type { EditablePlan } from '../../../shared/api/plan-schemas';
import type { Lang } from '../../../shared/i18n/lang';
import { pa } from '../i18n/plan-add-messages';
import type { FieldProblem, NewIndicatorField, NewIndicatorForm } from './new-indicator-model';
import { checkNewIndicator, emptyForm } from './new-indicator-model';

export interface AddIndicatorOptions {
  api: IndicatorDeskApi;
  plan: EditablePlan;
  lang: Lang;
  /** Added: the editor reloads and tells the window (PlanEditor.written), then the form closes. */
  onAdded: (text: string) => Promise<void>;
}

export interface AddIndicator {
  form: NewIndicatorForm;
  set: <K extends Exclude<keyof NewIndicatorForm, 'targets'>>(key: K, value: NewIndicatorForm[K]) => void;
  setTarget: (year: number, text: string) => void;
  /** The problem beside a field, worded; null when none (or before the first try). */
  problem: (field: NewIndicatorField) => string | null;
  /** The form-wide message: how many problems, or the server's refusal. */
  message: string | null;
  busy: boolean;
  submit: () => Promise<void>;
}

export function useAddIndicator({ api, plan, lang, onAdded }: AddIndicatorOptions): AddIndicator {
  const [form, setForm] = useState<NewIndicatorForm>(() => emptyForm(plan));
  const [tried, setTried] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const check = useMemo(() => checkNewIndicator(plan, form), [plan, form]);
  const problems: Partial<Record<NewIndicatorField, FieldProblem>> = tried && !check.ok ? check.problems : {};
  const count = Object.keys(problems).length;

  const set = useCallback<AddIndicator['set']>((key, value) => setForm((f) => ({ ...f, [key]: value })), []);
  const setTarget = useCallback((year: number, text: string) => setForm((f) => ({ ...f, targets: { ...f.targets, [String(year)]: text } })), []);
  const problem = (field: NewIndicatorField): string | null => {
    const p = problems[field];
    return p ? pa(lang, p.key, p.params) : null;
  };

  const submit = async (): Promise<void> => {
    setTried(true);
    setRefusal(null);
    if (!check.ok || busy) return;
    setBusy(true);
    const r = await api.addPlanIndicator({ planId: plan.id, indicator: check.draft, reason: check.reason });
    setBusy(false);
    if (!r.ok) setRefusal(r.error.message[lang]);
    else await onAdded(pa(lang, 'add.done', { name: check.draft.name }));
  };

  const message = refusal ?? (count > 0 ? pa(lang, 'add.problems', { count }) : null);
  return { form, set, setTarget, problem, message, busy, submit };
}
