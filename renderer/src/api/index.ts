// The one way the UI reaches the main process: the preload's contract object in Electron, the
// HTTP client in browser mode. Same interface, same Results.
import type { IndicatorDeskApi } from '../../../shared/api/contract';
import { createHttpApi, takeAccessToken } from './http-client';

let instance: IndicatorDeskApi | null = null;

export function getApi(): IndicatorDeskApi {
  if (instance) return instance;
  instance = window.indicatorDesk ?? createHttpApi(takeAccessToken());
  return instance;
}
