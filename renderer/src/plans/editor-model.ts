// The plan editor's model (issue 14 part 2), pure: a plan turned into editable texts (a draft), and
// a draft compared with the plan into the changes to write — plan names, indicator fields and
// targets — each checked (a target is a number or "/", a tolerance and a range are numbers). The
// hook (use-plan-editor.ts) sends the changes with one 调整原因; the repository audits each.
import type { EditablePlan, IndicatorPatchRequest } from '../../../shared/api/plan-schemas';
import type { Direction, IndicatorKind, PlausibleRange, Target } from '../../../shared/domain/plan';
import { NO_TARGET } from '../../../shared/domain/plan';
import { parseNumberInput } from '../../../shared/domain/parse-number';

/** One indicator as the editor's inputs hold it (every field as text, as typed). */
export interface IndicatorDraftRow {
  id: string;
  /** Retired indicators are shown (struck through) but not edited. */
  retired: boolean;
  code: string;
  domain: string;
  name: string;
  unit: string;
  kind: IndicatorKind;
  direction: Direction;
  /** In percent of the target ("2" = within 2%); "" = no tolerance. */
  tolerance: string;
  leadUnit: string;
  /** Co-units separated by 、 or a comma. */
  coUnits: string;
  /** The plausible range's bounds; "" = no bound on that side. */
  min: string;
  max: string;
  /** By year ("2025"): a number or "/"; "" = no entry. */
  targets: Record<string, string>;
}

export interface PlanDraftState {
  shortName: string;
  title: string;
  rows: IndicatorDraftRow[];
}

/** What the editor may change on an indicator: the API's patch (updatePlanIndicator). */
export type IndicatorFieldPatch = IndicatorPatchRequest;

/** A problem with a draft: a key of the plans catalogue and the text at fault. */
export interface DraftProblem {
  key: 'editor.bad-target' | 'editor.bad-number';
  text: string;
  indicatorId: string;
}

export interface PlanChanges {
  info: { shortName?: string; title?: string };
  indicators: { indicatorId: string; patch: IndicatorFieldPatch }[];
  targets: { indicatorId: string; year: number; target: Target }[];
  problems: DraftProblem[];
}

/** An indicator as getPlanForEditing gives it (retiredAt set when retired). */
type EditorIndicator = EditablePlan['indicators'][number];

function numberText(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : String(n);
}

/** The tolerance fraction as percent text, without float noise (0.02 → "2"). */
function toleranceText(fraction: number | null): string {
  return fraction === null ? '' : String(Number((fraction * 100).toPrecision(12)));
}

export function targetText(t: Target | undefined): string {
  return t === undefined ? '' : t === NO_TARGET ? NO_TARGET : String(t);
}

export function splitUnits(text: string): string[] {
  return text.split(/[、,，;；]/).map((u) => u.trim()).filter((u) => u !== '');
}

/** The plan as editable texts. */
export function draftOf(plan: EditablePlan): PlanDraftState {
  return {
    shortName: plan.shortName,
    title: plan.title,
    rows: plan.indicators.map((ind) => ({
      id: ind.id,
      retired: Boolean(ind.retiredAt),
      code: ind.code,
      domain: ind.domain,
      name: ind.name,
      unit: ind.unit,
      kind: ind.kind,
      direction: ind.direction,
      tolerance: toleranceText(ind.tolerance),
      leadUnit: ind.leadUnit,
      coUnits: ind.coUnits.join('、'),
      min: numberText(ind.plausible?.min),
      max: numberText(ind.plausible?.max),
      targets: Object.fromEntries(plan.years.map((y) => [String(y), targetText(ind.targets[y])])),
    })),
  };
}

/** "" → null; a number → it; anything else → undefined (a problem). */
export function optionalNumber(text: string): number | null | undefined {
  const p = parseNumberInput(text);
  if (!p.ok) return undefined;
  if (p.kind === 'empty') return null;
  return p.kind === 'number' ? p.value : undefined;
}

/** A tolerance typed in percent ("2") as the stored fraction (0.02), without float noise. */
export function toleranceFraction(percent: number): number {
  return Number((percent / 100).toPrecision(12));
}

/** A target as typed: a number (in the indicator's unit) or "/" → the target; "" → null; anything else → undefined (a problem). */
export function parseTarget(text: string, kind: IndicatorKind): Target | null | undefined {
  const p = parseNumberInput(text, { kind });
  if (!p.ok) return undefined;
  return p.kind === 'slash' ? NO_TARGET : p.kind === 'number' ? p.value : null;
}

function sameRange(a: PlausibleRange | null, b: PlausibleRange | undefined): boolean {
  const x = a ?? { min: null, max: null };
  const y = b ?? { min: null, max: null };
  return x.min === y.min && x.max === y.max;
}

function fieldChanges(ind: EditorIndicator, row: IndicatorDraftRow, problems: DraftProblem[]): IndicatorFieldPatch {
  const patch: IndicatorFieldPatch = {};
  for (const key of ['code', 'domain', 'name', 'unit', 'leadUnit'] as const) if (row[key].trim() !== ind[key]) patch[key] = row[key].trim();
  if (row.kind !== ind.kind) patch.kind = row.kind;
  if (row.direction !== ind.direction) patch.direction = row.direction;
  const tolerance = optionalNumber(row.tolerance);
  if (tolerance === undefined) problems.push({ key: 'editor.bad-number', text: row.tolerance, indicatorId: ind.id });
  else if (row.tolerance.trim() !== toleranceText(ind.tolerance)) patch.tolerance = tolerance === null ? null : toleranceFraction(tolerance);
  const units = splitUnits(row.coUnits);
  if (units.join('、') !== ind.coUnits.join('、')) patch.coUnits = units;
  const min = optionalNumber(row.min);
  const max = optionalNumber(row.max);
  if (min === undefined) problems.push({ key: 'editor.bad-number', text: row.min, indicatorId: ind.id });
  if (max === undefined) problems.push({ key: 'editor.bad-number', text: row.max, indicatorId: ind.id });
  if (min !== undefined && max !== undefined) {
    const range = min === null && max === null ? null : { min, max };
    if (!sameRange(range, ind.plausible)) patch.plausible = range;
  }
  return patch;
}

/** Everything the draft changes in the plan, and what in it cannot be saved. Retired rows are left as they are. */
export function changesOf(plan: EditablePlan, draft: PlanDraftState): PlanChanges {
  const changes: PlanChanges = { info: {}, indicators: [], targets: [], problems: [] };
  if (draft.shortName.trim() !== plan.shortName) changes.info.shortName = draft.shortName.trim();
  if (draft.title.trim() !== plan.title) changes.info.title = draft.title.trim();
  const byId = new Map(plan.indicators.map((i) => [i.id, i]));
  for (const row of draft.rows) {
    const ind = byId.get(row.id);
    if (!ind || row.retired) continue;
    const patch = fieldChanges(ind, row, changes.problems);
    if (Object.keys(patch).length > 0) changes.indicators.push({ indicatorId: ind.id, patch });
    for (const year of plan.years) {
      const text = row.targets[String(year)] ?? '';
      if (text.trim() === targetText(ind.targets[year])) continue;
      const target = parseTarget(text, ind.kind);
      if (target === null || target === undefined) changes.problems.push({ key: 'editor.bad-target', text, indicatorId: ind.id });
      else if (target !== ind.targets[year]) changes.targets.push({ indicatorId: ind.id, year, target });
    }
  }
  return changes;
}

/** True when the changes write nothing. */
export function isEmpty(c: PlanChanges): boolean {
  return Object.keys(c.info).length === 0 && c.indicators.length === 0 && c.targets.length === 0;
}
