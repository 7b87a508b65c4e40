// IPC wiring: ONE channel carries the whole API contract. Each call is checked for where it came
// from (our page, in our window, top frame) before shared dispatch() validates the payload against
// the contract and runs the handler. The renderer gets a Result; stacks stay in the main log.
import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { ApiHandlers } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import type { Result } from '../../shared/api/result';
import { message } from '../../shared/i18n/messages';
import { API_CHANNEL } from '../../shared/api/channels';
import { isAppPageUrl } from './app-page';

export interface SenderPolicy {
  /** Whether these WebContents belong to one of our own windows. */
  isOurWebContents: (contents: WebContents) => boolean;
}

/** The policy for our windows: only our page (app://desk/index.html, app-page.ts) in them may call. */
export function senderPolicyFor(isOurWebContents: SenderPolicy['isOurWebContents']): SenderPolicy {
  return { isOurWebContents };
}

/**
 * Only the top frame of our own page, in our own window, may call the API. Our page is
 * app://desk/index.html (any query or #/route); a file:// page — even our own index.html opened
 * that way — or any other origin is refused.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, policy: SenderPolicy): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!policy.isOurWebContents(event.sender)) return false;
  return isAppPageUrl(frame.url);
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
