// Snapshot copies for databases that can be read but whose folder cannot be written (SQLite could
// not create the WAL index there): the file and its -wal are copied into a temporary folder and the
// copy is opened read-only. The folder is removed when the connection closes, and at the next start
// any such folder older than a day is removed too (left by a process that was killed or crashed;
// younger ones may belong to another process still running, so they stay).
import type Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** Name prefix of every snapshot folder, in the system's temporary folder. */
export const READONLY_COPY_PREFIX = 'indicator-desk-readonly-';

/** Snapshot folders older than this (milliseconds) are stale at start-up: one day. */
export const STALE_COPY_AGE_MS = 24 * 60 * 60 * 1000;

/** Copy `path` (and its -wal) into a fresh snapshot folder; returns the folder and the copy's path. */
export function makeReadOnlyCopy(path: string, parent: string = tmpdir()): { folder: string; copy: string } {
  const folder = mkdtempSync(join(parent, READONLY_COPY_PREFIX));
  const copy = join(folder, basename(path));
  try {
    copyFileSync(path, copy);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return { folder, copy };
}

/**
 * Make closing `db` also remove its snapshot folder. Wrapping the connection's own close() means
 * every caller (the store, a failed open's clean-up, the restore) removes it without knowing.
 */
export function removeFolderOnClose(db: Database.Database, folder: string): Database.Database {
  const close = db.close.bind(db);
  db.close = () => {
    try {
      return close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  };
  return db;
}

/**
 * Remove snapshot folders in `parent` last changed more than `maxAgeMs` before `now`. Returns the
 * folders removed. Never throws: a folder that cannot be removed is tried again next time.
 */
export function removeStaleReadOnlyCopies(parent: string = tmpdir(), now: number = Date.now(), maxAgeMs: number = STALE_COPY_AGE_MS): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(parent).filter((n) => n.startsWith(READONLY_COPY_PREFIX));
  } catch {
    return removed;
  }
  for (const name of names) {
    const folder = join(parent, name);
    try {
      const stat = statSync(folder);
      if (!stat.isDirectory() || now - stat.mtimeMs <= maxAgeMs) continue;
      rmSync(folder, { recursive: true, force: true });
      removed.push(folder);
    } catch {
      // Gone meanwhile, or not ours to remove: leave it.
    }
  }
  return removed;
}

let sweptThisProcess = false;

/** removeStaleReadOnlyCopies() once per process (the first database opened at start-up). */
export function removeStaleReadOnlyCopiesOnce(): void {
  if (sweptThisProcess) return;
  sweptThisProcess = true;
  removeStaleReadOnlyCopies();
}
