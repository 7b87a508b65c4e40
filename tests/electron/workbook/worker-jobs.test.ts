// Exports and imports on the bundled worker thread (dist/node/workbook-worker.cjs, as browser mode
// runs them) give exactly what they give in-process, and an unreadable file is still an
// UnreadableWorkbookError with its zh/en message. Also: the bundles count as stale exactly when a
// source they were built from is newer than them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../../electron/store/store';
import { buildGrid } from '../../../electron/services/grid-service';
import { UnreadableWorkbookError } from '../../../electron/workbook/import/import-messages';
import { inProcessJobs } from '../../../electron/workbook/jobs/jobs';
import { workerJobs } from '../../../electron/workbook/jobs/worker-jobs';
import type { WorkerJobs } from '../../../electron/workbook/jobs/worker-jobs';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { nodeBundleStale, sourceTimes } from '../../../scripts/node-bundle.cjs';
import { makeTempDir } from '../../helpers/tmp';

const root = join(import.meta.dirname, '..', '..', '..');
const NOW = new Date('2026-03-15T09:00:00+08:00');

describe('workbook jobs on the bundled worker thread', () => {
  const tmp = makeTempDir();
  let jobs: WorkerJobs;

  beforeAll(() => {
    // `help` builds dist/node when it is missing or stale, as `npm run cli` would.
    execFileSync(process.execPath, [join(root, 'scripts', 'cli.cjs'), 'help'], { cwd: root, stdio: 'pipe' });
    jobs = workerJobs(join(root, 'dist', 'node', 'workbook-worker.cjs'));
  }, 180_000);
  afterAll(async () => {
    await jobs.close();
    tmp.cleanup();
  });

  it('exports the same bytes and reads back the same interpretation as in-process', async () => {
    const store = Store.open(join(tmp.dir, 'w.sqlite'), { now: () => NOW });
    const rows = buildGrid(store, SEED_PLAN.id, 2025, null, NOW).rows;
    store.close();
    const input = { plan: SEED_PLAN, year: 2025, department: null, rows, clerkName: '张三', clerkPhone: '', exportedAt: NOW, appVersion: 'test' };
    const inWorker = await jobs.exportTemplate(input);
    const here = await inProcessJobs.exportTemplate(input);
    expect(Buffer.from(inWorker).equals(Buffer.from(here))).toBe(true);
    const book = await jobs.readAndInterpret(inWorker, 'return.xlsx', SEED_PLAN);
    expect(book).toEqual(await inProcessJobs.readAndInterpret(here, 'return.xlsx', SEED_PLAN));
    expect(book.rows).toHaveLength(SEED_PLAN.indicators.length);
  });

  it('rejects an unreadable file with an UnreadableWorkbookError carrying the Chinese message', async () => {
    const error: unknown = await jobs.readAndInterpret(new TextEncoder().encode('hello — not a workbook'), 'x.xlsx', SEED_PLAN).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableWorkbookError);
    expect((error as UnreadableWorkbookError).appMessage.zh).toMatch(/不是 Excel 工作簿/);
  });

  it('counts the bundle stale once a source it was built from has another time than the build recorded, and fresh otherwise', () => {
    const outdir = join(tmp.dir, 'bundle');
    mkdirSync(outdir, { recursive: true });
    const source = join('.tmp', `stale-probe-${process.pid}.ts`);
    mkdirSync(join(root, '.tmp'), { recursive: true });
    writeFileSync(join(root, source), '// probe\n');
    writeFileSync(join(outdir, 'cli.cjs'), '');
    const record = (at: Date) => {
      utimesSync(join(root, source), at, at);
      writeFileSync(join(outdir, 'inputs.json'), JSON.stringify({ sources: { [source]: statSync(join(root, source)).mtimeMs } }));
    };
    record(new Date(Date.now() - 60_000));
    expect(nodeBundleStale('cli', outdir)).toBe(false);
    // Saved since (newer), or put back to an older version: stale either way.
    for (const other of [Date.now() + 60_000, Date.now() - 120_000]) {
      utimesSync(join(root, source), new Date(other), new Date(other));
      expect(nodeBundleStale('cli', outdir)).toBe(true);
    }
    // Dated in the future when built (a clock ahead elsewhere): fresh until it changes.
    record(new Date(Date.now() + 3_600_000));
    expect(nodeBundleStale('cli', outdir)).toBe(false);
    expect(nodeBundleStale('web', outdir)).toBe(true); // never built
    // A name that is no file on disk (a bundler's own) is left out of a record, not kept as gone forever.
    expect(Object.keys(sourceTimes([source, '.tmp/no-such-source.ts'], 0, 0))).toEqual([source]);
    rmSync(join(root, source), { force: true });
  });
});
