// In Electron the preload exposes the contract object as window.indicatorDesk (contextBridge).
import type { IndicatorDeskApi } from '../../../shared/api/contract';

declare global {
  interface Window {
    indicatorDesk?: IndicatorDeskApi;
  }
}

export {};
