// IPC wiring: ONE channel carries the whole API contract. Each call is checked for where it came
// from (our page, in our window, top frame) before shared dispatch() validates the payload against
// the contract and runs the handler. The renderer gets a Result; stacks stay in the main log.
import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { pathToFileURL } from 'node:url';
import type { ApiHandlers } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import type { Result } from '../../shared/api/result';
import { message } from '../../shared/i18n/messages';
import { API_CHANNEL } from '../../shared/api/channels';

export interface SenderPolicy {
  /** file:// URL of our renderer page (from pathToFileURL(indexHtmlPath)). */
  indexUrl: string;
  /** Whether these WebContents belong to one of our own windows. */
  isOurWebContents: (contents: WebContents) => boolean;
}

export function senderPolicyFor(indexHtmlPath: string, isOurWebContents: SenderPolicy['isOurWebContents']): SenderPolicy {
  return { indexUrl: pathToFileURL(indexHtmlPath).href, isOurWebContents };
}

/**
 * The file a file:// page address points at, without query or fragment (the renderer may use
 * #/routes), percent-decoded so that Chromium's and Node's spellings of the same path (spaces,
 * Chinese folder names such as C:\\Program Files\\指标填报台) compare equal. Null for other schemes.
 */
export function filePageOf(url: string, platform: NodeJS.Platform = process.platform): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'file:' || parsed.host !== '') return null;
    const path = decodeURIComponent(parsed.pathname);
    // Windows paths are case-insensitive, and drive letters come in either case.
    return platform === 'win32' ? path.toLowerCase() : path;
  } catch {
    return null;
  }
}

/** Only the top frame of our own page, in our own window, may call the API. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, policy: SenderPolicy): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!policy.isOurWebContents(event.sender)) return false;
  const page = filePageOf(frame.url);
  return page !== null && page === filePageOf(policy.indexUrl);
}

function untrustedSender(): Result<never> {
  return { ok: false, error: { code: 'refused', message: message('error.untrusted-sender') } };
}

/** What the channel does with one call; exported so tests can drive it without ipcMain. */
export async function handleApiCall(
  handlers: ApiHandlers,
  policy: SenderPolicy,
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  method: unknown,
  payload: unknown,
): Promise<Result<unknown>> {
  if (!isTrustedSender(event, policy)) {
    console.warn('[ipc] dropped a call from an untrusted frame:', event.senderFrame?.url.slice(0, 200) ?? '(none)');
    return untrustedSender();
  }
  return dispatch(handlers, method, payload, (error) => {
    // The full error (with stack) is for the log only; the renderer gets a one-line message.
    console.error(`[ipc] ${String(method)} failed:`, error);
  });
}

/**
 * Register the API channel. `getHandlers` is read per call so that restoring a backup or moving the
 * data folder can swap the services without re-registering. Returns an unregister function.
 */
export function registerApiIpc(getHandlers: () => ApiHandlers, policy: SenderPolicy): () => void {
  ipcMain.handle(API_CHANNEL, (event, method: unknown, payload: unknown) => handleApiCall(getHandlers(), policy, event, method, payload));
  return () => ipcMain.removeHandler(API_CHANNEL);
}
