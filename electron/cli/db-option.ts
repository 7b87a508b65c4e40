// The CLI's database rule (README "Command line"): without --db the default database (or
// INDICATOR_DESK_DB) is created on first use, as the app does. An explicit --db that does not exist
// is created only by commands that write (import), which say so on stderr; every other command
// refuses it, so a mistyped path never yields an empty database and an empty, "successful" export.
// A --db whose folder does not exist, or that names a folder, is an error; `--db ""` is an error.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { resolveDbPath } from '../services/paths';
import type { OptionValues } from './args';
import { UsageError, stringOption } from './args';

/** A refusal with a bilingual message (exit code 2, nothing done). */
export class CliError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'CliError';
  }
}

/**
 * The database path a command may open. `writes`: the command writes (so it may create an
 * explicit --db that does not exist yet; `say` is told on stderr). Throws UsageError/CliError.
 */
export function cliDatabasePath(values: OptionValues, writes: boolean, say: (line: string) => void): string {
  const given = stringOption(values, 'db');
  if (given === null) return resolveDbPath(null);
  if (given.trim() === '') throw new UsageError('--db 不能为空 / --db must not be empty');
  const path = resolve(given);
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new CliError(`--db 所在的文件夹不存在：${folder}`, `--db: the folder does not exist: ${folder}`);
  }
  if (existsSync(path)) {
    if (!statSync(path).isFile()) throw new CliError(`--db 指向的是文件夹而不是数据库文件：${path}`, `--db names a folder, not a database file: ${path}`);
    return path;
  }
  if (!writes && values['dry-run'] === true) {
    // A preview of a writing command: it would create the file without --dry-run, so say that, not "only import creates".
    throw new CliError(
      `数据库文件不存在：${path}。--dry-run 只预览，不会新建数据库：请检查 --db 路径，或去掉 --dry-run 直接导入（导入时会新建该数据库）`,
      `no such database: ${path}. --dry-run only previews and never creates a database: check the --db path, or drop --dry-run to import (which creates it)`,
    );
  }
  if (!writes) {
    throw new CliError(
      `数据库文件不存在：${path}（请检查 --db 路径；新数据库只由 import 创建）`,
      `no such database: ${path} (check the --db path; only import creates a new database)`,
    );
  }
  say(`新建数据库 / creating a new database: ${path}`);
  return path;
}
