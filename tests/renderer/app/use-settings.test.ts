// @vitest-environment happy-dom
// useBootstrap and useSettings against the real services: the bootstrap arrives or its error does;
// the language switch applies at once, is saved, and sets the page's lang and title; the dialog's
// save stores the settings and a refused save comes back as the reason.
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useBootstrap } from '../../../renderer/src/app/use-bootstrap';
import { useSettings } from '../../../renderer/src/app/use-settings';
import type { Settings } from '../../../shared/api/contract';
import { PLAN_ID, realApiPerTest } from '../real-api';

const real = realApiPerTest();

const INITIAL: Settings = { department: null, clerkName: '', clerkPhone: '', lang: 'zh' };

describe('useBootstrap', () => {
  it('loads plans, departments, settings and today once', async () => {
    const hook = renderHook(() => useBootstrap(real.api));
    await waitFor(() => expect(hook.result.current.boot).not.toBeNull());
    expect(hook.result.current.boot?.plans[0]?.id).toBe(PLAN_ID);
    expect(hook.result.current.boot?.today).toBe('2026-03-15');
    expect(hook.result.current.error).toBeNull();
    expect(real.calls).toEqual(['getBootstrap']);
  });
  it('keeps the reason when the service cannot be reached', async () => {
    real.offline = true;
    const hook = renderHook(() => useBootstrap(real.api));
    await waitFor(() => expect(hook.result.current.error).not.toBeNull());
    expect(hook.result.current.error?.message.key).toBe('error.network');
    expect(hook.result.current.boot).toBeNull();
  });
});

describe('useSettings', () => {
  it('switches the language at once, saves it, and sets the page language and title', async () => {
    const problems: string[] = [];
    const hook = renderHook(() => useSettings(real.api, INITIAL, (p) => problems.push(p.zh)));
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.title).toBe('指标填报台');
    act(() => hook.result.current.switchLanguage('en'));
    expect(hook.result.current.lang).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Indicator Desk');
    await waitFor(() => expect(hook.result.current.settings.lang).toBe('en'));
    expect((await real.services.handlers.getBootstrap({})).settings.lang).toBe('en');
    expect(problems).toEqual([]);
  });

  it('keeps the switched language when saving it fails, and says why', async () => {
    const problems: string[] = [];
    const hook = renderHook(() => useSettings(real.api, INITIAL, (p) => problems.push(p.zh)));
    real.offline = true;
    act(() => hook.result.current.switchLanguage('en'));
    await waitFor(() => expect(problems).toHaveLength(1));
    expect(problems[0]).toContain('无法连接本机服务');
    expect(hook.result.current.lang).toBe('en');
    expect(hook.result.current.settings.lang).toBe('zh');
  });

  it('saves the dialog’s settings and answers with what was stored', async () => {
    const hook = renderHook(() => useSettings(real.api, INITIAL, () => {}));
    let outcome: Awaited<ReturnType<typeof hook.result.current.saveSettings>> | null = null;
    await act(async () => {
      outcome = await hook.result.current.saveSettings({ department: '区住建局', clerkName: '王芳', clerkPhone: '0577-1234', lang: 'zh' });
    });
    expect(outcome).toEqual({ ok: true, saved: { department: '区住建局', clerkName: '王芳', clerkPhone: '0577-1234', lang: 'zh' } });
    expect(hook.result.current.settings.clerkName).toBe('王芳');
    expect((await real.services.handlers.getBootstrap({})).settings.department).toBe('区住建局');

    real.offline = true;
    await act(async () => {
      outcome = await hook.result.current.saveSettings({ ...INITIAL, clerkName: '李' });
    });
    expect(outcome).toMatchObject({ ok: false });
    expect(hook.result.current.settings.clerkName).toBe('王芳');
  });
});

describe('useSettings: text size', () => {
  it('starts at 100% for settings saved before the text size existed', () => {
    const hook = renderHook(() => useSettings(real.api, INITIAL, () => {}));
    expect(hook.result.current.textSize).toBe(100);
  });

  it('changes the text size at once and saves it with the other settings', async () => {
    const problems: string[] = [];
    const hook = renderHook(() => useSettings(real.api, { ...INITIAL, clerkName: '王芳' }, (p) => problems.push(p.zh)));
    act(() => hook.result.current.changeTextSize(150));
    expect(hook.result.current.textSize).toBe(150);
    await waitFor(() => expect(hook.result.current.settings.textSize).toBe(150));
    expect((await real.services.handlers.getBootstrap({})).settings).toMatchObject({ clerkName: '王芳', textSize: 150 });
    expect(problems).toEqual([]);
  });

  it('keeps the new size when saving it fails, and says why', async () => {
    const problems: string[] = [];
    const hook = renderHook(() => useSettings(real.api, INITIAL, (p) => problems.push(p.zh)));
    real.offline = true;
    act(() => hook.result.current.changeTextSize(125));
    await waitFor(() => expect(problems).toHaveLength(1));
    expect(problems[0]).toContain('无法连接本机服务');
    expect(hook.result.current.textSize).toBe(125);
    expect(hook.result.current.settings.textSize).toBeUndefined();
  });
});
