// Plans, their indicators, targets and the departments they name.
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { Indicator, Plan, PlausibleRange, Target } from '../../../shared/domain/plan';
import { NO_TARGET, planDepartments } from '../../../shared/domain/plan';
import type { IndicatorDraft, PlanDraft } from '../../../shared/domain/plan-draft';
import { fail } from '../../../shared/api/result';
import { deepFreeze } from '../../../shared/deep-freeze';
import { planFail } from '../../../shared/i18n/plan-messages';
import type { AuditRepo, WriteContext } from './audit-repo';
import type { IndicatorPatch, PlanInfoPatch, PlanRevision } from './plan-edit-rules';
import type { IndicatorRow, PlanRow } from './plan-rows';
import { readRevisions } from './plan-revisions';
import type { PlanYearsResult } from './plan-years';
import { refuseYearsWithActuals, writePlanYears } from './plan-years';
import { addDomain, checkNotInPlan } from './plan-additions';
import { PATCH_FIELDS, checkDraft, checkPatch, checkReason, fieldText, indicatorFromDraft } from './plan-edit-rules';

export type { IndicatorPatch, PlanInfoPatch, PlanRevision };

/** A target as the audit log and revisions write it: "/" for no target, the number's text, null for none. */
export function targetText(t: Target | null | undefined): string | null {
  if (t === undefined || t === null) return null;
  return t === NO_TARGET ? NO_TARGET : String(t);
}

export class PlansRepo {
  /**
   * Plans are read on every grid load and save but change rarely (seed, target revisions): keep the
   * assembled Plan and drop it whenever a write in this repository could change it.
   */
  private readonly cache = new Map<string, Plan>();

  constructor(
    private readonly db: Database.Database,
    private readonly audit: AuditRepo,
    /** Refuses a change to a locked cell (ReportingRepo.assertCellOpen): a locked year's targets stay as they are. */
    private readonly guard: (indicatorId: string, year: number) => void = () => undefined,
  ) {}

  hasAnyPlan(): boolean {
    return this.db.prepare('SELECT 1 FROM plans LIMIT 1').get() !== undefined;
  }

  listPlans(): { id: string; shortName: string; title: string; years: number[] }[] {
    return (this.db.prepare('SELECT * FROM plans ORDER BY id').all() as PlanRow[]).map((r) => ({
      id: r.id,
      shortName: r.short_name,
      title: r.title,
      years: JSON.parse(r.years_json) as number[],
    }));
  }

  listDepartments(): string[] {
    return (this.db.prepare('SELECT name FROM departments ORDER BY sort_order, name').all() as { name: string }[]).map((r) => r.name);
  }

  /** Insert a whole plan (the embedded seed on first open), with audit rows. Call inside a transaction. */
  insertPlan(plan: Plan, ctx: WriteContext): void {
    this.audit.requireTransaction();
    this.cache.clear();
    for (const d of planDepartments(plan)) this.addDepartment(d, ctx);
    this.db
      .prepare(`INSERT INTO plans (id, short_name, title, table_title, coordinator, source_note, version, years_json, domains_json)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(plan.id, plan.shortName, plan.title, plan.tableTitle, plan.coordinator, plan.sourceNote, plan.version, JSON.stringify(plan.years), JSON.stringify(plan.domains));
    this.audit.write(ctx, { action: 'insert', entity: 'plan', planId: plan.id, oldValue: null, newValue: plan.title });
    plan.indicators.forEach((ind, i) => this.insertIndicator(plan.id, ind, i, ctx, null));
  }

  private insertIndicator(planId: string, ind: Indicator, order: number, ctx: WriteContext, reason: string | null): void {
    this.db
      .prepare(`INSERT INTO indicators (id, plan_id, code, domain, name, unit, kind, direction, tolerance, lead_unit, sort_order, plausible_min, plausible_max)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(ind.id, planId, ind.code, ind.domain, ind.name, ind.unit, ind.kind, ind.direction, ind.tolerance, ind.leadUnit, order, ind.plausible?.min ?? null, ind.plausible?.max ?? null);
    this.audit.write(ctx, { action: 'insert', entity: 'indicator', planId, indicatorId: ind.id, oldValue: null, newValue: ind.name, reason });
    const addCo = this.db.prepare('INSERT INTO indicator_co_units (indicator_id, department, sort_order) VALUES (?, ?, ?)');
    ind.coUnits.forEach((u, j) => addCo.run(ind.id, u, j));
    const addTarget = this.db.prepare('INSERT INTO targets (indicator_id, year, value, no_target) VALUES (?, ?, ?, ?)');
    for (const [yearText, t] of Object.entries(ind.targets)) {
      const year = Number(yearText);
      addTarget.run(ind.id, year, t === NO_TARGET ? null : t, t === NO_TARGET ? 1 : 0);
      this.audit.write(ctx, { action: 'insert', entity: 'target', planId, indicatorId: ind.id, year, field: 'target', oldValue: null, newValue: targetText(t), reason });
    }
  }

  /**
   * Create a plan from a draft (a parsed plan table, or the editor's new plan): fresh ids for the
   * plan and every indicator, departments added as needed, audit rows. Refuses a draft with no
   * indicators, bad years, duplicate names or a short name already used. Returns the plan as stored.
   */
  createPlan(draft: PlanDraft, ctx: WriteContext): Plan {
    this.audit.requireTransaction();
    checkDraft(draft);
    if (this.listPlans().some((p) => p.shortName === draft.shortName.trim()))
      planFail('conflict', 'plan.short-name-taken', { name: draft.shortName.trim() });
    const id = `plan-${draft.years[0]}-${draft.years[draft.years.length - 1]}-${randomUUID().slice(0, 8)}`;
    const plan: Plan = {
      id,
      shortName: draft.shortName.trim(),
      title: draft.title,
      tableTitle: draft.tableTitle,
      years: [...draft.years],
      domains: [...draft.domains],
      coordinator: draft.coordinator,
      sourceNote: draft.sourceNote,
      version: 1,
      indicators: draft.indicators.map((d) => indicatorFromDraft(`${id}-${randomUUID().slice(0, 8)}`, d)),
    };
    this.insertPlan(plan, ctx);
    return this.getPlan(id);
  }

  /**
   * Copy a plan to a new period (e.g. 2028–2032): its current (not retired) indicators with their
   * units, kinds, directions, tolerances, departments and ranges, and NO targets. Returns the new plan.
   */
  copyPlanToPeriod(planId: string, years: number[], names: { shortName: string; title?: string; tableTitle?: string }, ctx: WriteContext): Plan {
    const from = this.getPlan(planId);
    const period = `${years[0]}—${years[years.length - 1]}`;
    return this.createPlan(
      {
        shortName: names.shortName,
        title: names.title ?? `${from.title}（${period}年）`,
        tableTitle: names.tableTitle ?? from.tableTitle,
        years,
        domains: [...from.domains],
        coordinator: from.coordinator,
        sourceNote: `由规划“${from.shortName}”（${from.years[0]}—${from.years[from.years.length - 1]}年）复制，未设目标。`,
        indicators: from.indicators.map((i) => ({ ...i, targets: {} })),
      },
      ctx,
    );
  }

  /** The plan as it stands: retired indicators left out (the grid, exports, imports, progress). */
  getPlan(id: string): Plan {
    const cached = this.cache.get(id);
    if (cached) return cached;
    // Frozen: callers share one object, so an accidental mutation throws instead of corrupting it.
    const plan = deepFreeze(this.readPlan(id, false));
    this.cache.set(id, plan);
    return plan;
  }

  /** The plan with its retired indicators too (each with retiredAt), for the plan editor. */
  getPlanWithRetired(id: string): Plan {
    return deepFreeze(this.readPlan(id, true));
  }

  private readPlan(id: string, withRetired: boolean): Plan {
    const row = this.db.prepare('SELECT * FROM plans WHERE id = ?').get(id) as PlanRow | undefined;
    if (!row) fail('not-found', 'error.unknown-plan', { id });
    const retired = withRetired ? '' : ' AND retired_at IS NULL';
    const indRows = this.db.prepare(`SELECT * FROM indicators WHERE plan_id = ?${retired} ORDER BY sort_order`).all(id) as IndicatorRow[];
    const coRows = this.db
      .prepare('SELECT c.indicator_id, c.department FROM indicator_co_units c JOIN indicators i ON i.id = c.indicator_id WHERE i.plan_id = ? ORDER BY c.indicator_id, c.sort_order')
      .all(id) as { indicator_id: string; department: string }[];
    const targetRows = this.db
      .prepare('SELECT t.indicator_id, t.year, t.value, t.no_target FROM targets t JOIN indicators i ON i.id = t.indicator_id WHERE i.plan_id = ?')
      .all(id) as { indicator_id: string; year: number; value: number | null; no_target: number }[];
    const coUnitsById = new Map<string, string[]>();
    for (const c of coRows) {
      const list = coUnitsById.get(c.indicator_id);
      if (list) list.push(c.department);
      else coUnitsById.set(c.indicator_id, [c.department]);
    }
    const indicators: Indicator[] = indRows.map((r) => ({
      id: r.id,
      code: r.code,
      domain: r.domain,
      name: r.name,
      unit: r.unit,
      kind: r.kind,
      direction: r.direction,
      tolerance: r.tolerance,
      leadUnit: r.lead_unit,
      coUnits: coUnitsById.get(r.id) ?? [],
      targets: {},
      // Optional fields only when set, so a plan without them reads exactly as before migration 5.
      ...(r.plausible_min !== null || r.plausible_max !== null ? { plausible: { min: r.plausible_min, max: r.plausible_max } } : {}),
      ...(r.retired_at !== null ? { retiredAt: r.retired_at } : {}),
    }));
    const byId = new Map(indicators.map((i) => [i.id, i]));
    for (const t of targetRows) {
      const ind = byId.get(t.indicator_id);
      if (ind) ind.targets[t.year] = t.no_target ? NO_TARGET : (t.value as number);
    }
    return {
      id: row.id,
      shortName: row.short_name,
      title: row.title,
      tableTitle: row.table_title,
      coordinator: row.coordinator,
      sourceNote: row.source_note,
      version: row.version,
      years: JSON.parse(row.years_json) as number[],
      domains: JSON.parse(row.domains_json) as string[],
      indicators,
    };
  }

  private indicatorRow(indicatorId: string): IndicatorRow & { plan_id: string } {
    const row = this.db.prepare('SELECT * FROM indicators WHERE id = ?').get(indicatorId) as (IndicatorRow & { plan_id: string }) | undefined;
    if (!row) fail('not-found', 'error.unknown-indicator', { id: indicatorId });
    return row;
  }

  /**
   * Change one target, with an audit row: THE one place a target changes after a plan is created
   * (reviseTarget and the plan-table revision go through here). `reason` is the 调整原因, kept on
   * the audit row. No change → nothing written (returns false). Call inside a transaction.
   * Refused (ApiFailure 'refused', with the lock's reason) when the cell's department-year is locked.
   */
  setTarget(indicatorId: string, year: number, target: Target, ctx: WriteContext, reason: string | null = null): boolean {
    this.audit.requireTransaction();
    // Cleared before the write: if the transaction rolls back, the next read reloads from disk.
    this.cache.clear();
    const ind = this.indicatorRow(indicatorId);
    const old = this.db.prepare('SELECT value, no_target FROM targets WHERE indicator_id = ? AND year = ?').get(indicatorId, year) as
      | { value: number | null; no_target: number }
      | undefined;
    const oldTarget: Target | null = old ? (old.no_target ? NO_TARGET : (old.value as number)) : null;
    if (oldTarget === target) return false;
    this.guard(indicatorId, year);
    this.db
      .prepare(`INSERT INTO targets (indicator_id, year, value, no_target) VALUES (?, ?, ?, ?)
        ON CONFLICT (indicator_id, year) DO UPDATE SET value = excluded.value, no_target = excluded.no_target`)
      .run(indicatorId, year, target === NO_TARGET ? null : target, target === NO_TARGET ? 1 : 0);
    this.audit.write(ctx, {
      action: old ? 'update' : 'insert',
      entity: 'target',
      planId: ind.plan_id,
      indicatorId,
      year,
      field: 'target',
      oldValue: targetText(oldTarget),
      newValue: targetText(target),
      reason,
    });
    return true;
  }

  /**
   * Revise a target with a reason (动态调整, the editor and `plan import --revise`): a number in the
   * indicator's unit or "/" (no target), for one of the plan's years. Returns whether it changed.
   */
  reviseTarget(indicatorId: string, year: number, target: Target, reason: string, ctx: WriteContext): boolean {
    const why = checkReason(reason);
    const ind = this.indicatorRow(indicatorId);
    const plan = this.getPlan(ind.plan_id);
    if (!plan.years.includes(year)) planFail('invalid-request', 'plan.unknown-year', { year, plan: plan.shortName });
    return this.setTarget(indicatorId, year, target, ctx, why);
  }

  /**
   * Change an indicator's fields with a reason: one audit row per changed field (old → new as text).
   * Departments named for the first time are added. Returns the fields that changed.
   */
  updateIndicator(indicatorId: string, patch: IndicatorPatch, reason: string, ctx: WriteContext): string[] {
    this.audit.requireTransaction();
    const why = checkReason(reason);
    checkPatch(patch);
    this.cache.clear();
    const row = this.indicatorRow(indicatorId);
    const current = this.getPlanWithRetired(row.plan_id).indicators.find((i) => i.id === indicatorId) as Indicator;
    const changed: string[] = [];
    for (const field of PATCH_FIELDS) {
      const next = patch[field];
      if (next === undefined) continue;
      const was = field === 'plausible' ? (current.plausible ?? null) : current[field];
      const oldText = fieldText(field, was);
      const newText = fieldText(field, next);
      if (oldText === newText) continue;
      this.writeField(indicatorId, field, next, ctx);
      this.audit.write(ctx, { action: 'update', entity: 'indicator', planId: row.plan_id, indicatorId, field, oldValue: oldText, newValue: newText, reason: why });
      changed.push(field);
    }
    return changed;
  }

  private writeField(indicatorId: string, field: (typeof PATCH_FIELDS)[number], value: unknown, ctx: WriteContext): void {
    const column: Record<string, string> = { code: 'code', domain: 'domain', name: 'name', unit: 'unit', kind: 'kind', direction: 'direction', tolerance: 'tolerance', leadUnit: 'lead_unit' };
    if (field === 'plausible') {
      const range = value as PlausibleRange | null;
      this.db.prepare('UPDATE indicators SET plausible_min = ?, plausible_max = ? WHERE id = ?').run(range?.min ?? null, range?.max ?? null, indicatorId);
    } else if (field === 'coUnits') {
      const units = (value as string[]).map((u) => u.trim()).filter((u) => u !== '');
      for (const u of units) this.addDepartment(u, ctx);
      this.db.prepare('DELETE FROM indicator_co_units WHERE indicator_id = ?').run(indicatorId);
      const add = this.db.prepare('INSERT INTO indicator_co_units (indicator_id, department, sort_order) VALUES (?, ?, ?)');
      units.forEach((u, j) => add.run(indicatorId, u, j));
    } else {
      if (field === 'leadUnit') this.addDepartment((value as string).trim(), ctx);
      const v = typeof value === 'string' ? value.trim() : value;
      this.db.prepare(`UPDATE indicators SET ${column[field] as string} = ? WHERE id = ?`).run(v, indicatorId);
    }
  }

  /** Add an indicator to a plan (the editor), at the end, with a reason. Returns its new id. */
  addIndicator(planId: string, draft: IndicatorDraft, reason: string, ctx: WriteContext): string {
    this.audit.requireTransaction();
    const why = checkReason(reason);
    checkPatch(draft);
    const plan = this.getPlanWithRetired(planId);
    for (const y of Object.keys(draft.targets)) if (!plan.years.includes(Number(y))) planFail('invalid-request', 'plan.unknown-year', { year: y, plan: plan.shortName });
    checkNotInPlan(plan, draft);
    this.cache.clear();
    addDomain(this.db, this.audit, plan, draft.domain, why, ctx);
    const ind = indicatorFromDraft(`${planId}-${randomUUID().slice(0, 8)}`, draft);
    for (const d of [ind.leadUnit, ...ind.coUnits]) this.addDepartment(d, ctx);
    const order = (this.db.prepare('SELECT coalesce(max(sort_order), -1) + 1 AS n FROM indicators WHERE plan_id = ?').get(planId) as { n: number }).n;
    this.insertIndicator(planId, ind, order, ctx, why);
    return ind.id;
  }

  /**
   * Retire an indicator (it leaves the plan as it stands; its targets, actuals and history stay) or
   * bring a retired one back (`retired` false). Never deletes. Audited with field 'retired'.
   */
  setIndicatorRetired(indicatorId: string, retired: boolean, reason: string, ctx: WriteContext): void {
    this.audit.requireTransaction();
    const why = checkReason(reason);
    const row = this.indicatorRow(indicatorId);
    if (retired && row.retired_at !== null) planFail('conflict', 'plan.already-retired', { name: row.name, at: row.retired_at });
    if (!retired && row.retired_at === null) planFail('conflict', 'plan.not-retired', { name: row.name });
    this.cache.clear();
    this.db.prepare('UPDATE indicators SET retired_at = ? WHERE id = ?').run(retired ? ctx.at : null, indicatorId);
    this.audit.write(ctx, { action: 'update', entity: 'indicator', planId: row.plan_id, indicatorId, field: 'retired', oldValue: row.retired_at, newValue: retired ? ctx.at : null, reason: why });
  }

  /** Change the plan's years to first…last with a reason (plan-years.ts has the rules). Call inside a transaction. */
  setYears(planId: string, first: number, last: number, reason: string, ctx: WriteContext): PlanYearsResult {
    this.cache.clear();
    return writePlanYears(this.db, this.audit, this.getPlanWithRetired(planId), first, last, reason, ctx, this.guard);
  }

  /** Refuse removing years that hold an actual or a note (plan-years.ts), before anything else is asked. */
  refuseYearsWithActuals(planId: string, years: readonly number[]): void {
    refuseYearsWithActuals(this.db, planId, years);
  }

  /** Whether any actual (value or note) was ever stored for the indicator. */
  hasActuals(indicatorId: string): boolean {
    return this.db.prepare('SELECT 1 FROM actuals WHERE indicator_id = ? LIMIT 1').get(indicatorId) !== undefined;
  }

  /** Change the plan's names or notes with a reason; one audit row per changed field. */
  updatePlanInfo(planId: string, patch: PlanInfoPatch, reason: string, ctx: WriteContext): string[] {
    this.audit.requireTransaction();
    const why = checkReason(reason);
    const plan = this.getPlan(planId);
    const columns = { shortName: 'short_name', title: 'title', tableTitle: 'table_title', coordinator: 'coordinator', sourceNote: 'source_note' } as const;
    const changed: string[] = [];
    this.cache.clear();
    for (const [field, column] of Object.entries(columns) as [keyof PlanInfoPatch, string][]) {
      const next = patch[field];
      if (next === undefined || next === plan[field]) continue;
      if (field === 'shortName') {
        if (next.trim() === '') planFail('invalid-request', 'plan.empty-field', { field: '简称 / short name' });
        if (this.listPlans().some((p) => p.id !== planId && p.shortName === next.trim())) planFail('conflict', 'plan.short-name-taken', { name: next.trim() });
      }
      this.db.prepare(`UPDATE plans SET ${column} = ? WHERE id = ?`).run(next, planId);
      this.audit.write(ctx, { action: 'update', entity: 'plan', planId, field, oldValue: plan[field], newValue: next, reason: why });
      changed.push(field);
    }
    return changed;
  }

  /** The 调整记录: every change made to the plan with a reason, newest first. */
  listRevisions(planId: string): PlanRevision[] {
    this.getPlan(planId);
    return readRevisions(this.db, planId);
  }

  addDepartment(name: string, ctx: WriteContext): void {
    this.audit.requireTransaction();
    const n = this.listDepartments().length;
    if (this.db.prepare('INSERT OR IGNORE INTO departments (name, sort_order) VALUES (?, ?)').run(name, n).changes > 0) {
      this.audit.write(ctx, { action: 'insert', entity: 'department', field: 'name', oldValue: null, newValue: name });
    }
  }
}

