// Browser mode: a loopback-only HTTP server that serves the built renderer and offers the same API
// contract as the Electron preload, as POST /api/<method>. Anything that can reach 127.0.0.1 could
// call it, so every API call must present the per-run secret token, and the Host header must name
// the loopback address (a DNS-rebinding page would send its own host name).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ApiHandlers } from '../../shared/api/contract';
import { TOKEN_HEADER } from '../../shared/api/channels';
import { dispatch } from '../../shared/api/dispatch';
import type { Result } from '../../shared/api/result';
import type { Params } from '../../shared/i18n/engine';
import type { SharedMessageKey } from '../../shared/i18n/messages';
import { message } from '../../shared/i18n/messages';
import { contentTypeOf } from '../services/content-types';

export interface WebServerOptions {
  handlers: ApiHandlers;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 or absent = any free port. */
  port?: number;
  /** Absent = a fresh random token for this run. */
  token?: string;
  /** One body limit for every method, in bytes (default: per method, BODY_LIMITS). */
  maxBodyBytes?: number;
  /** Called with unexpected handler errors (the client only sees a short message). */
  onInternalError?: (error: unknown) => void;
}

export interface WebServer {
  /** The address to open, with the token as ?token=… */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * Largest request body per API method, in bytes, fitting what each call carries: previewImport one
 * workbook of up to 50 MB as base64 (the page sends one file per call; the contract caps base64 at
 * 70,000,000 characters), and so does previewPlanTable; saveCells up to 100,000 edits; a plan
 * table's draft (importPlanTable, revisePlanFromTable) up to 2,000 indicators; every other call a
 * few small fields.
 * A larger body is refused with 413 as soon as its size is known, before it is read or parsed.
 */
export const BODY_LIMITS: Readonly<Partial<Record<string, number>>> = {
  previewImport: 72 * 1024 * 1024,
  // A plan table is a workbook as well (pictures and all), sent the same way.
  previewPlanTable: 72 * 1024 * 1024,
  saveCells: 16 * 1024 * 1024,
  // The draft read from a plan table: up to 2,000 indicators with their targets and units.
  importPlanTable: 16 * 1024 * 1024,
  revisePlanFromTable: 16 * 1024 * 1024,
};
/** Limit for methods not in BODY_LIMITS. */
export const SMALL_BODY_BYTES = 256 * 1024;
/** The largest of the limits (kept for callers that need one number). */
export const MAX_BODY_BYTES = 72 * 1024 * 1024;

/** The body limit for `method` (a test may impose one `override` for all). */
export function bodyLimit(method: string, override?: number): number {
  return override ?? BODY_LIMITS[method] ?? SMALL_BODY_BYTES;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}


const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function failure(code: 'invalid-request' | 'refused' | 'not-found', key: SharedMessageKey, params: Params = {}): Result<never> {
  return { ok: false, error: { code, message: message(key, params) } };
}

/** Constant-time token check; lengths differ → false without comparing. */
export function tokenMatches(expected: string, presented: string | undefined): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(presented, 'utf8');
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}

function hostAllowed(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** A browser names the page that sent a request; only our own pages may call the API. */
function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true; // non-browser clients (tests, curl) send none
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** Reads the body up to `limit` bytes; resolves null when the limit is exceeded. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolvePromise, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      resolvePromise(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      if (tooBig) return;
      size += chunk.length;
      if (size > limit) {
        tooBig = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(tooBig ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Maps a URL path to a file inside staticDir, or null when it would escape it. Decoding happens
 * once, before the check, so %2e%2e and %2f cannot sneak past it.
 */
export function resolveStaticPath(staticDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const root = resolve(staticDir);
  const relative = decoded.replace(/^\/+/, '');
  const full = resolve(root, relative === '' ? 'index.html' : relative);
  if (full !== root && !full.startsWith(root + sep)) return null;
  return full;
}

async function serveStatic(staticDir: string, urlPath: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const file = resolveStaticPath(staticDir, urlPath);
  if (file === null) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return;
  }
  let target = file;
  let info = await stat(target).catch(() => null);
  if (!info || !info.isFile()) {
    // Single-page app: unknown paths without an extension get index.html; missing assets get 404.
    if (extname(file) !== '') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    target = resolve(staticDir, 'index.html');
    info = await stat(target).catch(() => null);
  }
  if (!info || !info.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found: build the renderer first (npm run build:renderer)');
    return;
  }
  // A reload revalidates (no-cache) and gets 304 without the body when the file is unchanged.
  const etag = staticEtag(info.size, info.mtimeMs);
  const type = contentTypeOf(target);
  const headers = { 'Content-Type': type, 'Cache-Control': 'no-cache', ETag: etag };
  if (etagMatches(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const body = await readFile(target).catch(() => null);
  if (body === null) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found: build the renderer first (npm run build:renderer)');
    return;
  }
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Weak validator of a static file from its size and modification time (a rebuild changes either). */
export function staticEtag(size: number, mtimeMs: number): string {
  return `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
}

/** If-None-Match holds `etag` (a list, weak or strong form) or "*". */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}

async function handleApi(
  options: WebServerOptions,
  token: string,
  port: number,
  method: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    sendJson(res, 405, failure('invalid-request', 'error.invalid-request', { detail: 'use POST' }));
    return;
  }
  if (!originAllowed(req.headers.origin, port)) {
    req.resume();
    sendJson(res, 403, failure('refused', 'error.invalid-request', { detail: 'request from another site' }));
    return;
  }
  const presented = req.headers[TOKEN_HEADER];
  if (!tokenMatches(token, Array.isArray(presented) ? undefined : presented)) {
    req.resume();
    sendJson(res, 401, failure('refused', 'error.invalid-request', { detail: 'missing or wrong access token' }));
    return;
  }
  const contentType = String(req.headers['content-type'] ?? '');
  if (!contentType.toLowerCase().startsWith('application/json')) {
    req.resume();
    sendJson(res, 415, failure('invalid-request', 'error.invalid-request', { detail: 'Content-Type must be application/json' }));
    return;
  }
  const limit = bodyLimit(method, options.maxBodyBytes);
  const body = await readBody(req, limit);
  if (body === null) {
    sendJson(res, 413, failure('invalid-request', 'error.too-large', { method, limit: sizeText(limit) }));
    return;
  }
  let payload: unknown;
  try {
    payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    sendJson(res, 400, failure('invalid-request', 'error.invalid-request', { detail: 'body is not valid JSON' }));
    return;
  }
  const result = await dispatch(options.handlers, method, payload, options.onInternalError);
  sendJson(res, 200, result);
}

export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let port = options.port ?? 0;

  const server = createServer((req, res) => {
    securityHeaders(res);
    if (!hostAllowed(req.headers.host, port)) {
      req.resume();
      sendJson(res, 403, failure('refused', 'error.invalid-request', { detail: 'unexpected Host header' }));
      return;
    }
    const url = req.url ?? '/';
    const pathOnly = url.split('?')[0] ?? '/';
    const apiMatch = /^\/api\/([A-Za-z]+)$/.exec(pathOnly);
    const work = apiMatch
      ? handleApi(options, token, port, apiMatch[1] as string, req, res)
      : pathOnly.startsWith('/api/')
        ? Promise.resolve(sendJson(res, 404, failure('not-found', 'error.invalid-request', { detail: 'unknown API path' })))
        : req.method === 'GET' || req.method === 'HEAD'
          ? serveStatic(options.staticDir, pathOnly, req, res)
          : Promise.resolve(sendJson(res, 405, failure('invalid-request', 'error.invalid-request', { detail: 'method not allowed' })));
    work.catch((error: unknown) => {
      options.onInternalError?.(error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: message('error.internal', { detail: 'server error' }) } });
      else res.end();
    });
  });
  // Big imports take a while to parse; do not cut them off.
  server.requestTimeout = 10 * 60_000;

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      resolvePromise({
        url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(token)}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
