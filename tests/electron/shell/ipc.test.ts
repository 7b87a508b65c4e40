// The API channel: registered through a recording ipcMain, called with fake IPC events, served by
// the REAL services on a real SQLite file in a temporary folder.
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiHandlers } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { makeTempDir } from '../../helpers/tmp';

const registered = vi.hoisted(() => new Map<string, (event: unknown, ...args: unknown[]) => unknown>());
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => registered.set(channel, fn),
    removeHandler: (channel: string) => registered.delete(channel),
  },
}));

import { registerApiIpc, senderPolicyFor } from '../../../electron/main/ipc';
import { API_CHANNEL } from '../../../shared/api/channels';
import { createServices } from '../../../electron/services/create-services';
import type { Services } from '../../../electron/services/create-services';

const indexHtml = join('/opt/指标填报台/resources/app.asar', 'dist', 'renderer', 'index.html');
const ourContents = { id: 1 } as WebContents;
const otherContents = { id: 2 } as WebContents;

function event(url: string, options: { sender?: WebContents; subframe?: boolean } = {}): Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'> {
  const frame = { url, parent: options.subframe ? {} : null };
  return { sender: options.sender ?? ourContents, senderFrame: frame } as unknown as Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;
}

const ourUrl = 'app://desk/index.html';
/** Our own renderer page opened as a file: no longer our page (the app serves it over app://desk). */
const ourFileUrl = pathToFileURL(indexHtml).href;

describe('the indicator-desk:api channel', () => {
  const tmp = makeTempDir();
  let services: Services;
  let handlers: ApiHandlers;
  let unregister: () => void;
  const call = (e: ReturnType<typeof event>, method: unknown, payload: unknown) => {
    const fn = registered.get(API_CHANNEL);
    if (!fn) throw new Error('channel not registered');
    return fn(e, method, payload) as Promise<Result<unknown>>;
  };

  beforeAll(() => {
    services = createServices({ dbPath: join(tmp.dir, 'desk.sqlite'), mode: 'desktop', now: () => new Date('2026-03-01T08:00:00Z') });
    handlers = { ...services.handlers };
    unregister = registerApiIpc(() => handlers, senderPolicyFor((c) => c.id === ourContents.id));
  });
  afterAll(() => {
    unregister();
    services.close();
    tmp.cleanup();
  });

  it('serves a valid call from our page', async () => {
    const result = await call(event(ourUrl), 'getBootstrap', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as { mode: string; plans: { id: string }[] };
    expect(value.mode).toBe('desktop');
    expect(value.plans.length).toBeGreaterThan(0);
    // A hash route on our page is still our page.
    expect((await call(event(`${ourUrl}#/progress`), 'getBootstrap', {})).ok).toBe(true);
  });

  it('refuses a malformed payload with a typed error and no stack', async () => {
    const plans = await services.handlers.getBootstrap({});
    const planId = plans.plans[0]?.id ?? '';
    const result = await call(event(ourUrl), 'saveCells', { planId, source: 'typed', edits: [{ indicatorId: 'x', year: '2025', field: 'actual', text: '1' }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-request');
    expect(result.error.message.zh).toContain('请求格式不正确');
    expect(JSON.stringify(result)).not.toMatch(/\n\s+at |\.ts:\d+/);
    const unknown = await call(event(ourUrl), 'dropAllTables', {});
    expect(unknown.ok === false && unknown.error.code).toBe('invalid-request');
  });

  it('drops calls from a foreign page, a subframe or another window without running a handler', async () => {
    const spy = vi.fn(services.handlers.getBootstrap);
    handlers = { ...services.handlers, getBootstrap: spy };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const refused = [
      await call(event('https://evil.example/index.html'), 'getBootstrap', {}),
      await call(event('file:///tmp/other/index.html'), 'getBootstrap', {}),
      await call(event(ourFileUrl), 'getBootstrap', {}),
      await call(event('app://evil/index.html'), 'getBootstrap', {}),
      await call(event('app://desk/other.html'), 'getBootstrap', {}),
      await call(event(ourUrl, { subframe: true }), 'getBootstrap', {}),
      await call(event(ourUrl, { sender: otherContents }), 'getBootstrap', {}),
      await call({ sender: ourContents, senderFrame: null } as unknown as ReturnType<typeof event>, 'getBootstrap', {}),
    ];
    for (const r of refused) expect(r.ok === false && r.error.code).toBe('refused');
    expect(spy).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalled();
    handlers = { ...services.handlers };
  });

  it('reports an internal failure as one line, logging the full error in main', async () => {
    const boom = new Error('disk I/O error\n    at secret (/home/clerk/app.ts:1:1)');
    handlers = { ...services.handlers, listImports: () => { throw boom; } };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await call(event(ourUrl), 'listImports', {});
    expect(result.ok === false && result.error.code).toBe('internal');
    expect(JSON.stringify(result)).toContain('disk I/O error');
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(logged.mock.calls.some((args) => args.includes(boom))).toBe(true);
    handlers = { ...services.handlers };
  });
});
