// Start of the plain-Node bundles (dist/node, CommonJS, built by build-electron.mjs's buildNode):
// built first only when stale, then loaded, optionally with a V8 code cache. Deliberately tiny — no
// esbuild unless a build is needed — because it runs before every command-line start, and
// CommonJS for the same reason: a launcher that is an ES module starts Node's ESM loader, which
// reads it through fs/promises and fills node:fs's named exports (loading its streams), ~10 ms of
// a 13-row `inspect` (docs/ARCHITECTURE.md §Command-line start).
//  - Fresh: every source file the bundles were built from (dist/node/inputs.json) has the
//    modification time it had when they were built.
//  - Code cache (docs/ARCHITECTURE.md §Command-line start): most of a 13-row `inspect` is V8
//    compiling the reader's functions the first time they run. Node 20 has no compile cache of its
//    own (module.enableCompileCache is Node 22), so the bundle's files are compiled here with the
//    cached data V8 wrote at the end of an earlier run of the same command.
'use strict';
const { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join, relative, sep } = require('node:path');
const { Script } = require('node:vm');

const root = join(__dirname, '..') + sep;

function mtime(path) {
  return statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? null;
}

/**
 * The modification time (ms) of each of `files` (paths from the repository's root; those not on
 * disk left out) that a build read, to be written beside what it built and compared by sourcesChanged: `{ path: ms }`. A time
 * inside the build (`startedAt`…`endedAt`) is recorded as 0: the file may have been saved after it
 * was read, so the next start rebuilds. A time after the build (a checkout copied from a machine
 * whose clock is ahead) is recorded as it is, so such a file does not make every start rebuild.
 */
function sourceTimes(files, startedAt, endedAt) {
  const times = {};
  for (const file of files) {
    const t = mtime(`${root}${file}`);
    // Not a file on disk (a name a bundler made up): nothing to compare later, and recorded it
    // would count as gone at every start.
    if (t === null) continue;
    times[file] = t >= startedAt && t <= endedAt ? 0 : t;
  }
  return times;
}

/**
 * Whether the sources a build recorded (`recordFile`: JSON `{ sources: { path: ms } }`, from
 * sourceTimes) have changed: one is gone or has another time — compared for equality, not order,
 * so a source dated in the future does not count as changed at every start and one put back to an
 * older version does. A missing or damaged record (or an older build's list without times) counts
 * as changed: rebuild.
 */
function sourcesChanged(recordFile) {
  let record;
  try {
    record = JSON.parse(readFileSync(recordFile, 'utf8'));
  } catch {
    return true;
  }
  const sources = record !== null && typeof record === 'object' ? record.sources : undefined;
  const entries = sources !== null && typeof sources === 'object' && !Array.isArray(sources) ? Object.entries(sources) : [];
  if (entries.length === 0 || !entries.every(([, t]) => typeof t === 'number')) return true;
  return entries.some(([file, t]) => mtime(`${root}${file}`) !== t);
}

/** True when dist/node/<entry>.cjs is missing or its sources changed since it was built (dist/node/inputs.json, buildNode). */
function nodeBundleStale(entry, outdir = `${root}dist/node`) {
  return mtime(`${outdir}/${entry}.cjs`) === null || sourcesChanged(`${outdir}/inputs.json`);
}

/**
 * The name of a command's code cache: `inspect`, `help`, … (the first argument), `_` for anything
 * else. One cache per command because a cache holds the functions its run compiled: one written
 * by `help` would hold none of the workbook reader's.
 */
function codeCacheKey(argv) {
  const word = argv[0] ?? '';
  return /^[a-z][a-z-]{0,31}$/.test(word) ? word : '_';
}

/**
 * From now on, the CommonJS files under `outdir` are compiled with the V8 code cache in
 * `outdir/.v8-cache/<key>/`: one file per bundle file, named by its path, size, modification time
 * and inode, so a rebuilt file never meets an old cache (V8 itself checks only the source's
 * length, and its own version and flags). Each cache file starts with the CRC-32 of the rest: V8
 * checks a cache's header but not its contents, and runs damaged bytecode — a flipped byte made
 * the command crash (V8 fatal error, SIGSEGV) or look for a misspelt chunk on every run — so a file
 * whose CRC does not match is not given to V8 at all. A file with no cache, or a damaged or
 * rejected one, gets one written when the process exits 0 — after the run, so it holds the
 * functions the run compiled, not just the top level; a failed or mistyped command (`inspct`)
 * writes none. Caching is speed only: a cache that cannot be read or written is ignored. Off
 * under --enable-source-maps (Node maps stack traces of files it compiles itself).
 */
function useCodeCache(outdir, key) {
  if (process.sourceMapsEnabled) return;
  // Here, not at the top: only a command compiled with a cache needs it (browser mode's start does not).
  const { crc32 } = require('node:zlib');
  const cacheDir = join(outdir, '.v8-cache', key);
  const prefix = `${outdir}${sep}`;
  const toWrite = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function compileWithCache(content, filename) {
    if (!filename.startsWith(prefix) || !filename.endsWith('.cjs')) return compile.call(this, content, filename);
    const s = statSync(filename);
    const cacheFile = join(cacheDir, `${relative(outdir, filename).replaceAll(sep, '~')}-${s.size}-${Math.trunc(s.mtimeMs)}-${s.ino}.v8`);
    let cachedData;
    try {
      const stored = readFileSync(cacheFile);
      if (stored.length > 4 && stored.readUInt32LE(0) === crc32(stored.subarray(4))) cachedData = stored.subarray(4);
    } catch {
      cachedData = undefined; // none yet
    }
    const script = new Script(Module.wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) toWrite.push({ script, cacheFile });
    const fn = script.runInThisContext({ displayErrors: true });
    return fn.call(this.exports, this.exports, Module.createRequire(filename), this, filename, dirname(filename));
  };
  process.once('exit', (code) => {
    if (code !== 0) return;
    for (const { script, cacheFile } of toWrite) {
      try {
        mkdirSync(cacheDir, { recursive: true });
        // Written whole, then renamed: a command started meanwhile reads an old cache or this one.
        const partial = `${cacheFile}.${process.pid}`;
        const data = script.createCachedData();
        const crc = Buffer.alloc(4);
        crc.writeUInt32LE(crc32(data));
        writeFileSync(partial, Buffer.concat([crc, data]));
        renameSync(partial, cacheFile);
      } catch {
        // a read-only checkout: no cache, the command itself has done its work
      }
    }
  });
}

/** A build takes seconds: said to someone watching (stderr a terminal), so it is not taken for a hang. */
function sayBuilding() {
  if (process.stderr.isTTY) process.stderr.write('正在构建程序（源代码更新后才需要，约需数秒）… / Building the program (needed only after its sources change; a few seconds)…\n');
}

/**
 * Builds dist/node when `entry` is stale, then loads it (it runs on load). `codeCache`: a key (see
 * codeCacheKey) to compile the bundle with a V8 code cache; without one, plain require().
 * A build that fails (a checkout the user may not write to, copied without its file times so it
 * looks stale) is told in both languages on stderr, not as a stack trace: an existing bundle then
 * still runs, said so; without one the process exits 2 (nothing done), as the command line's own
 * refusals do.
 */
async function runNodeBundle(entry, { codeCache } = {}) {
  const outdir = `${root}dist${sep}node`;
  const bundle = join(outdir, `${entry}.cjs`);
  if (nodeBundleStale(entry)) {
    sayBuilding();
    try {
      const { buildNode } = await import('./build-electron.mjs');
      await buildNode();
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      // What to do: the build writes into the program's own folder (dist/node), wherever the
      // command is run from.
      if (!existsSync(bundle)) {
        process.stderr.write(
          `无法构建程序：${why}\n请把程序所在文件夹（${root}）放到您可写入的位置，或请有写入权限的人在其中运行一次 npm run build:electron；若是源代码有错，请先改正。\n` +
            `Could not build the program: ${why}\nPut the program's folder (${root}) where you may write, or have someone who may write there run npm run build:electron once; if a source has an error, fix it first.\n`,
        );
        process.exitCode = 2;
        return;
      }
      process.stderr.write(
        `注意：程序的源代码已更新，但无法重新构建（${why}），仍按已有版本运行；要用更新后的版本，请有写入权限的人在 ${root} 中运行一次 npm run build:electron。\n` +
          `Note: the program's sources changed but it could not be rebuilt (${why}); running the existing build. For the changed version, have someone who may write in ${root} run npm run build:electron once.\n`,
      );
    }
  }
  if (codeCache !== undefined) useCodeCache(outdir, codeCache);
  require(bundle);
}

/**
 * Under `npm run <script>`, makes the folder where the command was typed (npm's INIT_CWD) the
 * current one again: npm runs a script from the package's folder, but a clerk's relative paths (a
 * return, --db, --out) start where they typed. Nothing otherwise, or if that folder is gone.
 */
function startWhereTyped(script) {
  if (process.env.npm_lifecycle_event !== script || !process.env.INIT_CWD) return;
  try {
    process.chdir(process.env.INIT_CWD);
  } catch {
    // gone meanwhile: paths then start from the package's folder, as npm left them
  }
}

module.exports = { nodeBundleStale, codeCacheKey, runNodeBundle, startWhereTyped, sourceTimes, sourcesChanged, sayBuilding };
