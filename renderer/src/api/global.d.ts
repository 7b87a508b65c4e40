// What the Electron preload exposes (contextBridge): the API contract as window.indicatorDesk, and
// a narrow subscription to native-menu actions as window.indicatorDeskShell. In browser mode
// neither exists. The action shapes mirror electron/preload/channels.ts, which the renderer may
// not import (layering); the preload checks them at runtime before delivering.
import type { IndicatorDeskApi } from '../../../shared/api/contract';

export interface ShellFile {
  name: string;
  base64: string;
}

export type ShellAction =
  | { type: 'import-files'; files: ShellFile[] }
  | { type: 'show-message'; zh: string; en: string };

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
