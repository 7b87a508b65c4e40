// The command-line launcher (scripts/cli.cjs, scripts/node-bundle.cjs) when its build cannot be
// made or its record of sources is damaged, and `npm run cli` from a subfolder. Real processes.
// A build that cannot run is made real by a copy of the launcher and the built bundle in a folder
// outside the repository: there no esbuild can be found, so `import('./build-electron.mjs')` fails
// as a build on a machine without the development packages (or unable to write) would.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const RETURNS = join(ROOT, 'tests', 'fixtures', 'returns');
const FILE = join(RETURNS, 'a-title-two-row-header.xlsx');
const ARGV = ['inspect', FILE, '--json', '--today', '2026-03-15'];

type Run = { code: number; stdout: string; stderr: string };

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let expected: string;
let copy: string;
beforeAll(async () => {
  // Built (or found current) by the real launcher, as `npm run cli` would.
  const first = await run(process.execPath, [join(ROOT, 'scripts', 'cli.cjs'), ...ARGV], ROOT);
  expect(first.code).toBe(0);
  expected = first.stdout;
  copy = mkdtempSync(join(tmpdir(), 'launcher-copy-'));
  mkdirSync(join(copy, 'scripts'));
  for (const f of ['cli.cjs', 'node-bundle.cjs', 'build-electron.mjs']) cpSync(join(ROOT, 'scripts', f), join(copy, 'scripts', f));
  writeFileSync(join(copy, 'package.json'), JSON.stringify({ type: 'module' }));
  cpSync(join(ROOT, 'dist', 'node'), join(copy, 'dist', 'node'), { recursive: true, filter: (src) => !src.includes('.v8-cache') });
}, 180_000);
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const launch = (argv: string[]) => run(process.execPath, [join(copy, 'scripts', 'cli.cjs'), ...argv], copy);

const SOURCE = join('scripts', 'cli.cjs');

/** The copy's record of sources as written (`value`), or by default one source, the copy's launcher, with its time as it is now (fresh). */
function writeInputs(value?: string): void {
  const record = value ?? JSON.stringify({ sources: { [SOURCE]: statSync(join(copy, SOURCE)).mtimeMs } });
  writeFileSync(join(copy, 'dist', 'node', 'inputs.json'), record);
}

describe('the command-line launcher', () => {
  it('a current bundle runs as it is; a stale one whose build fails still runs, saying so in both languages', async () => {
    writeInputs();
    expect(await launch(ARGV)).toEqual({ code: 0, stdout: expected, stderr: '' });
    // A source the copy lacks, as a checkout copied without one (or a source changed since): the build is tried and fails.
    writeInputs(JSON.stringify({ sources: { [SOURCE]: statSync(join(copy, SOURCE)).mtimeMs, 'electron/cli/inspect.ts': 1 } }));
    const stale = await launch(ARGV);
    expect(stale.code).toBe(0);
    expect(stale.stdout).toBe(expected);
    expect(stale.stderr).toContain('无法重新构建');
    expect(stale.stderr).toContain('could not be rebuilt');
    expect(stale.stderr).not.toMatch(/\n\s+at /); // no stack trace
  }, 60_000);

  it('a damaged record of sources (valid JSON but no list of files) means a rebuild, not a crash', async () => {
    // '["scripts/cli.cjs"]': the list without times that builds before 2026-12-01 wrote.
    for (const damaged of ['{}', 'null', '42', '"x"', '[]', '[null]', '["scripts/cli.cjs"]', '{"sources":{}}', '{"sources":[]}', `{"sources":{"${SOURCE}":"1"}}`]) {
      writeInputs(damaged);
      const r = await launch(ARGV);
      expect(r.code, damaged).toBe(0);
      expect(r.stdout, damaged).toBe(expected);
      expect(r.stderr, damaged).toContain('could not be rebuilt');
    }
  }, 60_000);

  it('a source dated in the future when the bundle was built does not make every start rebuild; changing it does', async () => {
    const ahead = new Date(Date.now() + 3_600_000);
    utimesSync(join(copy, SOURCE), ahead, ahead);
    writeInputs();
    expect(await launch(ARGV)).toEqual({ code: 0, stdout: expected, stderr: '' });
    const now = new Date();
    utimesSync(join(copy, SOURCE), now, now);
    expect((await launch(ARGV)).stderr).toContain('could not be rebuilt');
  }, 60_000);

  it('no bundle and no way to build one: a two-language message and exit 2 (nothing done), no stack trace', async () => {
    const entry = join(copy, 'dist', 'node', 'cli.cjs');
    const saved = join(copy, 'cli.cjs.saved');
    cpSync(entry, saved);
    rmSync(entry);
    try {
      const r = await launch(ARGV);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('无法构建程序');
      expect(r.stderr).toContain('Could not build the program');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      cpSync(saved, entry);
    }
  }, 60_000);

  it('npm run cli from a subfolder reads a return named relative to that folder', async () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    // npm itself runs the script from the package folder; INIT_CWD says where it was typed.
    const r = await run(npm, ['run', '-s', 'cli', '--', 'inspect', 'a-title-two-row-header.xlsx', '--json', '--today', '2026-03-15'], RETURNS);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { file: string; rows: unknown[] };
    expect(json.file).toBe('a-title-two-row-header.xlsx');
    expect(json.rows.length).toBe((JSON.parse(expected) as { rows: unknown[] }).rows.length);
    // The same from the package folder finds no such file there.
    expect(execFileSync(process.execPath, ['-e', "console.log(require('node:fs').existsSync('a-title-two-row-header.xlsx'))"], { cwd: ROOT, encoding: 'utf8' }).trim()).toBe('false');
  }, 60_000);

  it('starts where the command was typed only under its own npm script (npm run web too)', () => {
    const where = mkdtempSync(join(tmpdir(), 'typed-here-'));
    try {
      const cwdUnder = (event: string, initCwd: string) =>
        execFileSync(process.execPath, ['-e', `require(${JSON.stringify(join(ROOT, 'scripts', 'node-bundle.cjs'))}).startWhereTyped('web'); console.log(process.cwd())`], {
          cwd: ROOT,
          env: { ...process.env, npm_lifecycle_event: event, INIT_CWD: initCwd },
          encoding: 'utf8',
        }).trim();
      expect(cwdUnder('web', where)).toBe(where);
      expect(cwdUnder('cli', where)).toBe(ROOT); // another script's run: left as it is
      expect(cwdUnder('web', join(where, 'gone'))).toBe(ROOT); // a folder that is gone: left as npm left it
    } finally {
      rmSync(where, { recursive: true, force: true });
    }
  });
});
