// Navigation, new windows, permissions, external links and the CSP header, with 'electron' replaced
// by a recorder (no Electron binary here). The handlers under test are the real ones.
import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const opened = vi.hoisted(() => [] as string[]);
const asked = vi.hoisted(() => ({ questions: [] as { message: string; detail?: string; defaultId?: number }[], answers: [] as number[] }));
vi.mock('electron', () => ({
  dialog: {
    showMessageBox: async (options: { message: string; detail?: string; defaultId?: number }) => {
      asked.questions.push(options);
      return { response: asked.answers.shift() ?? 0 };
    },
  },
  shell: {
    openExternal: async (url: string) => {
      opened.push(url);
    },
  },
}));

import { CONTENT_SECURITY_POLICY, hardenSession, hardenWebContents, isSafeExternalUrl, openExternalSafely } from '../../../electron/main/security';

type Listener = (...args: unknown[]) => unknown;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(event: string, fn: Listener) {
      listeners.set(event, fn);
      return contents;
    },
    setWindowOpenHandler(fn: typeof openHandler) {
      openHandler = fn;
    },
  };
  hardenWebContents(contents as unknown as WebContents);
  return {
    fire(event: string, ...args: unknown[]) {
      const fn = listeners.get(event);
      if (!fn) throw new Error(`no listener for ${event}`);
      return fn(...args);
    },
    open(url: string) {
      if (!openHandler) throw new Error('no window open handler');
      return openHandler({ url });
    },
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('web contents hardening', () => {
  beforeEach(() => {
    opened.length = 0;
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });

  it('cancels every navigation and redirect, wherever it goes', () => {
    const c = fakeContents();
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'file:///app/dist/renderer/index.html#/x']) {
      const event = { preventDefault: vi.fn() };
      c.fire('will-navigate', event, url);
      expect(event.preventDefault).toHaveBeenCalledOnce();
      const redirect = { preventDefault: vi.fn() };
      c.fire('will-redirect', redirect, url);
      expect(redirect.preventDefault).toHaveBeenCalledOnce();
    }
    const webview = { preventDefault: vi.fn() };
    c.fire('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalledOnce();
  });

  it('denies every new window; http(s) links go to the browser only after the clerk agrees, nothing else is even offered', async () => {
    const c = fakeContents();
    const tried = [
      'https://www.dongtou.gov.cn/art/2023/plan.html',
      'http://example.com/a?b=c',
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'https://user:secret@example.com/',
      'not a url',
      '',
    ];
    opened.length = 0;
    asked.questions.length = 0;
    // The clerk agrees to the first link and declines the second.
    asked.answers.push(1, 0);
    for (const url of tried) expect(c.open(url)).toEqual({ action: 'deny' });
    await flush();
    await flush();
    expect(asked.questions.map((q) => q.detail)).toEqual(['https://www.dongtou.gov.cn/art/2023/plan.html', 'http://example.com/a?b=c']);
    expect(asked.questions[0]?.message).toMatch(/www\.dongtou\.gov\.cn/);
    // Cancel is the default answer.
    expect(asked.questions.every((q) => q.defaultId === 0)).toBe(true);
    expect(opened).toEqual(['https://www.dongtou.gov.cn/art/2023/plan.html']);
  });
});

describe('external URLs', () => {
  it('accepts only well-formed http(s) URLs', async () => {
    expect(isSafeExternalUrl('https://example.com')).toBe(true);
    expect(isSafeExternalUrl('HTTPS://EXAMPLE.COM/x')).toBe(true);
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeExternalUrl('https://')).toBe(false);
    expect(isSafeExternalUrl(42)).toBe(false);
    expect(isSafeExternalUrl('https://example.com/' + 'a'.repeat(3000))).toBe(false);
    opened.length = 0;
    expect(await openExternalSafely('data:text/html,<script>1</script>')).toBe(false);
    expect(await openExternalSafely('https://example.com/ok')).toBe(true);
    expect(opened).toEqual(['https://example.com/ok']);
  });
});

describe('session hardening', () => {
  function fakeSession() {
    const got: {
      request?: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void;
      check?: (...args: unknown[]) => boolean;
      device?: (...args: unknown[]) => boolean;
      headers?: (details: { url: string; responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders?: Record<string, string[]> }) => void) => void;
    } = {};
    const session = {
      setPermissionRequestHandler: (fn: typeof got.request) => (got.request = fn),
      setPermissionCheckHandler: (fn: typeof got.check) => (got.check = fn),
      setDevicePermissionHandler: (fn: typeof got.device) => (got.device = fn),
      webRequest: { onHeadersReceived: (fn: typeof got.headers) => (got.headers = fn) },
    };
    hardenSession(session as unknown as Session);
    return got;
  }

  it('denies every permission request and check', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const got = fakeSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      const callback = vi.fn();
      got.request?.(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(got.check?.(null, permission, 'file://', {})).toBe(false);
    }
    expect(got.device?.({ deviceType: 'usb' })).toBe(false);
  });

  it('replaces any Content-Security-Policy with the strict one', () => {
    const got = fakeSession();
    const results: Record<string, string[]>[] = [];
    got.headers?.(
      { url: 'file:///app/dist/renderer/index.html', responseHeaders: { 'content-security-policy': ["default-src *; script-src 'unsafe-eval'"], 'X-Other': ['1'] } },
      (r) => results.push(r.responseHeaders ?? {}),
    );
    got.headers?.({ url: 'file:///app/dist/renderer/assets/index.js' }, (r) => results.push(r.responseHeaders ?? {}));
    for (const headers of results) {
      const csp = Object.entries(headers).filter(([k]) => k.toLowerCase() === 'content-security-policy');
      expect(csp).toEqual([['Content-Security-Policy', [CONTENT_SECURITY_POLICY]]]);
    }
    expect(results[0]?.['X-Other']).toEqual(['1']);
  });

  it('the policy allows only the app itself', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name ?? '', values] as const;
    }));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|https?:/);
  });
});
