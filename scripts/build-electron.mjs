// Bundles the Electron shell with esbuild (`npm run build:electron`; `npm run build` = renderer + this):
//   electron/main/main.ts       → dist/electron/main.cjs     (Node, CommonJS; electron and the native
//                                                              better-sqlite3 stay external)
//   electron/workbook/jobs/worker.ts → dist/electron/workbook-worker.cjs (the export/import thread)
//                               + dist/electron/chunk-*.cjs  (code the main process loads on demand)
//   electron/preload/preload.ts → dist/electron/preload.cjs  (CommonJS: a sandboxed preload cannot load
//                                                              ES modules, and may require only 'electron')
// The output is exactly what ships (electron-builder.yml packs dist/electron/*.cjs): minified, no
// source maps. `--dev` builds readable bundles with linked source maps for debugging instead.
//
// Lazy loading (docs/ARCHITECTURE.md §Start-up and packaging): a dynamic `import('…')` in main-process code becomes
// a separate chunk file, loaded with require() the first time it runs, so the window is created
// before workbook, mail or CLI code (ExcelJS, SheetJS) is read from disk and parsed. esbuild splits
// code only for ES-module output, so the node entries are bundled as ES modules with splitting
// (modules used by several entries or chunks land in ONE shared chunk: one copy of each module, so
// `instanceof` on error classes holds across chunks), then each output file is converted to
// CommonJS, with dynamic imports turned into require() (Electron's main process and the Module._load
// stand-in of the tests load CommonJS; ES-module main scripts start asynchronously).
// Another Node program (a tool run with plain node) is built with buildNodeBundles() into a folder
// of its own: entries added to MAIN_ENTRIES share chunks with the desktop app and are packaged
// with it (the package test checks that dist/electron holds only what the app loads).
//
// buildNode: the command line and browser mode as CommonJS with code splitting, for plain node:
//   electron/cli/bin.ts → dist/node/cli.cjs, electron/web/main.ts → dist/node/web.cjs,
//   electron/workbook/jobs/worker.ts → dist/node/workbook-worker.cjs, plus dist/node/chunks/* and
//   dist/node/inputs.json (the sources read and their modification times, for scripts/node-bundle.cjs's
//   freshness check).
//
// Nothing here rebuilds native modules: better-sqlite3 for Electron's ABI is built by electron-builder
// when packaging (npmRebuild), so `npm test` keeps using the Node build in node_modules.
import { build, transform } from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceTimes } from './node-bundle.cjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The desktop app's Node bundles: output name (`<name>.cjs` in dist/electron) → source entry. main
 * first (its start-up chunks are reported). workbook-worker is the worker thread DesktopState starts
 * for exports and imports (`./workbook-worker.cjs` next to main.cjs); without it they would run on
 * the main process's thread and stall the window.
 */
export const MAIN_ENTRIES = { main: 'electron/main/main.ts', 'workbook-worker': 'electron/workbook/jobs/worker.ts' };

/** Leftovers of an earlier build (old chunk names, maps): everything here ships, so only this build's files may be here. */
function cleanOutdir(outdir) {
  mkdirSync(outdir, { recursive: true });
  for (const f of readdirSync(outdir)) {
    if (f.endsWith('.cjs') || f.endsWith('.map')) rmSync(join(outdir, f), { force: true });
  }
}

/**
 * Bundle Node entries (output name → source path) with their on-demand chunks as CommonJS files in
 * `outdir` (absolute). Returns the files written, the npm packages inside each, and the files the
 * first entry requires as it starts.
 */
export async function buildNodeBundles({ entries = MAIN_ENTRIES, outdir, minify = true, sourcemap = false }) {
  const result = await build({
    entryPoints: entries,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    outExtension: { '.js': '.cjs' },
    chunkNames: 'chunk-[hash]',
    platform: 'node',
    target: 'node22',
    // playwright-core: only the plain-Node PDF path (electron/report/chromium-pdf.ts) loads it.
    external: ['electron', 'better-sqlite3', 'playwright-core'],
    // ES-module code may use import.meta.url; in the CommonJS output it comes from __filename.
    define: { 'import.meta.url': '__importMetaUrl' },
    minify,
    sourcemap: sourcemap ? 'linked' : false,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
    write: false,
    metafile: true,
  });
  const written = [];
  for (const file of result.outputFiles) {
    if (file.path.endsWith('.map')) {
      writeFileSync(file.path, file.contents);
      continue;
    }
    // ES module → CommonJS: static imports become require() at the top, `import()` becomes a
    // require() run when the import expression is evaluated (i.e. on first use).
    const cjs = await transform(file.text, {
      format: 'cjs',
      platform: 'node',
      target: 'node22',
      supported: { 'dynamic-import': false },
      minify,
      legalComments: 'none',
      banner: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;",
    });
    writeFileSync(file.path, cjs.code);
    written.push(file.path);
  }
  const packages = {};
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    const names = Object.keys(output.inputs).map((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1]).filter(Boolean);
    packages[join(root, file)] = [...new Set(names)].sort();
  }
  return { files: written, packages, startup: startupFiles(result.metafile, join(outdir, `${Object.keys(entries)[0]}.cjs`)) };
}

/** The files an entry reads before running: itself and the chunks it requires statically. */
function startupFiles(metafile, mainFile) {
  const seen = new Set();
  const visit = (absolute) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    const relative = Object.keys(metafile.outputs).find((k) => join(root, k) === absolute);
    for (const i of metafile.outputs[relative]?.imports ?? []) {
      if (i.kind === 'import-statement' && !i.external) visit(join(root, i.path));
    }
  };
  visit(mainFile);
  return [...seen];
}

/** Build all bundles; returns their paths. `outdir` lets tests build into a temporary folder. */
export async function buildElectron({ dev = false, outdir: requested = `${root}dist/electron` } = {}) {
  const outdir = resolve(requested);
  cleanOutdir(outdir);
  const { files, packages, startup } = await buildNodeBundles({ minify: !dev, sourcemap: dev, outdir });
  await build({
    entryPoints: ['electron/preload/preload.ts'],
    outfile: `${outdir}/preload.cjs`,
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'chrome130',
    external: ['electron'],
    minify: !dev,
    sourcemap: dev ? 'linked' : false,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
  });
  const preload = readFileSync(`${outdir}/preload.cjs`, 'utf8');
  const required = [...preload.matchAll(/\brequire\((["'`])([^"'`]+)\1\)/g)].map((m) => m[2]);
  const foreign = required.filter((name) => name !== 'electron');
  if (foreign.length > 0) {
    throw new Error(`preload.cjs requires ${foreign.join(', ')}; a sandboxed preload may only require 'electron'`);
  }
  const chunks = files.filter((f) => /[\\/]chunk-[^\\/]*\.cjs$/.test(f));
  return {
    main: join(outdir, 'main.cjs'),
    preload: join(outdir, 'preload.cjs'),
    /** Chunks main.cjs requires as it starts. */
    startupChunks: chunks.filter((f) => startup.includes(f)),
    /** Chunks loaded on first use (workbook reading and writing, the command line). */
    lazyChunks: chunks.filter((f) => !startup.includes(f)),
    /** The npm packages bundled into each main-process file (absolute path → package names). */
    packages: Object.fromEntries(files.map((f) => [f, packages[f] ?? []])),
  };
}

/** Entries of the plain-Node bundles: output name → source. Add a command-line tool here. */
export const NODE_ENTRIES = {
  cli: 'electron/cli/bin.ts',
  web: 'electron/web/main.ts',
  'workbook-worker': 'electron/workbook/jobs/worker.ts',
};

/**
 * Builds the plain-Node bundles into `outdir` (default dist/node) as CommonJS: `<entry>.cjs` and
 * `chunks/*.cjs`, each with a source map back to the TypeScript. CommonJS, not ES modules, because
 * a command-line start is mostly loading: Node 20 loads CommonJS without its ES-module loader, and
 * only CommonJS can be compiled with a V8 code cache (scripts/node-bundle.cjs) —
 * docs/ARCHITECTURE.md §Command-line start. esbuild splits code only for ES-module output, so it
 * builds ES modules first (named .cjs already, so the imports between them name the final files)
 * and a second pass converts each file to CommonJS; that pass reads the first pass's source maps,
 * so the maps still point into electron/ and shared/.
 * Built in a scratch folder first, then moved in file by file, chunks before entries, so a command
 * started meanwhile (tests run in parallel) never sees an entry whose chunks are missing. `entries`:
 * output name → source (default NODE_ENTRIES). Returns the entry paths; a failed build throws
 * esbuild's error once every entry's build has ended, with its scratch folder removed.
 */
export async function buildNode({ minify = false, outdir = `${root}dist/node`, entries = NODE_ENTRIES } = {}) {
  mkdirSync(outdir, { recursive: true });
  // Scratch folders of builds that never finished (Ctrl+C during the seconds a command line waits
  // for its build): removed once surely not another build's still running.
  for (const f of readdirSync(outdir, { withFileTypes: true })) {
    const path = join(outdir, f.name);
    if (f.isDirectory() && f.name.startsWith('.build-') && Date.now() - statSync(path).mtimeMs > 10 * 60_000) rmSync(path, { recursive: true, force: true });
  }
  const scratch = mkdtempSync(join(outdir, '.build-'));
  const esm = join(scratch, 'esm');
  const out = join(scratch, 'out');
  const startedAt = Date.now();
  try {
    // One build per entry, not one for all: esbuild splits shared code into a chunk per set of
    // entries that share it, so one build cut the command line's quick path into ~16 files, and
    // each file costs a command-line start ~0.4 ms to find, read and compile. Built alone, each
    // entry's static imports are one file, with chunks only for what it imports on demand.
    // All settled before a failure is thrown: the scratch folder is removed below, and a build still
    // writing into it would leave it behind (one per failed run).
    const settled = await Promise.allSettled(Object.entries(entries).map(([name, source]) => build({
      entryPoints: { [name]: source },
      outdir: esm,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outExtension: { '.js': '.cjs' },
      entryNames: '[name]',
      chunkNames: 'chunks/[name]-[hash]',
      sourcemap: 'linked',
      minify,
      metafile: true,
      logLevel: 'warning',
      absWorkingDir: root,
      legalComments: 'none',
      // Loaded from node_modules at run time: the native module, and ExcelJS, whose dependencies
      // call the deprecated Buffer() (Node prints DEP0005 for such calls outside node_modules), and
      // playwright-core, which only the PDF report loads.
      external: ['better-sqlite3', 'exceljs', 'playwright-core'],
      // ES-module code may use import.meta.url; in the CommonJS output it comes from __filename.
      define: { 'import.meta.url': '__importMetaUrl' },
    })));
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    const results = settled.map((r) => /** @type {PromiseFulfilledResult<import('esbuild').BuildResult<{ metafile: true }>>} */ (r).value);
    // ES module → CommonJS, file by file: static imports become require() at the top, `import()`
    // a require() run when the import expression is evaluated (i.e. on first use).
    const esmFiles = readdirSync(esm, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && d.name.endsWith('.cjs'))
      .map((d) => join(d.parentPath, d.name));
    await build({
      entryPoints: esmFiles,
      outdir: out,
      outbase: esm,
      bundle: false,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      outExtension: { '.js': '.cjs' },
      supported: { 'dynamic-import': false },
      sourcemap: 'linked',
      minify,
      logLevel: 'warning',
      absWorkingDir: root,
      legalComments: 'none',
      banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    });
    const inputs = [...new Set(results.flatMap((r) => Object.keys(r.metafile.inputs)))].filter((f) => !f.includes('node_modules/'));
    inputs.push('scripts/build-electron.mjs', 'package-lock.json');
    writeFileSync(join(out, 'inputs.json'), `${JSON.stringify({ sources: sourceTimes(inputs, startedAt, Date.now()) }, null, 1)}\n`);
    const files = readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => relative(out, join(d.parentPath, d.name)));
    const entryFirst = (f) => (f.startsWith('chunks') ? 0 : f === 'inputs.json' ? 2 : 1);
    for (const f of files.sort((a, b) => entryFirst(a) - entryFirst(b))) {
      mkdirSync(dirname(join(outdir, f)), { recursive: true });
      renameSync(join(out, f), join(outdir, f));
    }
    // Code caches (scripts/node-bundle.cjs) are of the files of earlier builds: never read again.
    rmSync(join(outdir, '.v8-cache'), { recursive: true, force: true });
    // Files of earlier builds (older chunks, the ES-module .mjs entries of builds before the move to
    // CommonJS): removed once surely unused (a process started before this build may still be
    // loading them for a moment).
    const fresh = new Set(files);
    for (const dir of [outdir, join(outdir, 'chunks')]) {
      for (const f of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, f.name);
        if (!f.isFile() || !/\.(cjs|mjs)(\.map)?$/.test(f.name) || fresh.has(relative(outdir, path))) continue;
        if (Date.now() - statSync(path).mtimeMs > 10 * 60_000) rmSync(path, { force: true });
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return Object.fromEntries(Object.keys(entries).map((name) => [name, `${outdir}/${name}.cjs`]));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--outdir');
  const outdir = at > 0 ? process.argv[at + 1] : undefined;
  const out = await buildElectron({ dev: process.argv.includes('--dev'), ...(outdir ? { outdir } : {}) });
  console.log(`built ${out.main} (+${out.startupChunks.length} chunks at start, ${out.lazyChunks.length} on demand)\nbuilt ${out.preload}`);
  if (!outdir) {
    const node = await buildNode();
    console.log(Object.values(node).map((f) => `built ${f}`).join('\n'));
  }
}
