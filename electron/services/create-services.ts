// The use cases behind the API contract, as plain Node: the Electron IPC handler, the browser-mode
// HTTP server, the CLI and the tests all call these same handlers on the same database.
import { basename, dirname } from 'node:path';
import type { ApiHandlers, ConflictResolution, DepartmentAliases, ImportConflict, ImportFailure, ImportRecord, Settings } from '../../shared/api/contract';
import { DepartmentAliasesSchema } from '../../shared/api/import-schemas';
import { DEFAULT_KEEP, backupNow, pruneBackups } from '../backup/backups';
import { buildDashboard } from '../../shared/domain/dashboard';
import { dashboardStates } from './dashboard-states';
import type { Lang } from '../../shared/i18n/lang';
import { indicatorProgress } from '../../shared/domain/progress';
import { ApiFailure, fail } from '../../shared/api/result';
import { openFailure, reasonOfSqliteError } from '../store/open-errors';
import { Store } from '../store/store';
import { osUserName } from '../store/os-user';
import type { StoreOptions } from '../store/store';
import { actualKey } from '../store/repositories/actuals-repo';
import type { WorkbookJobs } from '../workbook/jobs/jobs';
import { inProcessJobs } from '../workbook/jobs/jobs';
import { reportFileName, templateFileName } from '../workbook/template-format';
import { saveCells } from './edit-service';
import { checkPlanDepartment, departmentsOfPlan } from './plan-departments';
import { changeState, departmentYearState, exportLock, missNoteRequired, setDeadline, setMissNoteRequired, yearStates } from './reporting-service';
import { buildGrid, isoDate } from './grid-service';
import type { ApplyOptions, ImportFileInput, PendingImport } from './import-service';
import { applyImports, detectConflicts, previewFiles, refreshPreview } from './import-service';
import { undoImport } from './import-undo';
import { keepImportFile, readKeptFile } from './import-archive';
import type { PreviewCacheOptions } from './preview-cache';
import { overviewHandlers } from './overview-handlers';
import { PreviewCache } from './preview-cache';
import { inPlan, planHandlers } from './plan-service';
import { planTableFileName } from '../workbook/plan-table/write-plan-table';
import { DEFAULT_TEXT_SIZE } from '../../shared/domain/text-size';

export const APP_VERSION = '0.1.0';

export interface ServicesOptions extends StoreOptions {
  dbPath: string;
  mode: 'desktop' | 'browser';
  /** Clock; tests fix it so statuses do not depend on the day they run. */
  now?: () => Date;
  appVersion?: string;
  /** Where exports and imports run; default in this process (the desktop shell and browser mode pass a worker). */
  workbooks?: WorkbookJobs;
  /** Bounds on the import previews held in memory (tests shrink them). */
  previews?: PreviewCacheOptions;
  /**
   * Prints the report page (renderer view=report) to PDF bytes: Electron's printToPDF in the app,
   * Chromium's page.pdf in browser mode and the CLI. Absent → exportReport refuses the PDF format.
   */
  renderReportPdf?: (request: { planId: string; year: number; lang: Lang }) => Promise<Uint8Array>;
  /**
   * Where to take the 'before-import' backup each applied import starts with, and how many of those
   * to keep. Absent: no backup (tests, browser mode). The desktop app and the CLI pass their
   * data folder's backups/ (docs/ARCHITECTURE.md §Import pipeline).
   */
  importBackups?: { folder: string; keep?: () => number };
}

/** The import use case, shared by the API handlers (window, browser) and the CLI. */
export interface ImportUseCase {
  /**
   * Read, interpret and diff files, find each return's department (aliases from settings; `department`
   * for files that name none) and the batch's conflicts; nothing is written. `onProgress` is called
   * before each file.
   */
  preview(
    planId: string,
    files: ImportFileInput[],
    onProgress?: (done: number, total: number, name: string) => void,
    department?: string | null,
  ): Promise<{ pending: PendingImport[]; failures: ImportFailure[]; conflicts: ImportConflict[] }>;
  /**
   * Back up (when configured), then apply the previewed files in one transaction (conflicts only as
   * picked, other units' values only as ticked), then keep each file in imports/.
   */
  apply(
    planId: string,
    pending: PendingImport[],
    who?: string,
    choices?: { resolutions?: ConflictResolution[]; includeOtherUnits?: ApplyOptions['includeOtherUnits'] },
  ): Promise<ImportRecord>;
}

export interface Services {
  handlers: ApiHandlers;
  imports: ImportUseCase;
  store: Store;
  dbPath: string;
  close(): void;
}

const DEFAULT_SETTINGS: Settings = { department: null, clerkName: '', clerkPhone: '', lang: 'zh' };

export function readSettings(store: Store): Settings {
  const raw = store.settings.get('app');
  if (!raw) return { ...DEFAULT_SETTINGS };
  try {
    return { ...DEFAULT_SETTINGS, ...(JSON.parse(raw) as Partial<Settings>) };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

/** User-defined department aliases (settings key "departmentAliases"); built-in ones are in shared/domain/departments. */
export function readDepartmentAliases(store: Store): DepartmentAliases {
  const parsed = DepartmentAliasesSchema.safeParse(JSON.parse(store.settings.get('departmentAliases') ?? '{}'));
  return parsed.success ? parsed.data : {};
}

export function createServices(options: ServicesOptions): Services {
  const now = options.now ?? (() => new Date());
  const store = Store.open(options.dbPath, options);
  const appVersion = options.appVersion ?? APP_VERSION;
  const pending = new PreviewCache<{ planId: string; item: PendingImport }>(options.previews);
  const jobs = options.workbooks ?? inProcessJobs;

  /** The audit "who": the clerk's name from settings, else the OS account (recorded in os_user too). */
  const who = () => readSettings(store).clerkName.trim() || osUserName();
  const ctx = () => ({ who: who(), at: now().toISOString() });
  const dataFolder = dirname(options.dbPath);

  const imports: ImportUseCase = {
    preview: (planId, files, onProgress, department = null) => {
      // A department chosen for the returns must be one of the plan's (plan-departments.ts).
      const plan = store.plans.getPlan(planId);
      checkPlanDepartment(store, plan, department);
      for (const f of files) checkPlanDepartment(store, plan, f.department ?? null);
      const c = ctx();
      return previewFiles(store, plan, files, { department, aliases: readDepartmentAliases(store), at: c.at, who: c.who, onProgress }, jobs.readAndInterpret);
    },
    apply: async (planId, items, whoOverride, choices = {}) => {
      const plan = store.plans.getPlan(planId);
      const backups = options.importBackups;
      if (backups) {
        await backupNow(store, backups.folder, 'before-import', { dbFileName: basename(options.dbPath) });
        pruneBackups(backups.folder, 'before-import', backups.keep?.() ?? DEFAULT_KEEP);
      }
      return applyImports(store, plan, items, whoOverride === undefined ? ctx() : { ...ctx(), who: whoOverride }, {
        ...choices,
        keepFile: (p) => {
          if (p.bytes) keepImportFile(dataFolder, p.preview.sha256, p.preview.format, p.bytes);
        },
      });
    },
  };

  /** Preview a batch and remember it until applied. */
  const preview = async (planId: string, files: ImportFileInput[], department: string | null) => {
    const { pending: ready, failures, conflicts } = await imports.preview(planId, files, undefined, department);
    pending.add(ready.map((p) => ({ id: p.preview.previewId, value: { planId, item: p }, rows: p.book.rows.length })));
    return { previews: ready.map((p) => p.preview), failures, conflicts };
  };

  const handlers: ApiHandlers = {
    getBootstrap: () => ({
      appVersion,
      mode: options.mode,
      today: isoDate(now()),
      plans: store.plans.listPlans().map((p) => ({ ...p, departments: departmentsOfPlan(store, store.plans.getPlan(p.id)) })),
      departments: store.plans.listDepartments(),
      settings: readSettings(store),
      dataFolder,
    }),
    getPlan: ({ planId }) => store.plans.getPlan(planId),
    getGrid: ({ planId, year, department }) => buildGrid(store, planId, year, department, now()),
    saveCells: ({ planId, source, edits }) => ({ results: saveCells(store, planId, source, edits, { ...ctx(), sourceDepartment: readSettings(store).department }, now()) }),
    // The cell must be in the plan the request names (issue 14: a history never comes from another plan).
    getCellHistory: ({ planId, indicatorId, year }) => store.audit.forCell(inPlan(store, planId, indicatorId), year),
    previewImport: ({ planId, files, department }) =>
      preview(
        planId,
        files.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.base64, 'base64')), department: f.department ?? null })),
        department ?? null,
      ),
    reopenImport: ({ planId, importId }) => {
      const record = store.imports.get(importId);
      if (!record) fail('not-found', 'import.not-found', { id: importId });
      const files = record.files.map((f) => {
        const bytes = readKeptFile(dataFolder, f);
        if (!bytes) fail('not-found', 'import.file-missing', { id: importId, file: f.name });
        return { name: f.name, bytes, department: f.department ?? null };
      });
      return preview(planId, files, null);
    },
    getDepartmentAliases: () => readDepartmentAliases(store),
    saveDepartmentAliases: (aliases) => {
      const departments = store.plans.listDepartments();
      for (const [alias, name] of Object.entries(aliases)) if (!departments.includes(name)) fail('refused', 'error.bad-alias', { alias, name });
      store.transaction(() => store.settings.set('departmentAliases', JSON.stringify(aliases), { ...ctx(), source: 'settings' }));
      return readDepartmentAliases(store);
    },
    consolidateImport: ({ previewIds, departments }) => {
      const list = pending.get(previewIds);
      if (list === null) fail('not-found', 'import.preview-expired');
      const planId = list[0]?.planId as string;
      if (list.some((p) => p.planId !== planId)) fail('refused', 'import.preview-expired');
      const plan = store.plans.getPlan(planId);
      for (const d of Object.values(departments ?? {})) checkPlanDepartment(store, plan, d);
      const fresh = list.map((p) => refreshPreview(store, plan, p.item, departments?.[p.item.preview.previewId]));
      const c = ctx();
      const conflicts = detectConflicts(store, plan, fresh, c.at, c.who);
      pending.add(fresh.map((item) => ({ id: item.preview.previewId, value: { planId, item }, rows: item.book.rows.length })));
      return { previews: fresh.map((p) => p.preview), conflicts };
    },
    applyImport: async ({ previewIds, resolutions, includeOtherUnits }) => {
      const list = pending.get(previewIds);
      if (list === null) fail('not-found', 'import.preview-expired');
      const planId = list[0]?.planId as string;
      if (list.some((p) => p.planId !== planId)) fail('refused', 'import.preview-expired');
      const record = await imports.apply(planId, list.map((p) => p.item), undefined, { resolutions, includeOtherUnits });
      pending.discard(previewIds);
      return record;
    },
    keepImportPreviews: ({ previewIds }) => ({ alive: pending.touch(previewIds) }),
    discardImportPreviews: ({ previewIds }) => {
      pending.discard(previewIds);
      return {};
    },
    undoImport: ({ importId }) => undoImport(store, importId, ctx()),
    listImports: () => store.imports.list(),
    exportWorkbook: async ({ planId, year, department }) => {
      const plan = store.plans.getPlan(planId);
      // A department of another plan would get an empty return: refused, naming the plan's own.
      checkPlanDepartment(store, plan, department);
      const grid = buildGrid(store, planId, year, department, now());
      const settings = readSettings(store);
      // Run by the workbook jobs: in this process (loaded on first export), or on the worker thread.
      const bytes = await jobs.exportTemplate({
        plan,
        year,
        department,
        rows: grid.rows,
        clerkName: settings.clerkName,
        clerkPhone: settings.clerkPhone,
        exportedAt: now(),
        appVersion,
        locked: exportLock(store, planId, year, department),
      });
      return { fileName: templateFileName(plan.shortName, year, department), base64: Buffer.from(bytes).toString('base64') };
    },
    getProgress: ({ planId }) => {
      const plan = store.plans.getPlan(planId);
      const actuals = store.actuals.forPlan(planId);
      return plan.indicators.map((ind) => {
        const values: Record<number, number | null> = {};
        for (const y of plan.years) values[y] = actuals.get(actualKey(ind.id, y))?.value ?? null;
        return { indicatorId: ind.id, ...indicatorProgress(ind, plan.years, values, now()) };
      });
    },
    getDashboard: ({ planId, year }) => {
      const plan = store.plans.getPlan(planId);
      const actuals = store.actuals.forPlan(planId);
      return buildDashboard(plan, (id, y) => actuals.get(actualKey(id, y)), year, store.plans.listDepartments(), now(), dashboardStates(store, plan, year, now()));
    },
    exportReport: async ({ planId, year, format, lang }) => {
      const plan = store.plans.getPlan(planId);
      const fileName = reportFileName(plan.shortName, year, format);
      if (format === 'pdf') {
        if (!options.renderReportPdf) fail('refused', 'error.report-pdf-unavailable');
        const bytes = await options.renderReportPdf({ planId, year, lang });
        return { fileName, base64: Buffer.from(bytes).toString('base64') };
      }
      const actuals = store.actuals.forPlan(planId);
      const dashboard = buildDashboard(plan, (id, y) => actuals.get(actualKey(id, y)), year, store.plans.listDepartments(), now(), dashboardStates(store, plan, year, now()));
      const grid = buildGrid(store, planId, year, null, now());
      const settings = readSettings(store);
      // ExcelJS loads on first use, not as the window starts (docs/ARCHITECTURE.md §Start-up and packaging).
      const { exportReportWorkbook } = await import('../workbook/export/report-workbook');
      const bytes = await exportReportWorkbook({
        plan, year, rows: grid.rows, clerkName: settings.clerkName, clerkPhone: settings.clerkPhone, exportedAt: now(), appVersion, dashboard,
      });
      return { fileName, base64: Buffer.from(bytes).toString('base64') };
    },
    getReportingState: ({ planId, year, department }) => departmentYearState(store, planId, year, department, now()),
    getReportingYear: ({ planId, year }) => yearStates(store, planId, year, now()),
    changeReportingState: (change) => ({ state: changeState(store, change, ctx(), now()) }),
    setReportingDeadline: ({ planId, year, deadline }) => setDeadline(store, planId, year, deadline, ctx()),
    setMissNoteRequired: ({ planId, required }) => {
      setMissNoteRequired(store, planId, required, ctx());
      return { required: missNoteRequired(store, planId) };
    },
    saveSettings: (settings) => {
      if (settings.department !== null && !store.plans.listDepartments().includes(settings.department)) {
        fail('refused', 'error.unknown-department', { name: settings.department });
      }
      if (settings.planId != null && !store.plans.listPlans().some((p) => p.id === settings.planId)) fail('not-found', 'error.unknown-plan', { id: settings.planId });
      // The default text size is not written: absent means 100% (settings before it existed read the same).
      const { textSize, ...rest } = settings;
      const stored = textSize === undefined || textSize === DEFAULT_TEXT_SIZE ? rest : settings;
      store.transaction(() => store.settings.set('app', JSON.stringify(stored), { ...ctx(), source: 'settings' }));
      return readSettings(store);
    },
    ...planHandlers(store, ctx, async (plan) => {
      const { writePlanTable } = await import('../workbook/plan-table/write-plan-table');
      return { fileName: planTableFileName(plan), bytes: await writePlanTable(plan) };
    }),
    ...overviewHandlers({
      store, dataFolder, now, ctx, read: jobs.readAndInterpret, settings: () => readSettings(store), aliases: () => readDepartmentAliases(store),
      exportWorkbook: (request) => handlers.exportWorkbook(request),
    }),
  };

  return { handlers: withStoreErrors(handlers, options.dbPath), imports, store, dbPath: options.dbPath, close: () => store.close() };
}

/**
 * SQLite's raw errors during a call ("database is locked", "attempt to write a readonly
 * database", "disk I/O error") become the bilingual messages of open-errors.ts, so a clerk reads
 * what happened and what to do instead of "内部错误：database is locked".
 */
function withStoreErrors(handlers: ApiHandlers, dbPath: string): ApiHandlers {
  const wrapped: Record<string, (request: never) => unknown> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (request: never) => unknown][]) {
    wrapped[name] = (request: never) => {
      const translate = (error: unknown): never => {
        const reason = reasonOfSqliteError(error);
        if (reason === null || error instanceof ApiFailure) throw error;
        const failure = openFailure(reason, dbPath);
        throw new ApiFailure(reason === 'corrupt' ? 'internal' : 'refused', failure.appMessage);
      };
      try {
        const result = handler(request);
        return result instanceof Promise ? result.catch(translate) : result;
      } catch (error) {
        return translate(error);
      }
    };
  }
  return wrapped as unknown as ApiHandlers;
}

