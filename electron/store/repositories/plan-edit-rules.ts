// The checks every change to a plan passes before PlansRepo writes it (a reason, sane years, a
// plausible range whose min ≤ max, a tolerance in 0–1, no empty names), and how each field is
// written as text in the audit log's old → new columns (docs/ARCHITECTURE.md §Plans as data).
import type { Direction, Indicator, IndicatorKind, PlausibleRange } from '../../../shared/domain/plan';
import { DirectionSchema, IndicatorKindSchema } from '../../../shared/domain/domain-schemas';
import type { IndicatorDraft, PlanDraft } from '../../../shared/domain/plan-draft';
import { indicatorKey } from '../../../shared/domain/plan-draft';
import { planFail } from '../../../shared/i18n/plan-messages';

/** The longest 调整原因 kept (characters). */
export const MAX_REASON = 500;

/** What the plan editor may change on an indicator; absent = unchanged. */
export interface IndicatorPatch {
  code?: string;
  domain?: string;
  name?: string;
  unit?: string;
  kind?: IndicatorKind;
  direction?: Direction;
  /** Fraction of the target (0.02 = 2%); null = no tolerance. */
  tolerance?: number | null;
  leadUnit?: string;
  coUnits?: string[];
  /** In the indicator's unit; null = no range of its own (only the defaults by kind apply). */
  plausible?: PlausibleRange | null;
}

/** The patchable fields, in the order their audit rows are written. */
export const PATCH_FIELDS = ['code', 'domain', 'name', 'unit', 'kind', 'direction', 'tolerance', 'leadUnit', 'coUnits', 'plausible'] as const;
export type PatchField = (typeof PATCH_FIELDS)[number];

/** What may change on a plan itself. */
export interface PlanInfoPatch {
  shortName?: string;
  title?: string;
  tableTitle?: string;
  coordinator?: string;
  sourceNote?: string;
}

/** One row of the 调整记录 view: a change to a plan made with a reason. */
export interface PlanRevision {
  id: number;
  /** ISO time. */
  at: string;
  who: string;
  osUser: string | null;
  /** 'plan' | 'indicator' | 'target'. */
  entity: string;
  action: string;
  indicatorId: string | null;
  /** The indicator's name now (null for a change to the plan itself). */
  indicatorName: string | null;
  year: number | null;
  /** 'target', 'name', 'unit', 'plausible', 'retired' …. */
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
  reason: string;
  source: string;
}

/** The reason, trimmed; refused when empty or too long. */
export function checkReason(reason: string): string {
  const r = reason.trim();
  if (r === '') planFail('invalid-request', 'plan.reason-required');
  if (r.length > MAX_REASON) planFail('invalid-request', 'plan.reason-too-long', { length: r.length, max: MAX_REASON });
  return r;
}

/** Consecutive increasing whole years, 1–50 of them. */
export function checkYears(years: number[]): void {
  const ok = years.length > 0 && years.length <= 50 && years.every((y, i) => Number.isInteger(y) && y >= 1900 && y <= 2200 && (i === 0 || y === (years[i - 1] as number) + 1));
  if (!ok) planFail('invalid-request', 'plan.bad-years', { years: years.join(', ') });
}

export function checkRange(range: PlausibleRange | null | undefined): void {
  if (!range) return;
  if (range.min !== null && range.max !== null && range.min > range.max) planFail('invalid-request', 'plan.bad-range', { min: range.min, max: range.max });
}

function checkText(field: string, value: string | undefined): void {
  if (value !== undefined && value.trim() === '') planFail('invalid-request', 'plan.empty-field', { field });
}

/** Refuse a patch with an empty name/序号/lead unit, a bad kind, direction, tolerance or range (a table without 领域 gives '' domains: allowed). */
export function checkPatch(patch: IndicatorPatch): void {
  checkText('序号 / code', patch.code);
  checkText('指标 / name', patch.name);
  checkText('牵头单位 / lead unit', patch.leadUnit);
  if (patch.kind !== undefined) IndicatorKindSchema.parse(patch.kind);
  if (patch.direction !== undefined) DirectionSchema.parse(patch.direction);
  if (patch.tolerance !== undefined && patch.tolerance !== null && !(patch.tolerance >= 0 && patch.tolerance <= 1))
    planFail('invalid-request', 'plan.bad-tolerance', { value: patch.tolerance });
  checkRange(patch.plausible);
}

/** A draft must have years, indicators, distinct names, and targets only in its years. */
export function checkDraft(draft: PlanDraft): void {
  checkText('简称 / short name', draft.shortName);
  checkYears(draft.years);
  if (draft.indicators.length === 0) planFail('invalid-request', 'plan.no-indicators');
  const seen = new Set<string>();
  for (const ind of draft.indicators) {
    checkPatch(ind);
    const key = indicatorKey(ind);
    if (seen.has(key)) planFail('invalid-request', 'plan.duplicate-indicator', { name: ind.name });
    seen.add(key);
    for (const y of Object.keys(ind.targets))
      if (!draft.years.includes(Number(y))) planFail('invalid-request', 'plan.unknown-year', { year: y, plan: draft.shortName });
  }
}

/** "0 ~ 100", "0 ~ " (no upper bound), null for no range: how a range reads in the audit log. */
export function rangeText(range: PlausibleRange | null | undefined): string | null {
  if (!range || (range.min === null && range.max === null)) return null;
  return `${range.min ?? ''} ~ ${range.max ?? ''}`;
}

/** A field's value as the audit log keeps it. */
export function fieldText(field: PatchField, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (field === 'coUnits') return (value as string[]).join('、');
  if (field === 'plausible') return rangeText(value as PlausibleRange);
  return String(value);
}

/** A draft indicator as stored under `id`: texts trimmed, empty co-units dropped, an empty range left out. */
export function indicatorFromDraft(id: string, d: IndicatorDraft): Indicator {
  return {
    id,
    code: d.code.trim(),
    domain: d.domain.trim(),
    name: d.name.trim(),
    unit: d.unit.trim(),
    kind: d.kind,
    direction: d.direction,
    tolerance: d.tolerance,
    leadUnit: d.leadUnit.trim(),
    coUnits: d.coUnits.map((u) => u.trim()).filter((u) => u !== ''),
    targets: { ...d.targets },
    ...(d.plausible && (d.plausible.min !== null || d.plausible.max !== null) ? { plausible: { ...d.plausible } } : {}),
  };
}
