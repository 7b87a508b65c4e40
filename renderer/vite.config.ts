// Builds the renderer into dist/renderer. base './' keeps asset URLs relative so the same build
// loads from file:// inside Electron and from the loopback server in browser mode.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import type { sourceTimes as SourceTimes } from '../scripts/node-bundle.cjs';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('..', import.meta.url));
/** What the build read and when (scripts/node-bundle.cjs sourceTimes): `npm run web` rebuilds only when one of them changed. */
export const RENDERER_SOURCES = fileURLToPath(new URL('../dist/renderer-sources.json', import.meta.url));

// Loaded by Node itself, not bundled into this config: it finds the repository from its own place.
const { sourceTimes } = createRequire(import.meta.url)('../scripts/node-bundle.cjs') as { sourceTimes: typeof SourceTimes };

/** Records the files this build read, with their times, beside (not inside: it would be served) the build. */
function recordSources(): Plugin {
  let startedAt = 0;
  return {
    name: 'record-sources',
    apply: 'build',
    buildStart() {
      startedAt = Date.now();
    },
    generateBundle() {
      const files = [...this.getModuleIds()]
        .filter((id) => id.startsWith(repo) && !id.includes('node_modules') && !id.includes('\0'))
        .map((id) => relative(repo, id.split('?')[0] as string));
      files.push('package-lock.json', 'renderer/vite.config.ts');
      writeFileSync(RENDERER_SOURCES, `${JSON.stringify({ sources: sourceTimes([...new Set(files)], startedAt, Date.now()) }, null, 1)}\n`);
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
