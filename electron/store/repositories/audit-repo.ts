// The audit log: every change to an actual, note, target, department or setting writes one row
// here, inside the same transaction as the change itself.
import type Database from 'better-sqlite3';
import type { AuditEntry } from '../../../shared/api/contract';
import { osUserName } from '../os-user';

/** Who did it, when, and from where: passed to every write. */
export interface WriteContext {
  who: string;
  at: string;
  /** typed | pasted | undo | redo | imported | import-undone | seed | settings | cli … */
  source: string;
  sourceFile?: string | null;
  sourceSha256?: string | null;
  /** The department the value came from: a return's department, or the typing clerk's (settings). */
  sourceDepartment?: string | null;
  importId?: number | null;
  /** The operating-system account; default: the one running this process (os-user.ts). */
  osUser?: string;
}

export interface AuditInput {
  action: 'insert' | 'update' | 'delete';
  entity: 'plan' | 'indicator' | 'target' | 'actual' | 'note' | 'department' | 'setting' | 'import' | 'reporting';
  planId?: string | null;
  indicatorId?: string | null;
  year?: number | null;
  field?: string | null;
  oldValue: string | null;
  newValue: string | null;
  /** Why (reporting-cycle changes: a send-back's or an unlock's reason). */
  reason?: string | null;
}

export class AuditRepo {
  private readonly insert: Database.Statement;
  private readonly byCell: Database.Statement;
  private readonly byImport: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(`INSERT INTO audit_log
      (at, who, os_user, action, entity, plan_id, indicator_id, year, field, old_value, new_value, source, source_file, source_sha256, source_department, import_id, reason)
      VALUES (@at, @who, @osUser, @action, @entity, @planId, @indicatorId, @year, @field, @oldValue, @newValue, @source, @sourceFile, @sourceSha256, @sourceDepartment, @importId, @reason)`);
    // The seed's own target rows are not history a clerk needs to see on a cell.
    this.byCell = db.prepare("SELECT * FROM audit_log WHERE indicator_id = ? AND year = ? AND source <> 'seed' ORDER BY id DESC");
    this.byImport = db.prepare('SELECT * FROM audit_log WHERE import_id = ? ORDER BY id');
  }

  /** Writes are only allowed inside a transaction, so a change can never commit without its audit row. */
  requireTransaction(): void {
    if (!this.db.inTransaction) throw new Error('writes and their audit rows must run inside store.transaction()');
  }

  write(ctx: WriteContext, entry: AuditInput): void {
    this.requireTransaction();
    this.insert.run({
      at: ctx.at,
      who: ctx.who,
      osUser: ctx.osUser ?? osUserName(),
      action: entry.action,
      entity: entry.entity,
      planId: entry.planId ?? null,
      indicatorId: entry.indicatorId ?? null,
      year: entry.year ?? null,
      field: entry.field ?? null,
      oldValue: entry.oldValue,
      newValue: entry.newValue,
      source: ctx.source,
      sourceFile: ctx.sourceFile ?? null,
      sourceSha256: ctx.sourceSha256 ?? null,
      sourceDepartment: ctx.sourceDepartment ?? null,
      importId: ctx.importId ?? null,
      reason: entry.reason ?? null,
    });
  }

  forCell(indicatorId: string, year: number): AuditEntry[] {
    return (this.byCell.all(indicatorId, year) as AuditRow[]).map(toEntry);
  }

  forImport(importId: number): AuditEntry[] {
    return (this.byImport.all(importId) as AuditRow[]).map(toEntry);
  }

  /**
   * The source of the value a cell had before audit row `beforeId` (its latest earlier 'actual'
   * row), so an undo can give a restored value back its provenance. Null when there was none.
   */
  valueSourceBefore(indicatorId: string, year: number, beforeId: number): WriteContext | null {
    const r = this.db
      .prepare("SELECT * FROM audit_log WHERE indicator_id = ? AND year = ? AND entity = 'actual' AND id < ? ORDER BY id DESC LIMIT 1")
      .get(indicatorId, year, beforeId) as AuditRow | undefined;
    if (!r || r.new_value === null) return null;
    return { who: r.who, at: r.at, source: r.source, sourceFile: r.source_file, sourceSha256: r.source_sha256, sourceDepartment: r.source_department, importId: r.import_id };
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  }
}

interface AuditRow {
  id: number;
  at: string;
  who: string;
  os_user: string | null;
  action: string;
  entity: string;
  indicator_id: string | null;
  year: number | null;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  source: string;
  source_file: string | null;
  source_sha256: string | null;
  source_department: string | null;
  import_id: number | null;
}

function toEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    who: r.who,
    osUser: r.os_user,
    action: r.action,
    entity: r.entity,
    indicatorId: r.indicator_id,
    year: r.year,
    field: r.field,
    oldValue: r.old_value,
    newValue: r.new_value,
    source: r.source,
    sourceFile: r.source_file,
    sourceSha256: r.source_sha256,
    sourceDepartment: r.source_department,
    importId: r.import_id,
  };
}
