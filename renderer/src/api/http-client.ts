// Browser mode: the contract over HTTP to the loopback server (electron/web/server.ts). Each call is
// POST /api/<method> with the run's access token; every outcome, even a dead server, is a Result.
import type { ApiMethod, ApiRequest, ApiResponse, IndicatorDeskApi } from '../../../shared/api/contract';
import { API_METHODS } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { TOKEN_HEADER } from '../../../shared/api/channels';
import { message } from '../../../shared/i18n/messages';

const TOKEN_KEY = 'indicator-desk-token';

/**
 * Takes ?token=… from the address on first load, keeps it for this tab in sessionStorage (so a
 * reload still works) and removes it from the address bar and history.
 */
export function takeAccessToken(loc: Location = window.location, storage: Storage = window.sessionStorage): string | null {
  const url = new URL(loc.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY);
}

function networkFailure(detail: string): Result<never> {
  return { ok: false, error: { code: 'internal', message: message('error.network', { detail }) } };
}

function tokenRefused(): Result<never> {
  return { ok: false, error: { code: 'refused', message: message('error.token') } };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; value?: unknown; error?: unknown };
  return v.ok === true || (v.ok === false && typeof v.error === 'object' && v.error !== null);
}

export function createHttpApi(token: string | null, base = ''): IndicatorDeskApi {
  async function call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<Result<ApiResponse<M>>> {
    let response: Response;
    try {
      response = await fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token ?? '' },
        body: JSON.stringify(request),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (error) {
      return networkFailure(error instanceof Error ? error.message : String(error));
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return networkFailure(`HTTP ${response.status}`);
    }
    if (response.status === 401) return tokenRefused();
    if (isResult(body)) return body as Result<ApiResponse<M>>;
    return networkFailure(`HTTP ${response.status}`);
  }
  const entries = API_METHODS.map((m) => [m, (req: ApiRequest<typeof m>) => call(m, req)] as const);
  return Object.fromEntries(entries) as unknown as IndicatorDeskApi;
}
