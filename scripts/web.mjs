// `npm run web -- [--db PATH] [--port N]`: browser mode. Builds the renderer only when dist/renderer
// is missing or older than its sources, the server bundle (dist/node/web.cjs) likewise, then runs it.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNodeBundle, startWhereTyped } from './node-bundle.cjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Newest modification time (ms) of the files under `dirs` and of `files`; missing ones are skipped. */
function newestMtime(dirs, files) {
  let newest = 0;
  const see = (path) => {
    try {
      newest = Math.max(newest, statSync(path).mtimeMs);
    } catch {
      // absent: nothing to compare
    }
  };
  for (const dir of dirs) {
    for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) see(join(entry.parentPath, entry.name));
    }
  }
  for (const file of files) see(join(root, file));
  return newest;
}

/** True when dist/renderer/index.html is missing or older than anything the renderer is built from. */
export function rendererStale() {
  let built;
  try {
    built = statSync(join(root, 'dist', 'renderer', 'index.html')).mtimeMs;
  } catch {
    return true;
  }
  return newestMtime(['renderer', 'shared'], ['package-lock.json']) > built;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (rendererStale()) {
    const { build } = await import('vite');
    await build({ configFile: join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
  }
  // After the renderer's build, which runs from the package's folder as npm left it.
  startWhereTyped('web');
  await runNodeBundle('web');
}
