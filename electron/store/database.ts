// Opening the one SQLite file safely: refuse files that are not ours or are damaged (never replace
// them with an empty database), set durability pragmas, back up, then migrate in one transaction.
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { mkdirSync } from 'node:fs';
import { DeskError } from '../../shared/errors';
import type { AppMessage } from '../../shared/i18n/engine';
import { message } from '../../shared/i18n/messages';
import type { Migration } from './migrations/migration';
import { MIGRATIONS } from './migrations/index';

/** PRAGMA application_id marking a database as Indicator Desk's ("IDK1"). */
export const APPLICATION_ID = 0x49444b31;

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** The database file cannot be used: not ours, damaged, or made by a newer version. Nothing was changed. */
export class DatabaseOpenError extends DeskError {
  readonly reason: 'not-ours' | 'corrupt' | 'newer';
  constructor(reason: DatabaseOpenError['reason'], appMessage: AppMessage) {
    super(appMessage);
    this.reason = reason;
  }
}

/** True when the file starts with SQLite's header: checked before SQLite is handed the file. */
export function hasSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

export interface OpenOptions {
  /** Folder for the automatic pre-migration backup; default: "backups" next to the database. */
  backupDir?: string;
  /** Migrations to apply (tests pass a prefix to migrate to N-1). */
  migrations?: readonly Migration[];
  now?: () => Date;
}

/**
 * Open (creating if absent) the database at `path`, verify it is ours and intact, apply pending
 * migrations, and return the connection. Throws DatabaseOpenError with a bilingual message.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Database.Database {
  const migrations = options.migrations ?? MIGRATIONS;
  const exists = existsSync(path) && statSync(path).size > 0;
  if (exists && !hasSqliteHeader(path)) {
    throw new DatabaseOpenError('not-ours', message('error.not-our-database', { path }));
  }
  if (!exists) mkdirSync(dirname(path), { recursive: true });

  let db: Database.Database;
  try {
    db = new Database(path);
  } catch {
    throw new DatabaseOpenError('corrupt', message('error.corrupt-database', { path }));
  }
  try {
    checkIntegrity(db, path);
    const appId = db.pragma('application_id', { simple: true }) as number;
    const hasTables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n > 0;
    if (hasTables && appId !== APPLICATION_ID) {
      throw new DatabaseOpenError('not-ours', message('error.not-our-database', { path }));
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new DatabaseOpenError('newer', message('error.newer-database', { version }));
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!hasTables) db.pragma(`application_id = ${APPLICATION_ID}`);
    if (version < migrations.length && hasTables) {
      backupFileSync(db, path, options.backupDir ?? join(dirname(path), 'backups'), `before-migration-v${version + 1}`, options.now?.() ?? new Date());
    }
    runMigrations(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function checkIntegrity(db: Database.Database, path: string): void {
  try {
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') throw new Error('quick_check failed');
  } catch {
    throw new DatabaseOpenError('corrupt', message('error.corrupt-database', { path }));
  }
}

/** Apply every migration past user_version, all in ONE transaction (all or nothing). */
export function runMigrations(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration list out of order at ${m.name}`);
  });
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

/** Backup file names sort by time: <db name>-YYYYMMDD-HHMMSS-<reason>.sqlite (UTC). */
export function backupFileName(dbFileName: string, at: Date, reason: string): string {
  if (!/^[a-z0-9-]+$/i.test(reason)) throw new Error(`backup reason must be [a-z0-9-]: ${reason}`);
  return `${dbFileName.replace(/\.[^.]+$/, '')}-${stamp(at)}-${reason}.sqlite`;
}

/**
 * Synchronous file-level backup (VACUUM INTO): used before migrations, where we must not proceed
 * until the copy is complete. Returns the backup's path.
 */
export function backupFileSync(db: Database.Database, path: string, dir: string, reason: string, at: Date): string {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, backupFileName(basename(path), at, reason));
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

/** Online backup through SQLite's backup API; safe while the app keeps writing. */
export async function backupDatabase(db: Database.Database, destination: string): Promise<void> {
  mkdirSync(dirname(destination), { recursive: true });
  await db.backup(destination);
}
