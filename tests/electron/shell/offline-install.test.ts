// `npm install && npm start` on a machine that cannot download the Electron runtime (offline, or a
// government office's firewall): the install completes and `npm start` runs browser mode.
//
// A full clean install of the repository compiles better-sqlite3 from source (minutes, more than
// the test budget allows), and nothing in it depends on the Electron download except the `electron`
// package itself. So the install here is of a project made of exactly this repository's declaration
// of `electron` (whichever dependency section it is in, with its version range) and its `start`
// script with scripts/start.mjs — installed by the real npm, with electron's real postinstall run
// and its download forced to fail (a mirror on a closed port, an empty download cache). Packages
// come from the registry or the machine's npm cache (`--prefer-offline`), as in any install.
// A control shows the check can fail: the same project with `electron` as a dev dependency does not
// install.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/tmp';

const root = join(import.meta.dirname, '..', '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

type Manifest = Partial<Record<(typeof SECTIONS)[number], Record<string, string>>> & { scripts: Record<string, string> };
const ours = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;

/** A project holding only our `electron` declaration and our start script. */
function makeProject(dir: string, manifest: Manifest = ours): void {
  mkdirSync(join(dir, 'scripts'), { recursive: true });
  copyFileSync(join(root, 'scripts', 'start.mjs'), join(dir, 'scripts', 'start.mjs'));
  const pkg: Record<string, unknown> = { name: 'indicator-desk-install-check', private: true, type: 'module', scripts: { start: manifest.scripts.start } };
  for (const section of SECTIONS) {
    const electron = manifest[section]?.electron;
    if (electron) pkg[section] = { electron };
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
}

/** The environment of a machine where the Electron download fails. */
function blockedEnv(cacheDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: cacheDir, ELECTRON_CACHE: cacheDir };
  for (const name of ['ELECTRON_SKIP_BINARY_DOWNLOAD', 'ELECTRON_OVERRIDE_DIST_PATH', 'npm_config_ignore_scripts', 'ELECTRON_RUN_AS_NODE']) delete env[name];
  return env;
}

function install(dir: string, env: NodeJS.ProcessEnv) {
  // An explicit log level: run under `npm run -s`, npm_config_loglevel=silent would hide the postinstall lines checked below.
  return spawnSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--foreground-scripts', '--loglevel=notice'], { cwd: dir, env, encoding: 'utf8' });
}

describe('npm install && npm start where the Electron runtime cannot be downloaded', () => {
  const tmp = makeTempDir();
  afterAll(() => tmp.cleanup());

  it('installs (electron’s download fails and the optional package is dropped), then npm start says so and runs browser mode', () => {
    const dir = join(tmp.dir, 'project');
    makeProject(dir);
    const env = blockedEnv(join(tmp.dir, 'electron-cache'));
    const installed = install(dir, env);
    const output = `${installed.stdout}\n${installed.stderr}`;
    expect(installed.status, output).toBe(0);
    // The download was really tried, and really failed.
    expect(output).toMatch(/electron@[\d.]+ postinstall/);
    expect(output).toMatch(/ECONNREFUSED|ENOTFOUND|RequestError/);
    expect(existsSync(join(dir, 'node_modules', 'electron', 'path.txt'))).toBe(false);

    const started = execFileSync(npm, ['start', '--silent'], { cwd: dir, env: { ...env, INDICATOR_DESK_START_DRY_RUN: '1' }, encoding: 'utf8' });
    expect(started).toContain('未找到 Electron 运行时，改用浏览器模式');
    expect(started).toContain('No Electron runtime found; starting browser mode');
    const plan = JSON.parse(started.trim().split('\n').at(-1) ?? '{}') as { mode: string; steps: { args: string[] }[] };
    expect(plan.mode).toBe('browser');
    expect(plan.steps[0]?.args.slice(0, 2)).toEqual(['run', 'web']);
  }, 300_000);

  it('control: with electron as a dev dependency the same install fails', () => {
    const dir = join(tmp.dir, 'control');
    const range = SECTIONS.map((s) => ours[s]?.electron).find(Boolean) as string;
    makeProject(dir, { scripts: ours.scripts, devDependencies: { electron: range } });
    const installed = install(dir, blockedEnv(join(tmp.dir, 'electron-cache-control')));
    expect(installed.status, `${installed.stdout}\n${installed.stderr}`).not.toBe(0);
  }, 300_000);
});
