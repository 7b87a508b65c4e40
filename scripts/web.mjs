// `npm run web -- [--db PATH] [--port N]`: browser mode. Builds the renderer only when dist/renderer
// is missing or its sources changed, the server bundle (dist/node/web.cjs) likewise, then runs it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNodeBundle, sayBuilding, sourcesChanged, startWhereTyped } from './node-bundle.cjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * True when dist/renderer/index.html is missing or anything its build read has changed since
 * (dist/renderer-sources.json, recorded by renderer/vite.config.ts; times compared as
 * scripts/node-bundle.cjs sourcesChanged does, so a source dated in the future rebuilds once, not
 * at every start).
 */
export function rendererStale() {
  return !existsSync(join(root, 'dist', 'renderer', 'index.html')) || sourcesChanged(join(root, 'dist', 'renderer-sources.json'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (rendererStale()) {
    sayBuilding();
    const { build } = await import('vite');
    await build({ configFile: join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
  }
  // After the renderer's build, which runs from the package's folder as npm left it.
  startWhereTyped('web');
  await runNodeBundle('web');
}
