// The 新增指标 form's model (issue 14 part 2), pure: the empty form for a plan (序号 after the last
// one, the last indicator's 领域 and lead unit as a start), and the form checked into the API's
// indicator draft (addPlanIndicator) or the problems to show beside each field. Numbers, targets,
// tolerances and co-units are read by editor-model.ts's rules, the same as the editor's table.
import type { EditablePlan } from '../../../shared/api/plan-schemas';
import type { Direction, IndicatorKind, Target } from '../../../shared/domain/plan';
import type { IndicatorDraft } from '../../../shared/domain/plan-draft';
import { indicatorKey } from '../../../shared/domain/plan-draft';
import type { PlanAddKey } from '../i18n/plan-add-messages';
import { optionalNumber, parseTarget, splitUnits, toleranceFraction } from './editor-model';
import { revisionReason } from './revision-reason';

/** The form's inputs, every one as typed. */
export interface NewIndicatorForm {
  code: string;
  domain: string;
  name: string;
  unit: string;
  kind: IndicatorKind;
  direction: Direction;
  /** In percent of the target ("2" = within 2%); "" = none. */
  tolerance: string;
  leadUnit: string;
  /** Separated by 、 or a comma. */
  coUnits: string;
  min: string;
  max: string;
  /** By year ("2025"): a number or "/"; "" = no target entry. */
  targets: Record<string, string>;
  reason: string;
}

export type NewIndicatorField = Exclude<keyof NewIndicatorForm, 'targets'> | `target-${number}`;

/** A problem beside a field: a key of the plan-add catalogue and its parameters. */
export interface FieldProblem {
  key: PlanAddKey;
  params?: Record<string, string>;
}

export type NewIndicatorCheck = { ok: true; draft: IndicatorDraft; reason: string } | { ok: false; problems: Partial<Record<NewIndicatorField, FieldProblem>> };

/** The 序号 after the plan's highest whole-number 序号 (retired indicators count: a number is never reused); else the count + 1. */
export function nextCode(plan: Pick<EditablePlan, 'indicators'>): string {
  const numbers = plan.indicators.map((i) => Number(i.code.trim())).filter((n) => Number.isInteger(n) && n >= 0);
  return String(numbers.length > 0 ? Math.max(...numbers) + 1 : plan.indicators.length + 1);
}

/** The 领域 of the plan, in order, for the form's pick list. */
export function planDomains(plan: Pick<EditablePlan, 'domains' | 'indicators'>): string[] {
  return [...new Set([...plan.domains, ...plan.indicators.map((i) => i.domain)].filter((d) => d.trim() !== ''))];
}

/** Every department the plan names (lead units first), for the form's suggestions. */
export function planUnits(plan: Pick<EditablePlan, 'indicators'>): string[] {
  return [...new Set([...plan.indicators.map((i) => i.leadUnit), ...plan.indicators.flatMap((i) => i.coUnits)])];
}

export function emptyForm(plan: EditablePlan): NewIndicatorForm {
  const last = plan.indicators.filter((i) => !i.retiredAt).at(-1);
  return {
    code: nextCode(plan),
    domain: last?.domain ?? '',
    name: '',
    unit: '',
    kind: 'stock',
    direction: 'higher',
    tolerance: '',
    leadUnit: last?.leadUnit ?? '',
    coUnits: '',
    min: '',
    max: '',
    targets: Object.fromEntries(plan.years.map((y) => [String(y), ''])),
    reason: '',
  };
}

/** The form checked against the plan: the draft to send, or what is wrong beside which field. */
export function checkNewIndicator(plan: EditablePlan, form: NewIndicatorForm): NewIndicatorCheck {
  const problems: Partial<Record<NewIndicatorField, FieldProblem>> = {};
  for (const key of ['code', 'name', 'leadUnit'] as const) if (form[key].trim() === '') problems[key] = { key: 'problem.required' };
  const reason = revisionReason(form.reason);
  if (reason === null) problems.reason = { key: 'problem.reason' };
  const key = indicatorKey({ name: form.name, unit: form.unit });
  if (form.name.trim() !== '' && plan.indicators.some((i) => indicatorKey(i) === key)) problems.name = { key: 'problem.duplicate' };
  const holder = plan.indicators.find((i) => !i.retiredAt && i.code === form.code.trim());
  if (holder && form.code.trim() !== '') problems.code = { key: 'problem.code-taken', params: { name: holder.name } };
  const tolerance = optionalNumber(form.tolerance);
  if (tolerance === undefined) problems.tolerance = { key: 'problem.number' };
  else if (tolerance !== null && !(tolerance >= 0 && tolerance <= 100)) problems.tolerance = { key: 'problem.tolerance' };
  const min = optionalNumber(form.min);
  const max = optionalNumber(form.max);
  if (min === undefined) problems.min = { key: 'problem.number' };
  if (max === undefined) problems.max = { key: 'problem.number' };
  if (min !== undefined && max !== undefined && min !== null && max !== null && min > max) problems.max = { key: 'problem.range' };
  const targets: Record<string, Target> = {};
  for (const year of plan.years) {
    const t = parseTarget(form.targets[String(year)] ?? '', form.kind);
    if (t === undefined) problems[`target-${year}`] = { key: 'problem.target' };
    else if (t !== null) targets[String(year)] = t;
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const lo = min ?? null;
  const hi = max ?? null;
  const draft: IndicatorDraft = {
    code: form.code.trim(),
    domain: form.domain.trim(),
    name: form.name.trim(),
    unit: form.unit.trim(),
    kind: form.kind,
    direction: form.direction,
    tolerance: tolerance === null || tolerance === undefined ? null : toleranceFraction(tolerance),
    leadUnit: form.leadUnit.trim(),
    coUnits: splitUnits(form.coUnits),
    targets,
    ...(lo !== null || hi !== null ? { plausible: { min: lo, max: hi } } : {}),
  };
  return { ok: true, draft, reason: reason as string };
}
