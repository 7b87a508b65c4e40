// The package as users receive it: `npm run build` (renderer + main bundles) and electron-builder for
// the Linux `dir` target, with electron-builder.yml as it is, run to the end on this machine. Only two
// things differ from `npm run dist` on a packaging machine (README, "Packaging"):
//  - the Electron distribution is a stand-in (no runtime can be downloaded here): an executable
//    placeholder carrying Electron's fuse wire, plus locales/ — so fuse flipping is real;
//  - npmRebuild is off: rebuilding better-sqlite3 for Electron's ABI downloads Electron's headers, so
//    it stays a packaging-machine step and the Node build of better_sqlite3.node is packed here.
// The app is staged in a temporary folder (package.json, dist/ built there, node_modules as hard
// links: electron-builder asks npm for the production dependency tree, and npm takes a symlinked
// node_modules for links outside the project), so the repository's own dist/ is left alone. @electron/asar and @electron/fuses are dependencies OF
// electron-builder (not of this package), loaded with createRequire and typed by the little we use.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../../scripts/build-electron.mjs';
import { makeTempDir } from '../../helpers/tmp';

const root = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(join(root, 'package.json'));
const asar = require('@electron/asar') as {
  listPackage(archive: string, options: { isPack: boolean }): string[];
  statFile(archive: string, file: string): { unpacked?: boolean; size?: number; files?: unknown };
  extractFile(archive: string, file: string): Buffer;
  extractAll(archive: string, dest: string): void;
};
const fuses = require('@electron/fuses') as { getCurrentFuseWire(electronPath: string): Promise<Record<string, number | string>> };

/** Electron's fuse sentinel (@electron/fuses constants.js); the wire follows it. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse indices of wire version 1 (@electron/fuses FuseV1Options) and their states ('0'/'1'). */
const FUSE = { runAsNode: 0, cookieEncryption: 1, nodeOptions: 2, inspectArgs: 3, asarIntegrity: 4, onlyLoadFromAsar: 5, fileProtocolPrivileges: 7 } as const;
const [OFF, ON] = ['0'.charCodeAt(0), '1'.charCodeAt(0)];
/** The payload budget (issue 17): app.asar plus app.asar.unpacked. */
const PAYLOAD_BUDGET_BYTES = 10 * 1024 * 1024;

/**
 * A stand-in Linux Electron distribution: an executable named `electron` that carries a fuse wire
 * (sentinel, version byte 1, length byte, one '0'/'1' byte per fuse — Electron 40's defaults:
 * run-as-node, NODE_OPTIONS, inspector arguments and file:// privileges on), and locales/.
 */
function makeElectronStandIn(dir: string): void {
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const wire = '10110001';
  const exe = join(dir, 'electron');
  writeFileSync(exe, Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in, not Electron" >&2\nexit 1\n'), Buffer.from(FUSE_SENTINEL), Buffer.from([1, wire.length]), Buffer.from(wire)]));
  chmodSync(exe, 0o755);
  for (const locale of ['en-US', 'zh-CN', 'fr', 'de', 'ja']) writeFileSync(join(dir, 'locales', `${locale}.pak`), locale);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split('\\').join('/'));
}

const bytesUnder = (dir: string) => filesUnder(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);

describe('the packaged app: electron-builder --linux dir on a stand-in Electron (native rebuild for Electron’s ABI left to the packaging machine)', () => {
  const tmp = makeTempDir();
  // Hard links need the same file system as node_modules: the staged app lives in .tmp/ (ignored).
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const stage = mkdtempSync(join(root, '.tmp', 'package-'));
  const app = join(stage, 'app');
  const out = join(tmp.dir, 'release');
  const unpackedApp = join(out, 'linux-unpacked');
  const archive = join(unpackedApp, 'resources', 'app.asar');
  let built: { bundles: string[]; renderer: string[] };
  let listed: string[];

  beforeAll(async () => {
    mkdirSync(app);
    copyFileSync(join(root, 'package.json'), join(app, 'package.json'));
    copyFileSync(join(root, 'package-lock.json'), join(app, 'package-lock.json'));
    execFileSync('cp', ['-al', join(root, 'node_modules'), join(app, 'node_modules')]);
    symlinkSync(join(root, 'resources'), join(app, 'resources'), 'dir');
    // What `npm run build` does, into the staged app.
    const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    execFileSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts', '--outDir', join(app, 'dist', 'renderer'), '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'pipe' });
    await buildElectron({ outdir: join(app, 'dist', 'electron') });
    built = { bundles: filesUnder(join(app, 'dist', 'electron')), renderer: filesUnder(join(app, 'dist', 'renderer')) };

    makeElectronStandIn(join(tmp.dir, 'electron-dist'));
    const builder = join(root, 'node_modules', 'electron-builder', 'cli.js');
    execFileSync(
      process.execPath,
      [builder, '--projectDir', app, '--config', join(root, 'electron-builder.yml'), '--linux', 'dir', `-c.electronDist=${join(tmp.dir, 'electron-dist')}`, '-c.npmRebuild=false', `-c.directories.output=${out}`],
      { cwd: app, stdio: 'pipe', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
    );
    listed = asar
      .listPackage(archive, { isPack: false })
      .map((p) => p.split('\\').join('/').replace(/^\//, ''))
      .filter((p) => asar.statFile(archive, p).files === undefined);
  }, 600_000);
  afterAll(() => {
    tmp.cleanup();
    rmSync(stage, { recursive: true, force: true });
  });

  it('holds exactly the built bundles and renderer, and of node_modules only better-sqlite3’s lib/ and .node', () => {
    const inDist = (folder: string) => listed.filter((p) => p.startsWith(`dist/${folder}/`)).map((p) => p.slice(`dist/${folder}/`.length));
    expect(inDist('electron').sort()).toEqual([...built.bundles].sort());
    expect(inDist('renderer').sort()).toEqual([...built.renderer].sort());
    expect(built.bundles).toEqual(expect.arrayContaining(['main.cjs', 'preload.cjs']));
    expect(built.renderer).toContain('index.html');

    const rest = listed.filter((p) => !p.startsWith('dist/'));
    const allowed = [
      /^package\.json$/,
      /^node_modules\/better-sqlite3\/package\.json$/,
      /^node_modules\/better-sqlite3\/lib\/[\w/-]+\.js$/,
      /^node_modules\/better-sqlite3\/build\/Release\/better_sqlite3\.node$/,
      /^node_modules\/bindings\/(package\.json|bindings\.js)$/,
      /^node_modules\/file-uri-to-path\/(package\.json|index\.js)$/,
    ];
    expect(rest.filter((p) => !allowed.some((re) => re.test(p)))).toEqual([]);
    // …and all of what better-sqlite3 needs to load its .node.
    expect(rest).toEqual(
      expect.arrayContaining(['node_modules/better-sqlite3/lib/index.js', 'node_modules/better-sqlite3/lib/database.js', 'node_modules/bindings/bindings.js', 'node_modules/file-uri-to-path/index.js']),
    );
    // Never the Electron package or its download helpers, though `electron` is an (optional) dependency.
    expect(listed.filter((p) => /node_modules\/(electron|@electron|extract-zip|got)\//.test(p))).toEqual([]);
    expect(listed.filter((p) => p.endsWith('.map'))).toEqual([]);
  });

  it('ships minified bundles without source maps, every file reachable from the main bundle or the preload', () => {
    const text = (f: string) => asar.extractFile(archive, `dist/electron/${f}`).toString('utf8');
    for (const f of built.bundles) {
      const code = text(f);
      expect(code, f).not.toMatch(/sourceMappingURL/);
      // Minified: long lines (esbuild's readable output averages 30–80 characters a line; what
      // newlines remain in minified code are inside template strings such as SQL and usage text).
      expect(code.length / code.split('\n').length, f).toBeGreaterThan(200);
    }
    const reached = new Set<string>();
    const visit = (f: string) => {
      if (reached.has(f)) return;
      reached.add(f);
      // Chunks are require()d by name; a worker script is named in a path string.
      for (const m of text(f).matchAll(/["'`/]([\w-]+\.cjs)["'`]/g)) if (built.bundles.includes(m[1] as string)) visit(m[1] as string);
    };
    visit('main.cjs');
    visit('preload.cjs');
    expect([...reached].sort()).toEqual([...built.bundles].sort());
  });

  it('keeps better_sqlite3.node (and the lib/ that loads it) unpacked beside the asar', () => {
    const unpacked = join(unpackedApp, 'resources', 'app.asar.unpacked');
    const files = filesUnder(unpacked);
    expect(files).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(asar.statFile(archive, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node').unpacked).toBe(true);
    // Sources, build intermediates and the test extension stay out.
    expect(files.filter((f) => /\/(deps|src|obj|obj\.target)\/|\.a$|test_extension/.test(f))).toEqual([]);
  });

  it('points the packaged package.json’s main at a file in the asar', () => {
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(listed).toContain(pkg.main);
  });

  it('flips the fuses as configured: run-as-node, NODE_OPTIONS and inspector arguments off; asar only and integrity-checked', async () => {
    const wire = await fuses.getCurrentFuseWire(join(unpackedApp, 'indicator-desk'));
    expect(wire.version).toBe('1');
    expect(wire[FUSE.runAsNode]).toBe(OFF);
    expect(wire[FUSE.nodeOptions]).toBe(OFF);
    expect(wire[FUSE.inspectArgs]).toBe(OFF);
    expect(wire[FUSE.onlyLoadFromAsar]).toBe(ON);
    expect(wire[FUSE.asarIntegrity]).toBe(ON);
    expect(wire[FUSE.cookieEncryption]).toBe(ON);
    // The page is served from app://desk, so file:// pages get no extra privileges.
    expect(wire[FUSE.fileProtocolPrivileges]).toBe(OFF);
    // Only the locales named in electronLanguages are kept.
    expect(readdirSync(join(unpackedApp, 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
  });

  it(`keeps the app payload (asar + unpacked) within ${PAYLOAD_BUDGET_BYTES / 1024 / 1024} MB`, () => {
    const payload = statSync(archive).size + bytesUnder(join(unpackedApp, 'resources', 'app.asar.unpacked'));
    console.log(`[package] app payload ${(payload / 1024 / 1024).toFixed(2)} MB (${listed.length} files in the asar)`);
    expect(payload).toBeLessThanOrEqual(PAYLOAD_BUDGET_BYTES);
  });

  it('runs from the package: the packed main bundle starts and opens its window, and the packed CLI reads a workbook', () => {
    // Extracted as Electron would see it (unpacked files included), booted under the Electron
    // stand-in of the shell tests: nothing the app loads is missing from the lean package.
    const extracted = join(tmp.dir, 'extracted');
    asar.extractAll(archive, extracted);
    const harness = join(import.meta.dirname, 'fixtures', 'boot-main.mjs');
    const main = join(extracted, 'dist', 'electron', 'main.cjs');
    const run = (env: Record<string, string> = {}) =>
      JSON.parse(execFileSync(process.execPath, [harness, extracted, join(tmp.dir, 'userData'), join(tmp.dir, 'none.xlsx'), main], { cwd: tmp.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } })) as Record<string, unknown>;
    const booted = run() as { windows: number; fromOurs: { ok: boolean } };
    expect(booted.windows).toBe(1);
    expect(booted.fromOurs.ok).toBe(true);
    // The CLI and workbook reading come from chunks loaded on first use.
    const fixture = join(root, 'tests', 'fixtures', 'returns', 'b-single-row-header-text-numbers.xlsx');
    const cli = run({ BOOT_CLI_ARGS: JSON.stringify(['inspect', fixture, '--json']) }) as { exitCode: number; stdout: string };
    expect(cli.exitCode).toBe(0);
    expect((JSON.parse(cli.stdout) as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
  });
});
