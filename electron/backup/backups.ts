// Rolling backups of the one database file, restore from a backup, and moving the data folder.
// Every copy goes through SQLite's online backup API (consistent even while the app writes), lands
// under a temporary name and is verified before it takes its real name, so a half-written copy is
// never mistaken for a good one. Names follow the store's pre-migration backups:
//   <db name>-YYYYMMDD-HHMMSS-<reason>.sqlite   (UTC time stamp)
import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DeskError } from '../../shared/errors';
import type { KeyOf, Params } from '../../shared/i18n/engine';
import { bilingual, defineCatalogue } from '../../shared/i18n/engine';
import { APPLICATION_ID, backupFileName, hasSqliteHeader } from '../store/database';

export const DEFAULT_KEEP = 14;
export const BACKUP_FOLDER_NAME = 'backups';
const NAME_PATTERN = /^(.+)-(\d{8})-(\d{6})-([a-z0-9-]+)\.sqlite$/i;

/** Anything with SQLite's online backup: a better-sqlite3 Database, or the store. */
export interface BackupSource {
  backup(destination: string): Promise<unknown>;
}

export interface BackupInfo {
  path: string;
  fileName: string;
  reason: string;
  /** When it was taken (from the file name, UTC). */
  at: Date;
  size: number;
}

export const BACKUP_MESSAGES = defineCatalogue(
  'backup',
  {
    'backup.missing': '找不到文件“{name}”',
    'backup.corrupt': '“{name}”已损坏，不能用于恢复；未做任何改动',
    'backup.not-ours': '“{name}”不是指标填报台的数据库或备份，未做任何改动',
    'backup.target-exists': '目标文件夹中已有数据库“{path}”，未做任何改动',
    'backup.same-file': '“{name}”就是当前数据库，不能用它恢复自己；未做任何改动',
    'backup.verify-failed': '恢复后的核对未通过（{detail}），已撤回，未做任何改动',
  },
  {
    'backup.missing': 'File "{name}" not found',
    'backup.corrupt': '"{name}" is damaged and cannot be restored; nothing was changed',
    'backup.not-ours': '"{name}" is not an Indicator Desk database or backup; nothing was changed',
    'backup.target-exists': 'The target folder already holds a database "{path}"; nothing was changed',
    'backup.same-file': '"{name}" is the current database itself; nothing was changed',
    'backup.verify-failed': 'The restored data did not verify ({detail}); it was rolled back and nothing was changed',
  },
);

/** A refusal with a message for the clerk; nothing was changed when one is thrown. */
export class BackupError extends DeskError {
  constructor(key: KeyOf<typeof BACKUP_MESSAGES>, params: Params) {
    super(bilingual(BACKUP_MESSAGES, key, params));
  }
}

function parseStamp(day: string, time: string): Date {
  return new Date(`${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}Z`);
}

export type DatabaseCheck = { ok: true } | { ok: false; reason: 'missing' | 'not-sqlite' | 'not-ours' | 'corrupt' };

/**
 * Is this file an intact Indicator Desk database? Checks the SQLite header bytes first (so a
 * workbook or a text file is refused without handing it to SQLite), then PRAGMA application_id
 * (set by the store) and PRAGMA quick_check, opening the file read-only.
 */
export function checkDatabaseFile(path: string, applicationId: number = APPLICATION_ID): DatabaseCheck {
  if (!existsSync(path) || !statSync(path).isFile()) return { ok: false, reason: 'missing' };
  if (!hasSqliteHeader(path)) return { ok: false, reason: 'not-sqlite' };
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    if ((db.pragma('application_id', { simple: true }) as number) !== applicationId) return { ok: false, reason: 'not-ours' };
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    return rows.length === 1 && rows[0]?.quick_check === 'ok' ? { ok: true } : { ok: false, reason: 'corrupt' };
  } catch {
    return { ok: false, reason: 'corrupt' };
  } finally {
    db?.close();
  }
}

export function refusalFor(path: string, check: Exclude<DatabaseCheck, { ok: true }>): BackupError {
  const name = basename(path);
  if (check.reason === 'missing') return new BackupError('backup.missing', { name });
  if (check.reason === 'corrupt') return new BackupError('backup.corrupt', { name });
  return new BackupError('backup.not-ours', { name });
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Copy a database through the backup API into `destination` (temp name, verify, rename). */
export async function copyDatabase(source: string | BackupSource, destination: string, applicationId: number): Promise<void> {
  mkdirSync(dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  try {
    if (typeof source === 'string') {
      const db = new Database(source, { readonly: true, fileMustExist: true });
      try {
        await db.backup(partial);
      } finally {
        db.close();
      }
    } else {
      await source.backup(partial);
    }
    fsyncFile(partial);
    const check = checkDatabaseFile(partial, applicationId);
    if (!check.ok) throw refusalFor(typeof source === 'string' ? source : destination, check);
    renameSync(partial, destination);
  } finally {
    rmSync(partial, { force: true });
  }
}

/** Take a backup now. `source` is the database path or an open connection/store. */
export async function backupNow(
  source: string | BackupSource,
  folder: string,
  reason: string,
  options: { now?: Date; dbFileName?: string; applicationId?: number } = {},
): Promise<BackupInfo> {
  const dbFileName = options.dbFileName ?? (typeof source === 'string' ? basename(source) : 'indicator-desk.sqlite');
  let at = new Date(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000);
  // Two backups with one reason in the same second: step the stamp rather than overwrite.
  while (existsSync(join(folder, backupFileName(dbFileName, at, reason)))) at = new Date(at.getTime() + 1000);
  const path = join(folder, backupFileName(dbFileName, at, reason));
  await copyDatabase(source, path, options.applicationId ?? APPLICATION_ID);
  return { path, fileName: basename(path), reason, at, size: statSync(path).size };
}

/** Backups in `folder`, newest first. Files that do not follow the naming scheme are ignored. */
export function listBackups(folder: string): BackupInfo[] {
  if (!existsSync(folder)) return [];
  const found: BackupInfo[] = [];
  for (const fileName of readdirSync(folder)) {
    const m = NAME_PATTERN.exec(fileName);
    if (!m) continue;
    const path = join(folder, fileName);
    const stat = statSync(path);
    if (!stat.isFile()) continue;
    found.push({ path, fileName, reason: m[4] ?? '', at: parseStamp(m[2] ?? '', m[3] ?? ''), size: stat.size });
  }
  return found.sort((a, b) => b.at.getTime() - a.at.getTime() || b.fileName.localeCompare(a.fileName));
}

/** Keep the `keep` newest backups with this reason; delete older ones. Returns the deleted paths. */
export function pruneBackups(folder: string, reason: string, keep: number = DEFAULT_KEEP): string[] {
  const old = listBackups(folder).filter((b) => b.reason === reason).slice(Math.max(1, keep));
  for (const b of old) rmSync(b.path, { force: true });
  return old.map((b) => b.path);
}

function sameLocalDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/**
 * The automatic backup on start: at most one 'daily' backup per local calendar day, then the
 * oldest dailies beyond `keep` are removed. Returns the new backup, or null if today's exists.
 */
export async function ensureDailyBackup(
  source: string | BackupSource,
  folder: string,
  options: { now?: Date; keep?: number; dbFileName?: string } = {},
): Promise<BackupInfo | null> {
  const now = options.now ?? new Date();
  const hasToday = listBackups(folder).some((b) => b.reason === 'daily' && sameLocalDay(b.at, now));
  const made = hasToday ? null : await backupNow(source, folder, 'daily', { now, dbFileName: options.dbFileName });
  pruneBackups(folder, 'daily', options.keep ?? DEFAULT_KEEP);
  return made;
}

export { restoreBackup } from './restore';

/**
 * Copy the database into another folder for "move data folder": copy, verify, and only then
 * return the new path for the caller to switch to (and record). The old file is left in place.
 */
export async function copyDatabaseTo(source: string | BackupSource, dbFileName: string, targetFolder: string, applicationId: number = APPLICATION_ID): Promise<string> {
  const target = join(targetFolder, dbFileName);
  if (existsSync(target)) {
    throw new BackupError('backup.target-exists', { path: target });
  }
  await copyDatabase(source, target, applicationId);
  return target;
}
