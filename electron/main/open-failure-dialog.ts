// The question asked when the database cannot be opened at start. Only real damage (integrity
// check failed) makes 从备份恢复 the default: a lock held by another program, a read-only or
// unwritable place, or a disk error leave the data fine, so the default there is 重试 and restoring
// (which would roll good data back) is offered last, never first.
import { DatabaseOpenError } from '../store/database';
import type { Lang } from '../../shared/i18n/lang';
import { text } from './texts';

export type OpenFailureAction = 'quit' | 'retry' | 'restore';

export interface OpenFailureQuestion {
  message: string;
  buttons: string[];
  /** What each button does, by index. */
  actions: OpenFailureAction[];
  defaultId: number;
  cancelId: number;
}

/** The message box for an open failure (`error` as thrown by openDatabase or anything else). */
export function openFailureQuestion(error: unknown, lang: Lang): OpenFailureQuestion {
  const detail = error instanceof DatabaseOpenError ? error.appMessage[lang] : text(lang, 'openFailedUnknown');
  const damaged = error instanceof DatabaseOpenError ? error.damaged : false;
  // A broken installation (the native SQLite module would not load) is fixed by reinstalling:
  // retrying cannot help and restoring would roll good data back, so quitting is the only button.
  const brokenInstall = error instanceof DatabaseOpenError && error.reason === 'broken-install';
  const actions: OpenFailureAction[] = brokenInstall ? ['quit'] : damaged ? ['quit', 'restore'] : ['quit', 'retry', 'restore'];
  const label: Record<OpenFailureAction, string> = { quit: text(lang, 'quit'), retry: text(lang, 'openRetry'), restore: text(lang, 'openFailedRestore') };
  return { message: text(lang, 'openFailed', { detail }), buttons: actions.map((a) => label[a]), actions, defaultId: Math.min(1, actions.length - 1), cancelId: 0 };
}
