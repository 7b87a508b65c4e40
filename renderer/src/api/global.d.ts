// What the Electron preload exposes (contextBridge): the API contract as window.indicatorDesk, and
// a narrow subscription to native-menu actions as window.indicatorDeskShell. In browser mode
// neither exists. The preload checks every action with shared isMenuAction() before delivering.
import type { IndicatorDeskApi } from '../../../shared/api/contract';
import type { DroppedFile, MenuAction } from '../../../shared/api/shell';

export type ShellFile = DroppedFile;
export type ShellAction = MenuAction;

export interface IndicatorDeskShell {
  onMenuAction(callback: (action: ShellAction) => void): () => void;
}

declare global {
  interface Window {
    indicatorDesk?: IndicatorDeskApi;
    indicatorDeskShell?: IndicatorDeskShell;
  }
}

export {};
