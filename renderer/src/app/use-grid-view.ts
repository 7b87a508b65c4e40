// What the grid shows: the chosen year and department, the grid loaded for them (a slow answer for
// a view already left is dropped), the focused cell, the save state the grid reports, and a data
// version that moves whenever figures changed (saved cells, an applied or undone import) so the
// panels that show them reload.
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import type { CellEdit, CellEditResult, EditSource, Grid, IndicatorDeskApi } from '../../../shared/api/contract';
import type { NoticeText } from '../components/Notice';
import type { SaveState } from '../components/Toolbar';
import type { FocusedCell } from '../components/HistoryPanel';

export interface GridViewOptions {
  api: IndicatorDeskApi;
  planId: string;
  initialYear: number;
  initialDepartment: string | null;
  /** A grid could not be loaded: the reason in both languages (the notice follows a language switch). */
  onError: (message: NoticeText) => void;
}

export interface GridView {
  year: number;
  setYear: (year: number) => void;
  department: string | null;
  setDepartment: (department: string | null) => void;
  /** Null while the grid for the current view is loading. */
  grid: Grid | null;
  /** Load the grid of the current view again (after an import). */
  reload: () => Promise<void>;
  /** Save edits of the current plan; a failed request refuses every edit with its reason. */
  save: (edits: CellEdit[], source: EditSource) => Promise<CellEditResult[]>;
  /** The focused cell as the grid reported it (same object while the same cell keeps focus), or null. */
  focused: { indicatorId: string; year: number } | null;
  /** The focused cell with its indicator's code and name, or null. */
  focusedCell: FocusedCell | null;
  onCellFocused: (cell: { indicatorId: string; year: number } | null) => void;
  saveState: SaveState;
  onSaveStateChange: (state: SaveState['state'], message?: string) => void;
  /** Moves whenever figures changed; panels showing figures reload on it. */
  dataVersion: number;
  dataChanged: () => void;
}

/**
 * The grid's save function over the API: one saveCells call per user action. When the whole
 * request fails (server gone, invalid request) every edit is answered ok=false with that reason.
 */
export function cellSaver(api: IndicatorDeskApi, planId: string): (edits: CellEdit[], source: EditSource) => Promise<CellEditResult[]> {
  return async (edits, source) => {
    const r = await api.saveCells({ planId, source, edits });
    if (r.ok) return r.value.results;
    return edits.map((e) => ({ indicatorId: e.indicatorId, year: e.year, field: e.field, ok: false, error: r.error.message }));
  };
}

export function useGridView({ api, planId, initialYear, initialDepartment, onError }: GridViewOptions): GridView {
  const [year, setYear] = useState(initialYear);
  const [department, setDepartment] = useState(initialDepartment);
  const [grid, setGrid] = useState<Grid | null>(null);
  const [focused, setFocused] = useState<{ indicatorId: string; year: number } | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ state: 'idle' });
  const [dataVersion, setDataVersion] = useState(0);

  const gridRequest = useRef(0);
  const reload = useCallback(async (): Promise<void> => {
    // A slow answer for a year or department the clerk has already left must not overwrite the new one.
    const seq = ++gridRequest.current;
    const r = await api.getGrid({ planId, year, department });
    if (seq !== gridRequest.current) return;
    if (r.ok) setGrid(r.value);
    else onError(r.error.message);
  }, [api, planId, year, department, onError]);

  // A new view starts empty and loads. Keyed on the view only: a language switch must not refetch
  // (and reset) the grid, so the load is an effect event reading the latest reload.
  const openView = useEffectEvent(() => {
    setGrid(null);
    setFocused(null);
    void reload();
  });
  useEffect(() => {
    openView();
  }, [api, planId, year, department]);

  const save = useMemo(() => cellSaver(api, planId), [api, planId]);

  const dataChanged = useCallback(() => setDataVersion((v) => v + 1), []);

  const onSaveStateChange = useCallback((state: SaveState['state'], message?: string) => {
    setSaveState({ state, message });
    if (state === 'saved') setDataVersion((v) => v + 1);
  }, []);

  const onCellFocused = useCallback((cell: { indicatorId: string; year: number } | null) => {
    setFocused((prev) => (prev?.indicatorId === cell?.indicatorId && prev?.year === cell?.year ? prev : cell));
  }, []);

  const focusedCell: FocusedCell | null = useMemo(() => {
    if (focused === null || grid === null) return null;
    const row = grid.rows.find((r) => r.indicatorId === focused.indicatorId);
    return row ? { ...focused, code: row.code, name: row.name } : null;
  }, [focused, grid]);

  return {
    year, setYear, department, setDepartment, grid, reload, save,
    focused, focusedCell, onCellFocused, saveState, onSaveStateChange, dataVersion, dataChanged,
  };
}
