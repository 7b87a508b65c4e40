// The window factory with 'electron' replaced by a recorder: what options a real BrowserWindow
// would receive, and what it would load.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const made = vi.hoisted(() => ({ options: [] as unknown[], loadFile: [] as string[], loadURL: [] as string[] }));

vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: unknown) {
      made.options.push(options);
    }
    once(): void {}
    loadFile(path: string): Promise<void> {
      made.loadFile.push(path);
      return Promise.resolve();
    }
    loadURL(url: string): Promise<void> {
      made.loadURL.push(url);
      return Promise.resolve();
    }
  },
}));

import { createAppWindow } from '../../../electron/main/window';

type Prefs = Record<string, unknown>;
const lastPrefs = (): Prefs => (made.options.at(-1) as { webPreferences: Prefs }).webPreferences;

describe('createAppWindow', () => {
  beforeEach(() => {
    made.options.length = 0;
    made.loadFile.length = 0;
    made.loadURL.length = 0;
  });

  it('applies every security default and loads the local page over app://desk, never file://', () => {
    createAppWindow({ preloadPath: '/app/dist/electron/preload.cjs' });
    const prefs = lastPrefs();
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(made.loadFile).toEqual([]);
    expect(made.loadURL).toEqual(['app://desk/index.html']);
    // The report view's query travels in the page address.
    createAppWindow({ preloadPath: '/app/dist/electron/preload.cjs', query: { view: 'report', year: '2025', lang: 'zh' } });
    expect(made.loadURL.at(-1)).toBe('app://desk/index.html?view=report&year=2025&lang=zh');
  });

  it('keeps the defaults when a caller asks for weaker ones, (sandbox stays true)', () => {
    createAppWindow({
      preloadPath: '/app/preload.cjs',
      window: { width: 800, title: 'x' },
      webPreferences: {
        sandbox: false,
        contextIsolation: false,
        nodeIntegration: true,
        webSecurity: false,
        allowRunningInsecureContent: true,
        webviewTag: true,
        preload: '/tmp/evil.js',
        zoomFactor: 1.25,
      },
    });
    const options = made.options.at(-1) as { width: number; title: string };
    const prefs = lastPrefs();
    expect(options.width).toBe(800);
    expect(options.title).toBe('x');
    expect(prefs.zoomFactor).toBe(1.25);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe('/app/preload.cjs');
  });
});
