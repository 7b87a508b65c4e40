// The one base class for expected failures (docs/ARCHITECTURE.md §Errors): a refusal or a problem
// the clerk should read, carrying its message key, parameters and both renderings. Each boundary
// (IPC/HTTP dispatch, CLI, desktop dialogs) shows `appMessage` in the clerk's language and logs
// anything that is NOT a DeskError as an internal error — never a stack trace to the user.
import type { AppMessage } from './i18n/engine';

export class DeskError extends Error {
  /** What to show: key, params, zh and en. `message` (for logs) is the English text. */
  readonly appMessage: AppMessage;
  constructor(appMessage: AppMessage, options?: { cause?: unknown }) {
    super(appMessage.en, options);
    this.name = new.target.name;
    this.appMessage = appMessage;
  }
}
