// The desktop app's page lives at app://desk/… — a custom scheme registered as standard and secure
// (app-protocol.ts), not file://, so the page gets an origin of its own and Electron's extra file://
// privileges can stay off (electron-builder.yml's grantFileProtocolExtraPrivileges fuse). This module
// holds the pure rules, testable in plain Node: which address is our page (the IPC sender check),
// and which file inside the renderer folder an app:// address may read (never one outside it).
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { contentTypeOf } from '../services/content-types';

/** The scheme and host of the app's page: app://desk. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The renderer's page: app://desk/index.html, with an optional query (the report view: view, year, lang). */
export function appPageUrl(query?: Readonly<Record<string, string>>): string {
  const url = new URL(`${APP_ORIGIN}/index.html`);
  for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
  return url.href;
}

/**
 * True when `url` is our page: app://desk/index.html (or app://desk/), whatever its query and
 * fragment (#/routes). Any other scheme — file:// included —, host, port, path or credentials is not.
 */
export function isAppPageUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    (parsed.pathname === '/index.html' || parsed.pathname === '/')
  );
}

/**
 * The file an app:// request reads, inside `rendererRoot` (absolute path of dist/renderer), or null
 * when the address must be refused: another scheme or host, an undecodable or NUL-bearing path, a
 * backslash or drive letter (Windows paths), or a path that resolves outside the folder (`..`, also
 * percent-encoded as %2e%2e or %2f). `/` is index.html.
 */
export function fileForAppUrl(url: string, rendererRoot: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname.toLowerCase() !== APP_HOST || parsed.port !== '' || parsed.username !== '' || parsed.password !== '') return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\') || /^\/?[a-z]:/i.test(path)) return null;
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const root = resolve(rendererRoot);
  const file = resolve(root, ...(segments.length > 0 ? segments : ['index.html']));
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
  return file;
}

export { contentTypeOf };

/**
 * Answer one app:// request: the file's bytes with its type and `headers` (the Content-Security-
 * Policy), 403 for an address outside the renderer folder, 404 for a missing file. `readFile` is
 * Node's (asar-aware inside Electron, so the packaged app reads from app.asar).
 */
export async function serveAppRequest(
  url: string,
  rendererRoot: string,
  readFile: (path: string) => Promise<Uint8Array>,
  headers: Readonly<Record<string, string>> = {},
): Promise<Response> {
  const file = fileForAppUrl(url, rendererRoot);
  if (file === null) return new Response('Forbidden', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  let body: Uint8Array;
  try {
    body = await readFile(file);
  } catch {
    return new Response('Not Found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  // Node's Buffer is typed over ArrayBufferLike; its bytes are an ordinary ArrayBuffer's.
  return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers: { ...headers, 'Content-Type': contentTypeOf(file), 'X-Content-Type-Options': 'nosniff' } });
}
