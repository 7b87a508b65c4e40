// Builds the renderer into dist/renderer. base './' keeps asset URLs relative so the same build
// loads from file:// inside Electron and from the loopback server in browser mode.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import type { sourceTimes as SourceTimes } from '../scripts/node-bundle.cjs';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('..', import.meta.url));

// Loaded by Node itself, not bundled into this config: it finds the repository from its own place.
const { sourceTimes } = createRequire(import.meta.url)('../scripts/node-bundle.cjs') as { sourceTimes: typeof SourceTimes };

/**
 * Records the files this build read, with their times (scripts/node-bundle.cjs sourceTimes), as
 * `<output folder>-sources.json` beside the output folder — not inside it, where it would be
 * served: for the usual dist/renderer that is dist/renderer-sources.json, which `npm run web` compares
 * (scripts/web.mjs rendererStale) to rebuild only when one of them changed.
 */
function recordSources(): Plugin {
  let startedAt = 0;
  let record = '';
  return {
    name: 'record-sources',
    apply: 'build',
    configResolved(config) {
      // Named after the output folder: a build into dist/preview must not overwrite the record of dist/renderer.
      const outDir = resolve(config.root, config.build.outDir);
      record = join(dirname(outDir), `${basename(outDir)}-sources.json`);
    },
    buildStart() {
      startedAt = Date.now();
    },
    generateBundle() {
      const files = [...this.getModuleIds()]
        .filter((id) => id.startsWith(repo) && !id.includes('node_modules') && !id.includes('\0'))
        .map((id) => relative(repo, id.split('?')[0] as string));
      files.push('package-lock.json', 'renderer/vite.config.ts');
      try {
        mkdirSync(dirname(record), { recursive: true });
        writeFileSync(record, `${JSON.stringify({ sources: sourceTimes([...new Set(files)], startedAt, Date.now()) }, null, 1)}\n`);
      } catch (err) {
        // The build itself is what was asked for; without a record `npm run web` just builds again.
        this.warn(`no record of sources written (${err instanceof Error ? err.message : String(err)}): npm run web will rebuild the renderer`);
      }
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), recordSources()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // AG Grid alone is ~1 MB minified; the app is loaded from disk, so one chunk is fine.
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
});
