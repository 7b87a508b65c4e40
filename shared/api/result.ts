// Results, not exceptions, across the process boundary: the renderer shows a message, never a stack.
import { z } from 'zod';
import { DeskError } from '../errors';
import type { AppMessage, Params } from '../i18n/engine';
import { AppMessageSchema } from '../i18n/app-message-schema';
import type { SharedMessageKey } from '../i18n/messages';
import { message } from '../i18n/messages';

/** What kind of failure a call met; the message says it in words. */
export const ApiErrorCodeSchema = z.enum(['invalid-request', 'refused', 'not-found', 'conflict', 'unreadable-file', 'internal']);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

/** The error half of every Result (checked by tests/electron/services/contract-responses.test.ts). */
export const ApiErrorSchema = z.object({ code: ApiErrorCodeSchema, message: AppMessageSchema });
export type ApiError = z.infer<typeof ApiErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown inside services for an expected refusal; turned into {ok:false} at the boundary. */
export class ApiFailure extends DeskError {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, appMessage: AppMessage, options?: { cause?: unknown }) {
    super(appMessage, options);
    this.code = code;
  }
}

/** Throw an ApiFailure with a shared message. */
export function fail(code: ApiErrorCode, key: SharedMessageKey, params: Params = {}): never {
  throw new ApiFailure(code, message(key, params));
}
