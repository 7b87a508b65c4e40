// Bundles the Electron shell with esbuild:
//   electron/main/main.ts       → dist/electron/main.cjs     (Node, CommonJS; electron and the native
//                                                              better-sqlite3 stay external)
//   electron/preload/preload.ts → dist/electron/preload.cjs  (CommonJS: a sandboxed preload cannot load
//                                                              ES modules, and may require only 'electron')
//   electron/workbook/jobs/worker.ts → dist/electron/workbook-worker.cjs (the main process's export /
//                                                              import worker thread)
// and, for plain Node (buildNode): the command line and browser mode as ES modules with code
// splitting, so ExcelJS, SheetJS and the exporter sit in chunks loaded only by what needs them:
//   electron/cli/bin.ts → dist/node/cli.mjs, electron/web/main.ts → dist/node/web.mjs,
//   electron/workbook/jobs/worker.ts → dist/node/workbook-worker.mjs, plus dist/node/chunks/*
//   and dist/node/inputs.json (the source files read, for scripts/node-bundle.mjs's freshness check).
// Nothing here rebuilds native modules: better-sqlite3 for Electron's ABI is built by electron-builder
// when packaging (npmRebuild), so `npm test` keeps using the Node build in node_modules.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Build both bundles; returns their paths. `outdir` lets tests build into a temporary folder. */
export async function buildElectron({ minify = false, outdir = `${root}dist/electron` } = {}) {
  const common = { bundle: true, format: 'cjs', sourcemap: 'linked', minify, logLevel: 'warning', absWorkingDir: root, legalComments: 'none' };
  await build({
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: `${outdir}/main.cjs`,
    platform: 'node',
    target: 'node22',
    external: ['electron', 'better-sqlite3'],
    // ES-module code may use import.meta.url; in the CommonJS bundle it comes from __filename.
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  await build({
    ...common,
    entryPoints: ['electron/workbook/jobs/worker.ts'],
    outfile: `${outdir}/workbook-worker.cjs`,
    platform: 'node',
    target: 'node22',
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  await build({
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: `${outdir}/preload.cjs`,
    platform: 'browser',
    target: 'chrome130',
    external: ['electron'],
  });
  const preload = readFileSync(`${outdir}/preload.cjs`, 'utf8');
  const required = [...preload.matchAll(/\brequire\((["'`])([^"'`]+)\1\)/g)].map((m) => m[2]);
  const foreign = required.filter((name) => name !== 'electron');
  if (foreign.length > 0) {
    throw new Error(`preload.cjs requires ${foreign.join(', ')}; a sandboxed preload may only require 'electron'`);
  }
  return { main: `${outdir}/main.cjs`, preload: `${outdir}/preload.cjs` };
}

/** Entries of the plain-Node bundles: output name → source. Add a command-line tool here. */
export const NODE_ENTRIES = {
  cli: 'electron/cli/bin.ts',
  web: 'electron/web/main.ts',
  'workbook-worker': 'electron/workbook/jobs/worker.ts',
};

/**
 * Builds the plain-Node bundles into `outdir` (default dist/node). Built in a scratch folder first,
 * then moved in file by file, chunks before entries, so a command started meanwhile (tests run in
 * parallel) never sees an entry whose chunks are missing. Returns the entry paths.
 */
export async function buildNode({ minify = false, outdir = `${root}dist/node` } = {}) {
  mkdirSync(outdir, { recursive: true });
  const scratch = mkdtempSync(join(outdir, '.build-'));
  try {
    const result = await build({
      entryPoints: NODE_ENTRIES,
      outdir: scratch,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outExtension: { '.js': '.mjs' },
      entryNames: '[name]',
      chunkNames: 'chunks/[name]-[hash]',
      sourcemap: 'linked',
      minify,
      metafile: true,
      logLevel: 'warning',
      absWorkingDir: root,
      legalComments: 'none',
      // Loaded from node_modules at run time: the native module, and ExcelJS, whose dependencies
      // call the deprecated Buffer() (Node prints DEP0005 for such calls outside node_modules).
      external: ['better-sqlite3', 'exceljs'],
      // CommonJS packages (ExcelJS, SheetJS) call require() for Node's built-ins; ES modules have none.
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    });
    const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/'));
    inputs.push('scripts/build-electron.mjs', 'package-lock.json');
    writeFileSync(join(scratch, 'inputs.json'), `${JSON.stringify(inputs, null, 1)}\n`);
    const files = readdirSync(scratch, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => relative(scratch, join(d.parentPath, d.name)));
    const entryFirst = (f) => (f.startsWith('chunks') ? 0 : f === 'inputs.json' ? 2 : 1);
    for (const f of files.sort((a, b) => entryFirst(a) - entryFirst(b))) {
      mkdirSync(dirname(join(outdir, f)), { recursive: true });
      renameSync(join(scratch, f), join(outdir, f));
    }
    // Chunks of earlier builds: removed once surely unused (a process started before this build
    // may still be loading them for a moment).
    const fresh = new Set(files);
    const chunkDir = join(outdir, 'chunks');
    for (const f of readdirSync(chunkDir)) {
      const path = join(chunkDir, f);
      if (!fresh.has(`chunks/${f}`) && Date.now() - statSync(path).mtimeMs > 10 * 60_000) rmSync(path, { force: true });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return Object.fromEntries(Object.keys(NODE_ENTRIES).map((name) => [name, `${outdir}/${name}.mjs`]));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--outdir');
  const outdir = at > 0 ? process.argv[at + 1] : undefined;
  const out = await buildElectron({ minify: process.argv.includes('--minify'), ...(outdir ? { outdir } : {}) });
  console.log(`built ${out.main}\nbuilt ${out.preload}`);
  if (!outdir) {
    const node = await buildNode({ minify: process.argv.includes('--minify') });
    console.log(Object.values(node).map((f) => `built ${f}`).join('\n'));
  }
}
