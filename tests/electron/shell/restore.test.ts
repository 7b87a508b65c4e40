// Restore with a second real process holding the database (issue 9): nothing committed is lost.
// (a) A process that has the database open keeps saving after the restore, and those saves are in
//     the restored database — not in deleted -wal files.
// (b) A backup whose last changes are still in its own -wal is restored with them.
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupNow, restoreBackup } from '../../../electron/backup/backups';
import { createServices } from '../../../electron/services/create-services';
import { Store } from '../../../electron/store/store';
import { makeTempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
const children: ChildProcessWithoutNullStreams[] = [];
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  tmp.cleanup();
});

/** Start a db-holder child; `ask` sends a command and resolves with the next line it prints. */
function holder(dbPath: string, ...flags: string[]): Promise<{ ask: (line: string) => Promise<string>; end: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures/db-holder.ts'), dbPath, ...flags]);
  children.push(child);
  const waiting: ((line: string) => void)[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    buffer += d.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const l of lines) waiting.shift()?.(l);
  });
  const next = () => new Promise<string>((resolve) => waiting.push(resolve));
  const ready = next();
  child.on('exit', (code) => {
    for (const w of waiting.splice(0)) w(`exited ${code}: ${stderr}`);
  });
  return ready.then((first) => {
    if (first !== 'ready') throw new Error(first);
    return {
      ask: (line: string) => {
        const answer = next();
        child.stdin.write(`${line}\n`);
        return answer;
      },
      end: () =>
        new Promise<void>((resolve) => {
          child.on('exit', () => resolve());
          child.stdin.end();
        }),
    };
  });
}

function read(dbPath: string, sql: string): unknown[] {
  const store = Store.open(dbPath);
  try {
    return store.db.prepare(sql).all();
  } finally {
    store.close();
  }
}

async function save(dbPath: string, id: string, text: string): Promise<void> {
  const s = createServices({ dbPath, mode: 'desktop' });
  try {
    const planId = s.store.plans.listPlans()[0]!.id;
    const { results } = await s.handlers.saveCells({ planId, source: 'typed', edits: [{ indicatorId: id, year: 2024, field: 'actual', text }] });
    expect(results[0]?.ok).toBe(true);
  } finally {
    s.close();
  }
}

describe('restore while another process holds the database', () => {
  it("the other process's saves after the restore are kept, on top of the restored data", async () => {
    const dbPath = join(tmp.dir, 'live.sqlite');
    const backups = join(tmp.dir, 'backups');
    await save(dbPath, 'zyyj-03', '205');
    const good = await backupNow(dbPath, backups, 'manual');
    await save(dbPath, 'zyyj-03', '999');

    const other = await holder(dbPath);
    expect(await other.ask('save zyyj-01 2024 11')).toBe('saved ok');
    const result = await restoreBackup({ backupPath: good.path, dbPath, backupFolder: backups, now: new Date(Date.now() + 60_000) });
    expect(result.counts.actuals).toBeGreaterThan(0);
    // The other process goes on saving: each save reports ok…
    for (const [id, v] of [['zyyj-04', '301'], ['zyyj-05', '302'], ['zyyj-06', '303']] as const) expect(await other.ask(`save ${id} 2024 ${v}`)).toBe('saved ok');
    await other.end();

    // …and each is really there, next to the restored value.
    const rows = read(dbPath, "SELECT indicator_id AS id, value FROM actuals WHERE year = 2024 AND value IS NOT NULL ORDER BY indicator_id") as { id: string; value: number }[];
    expect(rows).toEqual([
      { id: 'zyyj-03', value: 205 },
      { id: 'zyyj-04', value: 301 },
      { id: 'zyyj-05', value: 302 },
      { id: 'zyyj-06', value: 303 },
    ]);
    // The data replaced by the restore is itself a backup.
    expect(result.safetyBackup?.reason).toBe('before-restore');
    const saved = read(result.safetyBackup!.path, "SELECT indicator_id AS id, value FROM actuals WHERE year = 2024 AND value IS NOT NULL ORDER BY indicator_id");
    expect(saved).toEqual([
      { id: 'zyyj-01', value: 11 },
      { id: 'zyyj-03', value: 999 },
    ]);
  }, 120_000);

  it("a backup whose last changes are still in its -wal is restored with them (and with its audit rows)", async () => {
    const dbPath = join(tmp.dir, 'live.sqlite');
    await save(dbPath, 'zyyj-03', '205');
    const source = join(tmp.dir, 'copy-in-use.sqlite');
    const writer = await holder(source, '--no-checkpoint');
    expect(await writer.ask('notes 50')).toBe('notes done');
    expect(existsSync(`${source}-wal`)).toBe(true);

    const result = await restoreBackup({ backupPath: source, dbPath, backupFolder: join(tmp.dir, 'backups') });
    await writer.end();
    const notes = read(dbPath, "SELECT count(*) AS n FROM actuals WHERE note LIKE 'wal note %'") as { n: number }[];
    expect(notes[0]?.n).toBe(50);
    expect(result.counts.actuals).toBe(50);
    const audits = read(dbPath, "SELECT count(*) AS n FROM audit_log WHERE new_value LIKE 'wal note %'") as { n: number }[];
    expect(audits[0]?.n).toBe(50);
    expect(read(dbPath, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  }, 120_000);
});
