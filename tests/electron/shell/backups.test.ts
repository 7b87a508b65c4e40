// Rolling backups, restore and data-folder copies on real SQLite files made by the real store.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BackupError,
  backupNow,
  checkDatabaseFile,
  copyDatabaseTo,
  ensureDailyBackup,
  listBackups,
  pruneBackups,
  restoreBackup,
} from '../../../electron/backup/backups';
import { createServices } from '../../../electron/services/create-services';
import type { Services } from '../../../electron/services/create-services';
import { makeTempDir } from '../../helpers/tmp';

const NOW = new Date('2026-03-01T08:00:00Z');
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let tmp: ReturnType<typeof makeTempDir>;
let dbPath: string;
let backups: string;

function open(): Services {
  return createServices({ dbPath, mode: 'desktop', now: () => NOW });
}

async function setActual(services: Services, text: string): Promise<void> {
  const planId = (await services.handlers.getBootstrap({})).plans[0]?.id ?? '';
  const { results } = await services.handlers.saveCells({ planId, source: 'typed', edits: [{ indicatorId: 'zyyj-03', year: 2024, field: 'actual', text }] });
  expect(results[0]?.ok).toBe(true);
}

async function actual(services: Services): Promise<number | null> {
  const planId = (await services.handlers.getBootstrap({})).plans[0]?.id ?? '';
  const grid = await services.handlers.getGrid({ planId, year: 2024, department: null });
  return grid.rows.find((r) => r.indicatorId === 'zyyj-03')?.cells['2024']?.actual ?? null;
}

beforeEach(() => {
  tmp = makeTempDir();
  dbPath = join(tmp.dir, 'data', 'indicator-desk.sqlite');
  backups = join(tmp.dir, 'data', 'backups');
});
afterEach(() => tmp.cleanup());

describe('backupNow and listBackups', () => {
  it('copies a live database (open store) and a closed one (path), both verified as ours', async () => {
    const services = open();
    await setActual(services, '205');
    const live = await backupNow(services.store, backups, 'manual', { now: NOW, dbFileName: 'indicator-desk.sqlite' });
    services.close();
    const closed = await backupNow(dbPath, backups, 'manual', { now: NOW });
    expect(live.fileName).toBe('indicator-desk-20260301-080000-manual.sqlite');
    // Same second, same reason: the second one steps its stamp instead of overwriting.
    expect(closed.fileName).toBe('indicator-desk-20260301-080001-manual.sqlite');
    for (const b of [live, closed]) {
      expect(checkDatabaseFile(b.path)).toEqual({ ok: true });
      const db = new Database(b.path, { readonly: true });
      const row = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
      db.close();
      expect(row.n).toBeGreaterThan(0);
    }
    expect(listBackups(backups).map((b) => b.fileName)).toEqual([closed.fileName, live.fileName]);
    expect(readdirSync(backups).some((f) => f.includes('.partial'))).toBe(false);
  });
});

describe('daily rolling backups', () => {
  it('takes one backup per day and keeps the newest N', async () => {
    const services = open();
    const made: string[] = [];
    for (let day = 0; day < 20; day++) {
      const now = new Date(Date.UTC(2026, 0, 1 + day, 4, 0, 0));
      const first = await ensureDailyBackup(services.store, backups, { now, keep: 14, dbFileName: 'indicator-desk.sqlite' });
      expect(first).not.toBeNull();
      made.push(first?.fileName ?? '');
      // Started again the same day: nothing new.
      expect(await ensureDailyBackup(services.store, backups, { now: new Date(now.getTime() + 3600_000), keep: 14 })).toBeNull();
    }
    services.close();
    const kept = listBackups(backups).filter((b) => b.reason === 'daily').map((b) => b.fileName);
    expect(kept).toEqual(made.slice(-14).reverse());
  });

  it('pruning one reason leaves other backups alone', async () => {
    const services = open();
    await backupNow(services.store, backups, 'before-import', { now: NOW });
    for (let i = 0; i < 3; i++) await backupNow(services.store, backups, 'daily', { now: new Date(NOW.getTime() + i * 86_400_000) });
    services.close();
    expect(pruneBackups(backups, 'daily', 1)).toHaveLength(2);
    expect(listBackups(backups).map((b) => b.reason).sort()).toEqual(['before-import', 'daily']);
  });
});

describe('restoreBackup', () => {
  it('puts the backup back, after saving the current data first', async () => {
    let services = open();
    await setActual(services, '205');
    const good = await backupNow(services.store, backups, 'manual', { now: NOW });
    await setActual(services, '999');
    services.close();

    const { safetyBackup } = await restoreBackup({ backupPath: good.path, dbPath, backupFolder: backups, now: new Date(NOW.getTime() + 60_000) });
    services = open();
    expect(await actual(services)).toBe(205);
    services.close();

    // The data from before the restore is itself a backup that can be restored.
    expect(safetyBackup?.reason).toBe('before-restore');
    const saved = createServices({ dbPath: safetyBackup?.path ?? '', mode: 'desktop', now: () => NOW });
    expect(await actual(saved)).toBe(999);
    saved.close();
  });

  it('refuses files that are not our database and changes nothing', async () => {
    const services = open();
    await setActual(services, '205');
    services.close();
    const before = sha(dbPath);

    const text = join(tmp.dir, 'notes.sqlite');
    writeFileSync(text, '这不是数据库 / not a database');
    const workbook = join(tmp.dir, 'return.sqlite');
    writeFileSync(workbook, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2000)]));
    const foreign = join(tmp.dir, 'other-app.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    other.close();
    const truncated = join(tmp.dir, 'truncated.sqlite');
    writeFileSync(truncated, readFileSync(dbPath).subarray(0, 4096 + 100));

    expect(checkDatabaseFile(text)).toEqual({ ok: false, reason: 'not-sqlite' });
    expect(checkDatabaseFile(workbook)).toEqual({ ok: false, reason: 'not-sqlite' });
    expect(checkDatabaseFile(foreign)).toEqual({ ok: false, reason: 'not-ours' });
    expect(checkDatabaseFile(truncated).ok).toBe(false);
    expect(checkDatabaseFile(join(tmp.dir, 'missing.sqlite'))).toEqual({ ok: false, reason: 'missing' });

    for (const path of [text, workbook, foreign, truncated]) {
      const attempt = restoreBackup({ backupPath: path, dbPath, backupFolder: backups });
      await expect(attempt).rejects.toBeInstanceOf(BackupError);
      await attempt.catch((error: BackupError) => {
        expect(error.appMessage.zh).toMatch(/未做任何改动/);
        expect(error.appMessage.en).toMatch(/nothing was changed/);
      });
    }
    expect(sha(dbPath)).toBe(before);
    expect(existsSync(backups) ? listBackups(backups) : []).toEqual([]);
  });
});

describe('copyDatabaseTo (move data folder)', () => {
  it('copies and verifies into the new folder, and never overwrites a database there', async () => {
    const services = open();
    await setActual(services, '231');
    const target = join(tmp.dir, '新数据文件夹');
    const moved = await copyDatabaseTo(services.store, 'indicator-desk.sqlite', target);
    expect(moved).toBe(join(target, 'indicator-desk.sqlite'));
    await expect(copyDatabaseTo(services.store, 'indicator-desk.sqlite', target)).rejects.toBeInstanceOf(BackupError);
    services.close();
    const reopened = createServices({ dbPath: moved, mode: 'desktop', now: () => NOW });
    expect(await actual(reopened)).toBe(231);
    reopened.close();
  });
});
