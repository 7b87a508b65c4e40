// The reporting cycle for the window (docs/ARCHITECTURE.md §Reporting cycle): the state of the
// viewed department-year (or, for all departments, whether the whole year is locked), loaded when
// the view or the data changes, and the state changes the bar's buttons ask for. A change that is
// refused comes back as its message; one that is done reloads the grid (locks change what may be typed).
import { useCallback, useEffect, useState } from 'react';
import type { IndicatorDeskApi } from '../../../shared/api/contract';
import type { DepartmentYearStateDto } from '../../../shared/api/cycle-schemas';
import type { CycleAction } from '../../../shared/domain/reporting-cycle';
import type { AppMessage } from '../../../shared/i18n/engine';

export interface ReportingView {
  /** The department-year's state; null for all departments or while loading. */
  state: DepartmentYearStateDto | null;
  /** All departments: whether the whole year is locked (from any department's lock), else null. */
  yearLocked: boolean | null;
  busy: boolean;
  /** Ask for a change; resolves to null when done, or the refusal's message. */
  change: (action: CycleAction, reason: string | null) => Promise<AppMessage | null>;
}

export function useReportingState(options: {
  api: IndicatorDeskApi;
  planId: string;
  year: number;
  department: string | null;
  /** Moves whenever data changed (edits, imports): the state (填报中, overdue) is read again. */
  version: number;
  /** Called after a done change (reload the grid). */
  afterChange: () => Promise<void> | void;
}): ReportingView {
  const { api, planId, year, department, version, afterChange } = options;
  const [state, setState] = useState<DepartmentYearStateDto | null>(null);
  const [yearLocked, setYearLocked] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    if (department === null) {
      setState(null);
      void api.getReportingYear({ planId, year }).then((r) => {
        if (live) setYearLocked(r.ok ? r.value.some((s) => s.lock !== null && s.lock.department === null) : null);
      });
    } else {
      setYearLocked(null);
      void api.getReportingState({ planId, year, department }).then((r) => {
        if (live) setState(r.ok ? r.value : null);
      });
    }
    return () => {
      live = false;
    };
  }, [api, planId, year, department, version, reloads]);

  const change = useCallback(
    async (action: CycleAction, reason: string | null): Promise<AppMessage | null> => {
      setBusy(true);
      try {
        const r = await api.changeReportingState({ planId, year, department, action, reason });
        if (!r.ok) return r.error.message;
        setReloads((n) => n + 1);
        await afterChange();
        return null;
      } finally {
        setBusy(false);
      }
    },
    [api, planId, year, department, afterChange],
  );

  return { state, yearLocked, busy, change };
}
