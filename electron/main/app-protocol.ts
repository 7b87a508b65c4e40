// Serving the renderer over app://desk (the pure rules are in app-page.ts). Two steps, in this order:
//   1. before the app is ready: register the scheme as privileged — standard (an origin, relative
//      URLs), secure (like https: ES module scripts and other secure-context features work),
//      fetch-capable, with V8 code caching; nothing more (no CSP bypass, no service workers, and
//      no corsEnabled: that privilege would let other origins read app:// responses; the page's
//      own module scripts are same-origin and need no CORS);
//   2. after ready: answer its requests from the renderer folder only (dist/renderer, inside
//      app.asar when packaged), each with the app's Content-Security-Policy.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME, serveAppRequest } from './app-page';
import { CONTENT_SECURITY_POLICY } from './security';

/** Step 1; must run before app 'ready' (Electron refuses it afterwards). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

/** Step 2: serve app://desk/… from `rendererRoot` (absolute path of dist/renderer). */
export function handleAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request.url, rendererRoot, (path) => readFile(path), { 'Content-Security-Policy': CONTENT_SECURITY_POLICY }));
}
