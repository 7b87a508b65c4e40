// Results and refusals without the schemas: services, the store and the command line need only
// these, and should not load zod for them (result.ts re-exports everything here with the schemas).
import type { AppMessage } from '../i18n/messages';
import { message } from '../i18n/messages';

export type ApiErrorCode = 'invalid-request' | 'refused' | 'not-found' | 'conflict' | 'unreadable-file' | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  message: AppMessage;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown inside services for an expected refusal; turned into {ok:false} at the boundary. */
export class ApiFailure extends Error {
  readonly code: ApiErrorCode;
  readonly appMessage: AppMessage;
  constructor(code: ApiErrorCode, appMessage: AppMessage) {
    super(appMessage.en);
    this.name = 'ApiFailure';
    this.code = code;
    this.appMessage = appMessage;
  }
}

export function fail(code: ApiErrorCode, key: string, params: Record<string, string | number> = {}): never {
  throw new ApiFailure(code, message(key, params));
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}
