// Where the CLI and browser mode find the built renderer (electron/services/paths.ts): a checkout's
// source folder renderer/ has an index.html too (Vite's entry), which must never be taken for a
// build — a fresh clone's `report --out x.pdf` then waited a minute for a page that cannot draw.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtRendererDir, isBuiltRenderer } from '../../../electron/services/paths';
import { makeTempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir('renderer-dir-');
});
afterEach(() => tmp.cleanup());

/** A checkout: sources in renderer/ (index.html, no assets), a module in electron/cli/. */
function checkout(): { root: string; moduleUrl: URL } {
  const root = tmp.dir;
  mkdirSync(join(root, 'renderer', 'src'), { recursive: true });
  writeFileSync(join(root, 'renderer', 'index.html'), '<script type="module" src="/src/main.tsx"></script>');
  mkdirSync(join(root, 'electron', 'cli'), { recursive: true });
  return { root, moduleUrl: pathToFileURL(join(root, 'electron', 'cli', 'main.ts')) };
}

describe('builtRendererDir', () => {
  it('does not take the source renderer/ folder for a build (the caller then says it is not built)', () => {
    const { root, moduleUrl } = checkout();
    expect(isBuiltRenderer(join(root, 'renderer'))).toBe(false);
    const found = builtRendererDir(moduleUrl);
    expect(found).not.toBe(join(root, 'renderer'));
    expect(isBuiltRenderer(found)).toBe(false);
  });

  it('finds dist/renderer once it is built (index.html and assets/)', () => {
    const { root, moduleUrl } = checkout();
    mkdirSync(join(root, 'dist', 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(root, 'dist', 'renderer', 'index.html'), '<script type="module" src="./assets/index.js"></script>');
    expect(isBuiltRenderer(join(root, 'dist', 'renderer'))).toBe(true);
    expect(builtRendererDir(moduleUrl)).toBe(join(root, 'dist', 'renderer'));
  });
});
