// The application window: toolbar (plan, year, department, save state, import/export/history/
// settings, language), the status legend, the indicator grid, the history side panel, and the
// import/export/settings dialogs and the plan-level progress panel. All data comes through
// getApi(); every failure is shown as text.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type {
  ApiRequest, AuditEntry, Bootstrap, CellEdit, CellEditResult, EditSource, Grid, ImportFailure, ImportPreview, ImportRecord, Settings,
} from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/result';
import type { Lang } from '../../shared/i18n/lang';
import { getApi } from './api';
import { readFileAsBase64, downloadBase64 } from './files';
import { formatDate, formatNumber } from '../../shared/i18n/engine';
import { t as translateUi } from './i18n/catalogue';
import { LangContext } from './i18n/context';
import { IndicatorGrid } from './grid/IndicatorGrid';
import { StatusLegend } from './grid/StatusLegend';
import { Toolbar } from './components/Toolbar';
import type { SaveState } from './components/Toolbar';
import { HistoryPanel } from './components/HistoryPanel';
import type { FocusedCell } from './components/HistoryPanel';
import { SettingsDialog } from './components/SettingsDialog';
import { ExportDialog } from './components/ExportDialog';
import { ImportPreviewDialog } from './components/ImportPreviewDialog';
import { ProgressPanel } from './components/ProgressPanel';
import type { ImportBatchState } from './components/import/useImportBatch';
import { useImportBatch } from './components/import/useImportBatch';

interface Notice {
  kind: 'info' | 'error';
  text: string;
  undoImportId?: number;
}

type PendingImport = ImportBatchState;

/** The year a clerk most likely reports: the last plan year that has ended, else the first. */
function defaultYear(years: number[], today: string): number {
  const current = Number(today.slice(0, 4));
  const due = years.filter((y) => y < current);
  return due.length > 0 ? (due[due.length - 1] as number) : (years[0] ?? current);
}

function errorText(lang: Lang, error: ApiError): string {
  return error.message[lang];
}

export function App(): React.JSX.Element {
  const api = useMemo(() => getApi(), []);
  const [boot, setBoot] = useState<Bootstrap | null>(null);
  const [bootError, setBootError] = useState<ApiError | null>(null);
  const [lang, setLang] = useState<Lang>('zh');
  const [year, setYear] = useState<number | null>(null);
  const [department, setDepartment] = useState<string | null>(null);
  const [grid, setGrid] = useState<Grid | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ state: 'idle' });
  const [focused, setFocused] = useState<{ indicatorId: string; year: number } | null>(null);
  const [history, setHistory] = useState<AuditEntry[] | null>(null);
  const [historyVersion, setHistoryVersion] = useState(0);
  const [imports, setImports] = useState<ImportRecord[]>([]);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [progressOpen, setProgressOpen] = useState(false);
  const [readingText, setReadingText] = useState<string | null>(null);
  const [pendingImport, setPendingImport] = useState<PendingImport | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const t = useCallback((key: Parameters<typeof translateUi>[1], params?: Record<string, string | number>) => translateUi(lang, key, params), [lang]);
  const plan = boot?.plans[0] ?? null;
  const planId = plan?.id ?? null;
  const { consolidateAll, consolidate, reopen } = useImportBatch(api, lang, planId);

  // 1. Bootstrap: plans, departments, saved settings.
  useEffect(() => {
    void api.getBootstrap({}).then((r) => {
      if (!r.ok) {
        setBootError(r.error);
        return;
      }
      setBoot(r.value);
      setLang(r.value.settings.lang);
      setDepartment(r.value.settings.department);
      setYear(defaultYear(r.value.plans[0]?.years ?? [], r.value.today));
    });
  }, [api]);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = translateUi(lang, 'app.name');
  }, [lang]);

  // 2. The grid for the chosen year and department.
  const gridRequest = useRef(0);
  const loadGrid = useCallback(async (): Promise<void> => {
    if (planId === null || year === null) return;
    // A slow answer for a year or department the clerk has already left must not overwrite the new one.
    const seq = ++gridRequest.current;
    const r = await api.getGrid({ planId, year, department });
    if (seq !== gridRequest.current) return;
    if (r.ok) setGrid(r.value);
    else setNotice({ kind: 'error', text: errorText(lang, r.error) });
  }, [api, planId, year, department, lang]);

  useEffect(() => {
    setGrid(null);
    setFocused(null);
    void loadGrid();
    // Deliberately not keyed on loadGrid: a language switch must not refetch (and reset) the grid.
  }, [api, planId, year, department]);

  const loadImports = useCallback(async (): Promise<void> => {
    const r = await api.listImports({});
    if (r.ok) setImports(r.value);
  }, [api]);

  // 3. History of the focused cell, reloaded after each save.
  useEffect(() => {
    if (!historyOpen || focused === null || planId === null) {
      setHistory(null);
      return;
    }
    let live = true;
    void api.getCellHistory({ planId, indicatorId: focused.indicatorId, year: focused.year }).then((r) => {
      if (live) setHistory(r.ok ? r.value : []);
    });
    return () => {
      live = false;
    };
  }, [api, planId, focused, historyOpen, historyVersion]);

  useEffect(() => {
    if (historyOpen) void loadImports();
  }, [historyOpen, loadImports]);

  const save = useCallback(
    async (edits: CellEdit[], source: EditSource): Promise<CellEditResult[]> => {
      if (planId === null) return [];
      const r = await api.saveCells({ planId, source, edits });
      if (r.ok) return r.value.results;
      // The whole request failed (server gone, invalid request): every edit is refused with that reason.
      return edits.map((e) => ({ indicatorId: e.indicatorId, year: e.year, field: e.field, ok: false, error: r.error.message }));
    },
    [api, planId],
  );

  const onSaveStateChange = useCallback((state: SaveState['state'], message?: string) => {
    setSaveState({ state, message });
    if (state === 'saved') setHistoryVersion((v) => v + 1);
  }, []);

  const onCellFocused = useCallback((cell: { indicatorId: string; year: number } | null) => {
    setFocused((prev) => (prev?.indicatorId === cell?.indicatorId && prev?.year === cell?.year ? prev : cell));
  }, []);

  const focusedCell: FocusedCell | null = useMemo(() => {
    if (focused === null || grid === null) return null;
    const row = grid.rows.find((r) => r.indicatorId === focused.indicatorId);
    return row ? { ...focused, code: row.code, name: row.name } : null;
  }, [focused, grid]);

  // 4. Import: read each file, preview it, then show what would change. Files come from the file
  // picker, a drop on the window, or (desktop) the native menu / a second launch, already read.
  const importSources = useCallback(
    async (sources: { name: string; read: () => Promise<string> }[]): Promise<void> => {
      if (planId === null || sources.length === 0) return;
      const previews: ImportPreview[] = [];
      const failures: ImportFailure[] = [];
      setNotice(null);
      for (const [i, source] of sources.entries()) {
        setReadingText(t('import.reading', { index: i + 1, total: sources.length, name: source.name }));
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
      setPendingImport(await consolidateAll(previews, failures));
      setReadingText(null);
    },
    [api, planId, t, consolidateAll],
  );

  const importFiles = useCallback(
    (files: File[]) => importSources(files.map((file) => ({ name: file.name, read: () => readFileAsBase64(file) }))),
    [importSources],
  );

  // Desktop shell: native menu actions (import files handed over by the OS, messages to show).
  useEffect(() => {
    const shell = window.indicatorDeskShell;
    // Subscribe only once the plan is known: the preload holds actions that arrive before that.
    if (!shell || planId === null) return;
    return shell.onMenuAction((action) => {
      if (action.type === 'import-files') {
        void importSources(action.files.map((f) => ({ name: f.name, read: () => Promise.resolve(f.base64) })));
      } else {
        setNotice({ kind: 'info', text: lang === 'zh' ? action.zh : action.en });
      }
    });
  }, [importSources, lang, planId]);

  const applyImport = useCallback(
    async (request: ApiRequest<'applyImport'>): Promise<string | null> => {
      const r = await api.applyImport(request);
      if (!r.ok) return errorText(lang, r.error);
      setPendingImport(null);
      setNotice({
        kind: 'info',
        text: t('import.applied', { count: formatNumber(lang, r.value.changeCount), files: r.value.files.map((f) => f.name).join('、') }),
        undoImportId: r.value.importId,
      });
      await loadGrid();
      void loadImports();
      setHistoryVersion((v) => v + 1);
      return null;
    },
    [api, lang, t, loadGrid, loadImports],
  );

  const undoImport = useCallback(
    async (importId: number): Promise<void> => {
      const r = await api.undoImport({ importId });
      if (!r.ok) {
        setNotice({ kind: 'error', text: errorText(lang, r.error) });
        return;
      }
      setNotice({ kind: 'info', text: t('import.undone', { count: formatNumber(lang, r.value.changeCount) }) });
      await loadGrid();
      void loadImports();
      setHistoryVersion((v) => v + 1);
    },
    [api, lang, t, loadGrid, loadImports],
  );

  // Drag and drop anywhere on the window.
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const onEnter = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const onOver = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      void importFiles(Array.from(e.dataTransfer?.files ?? []));
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [importFiles]);

  // 5. Export: the standard workbook as a download.
  const exportWorkbook = useCallback(
    async (exportYear: number, exportDepartment: string | null): Promise<string | null> => {
      if (planId === null) return null;
      const r = await api.exportWorkbook({ planId, year: exportYear, department: exportDepartment });
      if (!r.ok) return errorText(lang, r.error);
      downloadBase64(r.value.fileName, r.value.base64);
      setNotice({ kind: 'info', text: t('export.done', { name: r.value.fileName }) });
      return null;
    },
    [api, planId, lang, t],
  );

  /** Saves settings; the dialog also switches the view to the saved department, the language switch does not. */
  const persistSettings = useCallback(
    async (next: Settings, applyDepartment: boolean): Promise<string | null> => {
      const r = await api.saveSettings(next);
      if (!r.ok) return errorText(lang, r.error);
      setBoot((b) => (b ? { ...b, settings: r.value } : b));
      setLang(r.value.lang);
      if (applyDepartment) setDepartment(r.value.department);
      return null;
    },
    [api, lang],
  );

  const saveSettingsFromDialog = useCallback((next: Settings) => persistSettings(next, true), [persistSettings]);

  const switchLanguage = useCallback(
    (next: Lang) => {
      setLang(next);
      if (boot) {
        void persistSettings({ ...boot.settings, lang: next }, false).then((problem) => {
          if (problem) setNotice({ kind: 'error', text: problem });
        });
      }
    },
    [boot, persistSettings],
  );

  if (bootError) {
    return (
      <div className="fatal" role="alert">
        <h1>{translateUi(lang, 'app.load-failed')}</h1>
        <p>{bootError.message.zh}</p>
        <p>{bootError.message.en}</p>
      </div>
    );
  }
  if (!boot || !plan || year === null) {
    return <div className="loading">{translateUi(lang, 'app.loading')}</div>;
  }

  return (
    <LangContext.Provider value={lang}>
      <div className="app">
        <Toolbar
          planTitle={plan.title}
          years={plan.years}
          year={year}
          onYear={setYear}
          departments={boot.departments}
          department={department}
          onDepartment={setDepartment}
          saveState={saveState}
          historyOpen={historyOpen}
          onImport={() => fileInput.current?.click()}
          onExport={() => setExportOpen(true)}
          onHistory={() => setHistoryOpen((o) => !o)}
          onProgress={() => setProgressOpen(true)}
          onSettings={() => setSettingsOpen(true)}
          onLanguage={switchLanguage}
        />
        <input
          ref={fileInput}
          type="file"
          multiple
          accept=".xlsx,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel"
          hidden
          data-testid="import-input"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            void importFiles(files);
          }}
        />
        <div className="subbar">
          <StatusLegend lang={lang} />
          <span className="subbar-info">
            {grid ? t('grid.count', { count: grid.rows.length }) : ''}
            {grid ? ` · ${t('grid.today', { date: formatDate(lang, grid.today) })}` : ''}
          </span>
        </div>
        {readingText ? <div className="banner banner-info" role="status" data-testid="import-progress">{readingText}</div> : null}
        {notice ? (
          <div className={notice.kind === 'error' ? 'banner banner-error' : 'banner banner-info'} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
            <span>{notice.text}</span>
            {notice.undoImportId !== undefined ? (
              <button type="button" className="small" onClick={() => { const id = notice.undoImportId as number; setNotice(null); void undoImport(id); }}>
                {t('import.undo')}
              </button>
            ) : null}
            <button type="button" className="icon-button" aria-label={t('common.close')} onClick={() => setNotice(null)}>×</button>
          </div>
        ) : null}
        <main className="workspace">
          <section className="grid-area">
            {grid === null ? (
              <div className="loading">{t('app.loading')}</div>
            ) : grid.rows.length === 0 ? (
              <div className="empty">{t('grid.empty')}</div>
            ) : (
              <IndicatorGrid
                key={`${grid.year}|${grid.department ?? ''}`}
                grid={grid}
                lang={lang}
                save={save}
                onCellFocused={onCellFocused}
                onSaveStateChange={onSaveStateChange}
              />
            )}
          </section>
          {historyOpen ? (
            <HistoryPanel
              cell={focusedCell}
              entries={history}
              imports={imports}
              onUndoImport={(id) => void undoImport(id)}
              onReopenImport={(id) => void reopen(id).then((r) => (typeof r === 'string' ? setNotice({ kind: 'error', text: r }) : setPendingImport(r)))}
              onClose={() => setHistoryOpen(false)}
            />
          ) : null}
        </main>
        <footer className="statusbar">
          <span>{boot.mode === 'browser' ? t('status.mode-browser') : t('status.mode-desktop')}</span>
          <span>{plan.title}</span>
          <span className="statusbar-path" title={boot.dataFolder}>{t('status.data-folder', { path: boot.dataFolder })}</span>
          <span>{t('status.version', { version: boot.appVersion })}</span>
        </footer>
        {dragging ? <div className="drop-overlay">{t('import.drop-here')}</div> : null}
        {settingsOpen ? (
          <SettingsDialog settings={{ ...boot.settings, lang }} departments={boot.departments} onSave={saveSettingsFromDialog} onClose={() => setSettingsOpen(false)} />
        ) : null}
        {exportOpen ? (
          <ExportDialog
            years={plan.years}
            departments={boot.departments}
            year={year}
            department={department}
            onExport={exportWorkbook}
            onClose={() => setExportOpen(false)}
          />
        ) : null}
        {progressOpen ? <ProgressPanel api={api} planId={plan.id} today={boot.today} onClose={() => setProgressOpen(false)} /> : null}
        {pendingImport ? (
          <ImportPreviewDialog
            previews={pendingImport.previews}
            failures={pendingImport.failures}
            conflicts={pendingImport.conflicts}
            departments={boot.departments}
            onConsolidate={consolidate}
            onApply={applyImport}
            onClose={() => setPendingImport(null)}
          />
        ) : null}
      </div>
    </LangContext.Provider>
  );
}
