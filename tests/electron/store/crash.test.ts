// A writer process killed mid-write (SIGKILL, no chance to clean up) leaves the database intact,
// with every committed value present and no half-written transaction.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../../electron/store/store';
import { makeTempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.cleanup());

function runAndKill(dbPath: string, killAfter: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures/crash-writer.ts'), dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lastCommitted = 0;
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^committed (\d+)$/.exec(line);
        if (m) lastCommitted = Number(m[1]);
      }
      if (lastCommitted >= killAfter && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(lastCommitted);
      else reject(new Error(`writer exited on its own (code ${code}): ${stderr}`));
    });
  });
}

describe('a writer killed mid-write', () => {
  it.each([50, 400])('after ~%i commits: database intact, every committed value present, batches whole', async (killAfter) => {
    const dbPath = join(tmp.dir, 'crash.sqlite');
    const reported = await runAndKill(dbPath, killAfter);
    expect(reported).toBeGreaterThanOrEqual(killAfter);

    const store = Store.open(dbPath);
    try {
      expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = store.db.prepare("SELECT indicator_id, value, note FROM actuals WHERE year = 2025 ORDER BY indicator_id").all() as { value: number; note: string }[];
      expect(rows).toHaveLength(5);
      const values = new Set(rows.map((r) => r.value));
      // Whole batches only: all five cells carry the same batch number…
      expect(values.size).toBe(1);
      const value = rows[0]!.value;
      // …and nothing reported as committed was lost (the kill may land after a commit, before its line).
      expect(value).toBeGreaterThanOrEqual(reported);
      expect(value).toBeLessThanOrEqual(reported + 1);
      expect(rows.every((r) => r.note === `batch ${value}`)).toBe(true);
      // Each committed batch has its 10 audit rows (5 values + 5 notes) and no more.
      const audits = (store.db.prepare("SELECT count(*) AS n FROM audit_log WHERE source = 'typed'").get() as { n: number }).n;
      expect(audits).toBe(value * 10);
    } finally {
      store.close();
    }
  });
});
