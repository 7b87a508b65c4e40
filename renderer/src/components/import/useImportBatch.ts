// Import-batch calls the window makes besides preview/apply: comparing separately previewed files
// with each other (consolidateImport) and reopening a past import from its kept files.
import { useCallback } from 'react';
import type { ImportConflict, ImportFailure, ImportPreview, IndicatorDeskApi } from '../../../../shared/api/contract';
import type { Lang } from '../../../../shared/i18n/lang';
import type { Consolidate } from '../ImportPreviewDialog';

export interface ImportBatchState {
  previews: ImportPreview[];
  failures: ImportFailure[];
  conflicts: ImportConflict[];
}

export function useImportBatch(api: IndicatorDeskApi, lang: Lang, planId: string | null) {
  /** Files previewed one by one, compared as one batch; falls back to the single-file previews. */
  const consolidateAll = useCallback(
    async (previews: ImportPreview[], failures: ImportFailure[]): Promise<ImportBatchState> => {
      if (previews.length === 0) return { previews, failures, conflicts: [] };
      const r = await api.consolidateImport({ previewIds: previews.map((p) => p.previewId) });
      if (!r.ok) return { previews, failures: [...failures, { fileName: '', message: r.error.message }], conflicts: [] };
      return { previews: r.value.previews, failures, conflicts: r.value.conflicts };
    },
    [api],
  );

  const consolidate: Consolidate = useCallback(
    async (previewIds, departments) => {
      const r = await api.consolidateImport({ previewIds, departments });
      return r.ok ? r.value : r.error.message[lang];
    },
    [api, lang],
  );

  /** A past import's kept files, previewed again; resolves to the batch or an error text. */
  const reopen = useCallback(
    async (importId: number): Promise<ImportBatchState | string> => {
      if (planId === null) return '';
      const r = await api.reopenImport({ planId, importId });
      return r.ok ? r.value : r.error.message[lang];
    },
    [api, lang, planId],
  );

  return { consolidateAll, consolidate, reopen };
}
