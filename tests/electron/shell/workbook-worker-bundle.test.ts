// The desktop bundle carries the workbook worker (dist/electron/workbook-worker.cjs, next to
// main.cjs, where DesktopState looks for it): without it exports and imports ran on the main
// process's thread. Built into a temporary folder; the worker file then reads a real exported
// workbook on a worker thread and gives the same result as the in-process reader.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/create-services';
import { inProcessJobs } from '../../../electron/workbook/jobs/jobs';
import { workerJobs } from '../../../electron/workbook/jobs/worker-jobs';
import { makeTempDir } from '../../helpers/tmp';

const root = join(import.meta.dirname, '..', '..', '..');

describe('dist/electron/workbook-worker.cjs', () => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const outdir = mkdtempSync(join(root, '.tmp', 'worker-bundle-'));
  const tmp = makeTempDir();
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-electron.mjs'), '--outdir', outdir], { cwd: root, stdio: 'pipe' });
  }, 120_000);
  afterAll(() => {
    rmSync(outdir, { recursive: true, force: true });
    tmp.cleanup();
  });

  it('is built next to main.cjs, as a worker script (not loaded by main at start)', () => {
    const worker = join(outdir, 'workbook-worker.cjs');
    expect(existsSync(worker)).toBe(true);
    expect(readFileSync(worker, 'utf8')).toContain('parentPort');
    // main.cjs names it by path (DesktopState's new URL('./workbook-worker.cjs', …)).
    expect(readFileSync(join(outdir, 'main.cjs'), 'utf8')).toContain('workbook-worker.cjs');
  });

  it('reads an exported workbook on a worker thread, as the in-process reader does', async () => {
    const services = createServices({ dbPath: join(tmp.dir, 'desk.sqlite'), mode: 'desktop', now: () => new Date('2026-03-01T08:00:00Z') });
    const plan = services.store.plans.getPlan(services.store.plans.listPlans()[0]!.id);
    const exported = await services.handlers.exportWorkbook({ planId: plan.id, year: 2025, department: null });
    services.close();
    const bytes = new Uint8Array(Buffer.from(exported.base64, 'base64'));
    const jobs = workerJobs(join(outdir, 'workbook-worker.cjs'));
    try {
      const onWorker = await jobs.readAndInterpret(bytes.slice(), exported.fileName, plan);
      const inProcess = await inProcessJobs.readAndInterpret(bytes.slice(), exported.fileName, plan);
      expect(onWorker).toEqual(inProcess);
    } finally {
      await jobs.close();
    }
  }, 120_000);
});
