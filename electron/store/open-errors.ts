// What went wrong with the database, in words a clerk can act on (issue 9). Only a failed integrity
// check (or SQLite's own "corrupt"/"not a database") is damage; a lock held by another program, a
// read-only place, a folder that cannot be created and a disk error are NOT damage, and the messages
// say the data is fine and what to do. Raw texts (EISDIR, EEXIST … mkdir, "disk I/O error",
// English-only "database is locked") never reach the clerk.
import { DeskError } from '../../shared/errors';
import type { AppMessage } from '../../shared/i18n/engine';
import { message } from '../../shared/i18n/messages';
import { NATIVE_PROBLEM_TEXT, nativeModuleProblemOf } from './native-module-errors';
import type { NativeModuleProblem } from './native-module-errors';

/** Why a database could not be opened (or written). Only 'corrupt' means damaged data. */
export type OpenFailureReason =
  | 'not-ours'
  | 'corrupt'
  | 'newer'
  | 'locked'
  | 'read-only'
  | 'unwritable'
  | 'unreadable'
  | 'io-error'
  | 'disk-full'
  /** The program, not the data: the native SQLite module would not load (see native-module-errors.ts). */
  | 'broken-install';

/** The database cannot be used (or written) for `reason`. Nothing was changed. */
export class DatabaseOpenError extends DeskError {
  readonly reason: OpenFailureReason;
  constructor(reason: OpenFailureReason, appMessage: AppMessage) {
    super(appMessage);
    this.reason = reason;
  }

  /** True only when the data itself is damaged: the one case where restoring a backup is the advice. */
  get damaged(): boolean {
    return this.reason === 'corrupt';
  }
}

const NODE_CODE_TEXT: Record<string, { zh: string; en: string }> = {
  EISDIR: { zh: '这是一个文件夹，不是数据库文件', en: 'it is a folder, not a database file' },
  EEXIST: { zh: '该位置已有同名文件，无法在其中建文件夹', en: 'a file of that name is in the way of the folder' },
  ENOTDIR: { zh: '路径中有一段是文件而不是文件夹', en: 'part of the path is a file, not a folder' },
  EACCES: { zh: '没有写入权限', en: 'no permission to write there' },
  EPERM: { zh: '没有写入权限', en: 'no permission to write there' },
  EROFS: { zh: '磁盘是只读的', en: 'the disk is read-only' },
  ENOSPC: { zh: '磁盘已满', en: 'the disk is full' },
};

/** A file-system error (mkdir, open…) on the database's place → 'unwritable' with a plain reason. */
export function unwritableError(path: string, error: unknown): DatabaseOpenError {
  const code = (error as { code?: string }).code ?? '';
  const text = NODE_CODE_TEXT[code] ?? { zh: '无法访问', en: 'cannot be accessed' };
  const m = message('db.unwritable', { path });
  // The two languages' details differ: fill each rendering with its own.
  return new DatabaseOpenError('unwritable', { ...m, params: { path, detail: text.en }, zh: m.zh.replace('{detail}', text.zh), en: m.en.replace('{detail}', text.en) });
}

/**
 * The native SQLite module did not load → 'broken-install', saying the installation is damaged or
 * built for another runtime, that the data is fine, and to reinstall (or rebuild from source).
 */
export function brokenInstallError(path: string, problem: NativeModuleProblem): DatabaseOpenError {
  const text = NATIVE_PROBLEM_TEXT[problem];
  const m = message('db.broken-install', { path });
  return new DatabaseOpenError('broken-install', { ...m, params: { path, detail: text.en }, zh: m.zh.replace('{detail}', text.zh), en: m.en.replace('{detail}', text.en) });
}

/** The reason SQLite's error code stands for, or null when it is not about the database's state. */
export function reasonOfSqliteError(error: unknown): OpenFailureReason | null {
  const code = String((error as { code?: unknown }).code ?? '');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked';
  if (code.startsWith('SQLITE_READONLY')) return 'read-only';
  if (code.startsWith('SQLITE_IOERR')) return 'io-error';
  if (code === 'SQLITE_FULL') return 'disk-full';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'corrupt';
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM') return 'unreadable';
  return null;
}

const REASON_KEYS = {
  locked: 'db.locked',
  'read-only': 'db.read-only',
  unreadable: 'db.unreadable',
  'io-error': 'db.io-error',
  'disk-full': 'db.disk-full',
} as const;

/** The bilingual message for a reason (other than not-ours/newer, which carry their own parameters). */
export function openFailure(reason: OpenFailureReason, path: string): DatabaseOpenError {
  switch (reason) {
    case 'corrupt':
      return new DatabaseOpenError('corrupt', message('error.corrupt-database', { path }));
    case 'unwritable':
      return unwritableError(path, {});
    case 'not-ours':
      return new DatabaseOpenError('not-ours', message('error.not-our-database', { path }));
    case 'newer':
      return new DatabaseOpenError('newer', message('error.newer-database', { version: '?' }));
    case 'broken-install':
      return brokenInstallError(path, 'load-failed');
    default:
      return new DatabaseOpenError(reason, message(REASON_KEYS[reason], { path }));
  }
}

/**
 * An error met while opening → its DatabaseOpenError ('corrupt' only for real damage). A native
 * module that would not load is 'broken-install'; an unrecognised error is 'io-error'.
 */
export function classifyOpenError(error: unknown, path: string): DatabaseOpenError {
  if (error instanceof DatabaseOpenError) return error;
  const problem = nativeModuleProblemOf(error);
  if (problem) return brokenInstallError(path, problem);
  return openFailure(reasonOfSqliteError(error) ?? 'io-error', path);
}
