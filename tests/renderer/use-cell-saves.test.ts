// @vitest-environment happy-dom
// useCellSaves against the real services (real SQLite file) through the contract: a typed edit is
// saved once; a save that cannot reach the service is kept, mirrored to sessionStorage and retried;
// a refused text stays as a draft until dropped; undo and redo write through the API.
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Grid } from '../../shared/api/contract';
import { cellSaver } from '../../renderer/src/app/use-grid-view';
import { allColumnIds } from '../../renderer/src/grid/columns';
import { pendingStorageKey } from '../../renderer/src/grid/retry-queue';
import { cellOf, toRowData } from '../../renderer/src/grid/row-model';
import type { CellSavesOptions } from '../../renderer/src/grid/use-cell-saves';
import { RETRY_INTERVAL_MS, useCellSaves } from '../../renderer/src/grid/use-cell-saves';
import { MemoryPort } from './memory-port';
import { PLAN_ID, realApiPerTest } from './real-api';

const COL = 'actual-2025';
const real = realApiPerTest();
afterEach(() => vi.useRealTimers());

async function openGrid(): Promise<Grid> {
  const r = await real.api.getGrid({ planId: PLAN_ID, year: 2025, department: null });
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value;
}

async function mount() {
  const grid = await openGrid();
  const port = new MemoryPort(grid.rows.map(toRowData), allColumnIds(grid.years));
  const states: { state: string; message?: string }[] = [];
  const options: CellSavesOptions = {
    grid,
    lang: 'zh',
    save: cellSaver(real.api, PLAN_ID),
    onSaveStateChange: (state, message) => states.push({ state, message }),
    port: { current: port },
  };
  const hook = renderHook((p: CellSavesOptions) => useCellSaves(p), { initialProps: options });
  return { grid, port, states, hook, options };
}

/** The saved actual of a cell, read back through the services (what is on disk). */
async function storedActual(indicatorId: string): Promise<number | null> {
  const g = await real.services.handlers.getGrid({ planId: PLAN_ID, year: 2025, department: null });
  const row = g.rows.find((r) => r.indicatorId === indicatorId);
  return row ? cellOf(row, 2025).actual : null;
}

const typed = (text: string, indicatorId = 'zyyj-02') => ({ indicatorId, year: 2025, field: 'actual' as const, text });

describe('useCellSaves', () => {
  it('shows a typed value with its colour, saves it in one call, and does not save an unchanged value again', async () => {
    const { port, states, hook } = await mount();
    await act(() => hook.result.current.runSave([typed('1,012')], 'typed', true));
    const row = port.row('zyyj-02');
    expect(row && cellOf(row, 2025)).toMatchObject({ actual: 1012, status: 'missed' });
    expect(row?.ui[COL]).toBeUndefined();
    expect(await storedActual('zyyj-02')).toBe(1012);
    expect(states.map((s) => s.state)).toEqual(['saving', 'saved']);
    expect(states.at(-1)?.message).toBe('已保存');

    const saves = real.calls.filter((c) => c === 'saveCells').length;
    await act(() => hook.result.current.runSave([typed('1012')], 'typed', true));
    expect(real.calls.filter((c) => c === 'saveCells').length).toBe(saves);
  });

  it('keeps an edit the service did not get as an unsaved draft, mirrors it to sessionStorage, and retries it', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    const { port, states, hook, options } = await mount();
    real.offline = true;
    await act(() => hook.result.current.runSave([typed('1012')], 'typed', true));
    expect(port.row('zyyj-02')?.ui[COL]).toMatchObject({ draft: '1012', unsaved: { key: 'error.network' } });
    expect(states.at(-1)).toMatchObject({ state: 'error' });
    expect(states.at(-1)?.message).toContain('1 个单元格未保存');
    expect(JSON.parse(sessionStorage.getItem(pendingStorageKey(PLAN_ID)) ?? '[]')).toHaveLength(1);
    expect(await storedActual('zyyj-02')).toBeNull();

    // A reload of the page (a new grid from the API) still shows the queued text.
    const again = renderHook(() => useCellSaves({ ...options, onSaveStateChange: undefined }));
    expect(again.result.current.rowData.find((r) => r.indicatorId === 'zyyj-02')?.ui[COL]?.draft).toBe('1012');
    again.unmount();

    // Still offline at the next tick: still waiting. Back online: the next tick saves it.
    await act(() => vi.advanceTimersByTimeAsync(RETRY_INTERVAL_MS));
    expect(await storedActual('zyyj-02')).toBeNull();
    real.offline = false;
    await act(() => vi.advanceTimersByTimeAsync(RETRY_INTERVAL_MS));
    expect(await storedActual('zyyj-02')).toBe(1012);
    expect(port.row('zyyj-02')?.ui[COL]).toBeUndefined();
    expect(sessionStorage.getItem(pendingStorageKey(PLAN_ID))).toBeNull();
    expect(states.at(-1)).toEqual({ state: 'saved', message: '已保存' });
  });

  it('keeps a refused text as a draft with its reason, not queued; dropping it shows the saved value again', async () => {
    const { port, states, hook } = await mount();
    await act(() => hook.result.current.runSave([typed('约1.6万')], 'typed', true));
    const ui = port.row('zyyj-02')?.ui[COL];
    expect(ui?.draft).toBe('约1.6万');
    expect(ui?.refused?.key).toBe('parse.approximate');
    expect(states.at(-1)?.state).toBe('error');
    expect(sessionStorage.getItem(pendingStorageKey(PLAN_ID))).toBeNull();
    expect(await storedActual('zyyj-02')).toBeNull();

    const row = port.row('zyyj-02');
    if (!row) throw new Error('no row');
    let dropped = 0;
    act(() => {
      dropped = hook.result.current.discardDrafts([{ row, colId: COL }, { row, colId: 'target-2025' }]);
    });
    expect(dropped).toBe(1);
    expect(port.row('zyyj-02')?.ui[COL]).toBeUndefined();
    expect(states.at(-1)).toEqual({ state: 'idle', message: '已放弃 1 个未保存的输入' });
  });

  it('undo reverts the last action and redo applies it again, both saved through the API', async () => {
    const { port, states, hook } = await mount();
    await act(() => hook.result.current.runSave([typed('1012')], 'typed', true));
    await act(() => hook.result.current.runSave([typed('1100'), typed('6', 'zyyj-04')], 'pasted', true));
    expect(await storedActual('zyyj-02')).toBe(1100);

    await act(() => hook.result.current.undo());
    expect(await storedActual('zyyj-02')).toBe(1012);
    expect(await storedActual('zyyj-04')).toBeNull();
    expect(states.at(-1)).toEqual({ state: 'saved', message: '已撤销 2 个单元格' });
    // The first cell of the undone action is focused, so the clerk sees what changed.
    expect(port.focused).toEqual({ rowIndex: port.rowIndexOf('zyyj-02'), colId: COL });

    await act(() => hook.result.current.redo());
    expect(await storedActual('zyyj-02')).toBe(1100);
    expect(await storedActual('zyyj-04')).toBe(6);

    await act(() => hook.result.current.undo());
    await act(() => hook.result.current.undo());
    expect(await storedActual('zyyj-02')).toBeNull();
    await act(() => hook.result.current.undo());
    expect(states.at(-1)).toEqual({ state: 'idle', message: '没有可撤销的操作' });
    const history = await real.services.handlers.getCellHistory({ planId: PLAN_ID, indicatorId: 'zyyj-02', year: 2025 });
    expect(history.map((e) => e.source).reverse()).toEqual(['typed', 'pasted', 'undo', 'redo', 'undo', 'undo']);
  });

  it('an undo pressed while the typed value is still being saved undoes that value once it is saved', async () => {
    const { hook } = await mount();
    // Enter, then Ctrl+Z at once: neither awaited before the other starts, as keys arrive.
    await act(async () => {
      const typedSave = hook.result.current.runSave([typed('1012')], 'typed', true);
      const undone = hook.result.current.undo();
      await Promise.all([typedSave, undone]);
    });
    expect(await storedActual('zyyj-02')).toBeNull();
    const history = await real.services.handlers.getCellHistory({ planId: PLAN_ID, indicatorId: 'zyyj-02', year: 2025 });
    expect(history.map((e) => e.source).reverse()).toEqual(['typed', 'undo']);
  });

  it('a new grid from the API starts a fresh undo history', async () => {
    const { states, hook, options } = await mount();
    await act(() => hook.result.current.runSave([typed('1012')], 'typed', true));
    hook.rerender({ ...options, grid: await openGrid() });
    await act(() => hook.result.current.undo());
    expect(states.at(-1)).toEqual({ state: 'idle', message: '没有可撤销的操作' });
    expect(await storedActual('zyyj-02')).toBe(1012);
  });
});
