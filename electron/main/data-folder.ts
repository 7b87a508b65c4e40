// Where the database lives in the desktop app: Electron's userData folder, unless the clerk moved
// it (文件 › 移动数据文件夹), in which case a small JSON file in userData records the new folder.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { DB_FILE_NAME } from '../services/paths';

export const SHELL_SETTINGS_FILE = 'shell-settings.json';

export interface ShellSettings {
  /** Absolute folder holding the database, when moved away from userData. */
  dataFolder?: string;
  /** Daily backups to keep. */
  keepBackups?: number;
}

export function readShellSettings(userData: string): ShellSettings {
  const file = join(userData, SHELL_SETTINGS_FILE);
  if (!existsSync(file)) return {};
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (typeof raw !== 'object' || raw === null) return {};
    const r = raw as Record<string, unknown>;
    const settings: ShellSettings = {};
    if (typeof r.dataFolder === 'string' && isAbsolute(r.dataFolder)) settings.dataFolder = r.dataFolder;
    if (typeof r.keepBackups === 'number' && Number.isInteger(r.keepBackups) && r.keepBackups >= 1 && r.keepBackups <= 365) settings.keepBackups = r.keepBackups;
    return settings;
  } catch {
    // A damaged settings file must not stop the app: fall back to the default folder.
    return {};
  }
}

/** Written to a temporary name and renamed, so a crash never leaves half a file. */
export function writeShellSettings(userData: string, settings: ShellSettings): void {
  mkdirSync(userData, { recursive: true });
  const file = join(userData, SHELL_SETTINGS_FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify(settings, null, 2) + '\n', 'utf8');
  renameSync(`${file}.tmp`, file);
}

export function resolveDataFolder(userData: string): string {
  return readShellSettings(userData).dataFolder ?? userData;
}

export function databasePathIn(folder: string): string {
  return join(folder, DB_FILE_NAME);
}
