// Loading what the window needs before anything else (plans, departments, saved settings, mode,
// today): once per API object; a failure is kept as the API's error for the "cannot load" screen.
import { useEffect, useState } from 'react';
import type { Bootstrap, IndicatorDeskApi } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/result';

export interface BootstrapState {
  /** Null until loaded (and when loading failed). */
  boot: Bootstrap | null;
  /** Why loading failed, or null. */
  error: ApiError | null;
}

export function useBootstrap(api: IndicatorDeskApi): BootstrapState {
  const [state, setState] = useState<BootstrapState>({ boot: null, error: null });
  useEffect(() => {
    void api.getBootstrap({}).then((r) => {
      setState(r.ok ? { boot: r.value, error: null } : { boot: null, error: r.error });
    });
  }, [api]);
  return state;
}
