// Start of the plain-Node bundles (dist/node, CommonJS, built by build-electron.mjs's buildNode):
// built first only when stale, then loaded, optionally with a V8 code cache. Deliberately tiny — no
// esbuild unless a build is needed — because it runs before every command-line start, and
// CommonJS for the same reason: a launcher that is an ES module starts Node's ESM loader, which
// reads it through fs/promises and fills node:fs's named exports (loading its streams), ~10 ms of
// a 13-row `inspect` (docs/ARCHITECTURE.md §Command-line start).
//  - Fresh: every source file the bundles were built from (dist/node/inputs.json) is older than
//    the entry.
//  - Code cache (docs/ARCHITECTURE.md §Command-line start): most of a 13-row `inspect` is V8
//    compiling the reader's functions the first time they run. Node 20 has no compile cache of its
//    own (module.enableCompileCache is Node 22), so the bundle's files are compiled here with the
//    cached data V8 wrote at the end of an earlier run of the same command.
'use strict';
const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join, relative, sep } = require('node:path');
const { Script } = require('node:vm');

const root = join(__dirname, '..') + sep;

function mtime(path) {
  return statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? null;
}

/** True when dist/node/<entry>.cjs is missing or older than any of the sources it was built from. */
function nodeBundleStale(entry, outdir = `${root}dist/node`) {
  const built = mtime(`${outdir}/${entry}.cjs`);
  if (built === null) return true;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(`${outdir}/inputs.json`, 'utf8'));
  } catch {
    return true;
  }
  return inputs.some((file) => {
    const t = mtime(`${root}${file}`);
    return t === null || t > built;
  });
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
 * length, and its own version and flags). A file with no cache, or one V8 rejected, gets one
 * written when the process exits — after the run, so it holds the functions the run compiled, not
 * just the top level. Caching is speed only: a cache that cannot be read or written is ignored.
 * Off under --enable-source-maps (Node maps stack traces of files it compiles itself).
 */
function useCodeCache(outdir, key) {
  if (process.sourceMapsEnabled) return;
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
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined; // none yet
    }
    const script = new Script(Module.wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) toWrite.push({ script, cacheFile });
    const fn = script.runInThisContext({ displayErrors: true });
    return fn.call(this.exports, this.exports, Module.createRequire(filename), this, filename, dirname(filename));
  };
  process.once('exit', () => {
    for (const { script, cacheFile } of toWrite) {
      try {
        mkdirSync(cacheDir, { recursive: true });
        // Written whole, then renamed: a command started meanwhile reads an old cache or this one.
        const partial = `${cacheFile}.${process.pid}`;
        writeFileSync(partial, script.createCachedData());
        renameSync(partial, cacheFile);
      } catch {
        // a read-only checkout: no cache, the command itself has done its work
      }
    }
  });
}

/**
 * Builds dist/node when `entry` is stale, then loads it (it runs on load). `codeCache`: a key (see
 * codeCacheKey) to compile the bundle with a V8 code cache; without one, plain require().
 */
async function runNodeBundle(entry, { codeCache } = {}) {
  const outdir = `${root}dist${sep}node`;
  if (nodeBundleStale(entry)) {
    const { buildNode } = await import('./build-electron.mjs');
    await buildNode();
  }
  if (codeCache !== undefined) useCodeCache(outdir, codeCache);
  require(join(outdir, `${entry}.cjs`));
}

module.exports = { nodeBundleStale, codeCacheKey, runNodeBundle };
