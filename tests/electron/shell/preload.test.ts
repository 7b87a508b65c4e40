// The preload with 'electron' replaced by a recorder: exactly the contract's methods are exposed,
// each one a single invoke on the API channel; menu actions are filtered and never carry the event.
// The second part runs the BUILT bundle (dist/electron/preload.cjs) in a bare VM context whose
// require() knows only 'electron', as in a sandboxed renderer.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../../shared/api/contract';
import { makeTempDir } from '../../helpers/tmp';

const bridge = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
  listeners: new Map<string, (...args: unknown[]) => void>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => bridge.exposed.set(key, value) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      bridge.invoked.push(args);
      return { ok: true, value: null };
    },
    on: (channel: string, fn: (...args: unknown[]) => void) => bridge.listeners.set(channel, fn),
  },
}));

const root = join(import.meta.dirname, '..', '..', '..');

describe('preload (source)', () => {
  beforeAll(async () => {
    await import('../../../electron/preload/preload');
  });

  it('exposes exactly two objects: the contract and the shell subscription', () => {
    expect([...bridge.exposed.keys()].sort()).toEqual(['indicatorDesk', 'indicatorDeskShell']);
    const shell = bridge.exposed.get('indicatorDeskShell') as Record<string, unknown>;
    expect(Object.keys(shell)).toEqual(['onMenuAction']);
  });

  it('indicatorDesk has exactly the API methods, each one invoke on indicator-desk:api', async () => {
    const api = bridge.exposed.get('indicatorDesk') as Record<string, (req: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
    for (const method of API_METHODS) {
      const fn = api[method];
      expect(typeof fn).toBe('function');
      bridge.invoked.length = 0;
      await fn?.({ probe: method });
      expect(bridge.invoked).toEqual([['indicator-desk:api', method, { probe: method }]]);
    }
    // Nothing that looks like ipcRenderer or a generic invoke leaks out.
    for (const value of bridge.exposed.values()) {
      expect(Object.keys(value as object)).not.toContain('invoke');
      expect(Object.keys(value as object)).not.toContain('send');
    }
  });

  it('onMenuAction passes only valid actions, without the IPC event, keeps early ones, and unsubscribes', () => {
    const shell = bridge.exposed.get('indicatorDeskShell') as { onMenuAction: (cb: (...a: unknown[]) => void) => () => void };
    const listener = bridge.listeners.get('indicator-desk:menu');
    expect(listener).toBeDefined();
    const fakeEvent = { sender: { send: () => {} }, ports: [] };
    const early = { type: 'import-files', files: [{ name: '启动时.xlsx', base64: 'UEsDBA==' }] };
    const action = { type: 'import-files', files: [{ name: '2025年度.xlsx', base64: 'UEsDBA==' }] };
    // Sent before the page subscribed (first launch with a workbook): delivered on subscription.
    listener?.(fakeEvent, early);
    listener?.(fakeEvent, { type: 'run-shell', command: 'rm -rf /' });

    const received: unknown[][] = [];
    const unsubscribe = shell.onMenuAction((...args) => received.push(args));
    expect(received).toEqual([[early]]);
    listener?.(fakeEvent, action);
    listener?.(fakeEvent, { type: 'run-shell', command: 'rm -rf /' });
    listener?.(fakeEvent, { type: 'import-files', files: [] });
    listener?.(fakeEvent, 'import-files');
    expect(received).toEqual([[early], [action]]);
    unsubscribe();
    listener?.(fakeEvent, action);
    expect(received).toHaveLength(2);
  });
});

describe('preload (built bundle, sandbox-like context)', () => {
  const tmp = makeTempDir();
  let code = '';
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-electron.mjs'), '--outdir', tmp.dir], { cwd: root, stdio: 'pipe' });
    code = readFileSync(join(tmp.dir, 'preload.cjs'), 'utf8');
  }, 120_000);
  afterAll(() => tmp.cleanup());

  it('is CommonJS that requires only electron and exposes the same API', async () => {
    const exposed = new Map<string, Record<string, unknown>>();
    const invoked: unknown[][] = [];
    const requested: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: Record<string, unknown>) => exposed.set(key, value) },
      ipcRenderer: { invoke: async (...args: unknown[]) => invoked.push(args), on: () => {}, removeListener: () => {} },
    };
    const module = { exports: {} };
    runInNewContext(code, {
      module,
      exports: module.exports,
      require: (name: string) => {
        requested.push(name);
        if (name === 'electron') return electron;
        throw new Error(`a sandboxed preload cannot require ${name}`);
      },
    });
    expect(requested).toEqual(['electron']);
    expect(code).not.toMatch(/^\s*import\s|\bimport\(/m);
    const api = exposed.get('indicatorDesk') ?? {};
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
    await (api.getGrid as (r: unknown) => Promise<unknown>)({ planId: 'p', year: 2025, department: null });
    expect(invoked).toEqual([['indicator-desk:api', 'getGrid', { planId: 'p', year: 2025, department: null }]]);
  });
});
