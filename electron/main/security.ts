// Defence in depth for the shell: the app only ever shows its own local page, so every navigation,
// new window, permission prompt and embedded webview is refused, and every response gets a strict
// Content-Security-Policy. Links to the web open in the user's browser — only http(s) ones, and only
// after the clerk said yes to the address shown (a page must not send anyone to a site unasked).
import { dialog, shell } from 'electron';
import type { Session, WebContents } from 'electron';

/**
 * The policy sent with every response. It matches the renderer's own <meta> policy (font-src
 * data: is needed by the grid's embedded icon font) and adds frame-ancestors, which a <meta>
 * policy cannot carry.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** True only for a well-formed http: or https: URL without embedded credentials. */
export function isSafeExternalUrl(raw: unknown): raw is string {
  if (typeof raw !== 'string' || raw.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return url.username === '' && url.password === '' && url.hostname !== '';
}

/** Open a link in the user's browser after checking it; anything else (file:, javascript:, smb:…) is dropped. */
export async function openExternalSafely(raw: unknown): Promise<boolean> {
  if (!isSafeExternalUrl(raw)) {
    console.warn('[security] refused to open external URL:', String(raw).slice(0, 200));
    return false;
  }
  // Checked just above: only a well-formed http(s) URL gets here.
  await shell.openExternal(new URL(raw).toString()); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
  return true;
}

/**
 * Applied to every WebContents the app creates (main.ts wires it to 'web-contents-created'): the
 * page can never navigate away from itself, open a window or attach a webview. A denied window
 * with an http(s) address is offered to the browser after `confirm` (default: ask the clerk).
 */
export function hardenWebContents(contents: WebContents, confirm: ConfirmExternal = askBeforeOpening): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    console.warn('[security] blocked navigation to', url.slice(0, 200));
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    console.warn('[security] blocked redirect to', url.slice(0, 200));
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      void confirm(url).then(
        (yes) => (yes ? openExternalSafely(url) : false),
        (error: unknown) => console.warn('[security] could not ask about an external link:', error),
      );
    } else console.warn('[security] refused to open external URL:', String(url).slice(0, 200));
    return { action: 'deny' };
  });
}

/** Decides whether a link the page tried to open in a new window goes to the browser. */
export type ConfirmExternal = (url: string) => Promise<boolean>;

/** Ask (both languages: the shell's language is not known here) with the full address shown. */
export const askBeforeOpening: ConfirmExternal = async (url) => {
  const host = new URL(url).host;
  const { response } = await dialog.showMessageBox({
    type: 'question',
    message: `在浏览器中打开 ${host} 的网页？\nOpen this page from ${host} in your browser?`,
    detail: url,
    buttons: ['取消 / Cancel', '在浏览器中打开 / Open in Browser'],
    defaultId: 0,
    cancelId: 0,
  });
  return response === 1;
};

/**
 * Deny every permission (camera, notifications, clipboard-read…) and add the CSP header.
 * The app:// responses carry the policy themselves (app-protocol.ts) and the renderer's index.html
 * repeats it in a <meta> tag; this hook is one more layer for every other response (and, like the
 * app:// header, can carry frame-ancestors, which a <meta> policy cannot).
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    console.warn('[security] denied permission request:', permission);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    // Drop any policy a response brought with it; ours is the only one.
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
}
