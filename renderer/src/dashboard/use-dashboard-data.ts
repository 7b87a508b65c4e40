// Loads the dashboard's figures for a plan and reporting year (getDashboard), once per opening and
// again when the year or the language changes.
import { useEffect, useState } from 'react';
import type { Dashboard, IndicatorDeskApi } from '../../../shared/api/contract';
import { useLang } from '../i18n/context';

export type DashboardState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: Dashboard };

export function useDashboardData(api: IndicatorDeskApi, planId: string, year: number): DashboardState {
  const lang = useLang();
  const [state, setState] = useState<DashboardState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    void api.getDashboard({ planId, year }).then((r) => {
      if (!live) return;
      setState(r.ok ? { status: 'ready', data: r.value } : { status: 'error', message: r.error.message[lang] });
    });
    return () => {
      live = false;
    };
    // Refetched on a language switch too, so an error text follows the language (cheap: one call).
  }, [api, planId, year, lang]);
  return state;
}
