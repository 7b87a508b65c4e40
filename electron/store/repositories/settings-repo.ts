// Key/value settings (current department, clerk name and phone, language), audited like data.
import type Database from 'better-sqlite3';
import type { AuditRepo, WriteContext } from './audit-repo';

export class SettingsRepo {
  constructor(
    private readonly db: Database.Database,
    private readonly audit: AuditRepo,
  ) {}

  get(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  /** Call inside a transaction. */
  set(key: string, value: string, ctx: WriteContext): void {
    this.audit.requireTransaction();
    const old = this.get(key);
    if (old === value) return;
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
    this.audit.write(ctx, { action: old === null ? 'insert' : 'update', entity: 'setting', field: key, oldValue: old, newValue: value });
  }
}
