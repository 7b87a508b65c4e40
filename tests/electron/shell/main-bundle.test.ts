// Boots the BUILT main bundle (esbuild output, as packaged) in Node with a recording stand-in for
// 'electron' (tests/electron/shell/fixtures/boot-main.mjs). Below the stand-in everything is real:
// services, the SQLite file in the data folder, the automatic backup, the IPC sender check.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabaseFile } from '../../../electron/backup/backups';
import { SHELL_SETTINGS_FILE } from '../../../electron/main/data-folder';
import { createServices } from '../../../electron/services/create-services';
import { makeTempDir } from '../../helpers/tmp';

const root = join(import.meta.dirname, '..', '..', '..');
const harness = join(import.meta.dirname, 'fixtures', 'boot-main.mjs');

interface BootReport {
  windows: number;
  webPreferences: Record<string, unknown>;
  loadFile: string[];
  loadURL: string[];
  schemes: { scheme: string; privileges: Record<string, boolean> }[];
  schemesBeforeReady: boolean;
  protocols: string[];
  served: { url: string; status: number; type: string | null; csp: string | null; body: string | null }[];
  fromFile: { ok: boolean; error?: { code: string } };
  channels: string[];
  appEvents: string[];
  sessionHardened: string[];
  menuTop: string[];
  fromOurs: { ok: boolean; value?: { mode: string; dataFolder: string; appVersion: string } };
  fromForeign: { ok: boolean; error?: { code: string } };
  badPayload: { ok: boolean; error?: { code: string } };
  sent: { channel: string; payload: { type: string; files?: { name: string; base64: string }[] } }[];
}

interface CliReport {
  exitCode: number;
  stdout: string;
  windows: number;
  windowOptions: { show: boolean; webPreferences: Record<string, unknown> }[];
  channels: string[];
  schemes: { scheme: string }[];
  schemesBeforeReady: boolean;
  protocols: string[];
  loadURL: string[];
  pageCalls: { url: string; ok: boolean | null; error: string | null; departments: string[] | null }[];
  printToPDF: Record<string, unknown>[];
  destroyed: number;
  chromiumLookups: string[];
  playwrightLoaded: boolean;
}

describe('dist/electron/main.cjs', () => {
  const tmp = makeTempDir();
  // Inside the repository (.tmp/ is ignored) so the bundle resolves better-sqlite3 from node_modules.
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const bundleDir = mkdtempSync(join(root, '.tmp', 'main-bundle-'));
  const bundle = join(bundleDir, 'main.cjs');
  const workbook = join(tmp.dir, 'incoming', '2025年度_区住建局.xlsx');
  const bytes = Buffer.from('PK\u0003\u0004 not really a workbook, the hand-off does not parse it');

  const run = (userData: string, env: Record<string, string> = {}, appPath = root): string =>
    execFileSync(process.execPath, [harness, appPath, userData, workbook, bundle], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const boot = (userData: string): BootReport => JSON.parse(run(userData)) as BootReport;

  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-electron.mjs'), '--outdir', bundleDir], { cwd: root, stdio: 'pipe' });
    mkdirSync(join(tmp.dir, 'incoming'));
    writeFileSync(workbook, bytes);
  }, 120_000);
  afterAll(() => {
    tmp.cleanup();
    rmSync(bundleDir, { recursive: true, force: true });
  });

  it('starts: hardened session, one secure window on the local page, the API channel, Chinese menu', () => {
    const userData = join(tmp.dir, 'userData');
    const r = boot(userData);
    expect(r.windows).toBe(1);
    expect(r.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: join(root, 'dist', 'electron', 'preload.cjs') });
    // The page is served over app://desk (registered as privileged before ready), never file://.
    expect(r.loadFile).toEqual([]);
    expect(r.loadURL).toEqual(['app://desk/index.html']);
    expect(r.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
    expect(r.schemesBeforeReady).toBe(true);
    expect(r.protocols).toEqual(['app']);
    expect(r.fromFile).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(r.channels).toEqual(['indicator-desk:api']);
    expect(r.appEvents).toEqual(expect.arrayContaining(['second-instance', 'web-contents-created', 'will-quit']));
    expect(r.sessionHardened.sort()).toEqual(['check', 'csp', 'device', 'request']);
    expect(r.menuTop).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);

    expect(r.fromOurs.ok).toBe(true);
    expect(r.fromOurs.value).toMatchObject({ mode: 'desktop', dataFolder: userData, appVersion: '0.0.0-test' });
    expect(r.fromForeign).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(r.badPayload).toMatchObject({ ok: false, error: { code: 'invalid-request' } });

    // The database is ours, and today's automatic backup was taken.
    expect(checkDatabaseFile(join(userData, 'indicator-desk.sqlite'))).toEqual({ ok: true });
    const backups = readdirSync(join(userData, 'backups')).filter((f) => f.endsWith('-daily.sqlite'));
    expect(backups).toHaveLength(1);

    // A second launch naming a workbook hands its bytes to the page as an import.
    expect(r.sent).toHaveLength(1);
    expect(r.sent[0]?.channel).toBe('indicator-desk:menu');
    expect(r.sent[0]?.payload.type).toBe('import-files');
    expect(r.sent[0]?.payload.files?.map((f) => f.name)).toEqual(['2025年度_区住建局.xlsx']);
    expect(Buffer.from(r.sent[0]?.payload.files?.[0]?.base64 ?? '', 'base64').equals(bytes)).toBe(true);

    // Started again the same day: no second daily backup.
    boot(userData);
    expect(readdirSync(join(userData, 'backups')).filter((f) => f.endsWith('-daily.sqlite'))).toHaveLength(1);
  });

  it('answers app://desk requests from the renderer folder only, with the CSP, refusing escapes', () => {
    const app = join(tmp.dir, 'app');
    mkdirSync(join(app, 'dist', 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(app, 'dist', 'renderer', 'index.html'), '<!doctype html><title>指标填报台</title>');
    writeFileSync(join(app, 'dist', 'renderer', 'assets', 'index-abc.js'), 'export {};');
    writeFileSync(join(app, 'package.json'), '{"secret":true}');
    const urls = ['app://desk/index.html?view=report&year=2025', 'app://desk/assets/index-abc.js', 'app://desk/%2e%2e%2fpackage.json', 'app://desk/assets/missing.js', 'app://other/index.html'];
    const r = JSON.parse(run(join(tmp.dir, 'userData4'), { BOOT_PROTOCOL_URLS: JSON.stringify(urls) }, app)) as BootReport;
    expect(r.served.map((s) => [s.status, s.type])).toEqual([
      [200, 'text/html; charset=utf-8'],
      [200, 'text/javascript; charset=utf-8'],
      [403, 'text/plain; charset=utf-8'],
      [404, 'text/plain; charset=utf-8'],
      [403, 'text/plain; charset=utf-8'],
    ]);
    expect(r.served[0]?.body).toContain('指标填报台');
    expect(r.served[0]?.csp).toContain("default-src 'self'");
    expect(r.served[0]?.csp).toContain("frame-ancestors 'none'");
    expect(r.served.some((s) => s.body?.includes('secret'))).toBe(false);
  });

  it('opens the database in a moved data folder recorded in the settings file', () => {
    const userData = join(tmp.dir, 'userData2');
    const moved = join(tmp.dir, 'D盘', '指标数据');
    mkdirSync(userData, { recursive: true });
    writeFileSync(join(userData, SHELL_SETTINGS_FILE), JSON.stringify({ dataFolder: moved }));
    const r = boot(userData);
    expect(r.fromOurs.value?.dataFolder).toBe(moved);
    expect(existsSync(join(moved, 'indicator-desk.sqlite'))).toBe(true);
    expect(existsSync(join(userData, 'indicator-desk.sqlite'))).toBe(false);
    expect(readFileSync(join(userData, SHELL_SETTINGS_FILE), 'utf8')).toContain('指标数据');
  });

  it('with --cli runs the command-line tool on the desktop database, with no window', async () => {
    const userData = join(tmp.dir, 'userData3');
    // A real return to inspect: exported by the services from a database of its own.
    const services = createServices({ dbPath: join(tmp.dir, 'export-source.sqlite'), mode: 'desktop', now: () => new Date('2026-03-01T08:00:00Z') });
    const planId = (await services.handlers.getBootstrap({})).plans[0]?.id ?? '';
    const exported = await services.handlers.exportWorkbook({ planId, year: 2025, department: '区住建局' });
    services.close();
    const file = join(tmp.dir, exported.fileName);
    writeFileSync(file, Buffer.from(exported.base64, 'base64'));

    const r = JSON.parse(run(userData, { BOOT_CLI_ARGS: JSON.stringify(['inspect', file, '--json']) })) as { exitCode: number; stdout: string; windows: number; channels: string[] };
    expect(r.exitCode).toBe(0);
    expect(r.windows).toBe(0);
    expect(r.channels).toEqual([]);
    const inspected = JSON.parse(r.stdout) as { department: string; years: number[]; rows: unknown[] };
    expect(inspected.department).toBe('区住建局');
    expect(inspected.rows.length).toBeGreaterThan(0);

    const missing = JSON.parse(run(userData, { BOOT_CLI_ARGS: JSON.stringify(['inspect', join(tmp.dir, 'nope.xlsx')]) })) as { exitCode: number };
    expect(missing.exitCode).toBe(2);
  });

  it('with --cli report --out x.pdf prints our report page with Electron, never looking for Chromium', () => {
    // A database of its own (--db), so the page's data can only have come from the CLI run's services.
    const db = join(tmp.dir, 'report-source.sqlite');
    createServices({ dbPath: db, mode: 'desktop', now: () => new Date('2026-03-01T08:00:00Z') }).close();
    const pdf = join(tmp.dir, '报告 2025.pdf');
    const bytes = '%PDF-1.7 printed by the stand-in 指标';
    const r = JSON.parse(
      run(join(tmp.dir, 'userData5'), {
        BOOT_CLI_ARGS: JSON.stringify(['report', '--year', '2025', '--db', db, '--out', pdf, '--today', '2026-03-01']),
        BOOT_PDF_BYTES: bytes,
        // Were the Chromium look-up still there, this path would be asked for first.
        INDICATOR_DESK_CHROMIUM: join(tmp.dir, 'chromium-probe'),
      }),
    ) as CliReport;
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(pdf);
    expect(readFileSync(pdf, 'utf8')).toBe(bytes);
    // The app:// scheme: privileged before ready, then served; the page is ours, in its report view.
    expect(r.schemes.map((s) => s.scheme)).toEqual(['app']);
    expect(r.schemesBeforeReady).toBe(true);
    expect(r.protocols).toEqual(['app']);
    expect(r.windows).toBe(1);
    expect(r.windowOptions[0]).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    const url = new URL(r.loadURL[0] ?? '');
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe('app://desk/index.html');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ view: 'report', year: '2025', lang: 'zh' });
    // The hidden window's API call was trusted and answered from the --db database.
    expect(r.pageCalls).toHaveLength(1);
    expect(r.pageCalls[0]).toMatchObject({ ok: true, error: null });
    expect(r.pageCalls[0]?.departments).toContain('区住建局');
    expect(r.printToPDF).toEqual([expect.objectContaining({ pageSize: 'A4', printBackground: true })]);
    // Window destroyed, channel removed, no Chromium asked for or started.
    expect(r.destroyed).toBe(1);
    expect(r.channels).toEqual([]);
    expect(r.chromiumLookups).toEqual([]);
    expect(r.playwrightLoaded).toBe(false);
  });
});
