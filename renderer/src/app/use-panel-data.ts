// The data of the side panel and the progress panel, one hook per panel, all called from the
// window (Workspace) and handed to the panels as props: a panel only draws. Each loads while its
// panel is open, and drops an answer that arrives after the panel closed or its subject changed.
import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { AuditEntry, ImportRecord, IndicatorDeskApi, ProgressRow } from '../../../shared/api/contract';
import type { Plan } from '../../../shared/domain/plan';
import type { Lang } from '../../../shared/i18n/lang';

/**
 * Every recorded change of the focused cell while the history panel is open: null while loading
 * or without a cell; reloaded when `version` moves. A failed request shows as no entries.
 */
export function useCellHistory(
  api: IndicatorDeskApi,
  options: { planId: string; cell: { indicatorId: string; year: number } | null; open: boolean; version: number },
): AuditEntry[] | null {
  const { planId, cell, open, version } = options;
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  useEffect(() => {
    if (!open || cell === null) {
      setEntries(null);
      return;
    }
    let live = true;
    void api.getCellHistory({ planId, indicatorId: cell.indicatorId, year: cell.year }).then((r) => {
      if (live) setEntries(r.ok ? r.value : []);
    });
    return () => {
      live = false;
    };
  }, [api, planId, cell, open, version]);
  return entries;
}

/**
 * The list of imports (the panel sorts it): loaded when the panel opens
 * and on reload() (after an import is applied or undone). The last list is kept while closed.
 */
export function useImportList(api: IndicatorDeskApi, open: boolean): { imports: ImportRecord[]; reload: () => Promise<void> } {
  const [imports, setImports] = useState<ImportRecord[]>([]);
  const reload = useCallback(async (): Promise<void> => {
    const r = await api.listImports({});
    if (r.ok) setImports(r.value);
  }, [api]);
  useEffect(() => {
    if (open) void reload();
  }, [open, reload]);
  return { imports, reload };
}

/** The progress panel's data: the plan and its progress rows, or why they could not be read. */
export type ProgressData = { plan: Plan; rows: ProgressRow[] } | { error: string };

/**
 * Loaded once per opening of the progress panel (null while loading or closed). A language switch
 * re-renders the same figures without a refetch; an error keeps the language it was read in.
 */
export function useProgressData(api: IndicatorDeskApi, options: { planId: string; open: boolean; lang: Lang }): ProgressData | null {
  const { planId, open, lang } = options;
  const [data, setData] = useState<ProgressData | null>(null);
  const errorText = useEffectEvent((message: Record<Lang, string>) => message[lang]);
  useEffect(() => {
    if (!open) {
      setData(null);
      return;
    }
    let live = true;
    void Promise.all([api.getPlan({ planId }), api.getProgress({ planId })]).then(([plan, progress]) => {
      if (!live) return;
      if (!plan.ok) setData({ error: errorText(plan.error.message) });
      else if (!progress.ok) setData({ error: errorText(progress.error.message) });
      else setData({ plan: plan.value, rows: progress.value });
    });
    return () => {
      live = false;
    };
  }, [api, planId, open]);
  return data;
}
