// Freshness of the plain-Node bundles (dist/node, built by build-electron.mjs's buildNode): they are
// current when every source file they were built from (dist/node/inputs.json) is older than the
// entry. Deliberately tiny — no esbuild unless a build is needed — because it runs before every
// command-line start.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/** True when dist/node/<entry>.mjs is missing or older than any of the sources it was built from. */
export function nodeBundleStale(entry, outdir = `${root}dist/node`) {
  const built = mtime(`${outdir}/${entry}.mjs`);
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

/** Builds dist/node when `entry` is stale, then loads it (it runs on import). */
export async function runNodeBundle(entry) {
  if (nodeBundleStale(entry)) {
    const { buildNode } = await import('./build-electron.mjs');
    await buildNode();
  }
  await import(pathToFileURL(`${root}dist/node/${entry}.mjs`).href);
}
