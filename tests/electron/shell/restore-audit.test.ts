// A restore leaves a trace in the audit log (issue 9): who (the name given, and the OS account),
// when, and from which backup file (path, sha256) — written in the restore's own transaction, on a
// real SQLite file, whether the live database was replaced row by row or as a file (damaged/none).
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupNow, restoreBackup } from '../../../electron/backup/backups';
import { createServices } from '../../../electron/services/create-services';
import { osUserName } from '../../../electron/store/os-user';
import { Store } from '../../../electron/store/store';
import { makeTempDir } from '../../helpers/tmp';

const NOW = new Date('2026-03-01T08:00:00Z');
const LATER = new Date('2026-03-02T09:30:00Z');
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let tmp: ReturnType<typeof makeTempDir>;
let dbPath: string;
let backups: string;
beforeEach(() => {
  tmp = makeTempDir();
  dbPath = join(tmp.dir, 'data', 'indicator-desk.sqlite');
  backups = join(tmp.dir, 'data', 'backups');
});
afterEach(() => tmp.cleanup());

async function save(text: string): Promise<void> {
  const s = createServices({ dbPath, mode: 'desktop', now: () => NOW });
  try {
    const planId = s.store.plans.listPlans()[0]!.id;
    const { results } = await s.handlers.saveCells({ planId, source: 'typed', edits: [{ indicatorId: 'zyyj-03', year: 2024, field: 'actual', text }] });
    expect(results[0]?.ok).toBe(true);
  } finally {
    s.close();
  }
}

interface AuditRow {
  at: string;
  who: string;
  os_user: string;
  action: string;
  entity: string;
  old_value: string | null;
  new_value: string;
  source: string;
  source_file: string;
  source_sha256: string;
}

function restoreRows(): AuditRow[] {
  const store = Store.open(dbPath);
  try {
    return store.db.prepare("SELECT * FROM audit_log WHERE source = 'restore' ORDER BY id").all() as AuditRow[];
  } finally {
    store.close();
  }
}

describe('restore writes an audit row', () => {
  it('into the live database: who, when, from which backup file, and the safety backup of the replaced data', async () => {
    await save('205');
    const good = await backupNow(dbPath, backups, 'manual', { now: NOW });
    await save('999');
    const result = await restoreBackup({ backupPath: good.path, dbPath, backupFolder: backups, now: LATER, who: '张三' });

    const rows = restoreRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      at: LATER.toISOString(),
      who: '张三',
      os_user: osUserName(),
      action: 'update',
      entity: 'database',
      old_value: result.safetyBackup!.path,
      new_value: basename(good.path),
      source_file: good.path,
      source_sha256: sha(good.path),
    });
    // The row came with the restored data: the backup's own rows plus this one, and the value is back.
    const store = Store.open(dbPath);
    try {
      expect((store.db.prepare("SELECT value FROM actuals WHERE indicator_id = 'zyyj-03' AND year = 2024").get() as { value: number }).value).toBe(205);
      expect(store.audit.count()).toBe(result.counts.audit_log);
    } finally {
      store.close();
    }
  });

  it('without a name, "who" is the operating-system user', async () => {
    await save('205');
    const good = await backupNow(dbPath, backups, 'manual', { now: NOW });
    await restoreBackup({ backupPath: good.path, dbPath, backupFolder: backups, now: LATER, who: '  ' });
    expect(restoreRows().map((r) => [r.who, r.os_user])).toEqual([[osUserName(), osUserName()]]);
  });

  it('when a damaged database is replaced as a file, and when there was none', async () => {
    await save('205');
    const good = await backupNow(dbPath, backups, 'manual', { now: NOW });
    const copy = join(tmp.dir, 'good.sqlite');
    writeFileSync(copy, readFileSync(good.path));

    // Damaged: garbage after the header page.
    const bytes = readFileSync(dbPath);
    for (let i = 4096; i < bytes.length; i += 1) bytes[i] = (i * 7) & 0xff;
    rmSync(`${dbPath}-wal`, { force: true });
    rmSync(`${dbPath}-shm`, { force: true });
    writeFileSync(dbPath, bytes);
    await restoreBackup({ backupPath: copy, dbPath, backupFolder: backups, now: LATER, who: '李四' });
    const damaged = restoreRows();
    expect(damaged).toHaveLength(1);
    expect(damaged[0]).toMatchObject({ who: '李四', entity: 'database', source_file: copy, source_sha256: sha(copy), new_value: 'good.sqlite' });
    expect(damaged[0]?.old_value).toMatch(/before-restore-raw\.sqlite$/);

    rmSync(dbPath);
    rmSync(`${dbPath}-wal`, { force: true });
    rmSync(`${dbPath}-shm`, { force: true });
    await restoreBackup({ backupPath: copy, dbPath, backupFolder: backups, now: LATER, who: '王五' });
    expect(restoreRows().map((r) => [r.who, r.old_value, r.source_file])).toEqual([['王五', null, copy]]);
  });
});
