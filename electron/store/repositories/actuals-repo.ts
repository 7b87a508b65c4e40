// Reported actual figures and their notes, one row per (indicator, year). Writes are refused for
// unknown indicators or years outside the plan, and every change writes an audit row.
import type Database from 'better-sqlite3';
import { fail } from '../../../shared/api/result';
import type { Provenance } from '../../../shared/api/contract';
import type { AuditRepo, WriteContext } from './audit-repo';

export interface ActualRecord {
  indicatorId: string;
  year: number;
  value: number | null;
  note: string | null;
  /** Who or what set the current value; absent when there is no value. */
  provenance?: Provenance;
}

interface ActualRow {
  indicator_id: string;
  year: number;
  value: number | null;
  note: string | null;
  updated_at: string;
  updated_by: string;
  source: string | null;
  source_at: string | null;
  source_who: string | null;
  source_file: string | null;
  source_sha256: string | null;
  source_department: string | null;
  import_id: number | null;
}

function toRecord(r: ActualRow): ActualRecord {
  return {
    indicatorId: r.indicator_id,
    year: r.year,
    value: r.value,
    note: r.note,
    provenance:
      r.value === null
        ? undefined
        : { source: r.source ?? 'unknown', who: r.source_who ?? r.updated_by, at: r.source_at ?? r.updated_at, fileName: r.source_file, sha256: r.source_sha256, department: r.source_department, importId: r.import_id },
  };
}

/** How a figure is written in the audit log's old/new value (and compared there by import undo). */
export function auditValueText(value: number | null): string | null {
  return value === null ? null : String(value);
}

export class ActualsRepo {
  private readonly getOne: Database.Statement;
  private readonly upsert: Database.Statement;
  private readonly indicatorPlan: Database.Statement;
  private readonly setSource: Database.Statement;
  private readonly byPlan: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly audit: AuditRepo,
    /**
     * Called before a change is written, only when something changes: refuses a locked cell and
     * withdraws a submission whose figures change (ReportingRepo.beforeActualWrite).
     */
    private readonly guard: (indicatorId: string, year: number, ctx: WriteContext) => void = () => undefined,
  ) {
    this.getOne = db.prepare('SELECT * FROM actuals WHERE indicator_id = ? AND year = ?');
    this.upsert = db.prepare(`INSERT INTO actuals (indicator_id, year, value, note, updated_at, updated_by)
      VALUES (@indicatorId, @year, @value, @note, @at, @who)
      ON CONFLICT (indicator_id, year) DO UPDATE SET value = excluded.value, note = excluded.note,
        updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
    // The value's provenance changes only with the value (a note edit keeps who set the figure).
    this.setSource = db.prepare(`UPDATE actuals SET source = @source, source_file = @sourceFile, source_sha256 = @sourceSha256,
      source_department = @sourceDepartment, import_id = @importId, source_at = @sourceAt, source_who = @sourceWho WHERE indicator_id = @indicatorId AND year = @year`);
    this.byPlan = db.prepare('SELECT a.* FROM actuals a JOIN indicators i ON i.id = a.indicator_id WHERE i.plan_id = ?');
    this.indicatorPlan = db.prepare('SELECT i.plan_id, p.years_json FROM indicators i JOIN plans p ON p.id = i.plan_id WHERE i.id = ?');
  }

  /** All actuals of a plan, keyed "indicatorId|year". */
  forPlan(planId: string): Map<string, ActualRecord> {
    const rows = this.byPlan.all(planId) as ActualRow[];
    const map = new Map<string, ActualRecord>();
    for (const r of rows) map.set(actualKey(r.indicator_id, r.year), toRecord(r));
    return map;
  }

  get(indicatorId: string, year: number): ActualRecord {
    const row = this.getOne.get(indicatorId, year) as ActualRow | undefined;
    return row ? toRecord(row) : { indicatorId, year, value: null, note: null };
  }

  /** Refuses (ApiFailure) an unknown indicator or a year that is not a year of its plan. */
  private check(indicatorId: string, year: number): string {
    const row = this.indicatorPlan.get(indicatorId) as { plan_id: string; years_json: string } | undefined;
    if (!row) fail('not-found', 'error.unknown-indicator', { id: indicatorId });
    const years = JSON.parse(row.years_json) as number[];
    if (!years.includes(year)) fail('refused', 'error.unknown-year', { year });
    return row.plan_id;
  }

  /**
   * Set the value (null clears it). Returns true when something changed. Call inside a transaction.
   * The value's provenance is `ctx`, or `sourceOf` when a value is restored (undo of an import gives
   * back the source of the value it restores).
   */
  setValue(indicatorId: string, year: number, value: number | null, ctx: WriteContext, sourceOf: WriteContext = ctx): boolean {
    this.audit.requireTransaction();
    const planId = this.check(indicatorId, year);
    const old = this.get(indicatorId, year);
    if (old.value === value) return false;
    this.guard(indicatorId, year, ctx);
    this.upsert.run({ indicatorId, year, value, note: old.note, at: ctx.at, who: ctx.who });
    this.setSource.run({
      indicatorId,
      year,
      sourceAt: value === null ? null : sourceOf.at,
      sourceWho: value === null ? null : sourceOf.who,
      source: value === null ? null : sourceOf.source,
      sourceFile: value === null ? null : (sourceOf.sourceFile ?? null),
      sourceSha256: value === null ? null : (sourceOf.sourceSha256 ?? null),
      sourceDepartment: value === null ? null : (sourceOf.sourceDepartment ?? null),
      importId: value === null ? null : (sourceOf.importId ?? null),
    });
    this.audit.write(ctx, {
      action: old.value === null ? 'insert' : value === null ? 'delete' : 'update',
      entity: 'actual',
      planId,
      indicatorId,
      year,
      field: 'actual',
      oldValue: auditValueText(old.value),
      newValue: auditValueText(value),
    });
    return true;
  }

  /** Set the note (null or "" clears it). Returns true when something changed. Call inside a transaction. */
  setNote(indicatorId: string, year: number, note: string | null, ctx: WriteContext): boolean {
    this.audit.requireTransaction();
    const planId = this.check(indicatorId, year);
    const normalised = note === null || note.trim() === '' ? null : note;
    const old = this.get(indicatorId, year);
    if (old.note === normalised) return false;
    this.guard(indicatorId, year, ctx);
    this.upsert.run({ indicatorId, year, value: old.value, note: normalised, at: ctx.at, who: ctx.who });
    this.audit.write(ctx, {
      action: old.note === null ? 'insert' : normalised === null ? 'delete' : 'update',
      entity: 'note',
      planId,
      indicatorId,
      year,
      field: 'note',
      oldValue: old.note,
      newValue: normalised,
    });
    return true;
  }
}

export function actualKey(indicatorId: string, year: number): string {
  return `${indicatorId}|${year}`;
}
