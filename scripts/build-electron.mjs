// Bundles the Electron shell with esbuild:
//   electron/main/main.ts       → dist/electron/main.cjs     (Node, CommonJS; electron and the native
//                                                              better-sqlite3 stay external)
//   electron/preload/preload.ts → dist/electron/preload.cjs  (CommonJS: a sandboxed preload cannot load
//                                                              ES modules, and may require only 'electron')
// Nothing here rebuilds native modules: better-sqlite3 for Electron's ABI is built by electron-builder
// when packaging (npmRebuild), so `npm test` keeps using the Node build in node_modules.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
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
    // playwright-core: only the plain-Node PDF path (electron/report/chromium-pdf.ts) loads it.
    external: ['electron', 'better-sqlite3', 'playwright-core'],
    // ES-module code may use import.meta.url; in the CommonJS bundle it comes from __filename.
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

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--outdir');
  const outdir = at > 0 ? process.argv[at + 1] : undefined;
  const out = await buildElectron({ minify: process.argv.includes('--minify'), ...(outdir ? { outdir } : {}) });
  console.log(`built ${out.main}\nbuilt ${out.preload}`);
}
