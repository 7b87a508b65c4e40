// Applied imports, so a whole import can be listed and undone.
import type Database from 'better-sqlite3';
import type { ImportRecord, ImportedFile } from '../../../shared/api/contract';
import type { AuditRepo, WriteContext } from './audit-repo';

interface ImportRow {
  id: number;
  at: string;
  who: string;
  files_json: string;
  change_count: number;
  undone_at: string | null;
}

export class ImportsRepo {
  constructor(
    private readonly db: Database.Database,
    private readonly audit: AuditRepo,
  ) {}

  /** Record an import; call inside the transaction that applies it. */
  create(files: ImportedFile[], changeCount: number, ctx: WriteContext): number {
    this.audit.requireTransaction();
    const info = this.db
      .prepare('INSERT INTO imports (at, who, files_json, change_count) VALUES (?, ?, ?, ?)')
      .run(ctx.at, ctx.who, JSON.stringify(files), changeCount);
    const id = Number(info.lastInsertRowid);
    this.audit.write({ ...ctx, importId: id }, { action: 'insert', entity: 'import', oldValue: null, newValue: files.map((f) => f.name).join(', ') });
    return id;
  }

  /** The files with their department and counts, once the import has been applied. */
  setFiles(id: number, files: ImportedFile[], changeCount: number): void {
    this.audit.requireTransaction();
    this.db.prepare('UPDATE imports SET files_json = ?, change_count = ? WHERE id = ?').run(JSON.stringify(files), changeCount, id);
  }

  setChangeCount(id: number, count: number): void {
    this.audit.requireTransaction();
    this.db.prepare('UPDATE imports SET change_count = ? WHERE id = ?').run(count, id);
  }

  markUndone(id: number, ctx: WriteContext): void {
    this.audit.requireTransaction();
    this.db.prepare('UPDATE imports SET undone_at = ? WHERE id = ?').run(ctx.at, id);
    this.audit.write({ ...ctx, importId: id }, { action: 'update', entity: 'import', field: 'undone', oldValue: null, newValue: ctx.at });
  }

  get(id: number): ImportRecord | null {
    const row = this.db.prepare('SELECT * FROM imports WHERE id = ?').get(id) as ImportRow | undefined;
    return row ? toRecord(row) : null;
  }

  list(limit = 50): ImportRecord[] {
    return (this.db.prepare('SELECT * FROM imports ORDER BY id DESC LIMIT ?').all(limit) as ImportRow[]).map(toRecord);
  }
}

function toRecord(r: ImportRow): ImportRecord {
  return {
    importId: r.id,
    at: r.at,
    who: r.who,
    files: JSON.parse(r.files_json) as ImportedFile[],
    changeCount: r.change_count,
    undone: r.undone_at !== null,
  };
}
