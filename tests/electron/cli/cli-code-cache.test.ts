// The command line's V8 code cache (scripts/node-bundle.cjs): `node scripts/cli.cjs inspect …` run
// as real processes on the built bundle (dist/node, as `npm run cli` runs it). The first run writes
// a cache per bundle file under dist/node/.v8-cache/inspect/; later runs use it (V8 accepts it, so
// nothing is written again) and print the same; a damaged cache is rejected by V8 and rewritten;
// a file whose identity changed (rebuilt, touched) gets a cache of its own.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { codeCacheKey } from '../../../scripts/node-bundle.cjs';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const LAUNCHER = join(ROOT, 'scripts', 'cli.cjs');
const CACHE = join(ROOT, 'dist', 'node', '.v8-cache', 'inspect');
const FILE = join(ROOT, 'tests', 'fixtures', 'returns', 'a-title-two-row-header.xlsx');
const ARGV = ['inspect', FILE, '--json', '--today', '2026-03-15'];

function run(argv: string[], nodeArgs: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...nodeArgs, LAUNCHER, ...argv], { cwd: ROOT }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The cache files of `inspect`, name → modification time (ms). */
function cacheFiles(): Map<string, number> {
  if (!existsSync(CACHE)) return new Map();
  return new Map(readdirSync(CACHE).map((f) => [f, statSync(join(CACHE, f)).mtimeMs]));
}

describe('the command line compiled with a V8 code cache', () => {
  let expected: string;
  beforeAll(async () => {
    // `help` builds dist/node when it is missing or stale, as `npm run cli` would.
    expect((await run(['help'])).code).toBe(0);
    let stdout = '';
    await runCli(ARGV, { stdout: (s) => (stdout += `${s}\n`), stderr: () => {} });
    expected = stdout;
  }, 180_000);

  it('keys the cache by the command word; anything else shares one', () => {
    expect(codeCacheKey(['inspect', 'a.xlsx'])).toBe('inspect');
    expect(codeCacheKey(['plan-table', '--help'])).toBe('plan-table');
    expect([codeCacheKey([]), codeCacheKey(['--help']), codeCacheKey(['../x']), codeCacheKey(['INSPECT'])]).toEqual(['_', '_', '_', '_']);
  });

  it('writes a cache per bundle file on the first run, uses it unchanged on the next, and prints the same', async () => {
    rmSync(CACHE, { recursive: true, force: true });
    const first = await run(ARGV);
    expect(first).toEqual({ code: 0, stdout: expected, stderr: '' });
    const written = cacheFiles();
    // The entry and the chunks it loads, each named by path, size, modification time and inode.
    const entry = statSync(join(ROOT, 'dist', 'node', 'cli.cjs'));
    expect(written.has(`cli.cjs-${entry.size}-${Math.trunc(entry.mtimeMs)}-${entry.ino}.v8`)).toBe(true);
    expect([...written.keys()].filter((f) => f.startsWith('chunks~chunk-')).length).toBeGreaterThan(3);

    const second = await run(ARGV);
    expect(second).toEqual(first);
    // V8 accepted every cache: none was written again.
    for (const [f, mtime] of written) expect(cacheFiles().get(f)).toBe(mtime);
  }, 120_000);

  it('a damaged cache is rejected by V8, the output is the same, and the cache is written anew', async () => {
    await run(ARGV);
    const [name] = [...cacheFiles().keys()].filter((f) => f.startsWith('cli.cjs-'));
    expect(name).toBeDefined();
    const path = join(CACHE, name as string);
    const garbage = Buffer.alloc(statSync(path).size, 0x5a);
    writeFileSync(path, garbage);
    expect(await run(ARGV)).toEqual({ code: 0, stdout: expected, stderr: '' });
    expect(readFileSync(path).equals(garbage)).toBe(false);
  }, 120_000);

  it('a bundle file with a new modification time gets a cache of its own', async () => {
    await run(ARGV);
    const entry = join(ROOT, 'dist', 'node', 'cli.cjs');
    const later = new Date(statSync(entry).mtimeMs + 1000);
    utimesSync(entry, later, later);
    const s = statSync(entry);
    expect(await run(ARGV)).toEqual({ code: 0, stdout: expected, stderr: '' });
    expect(cacheFiles().has(`cli.cjs-${s.size}-${Math.trunc(s.mtimeMs)}-${s.ino}.v8`)).toBe(true);
  }, 120_000);

  it('starts without Node\'s ES-module loader and makes no GBK decoder for an .xlsx (each ~4 ms of a small inspect)', async () => {
    // A preload that reports, at exit, the ES-module loader's modules Node loaded and the text
    // decoders the process made: the launcher is CommonJS, and the GBK decoder is made on first use.
    const dir = mkdtempSync(join(tmpdir(), 'launcher-'));
    const probe = join(dir, 'probe.cjs');
    const seenFile = join(dir, 'seen.json');
    writeFileSync(
      probe,
      `const made = [];
const Original = globalThis.TextDecoder;
globalThis.TextDecoder = class extends Original { constructor(label, options) { super(label, options); made.push(this.encoding); } };
process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(seenFile)}, JSON.stringify({
  esm: process.moduleLoadList.filter((m) => /esm\\/(translators|module_job)|internal\\/fs\\/promises/.test(m)),
  made,
})));`,
    );
    const seen = async (args: string[]) => {
      const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
        execFile(process.execPath, ['-r', probe, ...args], { cwd: ROOT }, (error, stdout, stderr) => resolve({ code: error ? 1 : 0, stdout, stderr })),
      );
      return { ...r, ...(JSON.parse(readFileSync(seenFile, 'utf8')) as { esm: string[]; made: string[] }) };
    };
    try {
      const inspect = await seen([LAUNCHER, ...ARGV]);
      expect(inspect.stdout).toBe(expected);
      expect(inspect.esm).toEqual([]);
      expect(inspect.made).not.toContain('gbk');
      // The probe does see both when they happen.
      const esm = await seen(['--input-type=module', '-e', "new TextDecoder('gbk'); await import('node:os');"]);
      expect(esm.esm.length).toBeGreaterThan(0);
      expect(esm.made).toContain('gbk');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('a cache with bytes flipped inside (which V8 would run) is not used: the output is the same and the cache is written anew', async () => {
    await run(ARGV);
    // The entry's cache and the largest chunk's: one flipped byte in either crashed V8 or named a
    // misspelt chunk before each cache carried its CRC-32.
    const entry = statSync(join(ROOT, 'dist', 'node', 'cli.cjs'));
    const entryCache = join(CACHE, `cli.cjs-${entry.size}-${Math.trunc(entry.mtimeMs)}-${entry.ino}.v8`);
    const [largestChunk] = [...cacheFiles().keys()].filter((f) => f.startsWith('chunks~')).map((f) => join(CACHE, f)).sort((a, b) => statSync(b).size - statSync(a).size);
    for (const path of [entryCache, largestChunk as string]) {
      for (const at of [0.3, 0.6, 0.8]) {
        const bytes = readFileSync(path);
        const i = Math.floor(bytes.length * at);
        bytes[i] = (bytes[i] as number) ^ 0xff;
        writeFileSync(path, bytes);
        expect(await run(ARGV)).toEqual({ code: 0, stdout: expected, stderr: '' });
        expect(readFileSync(path).equals(bytes)).toBe(false);
      }
    }
  }, 180_000);

  it('a failed or mistyped command writes no cache (each would otherwise keep its own)', async () => {
    const folder = join(ROOT, 'dist', 'node', '.v8-cache', 'frobnicate');
    rmSync(folder, { recursive: true, force: true });
    const r = await run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('frobnicate');
    expect(existsSync(folder)).toBe(false);
  }, 60_000);
});
