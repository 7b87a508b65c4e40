// The browser-mode server against the real services on a temporary database: it must refuse
// callers without the run's token, foreign Host headers (DNS rebinding), path traversal, oversize
// and malformed bodies — each with a Result, never a stack — and serve the renderer's index.html.
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/create-services';
import { z } from 'zod';
import { api as contract } from '../../../shared/api/contract';
import { bodyLimit, resolveStaticPath, startWebServer } from '../../../electron/web/server';
import type { WebServer } from '../../../electron/web/server';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { makeTempDir } from '../../helpers/tmp';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so the test controls the Host header and the unnormalised path. */
function send(port: number, options: { method?: string; path: string; host?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: options.host ?? `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe('browser-mode web server', () => {
  const tmp = makeTempDir('web-server-');
  const staticDir = join(tmp.dir, 'static');
  let services: ReturnType<typeof createServices>;
  let server: WebServer;

  beforeAll(async () => {
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>指标填报台</title><div id="root"></div>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    // A secret next to (outside) the static folder: traversal must not reach it.
    writeFileSync(join(tmp.dir, 'secret.txt'), 'TOP-SECRET');
    services = createServices({ dbPath: join(tmp.dir, 'data.sqlite'), mode: 'browser', now: () => new Date('2026-03-15T09:00:00+08:00') });
    server = await startWebServer({ handlers: services.handlers, staticDir, port: 0 });
  });

  afterAll(async () => {
    await server.close();
    services.close();
    tmp.cleanup();
  });

  const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    send(server.port, {
      method: 'POST',
      path: `/api/${method}`,
      headers: { 'Content-Type': 'application/json', 'X-Indicator-Desk-Token': server.token, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('listens on loopback with a random token in the URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${encodeURIComponent(server.token)}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a call that presents the token, from the real database', async () => {
    const res = await api('getGrid', { planId: SEED_PLAN.id, year: 2025, department: '区住建局' });
    expect(res.status).toBe(200);
    const result = JSON.parse(res.body) as { ok: boolean; value: { rows: { indicatorId: string }[] } };
    expect(result.ok).toBe(true);
    expect(result.value.rows.map((r) => r.indicatorId)).toContain('zyyj-02');
    expect(result.value.rows.map((r) => r.indicatorId)).not.toContain('zyyj-13');
  });

  it('refuses a call without the token, or with a wrong one', async () => {
    const none = await send(server.port, { method: 'POST', path: '/api/getBootstrap', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false });
    const wrong = await api('getBootstrap', {}, { 'X-Indicator-Desk-Token': server.token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) });
    expect(wrong.status).toBe(401);
    const short = await api('getBootstrap', {}, { 'X-Indicator-Desk-Token': 'x' });
    expect(short.status).toBe(401);
  });

  it('refuses a token in the query string instead of the header', async () => {
    const res = await send(server.port, { method: 'POST', path: `/api/getBootstrap?token=${server.token}`, headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding), even with the token', async () => {
    const res = await send(server.port, {
      method: 'POST',
      path: '/api/getBootstrap',
      host: `evil.example:${server.port}`,
      headers: { 'Content-Type': 'application/json', 'X-Indicator-Desk-Token': server.token },
      body: '{}',
    });
    expect(res.status).toBe(403);
    const page = await send(server.port, { path: '/', host: 'evil.example' });
    expect(page.status).toBe(403);
    const ok = await send(server.port, { path: '/', host: `localhost:${server.port}` });
    expect(ok.status).toBe(200);
  });

  it('refuses path traversal, plain and encoded', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/../package.json']) {
      const res = await send(server.port, { path });
      expect(res.body, path).not.toContain('TOP-SECRET');
      expect(res.status, path).toBe(404);
    }
    expect(resolveStaticPath(staticDir, '/%2e%2e/secret.txt')).toBeNull();
    expect(resolveStaticPath(staticDir, '/%E0%A4%A')).toBeNull();
    expect(resolveStaticPath(staticDir, '/assets/app.js')).toBe(join(staticDir, 'assets', 'app.js'));
  });

  it('refuses API calls sent by another site’s page, even with the token', async () => {
    const foreign = await api('getBootstrap', {}, { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const own = await api('getBootstrap', {}, { Origin: `http://127.0.0.1:${server.port}` });
    expect(own.status).toBe(200);
    expect(JSON.parse(own.body)).toMatchObject({ ok: true });
  });

  it('accepts only POST with a JSON body on /api, and 404s unknown API paths', async () => {
    const get = await send(server.port, { path: '/api/getBootstrap', headers: { 'X-Indicator-Desk-Token': server.token } });
    expect(get.status).toBe(405);
    const text = await api('getBootstrap', '{}', { 'Content-Type': 'text/plain' });
    expect(text.status).toBe(415);
    const deep = await api('getBootstrap/extra', {});
    expect(deep.status).toBe(404);
    for (const r of [get, text, deep]) expect(JSON.parse(r.body)).toMatchObject({ ok: false });
  });

  it('answers an invalid payload with ok:false invalid-request, not a stack', async () => {
    const res = await api('getGrid', { planId: SEED_PLAN.id, year: 'twenty' });
    expect(res.status).toBe(200);
    const result = JSON.parse(res.body) as { ok: boolean; error: { code: string; message: { zh: string; en: string } } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('invalid-request');
    expect(result.error.message.zh).toContain('请求格式不正确');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers malformed JSON with 400 and a Result', async () => {
    const res = await api('getBootstrap', '{not json');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('answers an unknown method with invalid-request', async () => {
    const res = await api('dropDatabase', {});
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('refuses an oversize body with 413 and does not run the call', async () => {
    const small = await startWebServer({ handlers: services.handlers, staticDir, port: 0, maxBodyBytes: 4096 });
    try {
      const settings = { department: '区住建局', clerkName: 'x'.repeat(90), clerkPhone: '1'.repeat(40), lang: 'en', padding: 'p'.repeat(8000) };
      const res = await send(small.port, {
        method: 'POST',
        path: '/api/saveSettings',
        headers: { 'Content-Type': 'application/json', 'X-Indicator-Desk-Token': small.token },
        body: JSON.stringify(settings),
      });
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      const boot = (await services.handlers.getBootstrap({})) as { settings: { lang: string } };
      expect(boot.settings.lang).toBe('zh');
    } finally {
      await small.close();
    }
  });

  it('limits each body to what its method carries: 413 with a clear bilingual message, the call not run', async () => {
    const headers = { 'Content-Type': 'application/json', 'X-Indicator-Desk-Token': server.token };
    // A settings call carries a few fields: 1 MB is refused at once.
    const big = JSON.stringify({ department: null, clerkName: 'x', clerkPhone: '', lang: 'en', padding: 'p'.repeat(1024 * 1024) });
    const res = await send(server.port, { method: 'POST', path: '/api/saveSettings', headers, body: big });
    expect(res.status).toBe(413);
    const error = (JSON.parse(res.body) as { error: { message: { zh: string; en: string } } }).error;
    expect(error.message.zh).toMatch(/请求过大：saveSettings 最多接受 256 KB/);
    expect(error.message.en).toMatch(/Request too large: saveSettings accepts at most 256 KB/);
    const boot = (await services.handlers.getBootstrap({})) as { settings: { lang: string } };
    expect(boot.settings.lang).toBe('zh');
    // The same size is fine for a batch of edits (here refused by the contract, not by size).
    const edits = await send(server.port, { method: 'POST', path: '/api/saveCells', headers, body: JSON.stringify({ planId: 'x', padding: 'p'.repeat(1024 * 1024) }) });
    expect(edits.status).toBe(200);
    expect(JSON.parse(edits.body)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('takes every call that carries a workbook at workbook size: a 1 MB plan table reaches the reader', async () => {
    // Every contract method whose request holds a file ({ name, base64 }) has a workbook-sized limit.
    for (const [method, spec] of Object.entries(contract)) {
      if (/"base64"/.test(JSON.stringify(z.toJSONSchema(spec.request, { unrepresentable: 'any' })))) expect(bodyLimit(method), method).toBeGreaterThan(50 * 1024 * 1024);
    }
    // Not a workbook, and more than the small limit: refused by the reader in words, not for its size.
    const base64 = Buffer.from('x'.repeat(1024 * 1024)).toString('base64');
    const res = await api('previewPlanTable', { file: { name: '学有优教.xlsx', base64 } });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { ok: boolean; error?: { message: { zh: string } } };
    expect(body.ok).toBe(false);
    expect(body.error?.message.zh).not.toMatch(/请求过大/);
  });

  it('serves index.html with security headers and no CORS', async () => {
    const res = await send(server.port, { path: '/', headers: { Origin: 'http://evil.example' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<div id="root"></div>');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const js = await send(server.port, { path: '/assets/app.js' });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const fallback = await send(server.port, { path: '/some/page' });
    expect(fallback.body).toContain('<div id="root"></div>');
    const missing = await send(server.port, { path: '/assets/missing.js' });
    expect(missing.status).toBe(404);
  });

  it('gives static files an ETag and answers a matching If-None-Match with 304 and no body', async () => {
    const first = await send(server.port, { path: '/assets/app.js' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await send(server.port, { path: '/assets/app.js', headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    // A rebuilt file (other size) no longer matches: the new body comes with a new validator.
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("rebuilt")');
    const changed = await send(server.port, { path: '/assets/app.js', headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.body).toBe('console.log("rebuilt")');
    expect(changed.headers.etag).not.toBe(etag);
    // The single-page fallback is validated as index.html.
    const page = await send(server.port, { path: '/some/page' });
    expect((await send(server.port, { path: '/some/page', headers: { 'If-None-Match': page.headers.etag as string } })).status).toBe(304);
  });
});
