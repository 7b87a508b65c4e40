// @vitest-environment happy-dom
// useGridView against the real services: the first grid of the default view, switching year and
// department reloads (a slow answer for a view already left is dropped), the focused cell with its
// indicator, save state and the data version, and cellSaver's answer when the request fails.
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { GridViewOptions } from '../../../renderer/src/app/use-grid-view';
import { cellSaver, useGridView } from '../../../renderer/src/app/use-grid-view';
import type { NoticeText } from '../../../renderer/src/components/Notice';
import { PLAN_ID, realApiPerTest } from '../real-api';

const real = realApiPerTest();

function mount(overrides: Partial<GridViewOptions> = {}) {
  const errors: NoticeText[] = [];
  const hook = renderHook(() =>
    useGridView({ api: real.api, planId: PLAN_ID, initialYear: 2025, initialDepartment: '区住建局', onError: (t) => errors.push(t), ...overrides }),
  );
  return { hook, errors };
}

describe('useGridView', () => {
  it('loads the grid of the initial view, and another grid when the year or department changes', async () => {
    const { hook } = mount();
    expect(hook.result.current.grid).toBeNull();
    await waitFor(() => expect(hook.result.current.grid?.year).toBe(2025));
    expect(hook.result.current.grid?.department).toBe('区住建局');
    const own = hook.result.current.grid?.rows.length ?? 0;

    act(() => hook.result.current.setDepartment(null));
    expect(hook.result.current.grid).toBeNull();
    await waitFor(() => expect(hook.result.current.grid?.department).toBeNull());
    expect(hook.result.current.grid?.rows.length).toBeGreaterThan(own);

    act(() => hook.result.current.setYear(2024));
    await waitFor(() => expect(hook.result.current.grid?.year).toBe(2024));
  });

  it('drops an answer for a view the clerk has already left', async () => {
    // The 2023 grid answers late, after the clerk has moved on to 2024.
    const slow = { ...real.api, getGrid: async (req: Parameters<typeof real.api.getGrid>[0]) => {
      if (req.year === 2023) await new Promise((r) => setTimeout(r, 150));
      return real.api.getGrid(req);
    } };
    const { hook } = mount({ api: slow });
    await waitFor(() => expect(hook.result.current.grid).not.toBeNull());
    act(() => hook.result.current.setYear(2023));
    act(() => hook.result.current.setYear(2024));
    await waitFor(() => expect(hook.result.current.grid?.year).toBe(2024));
    await act(() => new Promise((r) => setTimeout(r, 250)));
    expect(real.calls.filter((c) => c === 'getGrid')).toHaveLength(3);
    expect(hook.result.current.grid?.year).toBe(2024);
  });

  it('names the focused cell, forgets it on another view, and moves the data version on a save', async () => {
    const { hook } = mount({ initialDepartment: null });
    await waitFor(() => expect(hook.result.current.grid).not.toBeNull());
    act(() => hook.result.current.onCellFocused({ indicatorId: 'zyyj-02', year: 2025 }));
    expect(hook.result.current.focusedCell).toMatchObject({ indicatorId: 'zyyj-02', year: 2025, code: '2' });
    const same = hook.result.current.focused;
    act(() => hook.result.current.onCellFocused({ indicatorId: 'zyyj-02', year: 2025 }));
    expect(hook.result.current.focused).toBe(same);

    const version = hook.result.current.dataVersion;
    act(() => hook.result.current.onSaveStateChange('saving', '正在保存…'));
    expect(hook.result.current.dataVersion).toBe(version);
    act(() => hook.result.current.onSaveStateChange('saved', '已保存'));
    expect(hook.result.current.saveState).toEqual({ state: 'saved', message: '已保存' });
    expect(hook.result.current.dataVersion).toBe(version + 1);

    act(() => hook.result.current.setYear(2024));
    expect(hook.result.current.focused).toBeNull();
  });

  it('reports a grid that cannot be loaded in both languages (the notice follows a language switch)', async () => {
    real.offline = true;
    const { hook, errors } = mount();
    await waitFor(() => expect(errors).toHaveLength(1));
    expect(errors[0]?.en).toContain('Cannot reach the local service');
    expect(errors[0]?.zh).toContain('无法连接本机服务');
    expect(hook.result.current.grid).toBeNull();
  });
});

describe('cellSaver', () => {
  it('saves through saveCells, and refuses every edit with the reason when the request fails', async () => {
    const save = cellSaver(real.api, PLAN_ID);
    const ok = await save([{ indicatorId: 'zyyj-02', year: 2025, field: 'actual', text: '1012' }], 'typed');
    expect(ok[0]).toMatchObject({ ok: true, cell: { actual: 1012 } });
    real.offline = true;
    const failed = await save([{ indicatorId: 'zyyj-02', year: 2025, field: 'actual', text: '1100' }, { indicatorId: 'zyyj-03', year: 2025, field: 'note', text: 'x' }], 'typed');
    expect(failed.map((r) => [r.indicatorId, r.field, r.ok, r.error?.key])).toEqual([
      ['zyyj-02', 'actual', false, 'error.network'],
      ['zyyj-03', 'note', false, 'error.network'],
    ]);
  });
});
