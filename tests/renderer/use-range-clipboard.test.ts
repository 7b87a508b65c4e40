// @vitest-environment happy-dom
// useRangeClipboard with useCellSaves, as the grid composes them, against the real services: a
// pasted TSV block is planned onto the editable columns and saved as one action; shift-extended
// ranges are copied as TSV; cut and Delete empty cells; Esc drops drafts.
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cellSaver } from '../../renderer/src/app/use-grid-view';
import { allColumnIds } from '../../renderer/src/grid/columns';
import { cellOf, toRowData } from '../../renderer/src/grid/row-model';
import type { CellSavesOptions } from '../../renderer/src/grid/use-cell-saves';
import { useCellSaves } from '../../renderer/src/grid/use-cell-saves';
import type { ClipboardLike } from '../../renderer/src/grid/use-range-clipboard';
import { boxOf, useRangeClipboard } from '../../renderer/src/grid/use-range-clipboard';
import { MemoryPort } from './memory-port';
import { PLAN_ID, realApiPerTest } from './real-api';

const real = realApiPerTest();

/** A clipboard event holding `text`; records what was set and whether the default was prevented. */
function clipboard(text = ''): ClipboardLike & { set: string | null; prevented: boolean } {
  const e = {
    set: null as string | null,
    prevented: false,
    clipboardData: {
      getData: () => text,
      setData: (_type: string, value: string) => {
        e.set = value;
      },
    },
    preventDefault: () => {
      e.prevented = true;
    },
  };
  return e;
}

function useGridHooks(options: CellSavesOptions) {
  const saves = useCellSaves(options);
  const range = useRangeClipboard({ ...options, runSave: saves.runSave, discardDrafts: saves.discardDrafts });
  return { saves, range };
}

async function mount() {
  const r = await real.api.getGrid({ planId: PLAN_ID, year: 2025, department: null });
  if (!r.ok) throw new Error(r.error.message.en);
  const grid = r.value;
  const port = new MemoryPort(grid.rows.map(toRowData), allColumnIds(grid.years));
  const states: { state: string; message?: string }[] = [];
  const hook = renderHook(() =>
    useGridHooks({ grid, lang: 'zh', save: cellSaver(real.api, PLAN_ID), onSaveStateChange: (state, message) => states.push({ state, message }), port: { current: port } }),
  );
  return { port, states, hook };
}

async function stored(indicatorId: string) {
  const g = await real.services.handlers.getGrid({ planId: PLAN_ID, year: 2025, department: null });
  const row = g.rows.find((x) => x.indicatorId === indicatorId);
  if (!row) throw new Error(indicatorId);
  return cellOf(row, 2025);
}

/** Focus a cell as AG Grid would report it, optionally extending the range (shift held). */
function focus(hook: Awaited<ReturnType<typeof mount>>['hook'], port: MemoryPort, rowIndex: number, colId: string, extend = false) {
  act(() => {
    if (extend) hook.result.current.range.setExtending(true);
    port.focused = { rowIndex, colId };
    hook.result.current.range.focusMoved({ rowIndex, colId });
  });
}

describe('boxOf', () => {
  it('spans the displayed columns between anchor and focus, in either direction; null for one cell', () => {
    const cols = ['a', 'b', 'c', 'd'];
    expect(boxOf({ anchor: { rowIndex: 3, colId: 'c' }, focus: { rowIndex: 1, colId: 'a' } }, cols)).toEqual({ top: 1, bottom: 3, colIds: ['a', 'b', 'c'] });
    expect(boxOf({ anchor: { rowIndex: 2, colId: 'b' }, focus: { rowIndex: 2, colId: 'b' } }, cols)).toBeNull();
    expect(boxOf({ anchor: { rowIndex: 2, colId: 'b' }, focus: { rowIndex: 2, colId: 'x' } }, cols)).toBeNull();
  });
});

describe('useRangeClipboard', () => {
  it('pastes a block from Excel onto 实际值 and 说明 from the focused row, as one saved action', async () => {
    const { port, states, hook } = await mount();
    const start = port.rowIndexOf('zyyj-02') as number;
    focus(hook, port, start, 'actual-2025');
    const e = clipboard('1012\t受工期影响\n6\t\n');
    await act(async () => {
      hook.result.current.range.onPaste(e);
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(e.prevented).toBe(true);
    expect(await stored('zyyj-02')).toMatchObject({ actual: 1012, note: '受工期影响' });
    expect(await stored('zyyj-03')).toMatchObject({ actual: 6 });
    // The empty 说明 of the second row is already empty: not an edit, not sent.
    expect(states.at(-1)).toEqual({ state: 'saved', message: '已保存 3 个单元格' });
    const history = await real.services.handlers.getCellHistory({ planId: PLAN_ID, indicatorId: 'zyyj-02', year: 2025 });
    expect(history.map((h) => h.source)).toEqual(['pasted', 'pasted']);
  });

  it('drops what falls below the last row and says how much', async () => {
    const { port, states, hook } = await mount();
    const last = port.rowCount() - 1;
    const id = port.rowAt(last)?.indicatorId as string;
    focus(hook, port, last, 'actual-2025');
    await act(async () => {
      hook.result.current.range.onPaste(clipboard('5\n6\n7'));
      await new Promise((r) => setTimeout(r, 50));
    });
    expect((await stored(id)).actual).toBe(5);
    expect(states.at(-1)).toEqual({ state: 'saved', message: '已粘贴 1 个单元格；2 个超出表格范围，已忽略' });
  });

  it('copies a shift-extended range as TSV, and cut empties its editable cells', async () => {
    const { port, hook } = await mount();
    const start = port.rowIndexOf('zyyj-02') as number;
    focus(hook, port, start, 'actual-2025');
    act(() => hook.result.current.range.onPaste(clipboard('1012\n6')));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    focus(hook, port, start, 'code');
    focus(hook, port, start + 1, 'actual-2025', true);
    expect(hook.result.current.range.isInRange(start + 1, 'target-2025')).toBe(true);
    expect(hook.result.current.range.isInRange(start + 2, 'target-2025')).toBe(false);

    const copied = clipboard();
    act(() => hook.result.current.range.onCopy(copied));
    const lines = (copied.set ?? '').split(/\r?\n/).filter((l) => l !== '');
    expect(lines).toHaveLength(2);
    expect(lines[0]?.split('\t')[0]).toBe('2');
    expect(lines[0]?.split('\t').at(-1)).toBe('1012');
    expect(lines[1]?.split('\t').at(-1)).toBe('6');

    await act(async () => {
      hook.result.current.range.onCut(clipboard());
      await new Promise((r) => setTimeout(r, 50));
    });
    expect((await stored('zyyj-02')).actual).toBeNull();
    expect((await stored('zyyj-03')).actual).toBeNull();
  });

  it('Esc drops the drafts in the selection; Delete on a draft drops it instead of saving', async () => {
    const { port, hook } = await mount();
    const start = port.rowIndexOf('zyyj-02') as number;
    focus(hook, port, start, 'actual-2025');
    await act(() => hook.result.current.saves.runSave([{ indicatorId: 'zyyj-02', year: 2025, field: 'actual', text: 'abc' }], 'typed', true));
    expect(port.row('zyyj-02')?.ui['actual-2025']?.draft).toBe('abc');
    let dropped = false;
    act(() => {
      dropped = hook.result.current.range.discardSelection();
    });
    expect(dropped).toBe(true);
    expect(port.row('zyyj-02')?.ui['actual-2025']).toBeUndefined();

    await act(() => hook.result.current.saves.runSave([{ indicatorId: 'zyyj-02', year: 2025, field: 'actual', text: 'abc' }], 'typed', true));
    const saves = real.calls.filter((c) => c === 'saveCells').length;
    act(() => {
      dropped = hook.result.current.range.clearSelection();
    });
    expect(dropped).toBe(true);
    expect(port.row('zyyj-02')?.ui['actual-2025']).toBeUndefined();
    expect(real.calls.filter((c) => c === 'saveCells').length).toBe(saves);
  });
});
