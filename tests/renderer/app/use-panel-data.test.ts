// @vitest-environment happy-dom
// The panels' data hooks against the real services: the focused cell's history loads while the
// panel is open and reloads when the data version moves; the import list loads on opening and on
// reload(); the progress data loads once per opening.
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCellHistory, useImportList, useProgressData } from '../../../renderer/src/app/use-panel-data';
import { PLAN_ID, realApiPerTest } from '../real-api';

const real = realApiPerTest();

const save = (text: string) =>
  real.services.handlers.saveCells({ planId: PLAN_ID, source: 'typed', edits: [{ indicatorId: 'zyyj-02', year: 2025, field: 'actual', text }] });

describe('useCellHistory', () => {
  it('loads the focused cell’s changes while open and reloads them when the data version moves', async () => {
    await save('1000');
    const cell: { indicatorId: string; year: number } | null = { indicatorId: 'zyyj-02', year: 2025 };
    type Props = { open: boolean; version: number; cell: { indicatorId: string; year: number } | null };
    const hook = renderHook((p: Props) => useCellHistory(real.api, { planId: PLAN_ID, ...p }), {
      initialProps: { open: false, version: 0, cell } as Props,
    });
    expect(hook.result.current).toBeNull();
    expect(real.calls).toEqual([]);
    hook.rerender({ open: true, version: 0, cell });
    await waitFor(() => expect(hook.result.current?.map((e) => e.newValue)).toEqual(['1000']));
    await save('1012');
    hook.rerender({ open: true, version: 1, cell });
    await waitFor(() => expect(hook.result.current).toHaveLength(2));
    hook.rerender({ open: true, version: 1, cell: null });
    expect(hook.result.current).toBeNull();
  });
});

describe('useImportList', () => {
  it('loads when the panel opens and again on reload', async () => {
    const hook = renderHook((p: { open: boolean }) => useImportList(real.api, p.open), { initialProps: { open: false } });
    expect(hook.result.current.imports).toEqual([]);
    expect(real.calls).toEqual([]);
    hook.rerender({ open: true });
    await waitFor(() => expect(real.calls).toEqual(['listImports']));
    await act(() => hook.result.current.reload());
    expect(real.calls).toEqual(['listImports', 'listImports']);
  });
});

describe('useProgressData', () => {
  it('loads the plan and its progress once per opening; a language switch does not refetch', async () => {
    await save('1012');
    const hook = renderHook((p: { open: boolean; lang: 'zh' | 'en' }) => useProgressData(real.api, { planId: PLAN_ID, ...p }), {
      initialProps: { open: true, lang: 'zh' },
    });
    await waitFor(() => expect(hook.result.current).not.toBeNull());
    const data = hook.result.current;
    if (data === null || 'error' in data) throw new Error('no progress');
    expect(data.plan.id).toBe(PLAN_ID);
    expect(data.rows.find((r) => r.indicatorId === 'zyyj-02')).toMatchObject({ latestYear: 2025, latestActual: 1012 });
    hook.rerender({ open: true, lang: 'en' });
    expect(real.calls).toEqual(['getPlan', 'getProgress']);
    hook.rerender({ open: false, lang: 'en' });
    expect(hook.result.current).toBeNull();
  });

  it('keeps the reason, in the UI language, when the data cannot be read', async () => {
    real.offline = true;
    const hook = renderHook(() => useProgressData(real.api, { planId: PLAN_ID, open: true, lang: 'en' }));
    await waitFor(() => expect(hook.result.current).not.toBeNull());
    expect(hook.result.current).toEqual({ error: expect.stringContaining('Cannot reach the local service') });
  });
});
