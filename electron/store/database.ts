// Opening the one SQLite file safely: refuse files that are not ours or are damaged (never replace
// them with an empty database), set durability pragmas, back up, then migrate in one transaction.
import Database from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { mkdirSync } from 'node:fs';
import { message } from '../../shared/i18n/messages';
import type { Migration } from './migrations/migration';
import { MIGRATIONS } from './migrations/index';
import { DatabaseOpenError, classifyOpenError, openFailure, unwritableError } from './open-errors';
import { makeReadOnlyCopy, removeFolderOnClose, removeStaleReadOnlyCopiesOnce } from './readonly-copies';

/** PRAGMA application_id marking a database as Indicator Desk's ("IDK1"). */
export const APPLICATION_ID = 0x49444b31;

const SQLITE_HEADER = 'SQLite format 3\u0000';

export { DatabaseOpenError };
export type { OpenFailureReason } from './open-errors';

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
 * migrations, and return the connection. A healthy database in a place that can be read but not
 * written is opened READ-ONLY (db.readonly; writes then fail with the 'read-only' message).
 * Throws DatabaseOpenError with a bilingual message; only reason 'corrupt' means damaged data.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Database.Database {
  const migrations = options.migrations ?? MIGRATIONS;
  // Snapshot folders left by an earlier run that was killed (readonly-copies.ts).
  removeStaleReadOnlyCopiesOnce();
  if (existsSync(path) && statSync(path).isDirectory()) throw unwritableError(path, { code: 'EISDIR' });
  const exists = existsSync(path) && statSync(path).size > 0;
  if (exists) {
    try {
      accessSync(path, constants.R_OK);
    } catch {
      throw openFailure('unreadable', path);
    }
  }
  if (exists && !hasSqliteHeader(path)) {
    throw new DatabaseOpenError('not-ours', message('error.not-our-database', { path }));
  }
  if (!exists) {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (error) {
      throw unwritableError(path, error);
    }
  }

  let db: Database.Database;
  try {
    db = exists && !writable(path) ? openReadOnly(path) : new Database(path);
  } catch (error) {
    throw classifyOpenError(error, path);
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
    if (db.readonly) {
      // Nothing can be written: an older schema cannot be brought up to date here.
      if (version < migrations.length) throw openFailure('read-only', path);
      return db;
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
    throw classifyOpenError(error, path);
  }
}

/** Can the file and its folder (for the -wal and -shm files) be written? */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Open a database that cannot be written. When its folder is writable the file is opened
 * read-only in place; otherwise SQLite could not create the WAL index (-shm), so a snapshot copy
 * (with its -wal) in a temporary folder is opened read-only instead; closing the connection
 * removes that folder (readonly-copies.ts).
 */
function openReadOnly(path: string): Database.Database {
  try {
    accessSync(dirname(path), constants.W_OK);
    const db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return db;
  } catch {
    const { folder, copy } = makeReadOnlyCopy(path);
    let db: Database.Database;
    try {
      db = new Database(copy, { readonly: true, fileMustExist: true });
    } catch (error) {
      rmSync(folder, { recursive: true, force: true });
      throw error;
    }
    return removeFolderOnClose(db, folder);
  }
}

function checkIntegrity(db: Database.Database, path: string): void {
  let rows: { quick_check: string }[];
  try {
    rows = db.pragma('quick_check') as { quick_check: string }[];
  } catch (error) {
    // Locked, unreadable, a disk error…: not damage. SQLite's own "corrupt"/"not a database" is.
    throw classifyOpenError(error, path);
  }
  if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') throw openFailure('corrupt', path);
}

/** Apply every migration past user_version, all in ONE transaction (all or nothing). */
export function runMigrations(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration list out of order at ${m.name}`);
  });
  // IMMEDIATE: another process opening the same file waits for the migration, never races it.
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
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
