// The one base class for expected failures (docs/ARCHITECTURE.md §Errors): a refusal or a problem
// the clerk should read, carrying its message key, parameters and both renderings. Each boundary
// (IPC/HTTP dispatch, CLI, desktop dialogs) shows `appMessage` in the clerk's language and logs
// anything that is NOT a DeskError as an internal error — never a stack trace to the user.
import type { ApiErrorCode } from './api/result';
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

/**
 * Thrown inside services for an expected refusal; turned into {ok:false} with its code at the API
 * boundary (shared/api/dispatch.ts). Here rather than beside the Result schemas so that code on
 * the command line's quick start can throw one without loading zod.
 */
export class ApiFailure extends DeskError {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, appMessage: AppMessage, options?: { cause?: unknown }) {
    super(appMessage, options);
    this.code = code;
  }
}
