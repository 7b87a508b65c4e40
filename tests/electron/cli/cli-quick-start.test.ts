// The command line's quick start (electron/cli/quick-start.ts): a plain `inspect FILE` runs from the
// built bundle without loading the rest of the command line, and prints exactly what the full
// command line prints. Built for real with esbuild into a temporary folder; run as real processes.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNode } from '../../../scripts/build-electron.mjs';
import { runCli } from '../../../electron/cli/main';
import { makeTempDir } from '../../helpers/tmp';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const RETURNS = join(ROOT, 'tests', 'fixtures', 'returns');

let tmp: ReturnType<typeof makeTempDir>;
let built: string;
let cliEntry: string;
beforeAll(async () => {
  tmp = makeTempDir();
  // Inside the repository, so the bundle finds node_modules (ExcelJS and the native SQLite stay outside it).
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  built = mkdtempSync(join(ROOT, '.tmp', 'quick-start-'));
  // Scratch folders of builds that never finished: one abandoned an hour ago, one of a build that may still be running.
  mkdirSync(join(built, '.build-abandoned', 'esm'), { recursive: true });
  const hourAgo = new Date(Date.now() - 3_600_000);
  utimesSync(join(built, '.build-abandoned'), hourAgo, hourAgo);
  mkdirSync(join(built, '.build-running'));
  cliEntry = (await buildNode({ outdir: built })).cli as string;
}, 180_000);
afterAll(() => {
  tmp.cleanup();
  rmSync(built, { recursive: true, force: true });
});

/** The source files bundled into the modules `entry` loads before it runs (static imports, followed through chunks). */
function startupSources(entry: string): string[] {
  const seen = new Set<string>();
  const sources = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] };
    for (const s of map.sources) sources.add(s.replace(/^(\.\.\/)+/, ''));
    // Static imports only: what the file requires at its top level (`var x = require("./chunks/x.cjs");`),
    // not a require() inside a function (an `import()` run on first use).
    for (const m of readFileSync(file, 'utf8').matchAll(/^(?:var [\w$]+ = )?require\("(\.[^"]+)"\);?$/gm)) visit(join(dirname(file), m[1] as string));
  };
  visit(entry);
  return [...sources];
}

function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cliEntry, ...argv], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function inProcess(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => (stdout += `${s}\n`), stderr: (s) => (stderr += `${s}\n`) });
  return { code, stdout, stderr };
}

describe('the quick start of inspect', () => {
  it('a build removes scratch folders that builds abandoned (Ctrl+C) long ago, not one that may still be in use', () => {
    expect(existsSync(join(built, '.build-abandoned'))).toBe(false);
    expect(existsSync(join(built, '.build-running'))).toBe(true);
  });

  it('a build that fails leaves no scratch folder, even while its other entries are still building', async () => {
    const outdir = mkdtempSync(join(ROOT, '.tmp', 'failed-build-'));
    const broken = join(outdir, 'broken.ts');
    writeFileSync(broken, 'const = ;\n');
    try {
      // The broken entry fails at once; the command line's takes a second or two.
      await expect(buildNode({ outdir, entries: { cli: 'electron/cli/bin.ts', broken } })).rejects.toThrow();
      // Still none once a build left running would have written its files (the command line's takes ~2 s).
      for (let waited = 0; waited < 6000; waited += 500) {
        expect(readdirSync(outdir).filter((f) => f.startsWith('.build-'))).toEqual([]);
        await new Promise((r) => setTimeout(r, 500));
      }
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 120_000);

  it('loads no database, zod, ExcelJS, SheetJS or exporter before it runs; the full command line is loaded on demand', () => {
    const sources = startupSources(cliEntry);
    expect(sources).toContain('electron/cli/quick-start.ts');
    expect(sources).toContain('electron/workbook/import/read-xlsx-fast.ts');
    // services/paths.ts (where the default database would be, for CliError's module) is plain path arithmetic.
    const heavy = sources.filter((s) => /node_modules\/(zod|exceljs|@e965\/xlsx|better-sqlite3|officecrypto-tool)\/|electron\/(services\/(?!paths\.ts)|store\/|workbook\/export\/|report\/|web\/)|electron\/cli\/main\.ts/.test(s));
    expect(heavy).toEqual([]);
    expect(existsSync(cliEntry)).toBe(true);
  });

  it('prints what the full command line prints: JSON, text, English, and a refused file', async () => {
    const file = join(RETURNS, 'a-title-two-row-header.xlsx');
    const missing = join(tmp.dir, 'no-such.xlsx');
    for (const argv of [
      ['inspect', file, '--json', '--today', '2026-03-15'],
      ['inspect', file, '--today', '2026-03-15'],
      ['inspect', file, '--lang', 'en', '--today', '2026-03-15'],
      ['inspect', join(RETURNS, 'a-title-two-row-header.xls'), '--json', '--today', '2026-03-15'],
      ['inspect', missing],
    ]) {
      const [quick, full] = [await run(argv), await inProcess(argv)];
      expect(quick).toEqual(full);
    }
    expect((await run(['inspect', missing])).code).toBe(2);
  }, 120_000);

  it('help prints what the full command line prints without loading it', async () => {
    // A preload that lists the bundle files the process loaded.
    const probe = join(tmp.dir, 'loaded.cjs');
    const listFile = join(tmp.dir, 'loaded.json');
    writeFileSync(
      probe,
      `const Module = require('node:module'); const seen = []; const load = Module._load;
Module._load = function (request, parent) { const r = load.apply(this, arguments); try { seen.push(Module._resolveFilename(request, parent)); } catch {} return r; };
process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(listFile)}, JSON.stringify(seen)));`,
    );
    const sourcesLoaded = async (argv: string[]) => {
      const r = await new Promise<{ stdout: string }>((resolve) => execFile(process.execPath, ['-r', probe, cliEntry, ...argv], (_e, stdout) => resolve({ stdout })));
      const files = (JSON.parse(readFileSync(listFile, 'utf8')) as string[]).filter((f) => f.startsWith(built));
      const sources = files.flatMap((f) => (JSON.parse(readFileSync(`${f}.map`, 'utf8')) as { sources: string[] }).sources.map((x) => x.replace(/^(\.\.\/)+/, '')));
      return { stdout: r.stdout, sources };
    };
    const help = await sourcesLoaded(['help']);
    expect(help.stdout).toBe((await inProcess(['help'])).stdout);
    expect(help.sources).not.toContain('electron/cli/main.ts');
    // The probe sees main.ts when it is loaded: another command.
    expect((await sourcesLoaded(['status', '--year', '2025', '--db', join(tmp.dir, 'none.sqlite')])).sources).toContain('electron/cli/main.ts');
  }, 120_000);

  it('anything else goes to the full command line: a usage error, --help, another command', async () => {
    for (const argv of [['inspect'], ['inspect', 'a.xlsx', '--bogus'], ['inspect', '--help'], ['help'], ['status']]) {
      const [quick, full] = [await run(argv), await inProcess(argv)];
      expect(quick.code).toBe(full.code);
      expect(quick.stdout).toBe(full.stdout);
      expect(quick.stderr).toBe(full.stderr);
    }
  }, 120_000);
});
