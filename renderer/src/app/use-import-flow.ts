// Importing returned workbooks: read each file (picker, drop, or the desktop menu with the bytes
// already read), preview it one request per file, show what would change; apply the chosen
// previews (a notice offers to undo) or undo an earlier import. Nothing is written before apply.
// The files previewed one by one are compared as one batch (consolidateImport: departments and
// conflicts, docs/ARCHITECTURE.md §Consolidation); a past import can be reopened from its kept files.
import { useCallback, useState } from 'react';
import type { ApiRequest, ImportFailure, ImportPreview, IndicatorDeskApi } from '../../../shared/api/contract';
import type { Lang } from '../../../shared/i18n/lang';
import type { NoticeMessage } from '../components/Notice';
import { readFileAsBase64 } from '../files';
import { formatNumber, renderCount } from '../../../shared/i18n/engine';
import { t, UI_MESSAGES } from '../i18n/catalogue';
import { inBothLanguages, sameInBoth } from './notice-text';
import type { Consolidate } from '../components/ImportPreviewDialog';
import type { ImportBatchState } from '../components/import/useImportBatch';
import { useImportBatch } from '../components/import/useImportBatch';

/** A file to import: its name and how to get its bytes as base64. */
export interface ImportSource {
  name: string;
  read: () => Promise<string>;
}

/** What the preview dialog shows: the files that could be read, those that could not, and the batch's conflicts. */
export type PendingImport = ImportBatchState;

/** What 应用 sends besides the previews: conflict picks and ticked other-unit values. */
export type ApplyChoices = Omit<ApiRequest<'applyImport'>, 'previewIds'>;

export interface ImportFlowOptions {
  api: IndicatorDeskApi;
  planId: string;
  lang: Lang;
  /** Show (or, with null, clear) the window's notice. */
  notify: (notice: NoticeMessage | null) => void;
  /** Figures changed (an import applied or undone): reload what shows them. */
  afterChange: () => Promise<void>;
}

export interface ImportFlow {
  /** "Reading file i of n" while files are read and previewed, else null. */
  readingText: string | null;
  /** The previews waiting for the clerk's choice, or null. */
  pending: PendingImport | null;
  importSources: (sources: ImportSource[]) => Promise<void>;
  importFiles: (files: File[]) => Promise<void>;
  /**
   * Apply the chosen previews (with the conflict picks and ticked other-unit values, if any);
   * resolves to the reason in the UI language when refused, else null.
   */
  applyImport: (previewIds: string[], choices?: ApplyChoices) => Promise<string | null>;
  undoImport: (importId: number) => Promise<void>;
  /** Compare previews again (files left out, departments chosen), for the preview dialog. */
  consolidate: Consolidate;
  /** Preview a past import again from its kept files; a refusal shows as a notice. */
  reopenImport: (importId: number) => Promise<void>;
  closePreview: () => void;
}

export function useImportFlow({ api, planId, lang, notify, afterChange }: ImportFlowOptions): ImportFlow {
  // Which file is being read, worded at render time so the line follows a language switch too.
  const [reading, setReading] = useState<{ index: number; total: number; name: string } | null>(null);
  const [pending, setPending] = useState<PendingImport | null>(null);
  const { consolidateAll, consolidate, reopen } = useImportBatch(api, lang, planId);

  const importSources = useCallback(
    async (sources: ImportSource[]): Promise<void> => {
      if (sources.length === 0) return;
      const previews: ImportPreview[] = [];
      const failures: ImportFailure[] = [];
      notify(null);
      for (const [i, source] of sources.entries()) {
        setReading({ index: i + 1, total: sources.length, name: source.name });
        let base64: string;
        try {
          base64 = await source.read();
        } catch (error) {
          const detail = error instanceof Error ? error.message : String(error);
          failures.push({ fileName: source.name, message: { key: 'ui.read-failed', params: {}, zh: `无法读取文件：${detail}`, en: `Cannot read the file: ${detail}` } });
          continue;
        }
        // One file per request keeps each request small and the progress honest.
        const r = await api.previewImport({ planId, files: [{ name: source.name, base64 }] });
        if (r.ok) {
          previews.push(...r.value.previews);
          failures.push(...r.value.failures);
        } else {
          failures.push({ fileName: source.name, message: r.error.message });
        }
      }
      setPending(await consolidateAll(previews, failures));
      setReading(null);
    },
    [api, planId, notify, consolidateAll],
  );

  const importFiles = useCallback(
    (files: File[]) => importSources(files.map((file) => ({ name: file.name, read: () => readFileAsBase64(file) }))),
    [importSources],
  );

  const applyImport = useCallback(
    async (previewIds: string[], choices: ApplyChoices = {}): Promise<string | null> => {
      const r = await api.applyImport({ ...choices, previewIds });
      if (!r.ok) return r.error.message[lang];
      setPending(null);
      const { changeCount } = r.value;
      notify({
        kind: 'info',
        text: inBothLanguages((l) =>
          renderCount(UI_MESSAGES, l, 'import.applied', changeCount, { count: formatNumber(l, changeCount), files: r.value.files.map((f) => f.name).join(l === 'zh' ? '、' : ', ') }),
        ),
        undoImportId: r.value.importId,
      });
      await afterChange();
      return null;
    },
    [api, lang, notify, afterChange],
  );

  const undoImport = useCallback(
    async (importId: number): Promise<void> => {
      const r = await api.undoImport({ importId });
      if (!r.ok) {
        notify({ kind: 'error', text: r.error.message });
        return;
      }
      const { changeCount } = r.value;
      notify({ kind: 'info', text: inBothLanguages((l) => renderCount(UI_MESSAGES, l, 'import.undone', changeCount, { count: formatNumber(l, changeCount) })) });
      await afterChange();
    },
    [api, notify, afterChange],
  );

  const reopenImport = useCallback(
    async (importId: number): Promise<void> => {
      const r = await reopen(importId);
      // useImportBatch words a refusal in the language of the moment only (left as it is).
      if (typeof r === 'string') notify({ kind: 'error', text: sameInBoth(r) });
      else setPending(r);
    },
    [reopen, notify],
  );

  const closePreview = useCallback(() => setPending(null), []);

  const readingText = reading ? t(lang, 'import.reading', reading) : null;
  return { readingText, pending, importSources, importFiles, applyImport, undoImport, consolidate, reopenImport, closePreview };
}
