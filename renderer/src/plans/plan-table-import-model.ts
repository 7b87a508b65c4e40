// 导入规划表's model (issue 14 part 1, the window's side), pure: a plan-table preview
// (previewPlanTable) turned into rows to show — every indicator with 序号, 领域, name, unit, kind,
// direction, lead unit and targets, and WHY its kind and direction were inferred (the reasons the
// reader gives, shared/domain/plan-inference.ts) — the clerk's corrections applied to the draft, what
// the window may offer (nothing while the table has errors; create; or, for a table matching a plan
// already there, revise or create anew), and the checks before anything is sent. The rules of
// reading a table stay in the reader; the CLI (`plan import`) offers the same choices
// (docs/ARCHITECTURE.md §Plans as data).
import type { InferredIndicatorSchema, PlanTablePreview, PlanTargetChange } from '../../../shared/api/plan-schemas';
import type { Direction, IndicatorKind, Target } from '../../../shared/domain/plan';
import type { IndicatorDraft, PlanDraft } from '../../../shared/domain/plan-draft';
import type { Lang } from '../../../shared/i18n/lang';
import type { z } from 'zod';
import { formatTarget } from '../grid/format';
import { revisionReason } from './revision-reason';

type Inferred = z.infer<typeof InferredIndicatorSchema>;
export type KindReasonKey = Inferred['kindReason'];
export type DirectionReasonKey = Inferred['directionReason'];

/** What the clerk may correct on an indicator before the plan is created. */
export type CorrectableField = 'name' | 'unit' | 'kind' | 'direction' | 'leadUnit';
export type RowCorrection = Partial<Pick<IndicatorDraft, CorrectableField>>;
/** Corrections by the indicator's position in the table (0-based). */
export type Corrections = Record<number, RowCorrection>;

/** One indicator of the preview as shown: the draft's values with the corrections applied. */
export interface PreviewRow {
  index: number;
  code: string;
  domain: string;
  name: string;
  unit: string;
  kind: IndicatorKind;
  direction: Direction;
  leadUnit: string;
  coUnits: string[];
  /** Each plan year's target as shown: a number in the grid's format, "/" for no target, "" for no entry. */
  targets: { year: number; text: string }[];
  /** Why the kind was inferred; null once the clerk changed the kind. */
  kindReason: KindReasonKey | null;
  directionReason: DirectionReasonKey | null;
  /** False when the table has no 牵头单位 column (the lead is a placeholder to correct). */
  leadFromTable: boolean;
  /** The table's row and the name's cell (e.g. C5), for the clerk to find it in the file. */
  sheetRow: number | null;
  nameCell: string | null;
  /** Fields the clerk changed from what the table said. */
  corrected: CorrectableField[];
}

/** What the window may offer for a preview. */
export type ImportChoice =
  /** The table has errors (or no draft): list them, create nothing. */
  | { kind: 'blocked' }
  /** A new plan: create it (importPlanTable). */
  | { kind: 'create' }
  /** The same indicators as a plan already there: revise it with a reason (when targets differ), create anew, or cancel. */
  | { kind: 'match'; planId: string; name: string; changes: PlanTargetChange[] };

export function importChoice(preview: PlanTablePreview): ImportChoice {
  if (!preview.draft || preview.issues.some((i) => i.severity === 'error')) return { kind: 'blocked' };
  if (preview.match) return { kind: 'match', planId: preview.match.planId, name: preview.match.shortName, changes: preview.match.targetChanges };
  return { kind: 'create' };
}

/** The indicator with the clerk's corrections; a field corrected back to the table's value is no correction. */
function corrected(ind: IndicatorDraft, fix: RowCorrection | undefined): IndicatorDraft {
  return fix ? { ...ind, ...fix } : ind;
}

/** Rows to show: every indicator of the draft in table order, with corrections and reasons. */
export function previewRows(preview: PlanTablePreview, corrections: Corrections, lang: Lang): PreviewRow[] {
  const draft = preview.draft;
  if (!draft) return [];
  return draft.indicators.map((ind, index) => {
    const shown = corrected(ind, corrections[index]);
    const why = preview.inferred[index];
    const changed = (Object.keys(corrections[index] ?? {}) as CorrectableField[]).filter((f) => shown[f] !== ind[f]);
    return {
      index,
      code: ind.code,
      domain: ind.domain,
      name: shown.name,
      unit: shown.unit,
      kind: shown.kind,
      direction: shown.direction,
      leadUnit: shown.leadUnit,
      coUnits: ind.coUnits,
      targets: draft.years.map((year) => ({ year, text: formatTarget(ind.targets[year], lang) })),
      kindReason: why && !changed.includes('kind') ? why.kindReason : null,
      directionReason: why && !changed.includes('direction') ? why.directionReason : null,
      leadFromTable: why?.leadFromTable ?? true,
      sheetRow: why?.row ?? null,
      nameCell: why?.nameCell ?? null,
      corrected: changed,
    };
  });
}

/** Record one correction (a new object; the value as typed). */
export function correct<K extends CorrectableField>(corrections: Corrections, index: number, field: K, value: IndicatorDraft[K]): Corrections {
  return { ...corrections, [index]: { ...corrections[index], [field]: value } };
}

/** A problem that keeps the draft from being sent: a key of the plan-import catalogue and its params. */
export type DraftProblem = { key: 'problem.short-name' } | { key: 'problem.field'; code: string; field: 'name' | 'leadUnit' };

/**
 * The 规划简称 is required: blank (only whitespace) is refused at the field and 创建 is disabled —
 * never silently replaced by the table's name.
 */
export function shortNameMissing(shortName: string): boolean {
  return shortName.trim() === '';
}

/**
 * The draft to send: the table's draft with the short name and the corrections (texts trimmed);
 * or the problems (a blank short name, a blank name or lead unit) — the same fields the store
 * refuses blank, named here before a round trip.
 */
export function draftToSend(draft: PlanDraft, shortName: string, corrections: Corrections): { ok: true; draft: PlanDraft } | { ok: false; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  if (shortNameMissing(shortName)) problems.push({ key: 'problem.short-name' });
  const indicators = draft.indicators.map((ind, i) => {
    const c = corrected(ind, corrections[i]);
    const out = { ...c, name: c.name.trim(), unit: c.unit.trim(), leadUnit: c.leadUnit.trim() };
    if (out.name === '') problems.push({ key: 'problem.field', code: ind.code, field: 'name' });
    if (out.leadUnit === '') problems.push({ key: 'problem.field', code: ind.code, field: 'leadUnit' });
    return out;
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, draft: { ...draft, shortName: shortName.trim(), indicators } };
}

/** A target in a from → to line: "—" for none, "/" for no target, else the grid's number format. */
export function changeTargetText(t: Target | null, lang: Lang): string {
  return t === null ? '—' : formatTarget(t, lang);
}

/**
 * Whether the clerk has done work a close would lose (closing then asks first: docs/ARCHITECTURE.md
 * §The plan-table preview keeps typed work): a correction that differs from the table
 * (`rows[].corrected`), a short name or title other than the table's (compared trimmed, as they
 * would be sent), or a typed 调整原因. False while nothing is loaded.
 */
export function hasUnsavedWork(preview: PlanTablePreview | null, rows: PreviewRow[], shortName: string, title: string, reason: string): boolean {
  const draft = preview?.draft;
  if (!draft) return false;
  return (
    rows.some((r) => r.corrected.length > 0) ||
    shortName.trim() !== draft.shortName.trim() ||
    title.trim() !== draft.title.trim() ||
    revisionReason(reason) !== null
  );
}
