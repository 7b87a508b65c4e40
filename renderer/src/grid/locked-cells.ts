// A locked department-year's cells are read-only (column-defs.ts: editable is false for them), so
// AG Grid ignores typing there; this says why instead: the lock's reason when a key that would start
// an edit (a printable character, F2) or a double-click hits a locked 实际值 or 说明 cell.
import { useCallback } from 'react';
import type { CellDoubleClickedEvent, CellKeyDownEvent, FullWidthCellKeyDownEvent } from 'ag-grid-community';
import type { AppMessage } from '../../../shared/i18n/engine';
import type { Lang } from '../../../shared/i18n/lang';
import { editTarget } from './columns';
import { gridCount } from './grid-messages';
import type { SaveStateKind } from './use-cell-saves';
import type { IndicatorRowData } from './row-model';
import { cellOf } from './row-model';

/** True for a key that starts an edit in a spreadsheet: a printable character without Ctrl/Meta/Alt, or F2. */
export function startsEdit(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  return e.key === 'F2' || e.key.length === 1;
}

/** The lock holding the cell at (row, column), or null when it is not an editable cell or not locked. */
export function lockOfCell(data: IndicatorRowData | undefined, colId: string, reportingYear: number): AppMessage | null {
  const target = editTarget(colId, reportingYear);
  if (!data || !target) return null;
  return cellOf(data, target.year).locked ?? null;
}

/**
 * Which rows of a grid are locked for its reporting year, as one string: the window remounts the
 * grid when it changes (a lock or unlock), since AG Grid does not re-evaluate editable and classes
 * of cells whose values did not change.
 */
export function lockSignature(grid: { year: number; rows: readonly { indicatorId: string; cells: Record<string, { locked?: unknown }> }[] }): string {
  const locked = grid.rows.filter((r) => r.cells[String(grid.year)]?.locked !== undefined);
  if (locked.length === 0) return '';
  return locked.length === grid.rows.length ? 'all' : locked.map((r) => r.indicatorId).join(',');
}

/**
 * The grid's handlers for edit attempts on locked cells: a key that starts an edit or a
 * double-click reports "not saved: <the lock's reason>" through onSaveStateChange, as a refused
 * save would. `current` reads the grid's latest props.
 */
export function useLockedCellRefusal(current: () => { grid: { year: number }; lang: Lang; onSaveStateChange?: (state: SaveStateKind, message?: string) => void }): {
  onCellKeyDown: (e: CellKeyDownEvent<IndicatorRowData> | FullWidthCellKeyDownEvent<IndicatorRowData>) => void;
  onCellDoubleClicked: (e: CellDoubleClickedEvent<IndicatorRowData>) => void;
} {
  const refuse = useCallback(
    (data: IndicatorRowData | undefined, colId: string) => {
      const { grid, lang, onSaveStateChange } = current();
      const lock = lockOfCell(data, colId, grid.year);
      if (lock) onSaveStateChange?.('error', gridCount(lang, 'state.refused', 1, { reason: lock[lang] }));
    },
    [current],
  );
  const onCellKeyDown = useCallback(
    (e: CellKeyDownEvent<IndicatorRowData> | FullWidthCellKeyDownEvent<IndicatorRowData>) => {
      const key = e.event as KeyboardEvent | null | undefined;
      if (key && 'column' in e && startsEdit(key)) refuse(e.data, e.column.getColId());
    },
    [refuse],
  );
  const onCellDoubleClicked = useCallback((e: CellDoubleClickedEvent<IndicatorRowData>) => refuse(e.data, e.column.getColId()), [refuse]);
  return { onCellKeyDown, onCellDoubleClicked };
}
