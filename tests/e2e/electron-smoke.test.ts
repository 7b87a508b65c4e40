// Smoke test of the real desktop app through Playwright's Electron driver. It needs the Electron
// binary (node_modules/electron/path.txt and the file it names); where the package was installed
// with ELECTRON_SKIP_BINARY_DOWNLOAD=1 it reports itself skipped with that reason.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { _electron as electron } from 'playwright-core';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../shared/api/contract';
import { makeTempDir } from '../helpers/tmp';

const root = join(import.meta.dirname, '..', '..');

function electronBinary(): string | null {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const rendererBuilt = existsSync(join(root, 'dist', 'renderer', 'index.html'));
const skipReason = !binary
  ? 'no Electron binary in node_modules/electron (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); install electron normally to run it'
  : !rendererBuilt
    ? 'dist/renderer is not built; run `npm run build:renderer` (npm run test:e2e does)'
    : '';
if (skipReason) console.warn(`[electron-smoke] skipped: ${skipReason}`);

describe.skipIf(skipReason !== '')(`desktop app smoke test${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  const tmp = makeTempDir();
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-electron.mjs')], { cwd: root, stdio: 'pipe' });
    const env = { ...process.env, INDICATOR_DESK_DB: join(tmp.dir, 'desk.sqlite') } as Record<string, string>;
    delete env.ELECTRON_RUN_AS_NODE;
    app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [root, `--user-data-dir=${join(tmp.dir, 'userData')}`, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
      cwd: root,
      env,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
    tmp.cleanup();
  });

  it('shows the local page with the contract and nothing of Node', async () => {
    expect(page.url()).toBe(pathToFileURL(join(root, 'dist', 'renderer', 'index.html')).href);
    const seen = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return {
        methods: Object.keys((w.indicatorDesk ?? {}) as object).sort(),
        shell: Object.keys((w.indicatorDeskShell ?? {}) as object),
        require: typeof w.require,
        process: typeof w.process,
      };
    });
    expect(seen.methods).toEqual([...API_METHODS].sort());
    expect(seen.shell).toEqual(['onMenuAction']);
    expect(seen.require).toBe('undefined');
    expect(seen.process).toBe('undefined');
  });

  it('answers API calls over IPC from the real database', async () => {
    const result = await page.evaluate(async () => {
      const api = (window as unknown as { indicatorDesk: { getBootstrap(r: object): Promise<{ ok: boolean; value?: { mode: string } }> } }).indicatorDesk;
      return api.getBootstrap({});
    });
    expect(result.ok).toBe(true);
    expect(result.value?.mode).toBe('desktop');
    expect(existsSync(join(tmp.dir, 'desk.sqlite'))).toBe(true);
  });

  it('refuses to navigate away or open windows', async () => {
    const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
    const before = page.url();
    await page.evaluate(() => {
      window.open('https://example.com/popup');
    });
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    // Give a navigation (if one were allowed) the chance to start before looking.
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(windows);
  });
});
