// Importing returned workbooks: read each file (picker, drop, or the desktop menu with the bytes
// already read), preview it one request per file, show what would change; apply the chosen
// previews (a notice offers to undo) or undo an earlier import. Nothing is written before apply.
import { useCallback, useState } from 'react';
import type { ImportFailure, ImportPreview, IndicatorDeskApi } from '../../../shared/api/contract';
import type { Lang } from '../../../shared/i18n/lang';
import type { NoticeMessage } from '../components/Notice';
import { readFileAsBase64 } from '../files';
import { formatNumber } from '../../../shared/i18n/engine';
import { t } from '../i18n/catalogue';

/** A file to import: its name and how to get its bytes as base64. */
export interface ImportSource {
  name: string;
  read: () => Promise<string>;
}

/** What the preview dialog shows: the files that could be read and those that could not. */
export interface PendingImport {
  previews: ImportPreview[];
  failures: ImportFailure[];
}

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
  /** Apply the chosen previews; resolves to the reason in the UI language when refused, else null. */
  applyImport: (previewIds: string[]) => Promise<string | null>;
  undoImport: (importId: number) => Promise<void>;
  closePreview: () => void;
}

export function useImportFlow({ api, planId, lang, notify, afterChange }: ImportFlowOptions): ImportFlow {
  const [readingText, setReadingText] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingImport | null>(null);

  const importSources = useCallback(
    async (sources: ImportSource[]): Promise<void> => {
      if (sources.length === 0) return;
      const previews: ImportPreview[] = [];
      const failures: ImportFailure[] = [];
      notify(null);
      for (const [i, source] of sources.entries()) {
        setReadingText(t(lang, 'import.reading', { index: i + 1, total: sources.length, name: source.name }));
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
      setReadingText(null);
      setPending({ previews, failures });
    },
    [api, planId, lang, notify],
  );

  const importFiles = useCallback(
    (files: File[]) => importSources(files.map((file) => ({ name: file.name, read: () => readFileAsBase64(file) }))),
    [importSources],
  );

  const applyImport = useCallback(
    async (previewIds: string[]): Promise<string | null> => {
      const r = await api.applyImport({ previewIds });
      if (!r.ok) return r.error.message[lang];
      setPending(null);
      notify({
        kind: 'info',
        text: t(lang, 'import.applied', { count: formatNumber(lang, r.value.changeCount), files: r.value.files.map((f) => f.name).join('、') }),
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
        notify({ kind: 'error', text: r.error.message[lang] });
        return;
      }
      notify({ kind: 'info', text: t(lang, 'import.undone', { count: formatNumber(lang, r.value.changeCount) }) });
      await afterChange();
    },
    [api, lang, notify, afterChange],
  );

  const closePreview = useCallback(() => setPending(null), []);

  return { readingText, pending, importSources, importFiles, applyImport, undoImport, closePreview };
}
