// The source files that define message catalogues (defineCatalogue), found by searching the
// sources, so a test over every catalogue covers a new one without listing it. Loading them
// registers their catalogues with the engine (registeredCatalogues()).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Absolute paths of every shared/electron/renderer source that calls defineCatalogue( (the engine itself excluded). */
export function catalogueFiles(): string[] {
  return ['shared', 'electron', 'renderer/src']
    .flatMap((d) => sourceFiles(join(ROOT, d)))
    .filter((f) => !f.endsWith(join('i18n', 'engine.ts')) && /\bdefineCatalogue\(/.test(readFileSync(f, 'utf8')));
}

/** Imports every catalogue file, so all catalogues are registered. */
export async function loadAllCatalogues(): Promise<void> {
  for (const file of catalogueFiles()) await import(pathToFileURL(file).href);
}
