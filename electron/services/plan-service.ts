// Plans as data, as use cases: read a plan table (preview), create a plan from it or apply its
// targets as revisions, change a plan in the editor (each change with a reason), copy a plan to a
// new period, list revisions, export a plan table. Shared by the API handlers (window, browser) and
// the CLI's `plan` command (docs/ARCHITECTURE.md §Plans as data).
import type { ApiHandlers, ImportIssue } from '../../shared/api/contract';
import type { EditablePlan, PlanSummary, PlanTablePreview, PlanTargetChange } from '../../shared/api/plan-schemas';
import type { Plan, Target } from '../../shared/domain/plan';
import type { PlanDraft } from '../../shared/domain/plan-draft';
import { indicatorKey, sameIndicators } from '../../shared/domain/plan-draft';
import { planFail, planMessage } from '../../shared/i18n/plan-messages';
import { spanText, yearSpan, yearsChange } from '../../shared/domain/plan-years';
import { checkReason } from '../store/repositories/plan-edit-rules';
import type { PlanYearsResult } from '../store/repositories/plan-years';
import type { Store, WriteContext } from '../store/store';
import { readWorkbook } from '../workbook/import/read-workbook';
import { readPlanTable } from '../workbook/plan-table/read-plan-table';

type PlanHandlerName =
  | 'listPlans' | 'getPlanForEditing' | 'previewPlanTable' | 'importPlanTable' | 'revisePlanFromTable' | 'revisePlanTarget' | 'updatePlanIndicator'
  | 'addPlanIndicator' | 'setPlanYears' | 'setPlanIndicatorRetired' | 'updatePlanInfo' | 'copyPlanToPeriod' | 'listPlanRevisions' | 'exportPlanTable';

/** Who and when, without the source (each use case names its own). */
export type Actor = () => { who: string; at: string };

export function planSummary(plan: Plan): PlanSummary {
  return { id: plan.id, shortName: plan.shortName, title: plan.title, years: [...plan.years], indicatorCount: plan.indicators.length };
}

export function listPlanSummaries(store: Store): PlanSummary[] {
  return store.plans.listPlans().map((p) => planSummary(store.plans.getPlan(p.id)));
}

/** Whether a plan covers exactly the draft's years: a table of another period is never the same plan. */
function sameYears(plan: Pick<Plan, 'years'>, draft: Pick<PlanDraft, 'years'>): boolean {
  return plan.years.length === draft.years.length && plan.years.every((y, i) => y === draft.years[i]);
}

/**
 * The plan with the same indicators (names and units, in order) over the same years as the draft,
 * or null. A table of the same indicators for another period (2021–2025, 2028–2032) matches
 * nothing: its targets belong to other years and must not revise this plan's. When several plans
 * match (a plan imported again as new), the one with the draft's short name wins.
 */
export function matchingPlan(store: Store, draft: Pick<PlanDraft, 'indicators' | 'shortName' | 'years'>): Plan | null {
  const same = store.plans
    .listPlans()
    .map((p) => store.plans.getPlan(p.id))
    .filter((plan) => sameIndicators(plan, draft) && sameYears(plan, draft));
  return same.find((p) => p.shortName === draft.shortName.trim()) ?? same[0] ?? null;
}

/**
 * Preview warnings for a draft that matches no plan: its short name already names a plan, so
 * creating it would be refused (plan.short-name-taken) — said now, while the name can be changed.
 */
function nameInUseIssues(store: Store, draft: PlanDraft, sheet: string | null): ImportIssue[] {
  const taken = store.plans.listPlans().find((p) => p.shortName === draft.shortName.trim());
  if (!taken) return [];
  const years = spanText(store.plans.getPlan(taken.id).years);
  return [{ severity: 'warning', sheet: sheet ?? '', cell: 'A1', message: planMessage('plan.short-name-in-use', { name: taken.shortName, years }) }];
}

/** Targets the draft gives differently from the plan (a year the plan lacks counts too). */
export function targetChanges(plan: Plan, draft: PlanDraft): PlanTargetChange[] {
  const byKey = new Map(plan.indicators.map((i) => [indicatorKey(i), i]));
  const out: PlanTargetChange[] = [];
  for (const d of draft.indicators) {
    const ind = byKey.get(indicatorKey(d));
    if (!ind) continue;
    for (const [y, to] of Object.entries(d.targets) as [string, Target][]) {
      const year = Number(y);
      if (!plan.years.includes(year)) continue;
      const from = ind.targets[year] ?? null;
      if (from !== to) out.push({ indicatorId: ind.id, code: ind.code, name: ind.name, year, from, to });
    }
  }
  return out;
}

/** Read a plan table's bytes into a preview; `name` overrides the name from the title. Nothing is written. */
export async function previewPlanTableBytes(store: Store, bytes: Uint8Array, fileName: string, name?: string): Promise<PlanTablePreview> {
  const read = readPlanTable(await readWorkbook(bytes, fileName), fileName);
  const draft = read.draft ? { ...read.draft, shortName: name?.trim() || read.draft.shortName } : null;
  const plan = draft ? matchingPlan(store, draft) : null;
  return {
    fileName,
    sheet: read.sheet,
    draft,
    inferred: read.inferred,
    issues: draft && !plan ? [...read.issues, ...nameInUseIssues(store, draft, read.sheet)] : read.issues,
    match: plan && draft ? { planId: plan.id, shortName: plan.shortName, targetChanges: targetChanges(plan, draft) } : null,
  };
}

/** A free short name: the name itself, else "name（2）", "name（3）"…. */
function freeShortName(store: Store, name: string): string {
  const taken = new Set(store.plans.listPlans().map((p) => p.shortName));
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) if (!taken.has(`${name}（${n}）`)) return `${name}（${n}）`;
}

/**
 * Create a plan from a draft. A draft matching a plan already there is refused (say so; revise it
 * or import `asNew`); with `asNew` a taken short name gets a number (住有宜居（2）).
 */
export function createPlanFromDraft(store: Store, draft: PlanDraft, asNew: boolean, ctx: WriteContext): Plan {
  if (draft.shortName.trim() === '') planFail('invalid-request', 'table.no-name');
  const existing = matchingPlan(store, draft);
  if (existing && !asNew) planFail('conflict', 'plan.same-as-existing', { name: existing.shortName, id: existing.id });
  const shortName = asNew ? freeShortName(store, draft.shortName.trim()) : draft.shortName.trim();
  return store.transaction(() => store.plans.createPlan({ ...draft, shortName }, ctx));
}

/** Apply the draft's differing targets to the matching plan as revisions with one reason; returns how many changed. */
export function reviseFromDraft(store: Store, planId: string, draft: PlanDraft, reason: string, ctx: WriteContext): number {
  const plan = store.plans.getPlan(planId);
  if (!sameIndicators(plan, draft)) planFail('conflict', 'plan.not-same-indicators', { name: plan.shortName });
  if (!sameYears(plan, draft)) planFail('conflict', 'plan.other-years', { name: plan.shortName, tableYears: spanText(draft.years), planYears: spanText(plan.years) });
  const changes = targetChanges(plan, draft);
  return store.transaction(() => changes.filter((c) => store.plans.reviseTarget(c.indicatorId, c.year, c.to, reason, ctx)).length);
}

/** The plan for the editor: every indicator (retired too), its range, whether it has actuals. */
export function editablePlan(store: Store, planId: string): EditablePlan {
  const plan = store.plans.getPlanWithRetired(planId);
  return {
    id: plan.id,
    shortName: plan.shortName,
    title: plan.title,
    tableTitle: plan.tableTitle,
    years: [...plan.years],
    domains: [...plan.domains],
    coordinator: plan.coordinator,
    sourceNote: plan.sourceNote,
    version: plan.version,
    indicators: plan.indicators.map((i) => ({ ...i, coUnits: [...i.coUnits], targets: { ...i.targets }, hasActuals: store.plans.hasActuals(i.id) })),
  };
}

/** Refuse an indicator that is not in the named plan (a request naming one plan must not change, or read, another). */
export function inPlan(store: Store, planId: string, indicatorId: string): string {
  if (!store.plans.getPlanWithRetired(planId).indicators.some((i) => i.id === indicatorId)) planFail('not-found', 'plan.indicator-not-in-plan', { id: indicatorId, plan: planId });
  return indicatorId;
}

/**
 * Change a plan's years in one IMMEDIATE transaction: a removed year holding actuals is refused
 * first, then each removed year's reporting records
 * (ReportingRepo.forgetYear: refused while the year is locked), then the plan's years and targets
 * (PlansRepo.setYears: refused for a bad span or a removed year holding actuals). Any refusal
 * writes nothing (the transaction rolls back).
 */
export function changePlanYears(store: Store, planId: string, first: number, last: number, reason: string, ctx: WriteContext): PlanYearsResult {
  const why = checkReason(reason);
  return store.transaction(() => {
    const span = yearSpan(first, last);
    const removed = span ? yearsChange(store.plans.getPlan(planId).years, span).removed : [];
    // Actuals first: a clerk is never sent to unlock a year that could not be removed anyway.
    store.plans.refuseYearsWithActuals(planId, removed);
    for (const year of removed) store.reporting.forgetYear(planId, year, why, ctx);
    return store.plans.setYears(planId, first, last, why, ctx);
  });
}

/** The API handlers of plans as data. `actor` gives who and when; sources are 'plan-edit' / 'plan-import'. */
export function planHandlers(store: Store, actor: Actor, exportTable: (plan: Plan) => Promise<{ fileName: string; bytes: Uint8Array }>): Pick<ApiHandlers, PlanHandlerName> {
  const edit = (): WriteContext => ({ ...actor(), source: 'plan-edit' });
  return {
    listPlans: () => listPlanSummaries(store),
    getPlanForEditing: ({ planId }) => editablePlan(store, planId),
    previewPlanTable: ({ file, name }) => previewPlanTableBytes(store, new Uint8Array(Buffer.from(file.base64, 'base64')), file.name, name),
    importPlanTable: ({ draft, asNew }) => planSummary(createPlanFromDraft(store, draft, asNew ?? false, { ...actor(), source: 'plan-import' })),
    revisePlanFromTable: ({ planId, draft, reason }) => ({ changed: reviseFromDraft(store, planId, draft, reason, { ...actor(), source: 'plan-import' }) }),
    revisePlanTarget: ({ planId, indicatorId, year, target, reason }) => ({
      changed: store.transaction(() => store.plans.reviseTarget(inPlan(store, planId, indicatorId), year, target, reason, edit())),
    }),
    updatePlanIndicator: ({ planId, indicatorId, patch, reason }) => ({
      changed: store.transaction(() => store.plans.updateIndicator(inPlan(store, planId, indicatorId), patch, reason, edit())),
    }),
    addPlanIndicator: ({ planId, indicator, reason }) => ({ indicatorId: store.transaction(() => store.plans.addIndicator(planId, indicator, reason, edit())) }),
    setPlanYears: ({ planId, firstYear, lastYear, reason }) => changePlanYears(store, planId, firstYear, lastYear, reason, edit()),
    setPlanIndicatorRetired: ({ planId, indicatorId, retired, reason }) => {
      store.transaction(() => store.plans.setIndicatorRetired(inPlan(store, planId, indicatorId), retired, reason, edit()));
      return {};
    },
    updatePlanInfo: ({ planId, patch, reason }) => ({ changed: store.transaction(() => store.plans.updatePlanInfo(planId, patch, reason, edit())) }),
    copyPlanToPeriod: ({ planId, years, shortName, title }) =>
      planSummary(store.transaction(() => store.plans.copyPlanToPeriod(planId, years, { shortName, ...(title ? { title } : {}) }, edit()))),
    listPlanRevisions: ({ planId }) => store.plans.listRevisions(planId),
    exportPlanTable: async ({ planId }) => {
      const { fileName, bytes } = await exportTable(store.plans.getPlan(planId));
      return { fileName, base64: Buffer.from(bytes).toString('base64') };
    },
  };
}
