// Builds the renderer into dist/renderer. base './' keeps asset URLs relative so the same build
// loads from file:// inside Electron and from the loopback server in browser mode.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // AG Grid alone is ~1 MB minified; the app is loaded from disk, so one chunk is fine.
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
});
