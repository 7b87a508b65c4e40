// Restore from a backup without pulling the file out from under anyone. The database file is never
// swapped while it is healthy: the backup's rows are copied INTO the open database in one IMMEDIATE
// transaction, so another process holding it (browser mode, the CLI) keeps a valid connection, waits
// for the lock, and its later saves land in the restored database instead of a deleted file.
// Order:
//   1. refuse anything that is not an intact database of ours (nothing changed);
//   2. back up the current database ('before-restore') through the online backup API;
//   3. copy the backup through the online backup API into a staging file — this reads through the
//      backup's own -wal, so changes still in its WAL are included — and migrate the staging copy
//      to the current schema;
//   4. in one IMMEDIATE transaction on the live database: replace every table's rows with the
//      staging copy's, then verify (integrity_check, and every table's row count equals the
//      backup's) before committing; any difference rolls back and nothing is changed; then, in the
//      same transaction, one audit row says who restored, when, and from which backup file (its
//      path and sha256), so the history explains why every value changed at once.
// Only a database that fails its own check (damaged: nobody can be using it) is replaced as a file.
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { APPLICATION_ID, backupFileName, openDatabase } from '../store/database';
import { osUserName } from '../store/os-user';
import { AuditRepo } from '../store/repositories/audit-repo';
import type { WriteContext } from '../store/repositories/audit-repo';
import type { BackupInfo } from './backups';
import { BackupError, backupNow, checkDatabaseFile, copyDatabase, refusalFor } from './backups';

/** What a restore did: the safety backup of the data it replaced, and the rows now in each table. */
export interface RestoreResult {
  safetyBackup: BackupInfo | null;
  /** Row count per table after the restore: the backup's (verified before commit), plus the restore's own audit row. */
  counts: Record<string, number>;
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

function userTables(db: Database.Database, schema: string): string[] {
  const rows = db.prepare(`SELECT name FROM ${schema}.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  return rows.map((r) => r.name);
}

function countRows(db: Database.Database, schema: string, tables: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = (db.prepare(`SELECT count(*) AS n FROM ${schema}."${t}"`).get() as { n: number }).n;
  return counts;
}

function verifyFailed(detail: string): BackupError {
  return new BackupError('backup.verify-failed', { detail });
}

/** Who restored, when, from which file: the context of the restore's audit row. */
function restoreContext(backupPath: string, who: string | undefined, at: Date): WriteContext {
  const sha256 = createHash('sha256').update(readFileSync(backupPath)).digest('hex');
  return { who: who?.trim() || osUserName(), at: at.toISOString(), source: 'restore', sourceFile: backupPath, sourceSha256: sha256 };
}

/**
 * The restore's audit row (inside the caller's transaction): entity 'database', the replaced
 * data's safety backup as the old value (null when there was none) and the backup file's name as
 * the new one (the damaged file's raw copy when that was replaced); its path and sha256 are the row's source_file and source_sha256.
 */
function writeRestoreAudit(db: Database.Database, ctx: WriteContext, safetyBackup: string | null): void {
  new AuditRepo(db).write(ctx, { action: 'update', entity: 'database', oldValue: safetyBackup, newValue: basename(ctx.sourceFile ?? '') });
}

/** A database file about to replace the live one (none, or damaged) gets the restore's audit row first. */
function auditReplacement(staging: string, scratch: string, ctx: WriteContext, replacedCopy: string | null): void {
  const db = openDatabase(staging, { backupDir: scratch });
  try {
    db.transaction(() => writeRestoreAudit(db, ctx, replacedCopy)).immediate();
  } finally {
    db.close();
  }
}

/** Step 4: replace the live database's rows with the staging copy's, verified, in one transaction. */
function copyRowsInto(dbPath: string, staging: string, scratch: string, audit: { ctx: WriteContext; safetyBackup: string | null }): Record<string, number> {
  const db = openDatabase(dbPath, { backupDir: scratch });
  try {
    db.prepare('ATTACH DATABASE ? AS restored').run(staging);
    try {
      const tables = userTables(db, 'main');
      const incoming = userTables(db, 'restored');
      if (incoming.join() !== tables.join()) throw verifyFailed(`tables ${incoming.join(',')}`);
      const expected = countRows(db, 'restored', tables);
      const hasSequence = (db.prepare("SELECT count(*) AS n FROM restored.sqlite_schema WHERE name = 'sqlite_sequence'").get() as { n: number }).n > 0;
      db.transaction(() => {
        db.pragma('defer_foreign_keys = ON');
        for (const t of tables) db.prepare(`DELETE FROM main."${t}"`).run();
        for (const t of tables) {
          const cols = (db.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).all(t) as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
          db.prepare(`INSERT INTO main."${t}" (${cols}) SELECT ${cols} FROM restored."${t}"`).run();
        }
        if (hasSequence) {
          db.prepare('DELETE FROM main.sqlite_sequence').run();
          db.prepare('INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM restored.sqlite_sequence').run();
        }
        const check = db.pragma('main.integrity_check') as { integrity_check: string }[];
        if (check.length !== 1 || check[0]?.integrity_check !== 'ok') throw verifyFailed('integrity_check');
        const fkProblems = db.pragma('main.foreign_key_check') as unknown[];
        if (fkProblems.length > 0) throw verifyFailed('foreign_key_check');
        const actual = countRows(db, 'main', tables);
        for (const t of tables) if (actual[t] !== expected[t]) throw verifyFailed(`${t}: ${actual[t]} ≠ ${expected[t]}`);
        writeRestoreAudit(db, audit.ctx, audit.safetyBackup);
      }).immediate();
      return countRows(db, 'main', tables);
    } finally {
      db.prepare('DETACH DATABASE restored').run();
    }
  } finally {
    db.close();
  }
}

/**
 * Restore `backupPath` into the database at `dbPath` (see the module comment for the order and the
 * guarantees). Safe while other processes hold the database open. Throws BackupError (nothing
 * changed) for a file that is not an intact backup of ours, the database itself, or a failed check.
 * `who` is the audit row's name (the clerk's, from settings); default: the operating-system user.
 */
export async function restoreBackup(options: {
  backupPath: string;
  dbPath: string;
  backupFolder: string;
  now?: Date;
  applicationId?: number;
  who?: string;
}): Promise<RestoreResult> {
  const applicationId = options.applicationId ?? APPLICATION_ID;
  const check = checkDatabaseFile(options.backupPath, applicationId);
  if (!check.ok) throw refusalFor(options.backupPath, check);
  if (sameFile(options.backupPath, options.dbPath)) {
    throw new BackupError('backup.same-file', { name: basename(options.backupPath) });
  }
  const scratch = mkdtempSync(join(dirname(options.dbPath), '.restore-'));
  try {
    const staging = join(scratch, 'staging.sqlite');
    // Through the backup API: includes what is still in the backup's -wal.
    await copyDatabase(options.backupPath, staging, applicationId);
    const ctx = restoreContext(options.backupPath, options.who, options.now ?? new Date());

    if (!existsSync(options.dbPath)) {
      auditReplacement(staging, scratch, ctx, null);
      renameSync(staging, options.dbPath);
      return { safetyBackup: null, counts: {} };
    }

    const current = checkDatabaseFile(options.dbPath, applicationId);
    if (!current.ok) {
      // Damaged (or not ours): keep its raw bytes, WAL included, then replace the file.
      const raw = join(options.backupFolder, backupFileName(basename(options.dbPath), options.now ?? new Date(), 'before-restore-raw'));
      copyDatabaseFilesRaw(options.dbPath, raw);
      auditReplacement(staging, scratch, ctx, raw);
      rmSync(`${options.dbPath}-wal`, { force: true });
      rmSync(`${options.dbPath}-shm`, { force: true });
      renameSync(staging, options.dbPath);
      return { safetyBackup: null, counts: {} };
    }

    const safetyBackup = await backupNow(options.dbPath, options.backupFolder, 'before-restore', { now: options.now, applicationId });
    // Bring the staging copy to the current schema (an older backup is migrated like any database).
    openDatabase(staging, { backupDir: scratch }).close();
    const counts = copyRowsInto(options.dbPath, staging, scratch, { ctx, safetyBackup: safetyBackup.path });
    return { safetyBackup, counts };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The damaged database's raw bytes (and its -wal, which may hold the last changes), kept aside. */
function copyDatabaseFilesRaw(dbPath: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(dbPath, target);
  if (existsSync(`${dbPath}-wal`)) copyFileSync(`${dbPath}-wal`, `${target}-wal`);
}
