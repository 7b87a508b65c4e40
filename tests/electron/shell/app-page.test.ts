// The app://desk rules in plain Node (no Electron here): which address is our page (the IPC sender
// check), which file an address reads (never one outside the renderer folder), and the answers
// the protocol handler gives — on real files in a temporary renderer folder.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN, appPageUrl, contentTypeOf, fileForAppUrl, isAppPageUrl, serveAppRequest } from '../../../electron/main/app-page';
import { makeTempDir } from '../../helpers/tmp';

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());
const root = join(tmp.dir, 'app', 'dist', 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>指标填报台</title>');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'export const x = 1;');
writeFileSync(join(root, 'assets', '指标 图.svg'), '<svg/>');
writeFileSync(join(tmp.dir, 'app', 'secret.txt'), 'secret');
mkdirSync(join(tmp.dir, 'app', 'dist', 'renderer-evil'));
writeFileSync(join(tmp.dir, 'app', 'dist', 'renderer-evil', 'x.js'), 'evil');

describe('our page', () => {
  it('is app://desk/index.html with any query or route', () => {
    expect(APP_ORIGIN).toBe('app://desk');
    expect(appPageUrl()).toBe('app://desk/index.html');
    expect(appPageUrl({ view: 'report', year: '2025', lang: 'en' })).toBe('app://desk/index.html?view=report&year=2025&lang=en');
    for (const url of ['app://desk/index.html', 'app://desk/', 'app://desk/index.html#/progress', 'app://desk/index.html?view=report&year=2025', 'app://DESK/index.html']) {
      expect(isAppPageUrl(url), url).toBe(true);
    }
  });

  it('is nothing else: file://, other hosts, ports, credentials, paths, schemes', () => {
    for (const url of [
      'file:///opt/指标填报台/resources/app.asar/dist/renderer/index.html',
      'app://evil/index.html',
      'app://desk.evil/index.html',
      'app://desk:8080/index.html',
      'app://user:pw@desk/index.html',
      'app://desk/assets/index-abc.js',
      'app://desk/other/index.html',
      'https://desk/index.html',
      'http://localhost/index.html',
      'about:blank',
      'not a url',
      '',
    ]) {
      expect(isAppPageUrl(url), url).toBe(false);
    }
  });
});

describe('fileForAppUrl', () => {
  it('maps addresses to files inside the renderer folder', () => {
    expect(fileForAppUrl('app://desk/index.html', root)).toBe(join(root, 'index.html'));
    expect(fileForAppUrl('app://desk/', root)).toBe(join(root, 'index.html'));
    expect(fileForAppUrl('app://desk/index.html?view=report#/x', root)).toBe(join(root, 'index.html'));
    expect(fileForAppUrl('app://desk/assets/index-abc.js', root)).toBe(join(root, 'assets', 'index-abc.js'));
    expect(fileForAppUrl('app://desk/assets/%E6%8C%87%E6%A0%87%20%E5%9B%BE.svg', root)).toBe(join(root, 'assets', '指标 图.svg'));
  });

  it('refuses traversal out of the folder, in every spelling, and other hosts or schemes', () => {
    for (const url of [
      'app://desk/%2E%2E%2Fsecret.txt',
      'app://desk/assets/..%2f..%2fsecret.txt',
      'app://desk/..%5csecret.txt',
      'app://desk/assets%5c..%5c..%5csecret.txt',
      'app://desk/%2e%2e%2frenderer-evil/x.js',
      'app://desk/C:/Windows/win.ini',
      'app://desk/c:%5cWindows%5cwin.ini',
      'app://desk/index.html%00.js',
      'app://desk/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
      'app://desk:1/index.html',
    ]) {
      expect(fileForAppUrl(url, root), url).toBeNull();
    }
    // WHATWG URL parsing (Chromium's too) folds ../ and %2e%2e/ segments: they stay inside the folder.
    expect(fileForAppUrl('app://desk/../../secret.txt', root)).toBe(join(root, 'secret.txt'));
    expect(fileForAppUrl('app://desk/%2e%2e/secret.txt', root)).toBe(join(root, 'secret.txt'));
  });
});

describe('serveAppRequest', () => {
  const csp = { 'Content-Security-Policy': "default-src 'self'" };
  const serve = (url: string) => serveAppRequest(url, root, (p) => readFile(p), csp);

  it('serves files with their type and the policy', async () => {
    const page = await serve('app://desk/index.html?view=report');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toBe(readFileSync(join(root, 'index.html'), 'utf8'));
    const script = await serve('app://desk/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('export const x = 1;');
  });

  it('answers 403 for escapes (never reading the file) and 404 for missing files', async () => {
    const read: string[] = [];
    const escaped = await serveAppRequest('app://desk/%2e%2e%2f%2e%2e%2fsecret.txt', root, async (p) => {
      read.push(p);
      return readFile(p);
    });
    expect(escaped.status).toBe(403);
    expect(await escaped.text()).not.toContain('secret');
    expect(read).toEqual([]);
    expect((await serve('app://desk/assets/missing.js')).status).toBe(404);
    expect((await serve('app://desk/assets')).status).toBe(404);
  });

  it('types by extension, unknown as octet-stream', () => {
    expect(contentTypeOf('/x/a.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('/x/font.woff2')).toBe('font/woff2');
    expect(contentTypeOf('/x/blob.bin')).toBe('application/octet-stream');
  });
});
