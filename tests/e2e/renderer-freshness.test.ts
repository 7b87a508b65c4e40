// `npm run web` rebuilds the renderer only when something its build read has changed
// (scripts/web.mjs rendererStale): the real build `npm run test:e2e` made recorded what it read
// (renderer/vite.config.ts, dist/renderer-sources.json), and a change of a recorded file's time —
// later or earlier — makes it stale. A file dated in the future when built stays fresh: it made
// every start rebuild (~20 s) when sources were compared with the build's own time.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererStale } from '../../scripts/web.mjs';
import { sourceTimes } from '../../scripts/node-bundle.cjs';

const ROOT = join(import.meta.dirname, '..', '..');
const RECORD = join(ROOT, 'dist', 'renderer-sources.json');
// A stylesheet only the renderer reads: no plain-Node bundle's freshness depends on it.
const SOURCE = 'renderer/src/grid/grid.css';

describe('the renderer build for browser mode', () => {
  it('records what it read, is fresh as built, and stale once a recorded file changes either way', () => {
    const sources = (JSON.parse(readFileSync(RECORD, 'utf8')) as { sources: Record<string, number> }).sources;
    expect(Object.keys(sources)).toEqual(expect.arrayContaining(['renderer/index.html', 'renderer/src/main.tsx', SOURCE, 'package-lock.json']));
    expect(rendererStale()).toBe(false);
    const path = join(ROOT, SOURCE);
    const { atimeMs, mtimeMs } = statSync(path);
    try {
      for (const other of [Date.now() + 3_600_000, mtimeMs - 3_600_000]) {
        utimesSync(path, other / 1000, other / 1000);
        expect(rendererStale()).toBe(true);
      }
      // A time in the future (a clock ahead where the checkout came from) is recorded as it is, so
      // it matches at the next start; only a time inside the build's own seconds is recorded as 0.
      const ahead = Date.now() + 3_600_000;
      utimesSync(path, ahead / 1000, ahead / 1000);
      expect(sourceTimes([SOURCE], Date.now() - 5000, Date.now())[SOURCE]).toBe(statSync(path).mtimeMs);
      expect(sourceTimes([SOURCE], Date.now() - 5000, ahead + 1000)[SOURCE]).toBe(0);
    } finally {
      // Put back as near as utimes can (seconds as a double: a file's nanoseconds may not survive),
      // and the record with it, so what the next test or `npm run web` sees is fresh as before.
      utimesSync(path, atimeMs / 1000, mtimeMs / 1000);
      const record = JSON.parse(readFileSync(RECORD, 'utf8')) as { sources: Record<string, number> };
      record.sources[SOURCE] = statSync(path).mtimeMs;
      writeFileSync(RECORD, `${JSON.stringify(record, null, 1)}\n`);
    }
    expect(rendererStale()).toBe(false);
  });

  it('a build into another folder keeps its record beside that folder, leaving dist/renderer\'s alone', () => {
    const before = readFileSync(RECORD, 'utf8');
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    const where = mkdtempSync(join(ROOT, '.tmp', 'preview-'));
    try {
      const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
      execFileSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts', '--outDir', join(where, 'preview'), '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'pipe' });
      const sources = (JSON.parse(readFileSync(join(where, 'preview-sources.json'), 'utf8')) as { sources: Record<string, number> }).sources;
      expect(Object.keys(sources)).toContain('renderer/index.html');
      expect(readFileSync(RECORD, 'utf8')).toBe(before);
    } finally {
      rmSync(where, { recursive: true, force: true });
    }
  }, 120_000);
});
