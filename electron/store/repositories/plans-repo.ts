// Plans, their indicators, targets and the departments they name.
import type Database from 'better-sqlite3';
import type { Indicator, Plan, Target } from '../../../shared/domain/plan';
import { NO_TARGET, planDepartments } from '../../../shared/domain/plan';
import { fail } from '../../../shared/api/result';
import type { AuditRepo, WriteContext } from './audit-repo';

interface PlanRow {
  id: string;
  short_name: string;
  title: string;
  table_title: string;
  coordinator: string;
  source_note: string;
  version: number;
  years_json: string;
  domains_json: string;
}
interface IndicatorRow {
  id: string;
  code: string;
  domain: string;
  name: string;
  unit: string;
  kind: Indicator['kind'];
  direction: Indicator['direction'];
  tolerance: number | null;
  lead_unit: string;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

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
    const depts = this.listDepartments();
    let order = depts.length;
    const addDept = this.db.prepare('INSERT OR IGNORE INTO departments (name, sort_order) VALUES (?, ?)');
    for (const d of planDepartments(plan)) {
      if (addDept.run(d, order).changes > 0) {
        order += 1;
        this.audit.write(ctx, { action: 'insert', entity: 'department', field: 'name', oldValue: null, newValue: d });
      }
    }
    this.db
      .prepare(`INSERT INTO plans (id, short_name, title, table_title, coordinator, source_note, version, years_json, domains_json)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(plan.id, plan.shortName, plan.title, plan.tableTitle, plan.coordinator, plan.sourceNote, plan.version, JSON.stringify(plan.years), JSON.stringify(plan.domains));
    this.audit.write(ctx, { action: 'insert', entity: 'plan', planId: plan.id, oldValue: null, newValue: plan.title });
    const addInd = this.db.prepare(`INSERT INTO indicators (id, plan_id, code, domain, name, unit, kind, direction, tolerance, lead_unit, sort_order)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const addCo = this.db.prepare('INSERT INTO indicator_co_units (indicator_id, department, sort_order) VALUES (?, ?, ?)');
    const addTarget = this.db.prepare('INSERT INTO targets (indicator_id, year, value, no_target) VALUES (?, ?, ?, ?)');
    plan.indicators.forEach((ind, i) => {
      addInd.run(ind.id, plan.id, ind.code, ind.domain, ind.name, ind.unit, ind.kind, ind.direction, ind.tolerance, ind.leadUnit, i);
      this.audit.write(ctx, { action: 'insert', entity: 'indicator', planId: plan.id, indicatorId: ind.id, oldValue: null, newValue: ind.name });
      ind.coUnits.forEach((u, j) => addCo.run(ind.id, u, j));
      for (const [yearText, t] of Object.entries(ind.targets)) {
        const year = Number(yearText);
        addTarget.run(ind.id, year, t === NO_TARGET ? null : t, t === NO_TARGET ? 1 : 0);
        this.audit.write(ctx, { action: 'insert', entity: 'target', planId: plan.id, indicatorId: ind.id, year, field: 'target', oldValue: null, newValue: targetText(t) });
      }
    });
  }

  getPlan(id: string): Plan {
    const cached = this.cache.get(id);
    if (cached) return cached;
    // Frozen: callers share one object, so an accidental mutation throws instead of corrupting it.
    const plan = deepFreeze(this.readPlan(id));
    this.cache.set(id, plan);
    return plan;
  }

  private readPlan(id: string): Plan {
    const row = this.db.prepare('SELECT * FROM plans WHERE id = ?').get(id) as PlanRow | undefined;
    if (!row) fail('not-found', 'error.unknown-plan', { id });
    const indRows = this.db.prepare('SELECT * FROM indicators WHERE plan_id = ? ORDER BY sort_order').all(id) as IndicatorRow[];
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

  /**
   * Change one target (e.g. a plan revision), with an audit row. Call inside a transaction.
   * Refused (ApiFailure 'refused', with the lock's reason) when the cell's department-year is locked.
   */
  setTarget(indicatorId: string, year: number, target: Target, ctx: WriteContext): void {
    this.audit.requireTransaction();
    // Cleared before the write: if the transaction rolls back, the next read reloads from disk.
    this.cache.clear();
    const ind = this.db.prepare('SELECT plan_id FROM indicators WHERE id = ?').get(indicatorId) as { plan_id: string } | undefined;
    if (!ind) fail('not-found', 'error.unknown-indicator', { id: indicatorId });
    const old = this.db.prepare('SELECT value, no_target FROM targets WHERE indicator_id = ? AND year = ?').get(indicatorId, year) as
      | { value: number | null; no_target: number }
      | undefined;
    const oldTarget: Target | null = old ? (old.no_target ? NO_TARGET : (old.value as number)) : null;
    if (oldTarget === target) return;
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
    });
  }

  addDepartment(name: string, ctx: WriteContext): void {
    this.audit.requireTransaction();
    const n = this.listDepartments().length;
    if (this.db.prepare('INSERT OR IGNORE INTO departments (name, sort_order) VALUES (?, ?)').run(name, n).changes > 0) {
      this.audit.write(ctx, { action: 'insert', entity: 'department', field: 'name', oldValue: null, newValue: name });
    }
  }
}
