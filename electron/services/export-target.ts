// Where an exported workbook may be written: never over the open database (or its -wal/-shm), never
// over any SQLite file, and over another existing file only when the clerk agreed (CLI --force, the
// desktop save dialog's overwrite question). Used by the CLI and the desktop shell.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { DeskError } from '../../shared/errors';
import type { AppMessage } from '../../shared/i18n/engine';
import { message } from '../../shared/i18n/messages';
import { hasSqliteHeader } from '../store/database';

/** Why an export target was refused; nothing was written when this is thrown. */
export class ExportTargetError extends DeskError {
  constructor(
    readonly reason: 'database' | 'sqlite' | 'exists' | 'no-folder' | 'not-a-file',
    appMessage: AppMessage,
  ) {
    super(appMessage);
  }
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Check `target` before writing an export there. `dbPath`: the open database; `overwrite`: the
 * clerk agreed to replace an existing (non-SQLite) file. Throws ExportTargetError.
 */
export function checkExportTarget(target: string, options: { dbPath: string; overwrite: boolean }): void {
  const path = resolve(target);
  const name = basename(path);
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new ExportTargetError('no-folder', message('export.no-folder', { folder }));
  const db = real(options.dbPath);
  const protectedPaths = [db, `${db}-wal`, `${db}-shm`, `${db}-journal`];
  if (protectedPaths.includes(real(path))) throw new ExportTargetError('database', message('export.is-database', { name }));
  if (!existsSync(path)) return;
  if (!statSync(path).isFile()) throw new ExportTargetError('not-a-file', message('export.not-a-file', { name }));
  if (statSync(path).size > 0 && hasSqliteHeader(path)) throw new ExportTargetError('sqlite', message('export.is-sqlite', { name }));
  if (!options.overwrite) throw new ExportTargetError('exists', message('export.exists', { name }));
}
