// The one place a request crosses into main: check the method name, validate the payload with the
// contract's schema, run the handler, and turn every outcome into a Result (never a stack trace).
import type { ApiHandlers, ApiMethod, ApiResponse } from './contract';
import { api } from './contract';
import type { Result } from './result';
import { ApiFailure } from './result';
import { message } from '../i18n/messages';

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

export async function dispatch(
  handlers: ApiHandlers,
  method: unknown,
  payload: unknown,
  onInternalError: (error: unknown) => void = () => {},
): Promise<Result<ApiResponse<ApiMethod>>> {
  if (!isApiMethod(method)) {
    return { ok: false, error: { code: 'invalid-request', message: message('error.invalid-request', { detail: `unknown method ${String(method).slice(0, 60)}` }) } };
  }
  const parsed = api[method].request.safeParse(payload ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ').slice(0, 500);
    return { ok: false, error: { code: 'invalid-request', message: message('error.invalid-request', { detail }) } };
  }
  try {
    const handler = handlers[method] as (req: unknown) => unknown;
    const value = (await handler(parsed.data)) as ApiResponse<ApiMethod>;
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ApiFailure) return { ok: false, error: { code: error.code, message: error.appMessage } };
    onInternalError(error);
    const detail = error instanceof Error ? error.message.split('\n')[0]?.slice(0, 300) ?? '' : String(error).slice(0, 300);
    return { ok: false, error: { code: 'internal', message: message('error.internal', { detail }) } };
  }
}
