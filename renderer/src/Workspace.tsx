// The application window once its data is there: toolbar (plan, year, department, save state,
// import/export/history/progress/settings, language), the status legend, the indicator grid, the
// history side panel, the notice banner, and the import/export/settings dialogs and progress panel.
// Layout only: state and loading live in the hooks of ./app (one data hook per panel).
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Bootstrap, IndicatorDeskApi, Settings } from '../../shared/api/contract';
import { defaultReportingYear } from '../../shared/domain/reporting-year';
import { useFileDrop } from './app/use-file-drop';
import { useGridView } from './app/use-grid-view';
import { useImportFlow } from './app/use-import-flow';
import { useCellHistory, useImportList, useProgressData } from './app/use-panel-data';
import { useSettings } from './app/use-settings';
import { useTextSize } from './app/use-text-size';
import { useShellActions } from './app/use-shell-actions';
import { inBothLanguages, sameInBoth } from './app/notice-text';
import { usePlanDepartments } from './app/use-plan-departments';
import { useReportingState } from './app/use-reporting-state';
import { downloadBase64 } from './files';
import { formatDate } from '../../shared/i18n/engine';
import { t as translateUi, tCount } from './i18n/catalogue';
import { LangContext } from './i18n/context';
import { IndicatorGrid } from './grid/IndicatorGrid';
import { StatusLegend } from './grid/StatusLegend';
import { lockSignature } from './grid/locked-cells';
import { ExportDialog } from './components/ExportDialog';
import { HistoryPanel } from './components/HistoryPanel';
import { ImportPreviewDialog } from './components/ImportPreviewDialog';
import type { NoticeMessage, NoticeText } from './components/Notice';
import { Notice } from './components/Notice';
import { ProgressPanel } from './components/ProgressPanel';
import { LazyDashboard } from './dashboard/LazyDashboard';
import { SettingsDialog } from './components/SettingsDialog';
import { Toolbar } from './components/Toolbar';
import { LiveAnnouncer } from './components/LiveAnnouncer';
import { at } from './i18n/accessibility-messages';
import { textScale } from '../../shared/domain/text-size';
import { PlanSwitcher } from './plans/PlanSwitcher';
import { ProgrammeView } from './plans/ProgrammeView';
import { usePlanChoice } from './plans/use-plan-choice';
import { usePlanView } from './plans/use-plan-view';
import { PlanEditor } from './plans/PlanEditor';
import { PlanTableImport } from './plans/PlanTableImport';
import { useProgramme } from './plans/use-programme';
import { ReportingOverviewPanel } from './components/cycle/ReportingOverviewPanel';
import { ReportingStateBar } from './components/ReportingStateBar';

interface WorkspaceProps {
  api: IndicatorDeskApi;
  boot: Bootstrap;
}

const WORKBOOK_TYPES = '.xlsx,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel';

export function Workspace({ api, boot }: WorkspaceProps): React.JSX.Element {
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [progressOpen, setProgressOpen] = useState(false);
  const [dashboardOpen, setDashboardOpen] = useState(false);
  const [programmeOpen, setProgrammeOpen] = useState(false);
  const [editorOpen, setEditorOpen] = useState(false);
  const [overviewOpen, setOverviewOpen] = useState(false);
  const [planTable, setPlanTable] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const showError = useCallback((text: NoticeText) => setNotice({ kind: 'error', text }), []);
  // The plan parts word their problems in one language only (sameInBoth): left to them.
  const showPlanError = useCallback((text: string) => showError(sameInBoth(text)), [showError]);

  const { lang, settings, switchLanguage, saveSettings, textSize, changeTextSize } = useSettings(api, boot.settings, showError);
  useTextSize(textSize, changeTextSize);
  // The plan on screen (issue 14): remembered in settings; switching starts at its reporting year.
  const planChoice = usePlanChoice({ api, initialPlans: boot.plans, settings, saveSettings, onProblem: showPlanError });
  const { plan } = planChoice;
  const t = useCallback((key: Parameters<typeof translateUi>[1], params?: Record<string, string | number>) => translateUi(lang, key, params), [lang]);
  const initialYear = useMemo(() => defaultReportingYear(plan, boot.today), [plan, boot.today]);
  const view = useGridView({ api, planId: plan.id, initialYear, initialDepartment: boot.settings.department, onError: showError });
  const { grid, reload, dataChanged, setDepartment } = view;
  const departments = usePlanDepartments(plan, view.department, setDepartment);
  const { plans } = planChoice;
  const { switchPlan, afterPlanEdit, afterPlanCopy, afterPlanImport, planEdits } = usePlanView({ planChoice, view, today: boot.today });
  const programme = useProgramme(api, { plans, open: programmeOpen, lang });

  const history = useCellHistory(api, { planId: plan.id, cell: view.focused, open: historyOpen, version: view.dataVersion });
  const importList = useImportList(api, historyOpen);
  const progress = useProgressData(api, { planId: plan.id, open: progressOpen, lang });

  const reloadImports = importList.reload;
  const afterImportChange = useCallback(async () => {
    await reload();
    void reloadImports();
    dataChanged();
  }, [reload, reloadImports, dataChanged]);
  const reporting = useReportingState({ api, planId: plan.id, year: view.year, department: view.department, version: view.dataVersion, afterChange: reload });
  const flow = useImportFlow({ api, planId: plan.id, lang, notify: setNotice, afterChange: afterImportChange });
  useShellActions({ importSources: flow.importSources, notify: setNotice });
  const { dragging } = useFileDrop((files) => void flow.importFiles(files));

  const exportWorkbook = useCallback(
    async (exportYear: number, exportDepartment: string | null): Promise<string | null> => {
      const r = await api.exportWorkbook({ planId: plan.id, year: exportYear, department: exportDepartment });
      if (!r.ok) return r.error.message[lang];
      downloadBase64(r.value.fileName, r.value.base64);
      setNotice({ kind: 'info', text: inBothLanguages((l) => translateUi(l, 'export.done', { name: r.value.fileName })) });
      return null;
    },
    [api, plan.id, lang],
  );

  /** The dialog also switches the view to the saved department (the language switch does not). */
  const saveSettingsFromDialog = useCallback(
    async (next: Settings): Promise<string | null> => {
      const outcome = await saveSettings(next);
      if (!outcome.ok) return outcome.problem;
      setDepartment(outcome.saved.department);
      return null;
    },
    [saveSettings, setDepartment],
  );

  return (
    <LangContext.Provider value={lang}>
      <div className="app">
        <Toolbar
          planTitle={plan.title}
          years={plan.years}
          year={view.year}
          onYear={view.setYear}
          departments={departments}
          department={view.department}
          onDepartment={setDepartment}
          saveState={view.saveState}
          historyOpen={historyOpen}
          onImport={() => fileInput.current?.click()}
          onExport={() => setExportOpen(true)}
          onHistory={() => setHistoryOpen((o) => !o)}
          onProgress={() => setProgressOpen(true)}
          onDashboard={() => setDashboardOpen(true)}
          onOverview={() => setOverviewOpen(true)}
          onSettings={() => setSettingsOpen(true)}
          onLanguage={switchLanguage}
          planControls={<PlanSwitcher plans={plans} planId={plan.id} onPlan={switchPlan} onProgramme={() => setProgrammeOpen(true)} onEdit={() => setEditorOpen(true)} onImportTable={setPlanTable} />}
        />
        <input
          ref={fileInput}
          type="file"
          multiple
          accept={WORKBOOK_TYPES}
          hidden
          data-testid="import-input"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            void flow.importFiles(files);
          }}
        />
        <div className="subbar" role="region" aria-label={at(lang, 'legend.region')}>
          <StatusLegend lang={lang} />
          <span className="subbar-info">
            {grid ? tCount(lang, 'grid.count', grid.rows.length) : ''}
            {grid ? ` · ${t('grid.today', { date: formatDate(lang, grid.today) })}` : ''}
          </span>
        </div>
        <ReportingStateBar view={reporting} year={view.year} department={view.department} lang={lang} notify={(kind, text) => setNotice({ kind, text })} />
        <Notice notice={notice} progress={flow.readingText} onUndoImport={(id) => void flow.undoImport(id)} onClose={() => setNotice(null)} />
        <main className="workspace">
          <section className="grid-area">
            {grid === null ? (
              <div className="loading">{t('app.loading')}</div>
            ) : grid.rows.length === 0 ? (
              <div className="empty">{t('grid.empty')}</div>
            ) : (
              <IndicatorGrid
                key={`${grid.planId}|${grid.year}|${grid.department ?? ''}|${planEdits}|${lockSignature(grid)}`}
                grid={grid}
                lang={lang}
                save={view.save}
                onCellFocused={view.onCellFocused}
                onSaveStateChange={view.onSaveStateChange}
                textScale={textScale(textSize)}
              />
            )}
          </section>
          {historyOpen ? (
            <HistoryPanel
              cell={view.focusedCell}
              entries={history}
              imports={importList.imports}
              onUndoImport={(id) => void flow.undoImport(id)}
              onReopenImport={(id) => void flow.reopenImport(id)}
              planId={plan.id}
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
        <LiveAnnouncer message={view.saveState.state === 'error' ? (view.saveState.message ?? null) : null} />
        {dragging ? <div className="drop-overlay">{t('import.drop-here')}</div> : null}
        {settingsOpen ? (
          <SettingsDialog settings={{ ...settings, lang, textSize }} departments={boot.departments} onSave={saveSettingsFromDialog} onClose={() => setSettingsOpen(false)} />
        ) : null}
        {exportOpen ? (
          <ExportDialog
            years={plan.years}
            departments={departments}
            year={view.year}
            department={view.department}
            onExport={exportWorkbook}
            onClose={() => setExportOpen(false)}
          />
        ) : null}
        {dashboardOpen ? <LazyDashboard api={api} planId={plan.id} year={view.year} onClose={() => setDashboardOpen(false)} /> : null}
        {editorOpen ? (
          <PlanEditor api={api} planId={plan.id} onChanged={() => void afterPlanEdit()} onCreated={(id) => void afterPlanCopy(id)} onClose={() => setEditorOpen(false)} />
        ) : null}
        {programmeOpen ? (
          <ProgrammeView lines={programme} currentPlanId={plan.id} onOpenPlan={(id) => { switchPlan(id); setProgrammeOpen(false); }} onClose={() => setProgrammeOpen(false)} />
        ) : null}
        {planTable ? (
          <PlanTableImport
            api={api}
            file={planTable}
            onCreated={(id, text) => { setPlanTable(null); setNotice({ kind: 'info', text: sameInBoth(text) }); void afterPlanImport(id); }}
            onRevised={(id, text) => { setPlanTable(null); setNotice({ kind: 'info', text: sameInBoth(text) }); void afterPlanImport(id); }}
            onClose={() => setPlanTable(null)}
          />
        ) : null}
        {overviewOpen ? <ReportingOverviewPanel planId={plan.id} year={view.year} onClose={() => setOverviewOpen(false)} /> : null}
        {progressOpen ? <ProgressPanel data={progress} today={boot.today} onClose={() => setProgressOpen(false)} /> : null}
        {flow.pending ? (
          <ImportPreviewDialog
            previews={flow.pending.previews}
            failures={flow.pending.failures}
            conflicts={flow.pending.conflicts}
            departments={departments}
            onConsolidate={flow.consolidate}
            onApply={({ previewIds, ...choices }) => flow.applyImport(previewIds, choices)}
            onClose={flow.closePreview}
            currentPlanId={plan.id}
          />
        ) : null}
      </div>
    </LangContext.Provider>
  );
}
