// A second launch (double-clicking a workbook while the app is open, or 打开方式 › 指标填报台) hands
// its workbook paths to the first instance, which imports them. Pure, so it is tested without Electron.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, resolve } from 'node:path';
import type { DroppedFile, MenuAction } from '../../shared/api/shell';

export const WORKBOOK_EXTENSIONS = ['.xlsx', '.xls'];
/** Same ceiling as the contract's previewImport upload. */
export const MAX_WORKBOOK_BYTES = 50 * 1024 * 1024;

/**
 * Workbook paths among a launch's arguments. Flags (--x), the executable and the app path are
 * skipped; relative paths are resolved against the second instance's working directory.
 */
export function workbookPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  const paths: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    if (!WORKBOOK_EXTENSIONS.includes(extname(arg).toLowerCase())) continue;
    const full = isAbsolute(arg) ? arg : resolve(cwd, arg);
    if (!paths.includes(full)) paths.push(full);
  }
  return paths;
}

/** Read the workbooks into an 'import-files' action; unreadable or oversized files are reported. */
export function importActionForPaths(paths: readonly string[]): { action: MenuAction | null; skipped: string[] } {
  const files: DroppedFile[] = [];
  const skipped: string[] = [];
  for (const path of paths) {
    try {
      if (!existsSync(path) || !statSync(path).isFile() || statSync(path).size > MAX_WORKBOOK_BYTES) {
        skipped.push(path);
        continue;
      }
      files.push({ name: basename(path), base64: readFileSync(path).toString('base64') });
    } catch {
      skipped.push(path);
    }
  }
  return { action: files.length > 0 ? { type: 'import-files', files } : null, skipped };
}

/** The whole hand-off: argv and cwd of the second instance → the action for the first one. */
export function handOffSecondInstance(argv: readonly string[], cwd: string): { action: MenuAction | null; skipped: string[] } {
  return importActionForPaths(workbookPathsFromArgv(argv, cwd));
}
