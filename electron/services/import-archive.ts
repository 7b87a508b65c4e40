// The data folder's imports/: every applied file is kept there once, named by its sha256, so a past
// import can be opened again and re-inspected (docs/ARCHITECTURE.md §Consolidation, "Import history").
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportedFile } from '../../shared/api/contract';

export const IMPORTS_FOLDER = 'imports';

/** The kept copy's path: imports/<sha256>.<xlsx|xls>. */
export function keptFilePath(dataFolder: string, sha256: string, format: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256) || !/^(xlsx|xls)$/.test(format)) throw new Error(`not a kept-file name: ${sha256}.${format}`);
  return join(dataFolder, IMPORTS_FOLDER, `${sha256}.${format}`);
}

/** Keep a file's bytes (written once: the same sha256 is the same content). Atomic rename. */
export function keepImportFile(dataFolder: string, sha256: string, format: string, bytes: Uint8Array): string {
  const path = keptFilePath(dataFolder, sha256, format);
  if (existsSync(path)) return path;
  mkdirSync(join(dataFolder, IMPORTS_FOLDER), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
  return path;
}

/** The kept bytes of an imported file, or null when the copy is gone. */
export function readKeptFile(dataFolder: string, file: Pick<ImportedFile, 'name' | 'sha256'>): Uint8Array | null {
  for (const format of ['xlsx', 'xls']) {
    const path = keptFilePath(dataFolder, file.sha256, format);
    if (existsSync(path)) return new Uint8Array(readFileSync(path));
  }
  return null;
}
