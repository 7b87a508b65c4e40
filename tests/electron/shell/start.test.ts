// `npm start` chooses the desktop app when the electron package has its binary, else browser mode.
// Run in dry-run mode (prints the plan); the binary is located through the electron package itself
// (ELECTRON_OVERRIDE_DIST_PATH is the package's own override).
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/tmp';

const root = join(import.meta.dirname, '..', '..', '..');

function plan(args: string[], env: Record<string, string> = {}) {
  const base = { ...process.env };
  delete base.ELECTRON_OVERRIDE_DIST_PATH;
  const out = execFileSync(process.execPath, [join(root, 'scripts', 'start.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...base, ...env, INDICATOR_DESK_START_DRY_RUN: '1' },
  });
  const lines = out.trim().split('\n');
  return { printed: lines.slice(0, -1).join('\n'), plan: JSON.parse(lines.at(-1) ?? '{}') as { mode: string; steps: { command: string; args: string[] }[] } };
}

describe('scripts/start.mjs', () => {
  const tmp = makeTempDir();
  afterAll(() => tmp.cleanup());
  // Where the real binary is installed, the first case does not apply.
  const installed = existsSync(join(root, 'node_modules', 'electron', 'path.txt'));

  it.skipIf(installed)('without an Electron binary: says so in Chinese and English and runs browser mode with the arguments', () => {
    const { printed, plan: p } = plan(['--port', '5173', '--db', '/tmp/演示.sqlite']);
    expect(printed).toContain('未找到 Electron 运行时，改用浏览器模式');
    expect(printed).toContain('No Electron runtime found; starting browser mode');
    expect(p.mode).toBe('browser');
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0]?.args).toEqual(['run', 'web', '--', '--port', '5173', '--db', '/tmp/演示.sqlite']);
  });

  it('with an Electron binary: builds, then runs it on the app folder with the arguments', () => {
    writeFileSync(join(tmp.dir, 'electron'), '#!/bin/sh\n');
    const { printed, plan: p } = plan(['报表.xlsx'], { ELECTRON_OVERRIDE_DIST_PATH: tmp.dir });
    expect(printed).toBe('');
    expect(p.mode).toBe('desktop');
    expect(p.steps.map((s) => s.args)).toEqual([['run', 'build'], ['.', '报表.xlsx']]);
    expect(p.steps[1]?.command).toBe(join(tmp.dir, 'electron'));
    // --web forces browser mode even where Electron is installed.
    expect(plan(['--web'], { ELECTRON_OVERRIDE_DIST_PATH: tmp.dir }).plan.mode).toBe('browser');
  });
});
