// The renderer's boundary for hook tests: an IndicatorDeskApi served by the real services on a real
// SQLite file in a temporary folder, through the same dispatch() as IPC and HTTP. `offline` makes
// every call answer as the browser-mode client does when the local service is gone. Needs a DOM
// environment (sessionStorage).
import { join } from 'node:path';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import type { ApiMethod, ApiRequest, ApiResponse, IndicatorDeskApi } from '../../shared/api/contract';
import { API_METHODS } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import type { Result } from '../../shared/api/result';
import { message } from '../../shared/i18n/messages';
import { createServices } from '../../electron/services/create-services';
import type { Services } from '../../electron/services/create-services';
import { makeTempDir } from '../helpers/tmp';

export const PLAN_ID = 'dongtou-zyyj-2023-2027';
/** Fixed clock: 2025 is the last year that has ended. */
export const NOW = new Date(2026, 2, 15, 9, 0, 0);

export interface RealApi {
  api: IndicatorDeskApi;
  services: Services;
  /** While true every call fails like an unreachable service (nothing reaches the database). */
  offline: boolean;
  /** Methods called, in order (offline calls included). */
  calls: ApiMethod[];
  close(): void;
}

/**
 * One RealApi object for a test file: before each test it serves a fresh database (offline off, no
 * calls recorded, sessionStorage empty); after each test the rendered hooks are unmounted, then
 * the database is closed and its folder removed.
 */
export function realApiPerTest(): RealApi {
  let tmp: ReturnType<typeof makeTempDir> | null = null;
  const real: RealApi = {
    api: {} as IndicatorDeskApi,
    services: undefined as unknown as Services,
    offline: false,
    calls: [],
    close: () => {
      real.services.close();
      tmp?.cleanup();
      tmp = null;
    },
  };
  const call = async <M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<Result<ApiResponse<M>>> => {
    real.calls.push(method);
    if (real.offline) return { ok: false, error: { code: 'internal', message: message('error.network', { detail: 'Failed to fetch' }) } };
    // A JSON round trip, as over IPC or HTTP: the hook gets copies, never the services' objects.
    const result = await dispatch(real.services.handlers, method, JSON.parse(JSON.stringify(request)));
    return JSON.parse(JSON.stringify(result)) as Result<ApiResponse<M>>;
  };
  real.api = Object.fromEntries(API_METHODS.map((m) => [m, (req: ApiRequest<typeof m>) => call(m, req)])) as unknown as IndicatorDeskApi;

  beforeEach(() => {
    tmp = makeTempDir('indicator-desk-hooks-');
    real.services = createServices({ dbPath: join(tmp.dir, 'db.sqlite'), mode: 'browser', now: () => NOW });
    real.offline = false;
    real.calls.length = 0;
    sessionStorage.clear();
  });
  afterEach(() => {
    cleanup();
    real.close();
  });
  return real;
}
