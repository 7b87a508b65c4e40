// The use cases behind the API contract, as plain Node: the Electron IPC handler, the browser-mode
// HTTP server, the CLI and the tests all call these same handlers on the same database.
import { basename, dirname } from 'node:path';
import type { ApiHandlers, ImportFailure, ImportRecord, Settings } from '../../shared/api/contract';
import { DEFAULT_KEEP, backupNow, pruneBackups } from '../backup/backups';
import { indicatorProgress } from '../../shared/domain/progress';
import { ApiFailure, fail } from '../../shared/api/result';
import { openFailure, reasonOfSqliteError } from '../store/open-errors';
import { Store } from '../store/store';
import { osUserName } from '../store/os-user';
import type { StoreOptions } from '../store/store';
import { actualKey } from '../store/repositories/actuals-repo';
import { templateFileName } from '../workbook/template-format';
import { saveCells } from './edit-service';
import { buildGrid, isoDate } from './grid-service';
import type { PendingImport } from './import-service';
import { applyImports, previewFiles, undoImport } from './import-service';
import type { PreviewCacheOptions } from './preview-cache';
import { PreviewCache } from './preview-cache';

export const APP_VERSION = '0.1.0';

export interface ServicesOptions extends StoreOptions {
  dbPath: string;
  mode: 'desktop' | 'browser';
  /** Clock; tests fix it so statuses do not depend on the day they run. */
  now?: () => Date;
  appVersion?: string;
  /** Bounds on the import previews held in memory (tests shrink them). */
  previews?: PreviewCacheOptions;
  /**
   * Where to take the 'before-import' backup each applied import starts with, and how many of those
   * to keep. Absent: no backup (tests, browser mode). The desktop app and the CLI pass their
   * data folder's backups/ (docs/ARCHITECTURE.md §Import pipeline).
   */
  importBackups?: { folder: string; keep?: () => number };
}

/** The import use case, shared by the API handlers (window, browser) and the CLI. */
export interface ImportUseCase {
  /** Read, interpret and diff files; nothing is written. `onProgress` is called before each file. */
  preview(planId: string, files: { name: string; bytes: Uint8Array }[], onProgress?: (done: number, total: number, name: string) => void): Promise<{ pending: PendingImport[]; failures: ImportFailure[] }>;
  /** Back up (when configured), then apply the previewed files in one transaction. */
  apply(planId: string, pending: PendingImport[], who?: string): Promise<ImportRecord>;
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

export function createServices(options: ServicesOptions): Services {
  const now = options.now ?? (() => new Date());
  const store = Store.open(options.dbPath, options);
  const appVersion = options.appVersion ?? APP_VERSION;
  const pending = new PreviewCache<{ planId: string; item: PendingImport }>(options.previews);

  /** The audit "who": the clerk's name from settings, else the OS account (recorded in os_user too). */
  const who = () => readSettings(store).clerkName.trim() || osUserName();
  const ctx = () => ({ who: who(), at: now().toISOString() });

  const imports: ImportUseCase = {
    preview: (planId, files, onProgress) => previewFiles(store, store.plans.getPlan(planId), files, onProgress),
    apply: async (planId, items, whoOverride) => {
      const plan = store.plans.getPlan(planId);
      const backups = options.importBackups;
      if (backups) {
        await backupNow(store, backups.folder, 'before-import', { dbFileName: basename(options.dbPath) });
        pruneBackups(backups.folder, 'before-import', backups.keep?.() ?? DEFAULT_KEEP);
      }
      return applyImports(store, plan, items, whoOverride === undefined ? ctx() : { ...ctx(), who: whoOverride });
    },
  };

  const handlers: ApiHandlers = {
    getBootstrap: () => ({
      appVersion,
      mode: options.mode,
      today: isoDate(now()),
      plans: store.plans.listPlans(),
      departments: store.plans.listDepartments(),
      settings: readSettings(store),
      dataFolder: dirname(options.dbPath),
    }),
    getPlan: ({ planId }) => store.plans.getPlan(planId),
    getGrid: ({ planId, year, department }) => buildGrid(store, planId, year, department, now()),
    saveCells: ({ planId, source, edits }) => ({ results: saveCells(store, planId, source, edits, ctx(), now()) }),
    getCellHistory: ({ indicatorId, year }) => store.audit.forCell(indicatorId, year),
    previewImport: async ({ planId, files }) => {
      const decoded = files.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.base64, 'base64')) }));
      const { pending: ready, failures } = await imports.preview(planId, decoded);
      pending.add(ready.map((p) => ({ id: p.preview.previewId, value: { planId, item: p }, rows: p.book.rows.length })));
      return { previews: ready.map((p) => p.preview), failures };
    },
    applyImport: async ({ previewIds }) => {
      const list = pending.get(previewIds);
      if (list === null) fail('not-found', 'import.preview-expired');
      const planId = list[0]?.planId as string;
      if (list.some((p) => p.planId !== planId)) fail('refused', 'import.preview-expired');
      const record = await imports.apply(planId, list.map((p) => p.item));
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
      const grid = buildGrid(store, planId, year, department, now());
      const settings = readSettings(store);
      // Loaded on first export (ExcelJS): the desktop window opens without it (docs/ARCHITECTURE.md §Start-up and packaging).
      const { exportTemplate } = await import('../workbook/export/export-template');
      const bytes = await exportTemplate({
        plan,
        year,
        department,
        rows: grid.rows,
        clerkName: settings.clerkName,
        clerkPhone: settings.clerkPhone,
        exportedAt: now(),
        appVersion,
      });
      return { fileName: templateFileName(plan.shortName, year, department), base64: Buffer.from(bytes).toString('base64') };
    },
    getProgress: ({ planId }) => {
      const plan = store.plans.getPlan(planId);
      const actuals = store.actuals.forPlan(planId);
      return plan.indicators.map((ind) => {
        const values: Record<number, number | null> = {};
        for (const y of plan.years) values[y] = actuals.get(actualKey(ind.id, y))?.value ?? null;
        return { indicatorId: ind.id, ...indicatorProgress(ind, plan.years, values) };
      });
    },
    saveSettings: (settings) => {
      if (settings.department !== null && !store.plans.listDepartments().includes(settings.department)) {
        fail('refused', 'error.unknown-department', { name: settings.department });
      }
      store.transaction(() => store.settings.set('app', JSON.stringify(settings), { ...ctx(), source: 'settings' }));
      return readSettings(store);
    },
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

