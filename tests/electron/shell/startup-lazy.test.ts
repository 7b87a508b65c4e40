// Quick to start: the built main bundle creates its window before the workbook code (ExcelJS,
// SheetJS) or the command line is loaded; those come from chunks required on first use
// (scripts/build-electron.mjs). Booted under the Electron stand-in of the shell tests, which records
// the files loaded when the window factory made the window; then an export loads ExcelJS's chunk.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../../scripts/build-electron.mjs';
import type { BuiltElectron } from '../../../scripts/build-electron.mjs';
import { makeTempDir } from '../../helpers/tmp';

const root = join(import.meta.dirname, '..', '..', '..');
const harness = join(import.meta.dirname, 'fixtures', 'boot-main.mjs');
const WORKBOOK_PACKAGES = ['exceljs', '@e965/xlsx'];

describe('main-process start-up loads no workbook code before the window', () => {
  const tmp = makeTempDir();
  // Inside the repository (.tmp/ is ignored) so the bundle resolves better-sqlite3 from node_modules.
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const outdir = mkdtempSync(join(root, '.tmp', 'startup-lazy-'));
  let built: BuiltElectron;

  beforeAll(async () => {
    built = await buildElectron({ outdir });
  }, 120_000);
  afterAll(() => {
    tmp.cleanup();
    rmSync(outdir, { recursive: true, force: true });
  });

  const holding = (names: string[]) => Object.entries(built.packages).filter(([, packages]) => packages.some((p) => names.includes(p))).map(([file]) => file);

  it('bundles ExcelJS and SheetJS only into files the main process does not read as it starts', () => {
    const workbookFiles = holding(WORKBOOK_PACKAGES);
    expect(workbookFiles.length).toBeGreaterThan(0);
    const startup = [built.main, ...built.startupChunks];
    expect(workbookFiles.filter((file) => startup.includes(file))).toEqual([]);
  });

  it('creates the window with none of them loaded; the first export runs on the worker thread, not in main', () => {
    const out = execFileSync(process.execPath, [harness, root, join(tmp.dir, 'userData'), join(tmp.dir, 'none.xlsx'), built.main], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BOOT_EXPORT: '1' },
    });
    const r = JSON.parse(out) as { windows: number; loadedAtWindow: string[]; loadedAtEnd: string[]; exported: { ok: boolean } | null };
    expect(r.windows).toBe(1);
    const ours = (files: string[]) => files.filter((f) => f.startsWith(outdir));
    expect(ours(r.loadedAtWindow)).toContain(built.main);
    expect(ours(r.loadedAtWindow).filter((f) => built.lazyChunks.includes(f))).toEqual([]);
    // Nothing outside the bundles brought ExcelJS or SheetJS in either.
    expect(r.loadedAtWindow.filter((f) => /node_modules[\\/](exceljs|@e965)[\\/]/.test(f))).toEqual([]);

    expect(r.exported?.ok).toBe(true);
    // The export ran on the workbook worker (workbook-worker.cjs next to main.cjs): ExcelJS was
    // loaded there, never in the main process, which stays free for the window.
    const exceljs = holding(['exceljs']);
    expect(exceljs.length).toBeGreaterThan(0);
    expect(ours(r.loadedAtEnd).filter((f) => exceljs.includes(f))).toEqual([]);
    expect(existsSync(join(outdir, 'workbook-worker.cjs'))).toBe(true);
  });
});
