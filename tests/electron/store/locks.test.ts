// Writes wait for another process's write lock instead of failing (issue 9): every write
// transaction starts IMMEDIATE, so busy_timeout applies. A second real process keeps taking the
// write lock while this one saves edits through the real handlers: zero failures.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/create-services';
import { Store } from '../../../electron/store/store';
import { makeTempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
let child: ChildProcess | null = null;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => {
  child?.kill('SIGKILL');
  child = null;
  tmp.cleanup();
});

function startWriter(dbPath: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures/busy-writer.ts'), dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve(p);
    });
    p.on('exit', (code) => reject(new Error(`writer exited (${code}): ${err}`)));
  });
}

describe('saves while another process writes', () => {
  it('300 saves, each waiting for the lock: every one lands, with its audit row', async () => {
    const dbPath = join(tmp.dir, 'locks.sqlite');
    Store.open(dbPath).close();
    child = await startWriter(dbPath);
    const services = createServices({ dbPath, mode: 'browser' });
    try {
      const planId = services.store.plans.listPlans()[0]!.id;
      const failures: string[] = [];
      for (let i = 1; i <= 300; i += 1) {
        try {
          const { results } = await services.handlers.saveCells({
            planId,
            source: 'typed',
            edits: [{ indicatorId: 'zyyj-02', year: 2025, field: 'actual', text: String(i) }],
          });
          if (!results[0]?.ok) failures.push(JSON.stringify(results[0]));
        } catch (error) {
          failures.push(error instanceof Error ? error.message : String(error));
        }
        // Let the writer's next transaction begin between saves, as a clerk's typing would.
        await new Promise((r) => setTimeout(r, 1));
      }
      expect(failures).toEqual([]);
      expect(services.store.actuals.get('zyyj-02', 2025).value).toBe(300);
      const audits = services.store.db.prepare("SELECT count(*) AS n FROM audit_log WHERE indicator_id = 'zyyj-02' AND year = 2025 AND source = 'typed'").get() as { n: number };
      expect(audits.n).toBe(300);
      const writerCommits = Number((services.store.db.prepare("SELECT value FROM settings WHERE key = 'busy-writer'").get() as { value: string }).value);
      expect(writerCommits).toBeGreaterThan(10);
    } finally {
      services.close();
    }
  }, 180_000);
});
