// The preload: the page's only door to the main process. It exposes the API contract as
// window.indicatorDesk (one invoke per method, nothing else) and a narrow menu-action subscription
// as window.indicatorDeskShell. Raw ipcRenderer and IPC events never reach the page.
// Bundled to CommonJS by scripts/build-electron.mjs: a sandboxed preload cannot load ES modules.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { ApiMethod, ApiRequest, ApiResponse, IndicatorDeskApi } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import type { MenuAction } from '../../shared/api/shell';
import { isMenuAction } from '../../shared/api/shell';
import { API_CHANNEL, MENU_CHANNEL } from '../../shared/api/channels';

function call<M extends ApiMethod>(method: M): (request: ApiRequest<M>) => Promise<Result<ApiResponse<M>>> {
  return (request) => ipcRenderer.invoke(API_CHANNEL, method, request) as Promise<Result<ApiResponse<M>>>;
}

// Written out by name and checked with `satisfies`: a method added to the contract and not here (or
// a stray extra) is a compile error; tests/electron/shell/preload.test.ts checks the same at runtime.
export const indicatorDeskApi = {
  getBootstrap: call('getBootstrap'),
  getPlan: call('getPlan'),
  getGrid: call('getGrid'),
  saveCells: call('saveCells'),
  getCellHistory: call('getCellHistory'),
  previewImport: call('previewImport'),
  consolidateImport: call('consolidateImport'),
  applyImport: call('applyImport'),
  keepImportPreviews: call('keepImportPreviews'),
  discardImportPreviews: call('discardImportPreviews'),
  undoImport: call('undoImport'),
  listImports: call('listImports'),
  reopenImport: call('reopenImport'),
  getDepartmentAliases: call('getDepartmentAliases'),
  saveDepartmentAliases: call('saveDepartmentAliases'),
  exportWorkbook: call('exportWorkbook'),
  getProgress: call('getProgress'),
  getDashboard: call('getDashboard'),
  exportReport: call('exportReport'),
  saveSettings: call('saveSettings'),
  // plans as data
  listPlans: call('listPlans'),
  getPlanForEditing: call('getPlanForEditing'),
  previewPlanTable: call('previewPlanTable'),
  importPlanTable: call('importPlanTable'),
  revisePlanFromTable: call('revisePlanFromTable'),
  revisePlanTarget: call('revisePlanTarget'),
  updatePlanIndicator: call('updatePlanIndicator'),
  addPlanIndicator: call('addPlanIndicator'),
  setPlanYears: call('setPlanYears'),
  setPlanIndicatorRetired: call('setPlanIndicatorRetired'),
  updatePlanInfo: call('updatePlanInfo'),
  copyPlanToPeriod: call('copyPlanToPeriod'),
  listPlanRevisions: call('listPlanRevisions'),
  exportPlanTable: call('exportPlanTable'),
  getDepartmentContacts: call('getDepartmentContacts'),
  saveDepartmentContacts: call('saveDepartmentContacts'),
  getReportingOverview: call('getReportingOverview'),
  draftImportReply: call('draftImportReply'),
  draftReminders: call('draftReminders'),
  getReportingState: call('getReportingState'),
  getReportingYear: call('getReportingYear'),
  changeReportingState: call('changeReportingState'),
  setReportingDeadline: call('setReportingDeadline'),
  setMissNoteRequired: call('setMissNoteRequired'),
} satisfies IndicatorDeskApi;

export interface IndicatorDeskShell {
  /** Subscribe to native menu actions; returns the unsubscribe function. */
  onMenuAction(callback: (action: MenuAction) => void): () => void;
}

// Actions that arrive before the page subscribes (a workbook named on the command line is sent as
// soon as the page has loaded, possibly before React has mounted) wait here, a few at most.
const MAX_PENDING = 20;
const pending: MenuAction[] = [];
const subscribers = new Set<(action: MenuAction) => void>();

ipcRenderer.on(MENU_CHANNEL, (_event: IpcRendererEvent, action: unknown) => {
  if (!isMenuAction(action)) return;
  if (subscribers.size === 0) {
    if (pending.length < MAX_PENDING) pending.push(action);
    return;
  }
  for (const callback of subscribers) callback(action);
});

export const indicatorDeskShell: IndicatorDeskShell = {
  onMenuAction(callback) {
    // Wrapped so the page's function is called with the action only, never the IPC event.
    const subscriber = (action: MenuAction): void => callback(action);
    subscribers.add(subscriber);
    for (const action of pending.splice(0)) subscriber(action);
    return () => {
      subscribers.delete(subscriber);
    };
  },
};

contextBridge.exposeInMainWorld('indicatorDesk', indicatorDeskApi);
contextBridge.exposeInMainWorld('indicatorDeskShell', indicatorDeskShell);
