// The few things the grid's hooks ask of the grid widget (rows by id, the displayed order, focus,
// editing state), as a narrow interface: AG Grid's GridApi sits behind agGridPort() in the app,
// and the hook tests drive the same hooks with a plain in-memory port.
import type { GridApi, IRowNode } from 'ag-grid-community';
import type { IndicatorRowData } from './row-model';

/** A cell by display position: row index in the displayed order and leaf column id. */
export interface CellPosition {
  rowIndex: number;
  colId: string;
}

export interface GridPort {
  /** The row of an indicator (row id = indicatorId), or undefined when it is not in the grid. */
  row(indicatorId: string): IndicatorRowData | undefined;
  /** Replace rows by id and repaint them: classes (saving, refused, status) change even when the value does not. */
  applyRows(rows: IndicatorRowData[]): void;
  /** True while a cell editor is open. */
  isEditing(): boolean;
  /** Close an open editor, dropping its text. */
  cancelEditing(): void;
  /** Number of displayed rows. */
  rowCount(): number;
  /** The row displayed at an index, or undefined past the end. */
  rowAt(index: number): IndicatorRowData | undefined;
  /** Display index of an indicator's row, or null when it is not displayed. */
  rowIndexOf(indicatorId: string): number | null;
  /** Leaf column ids in display order. */
  columnIds(): string[];
  focusedCell(): CellPosition | null;
  /** Scroll a cell into view and focus it. */
  focusCell(rowIndex: number, colId: string): void;
  /** Re-evaluate every rendered cell's classes (only rendered cells: cheap at any row count). */
  repaint(): void;
}

/** The port over AG Grid's API. */
export function agGridPort(api: GridApi<IndicatorRowData>): GridPort {
  return {
    row: (id) => api.getRowNode(id)?.data,
    applyRows: (rows) => {
      if (rows.length === 0) return;
      const res = api.applyTransaction({ update: rows });
      const nodes: IRowNode<IndicatorRowData>[] = res?.update ?? [];
      if (nodes.length > 0) api.refreshCells({ rowNodes: nodes, force: true });
    },
    isEditing: () => api.getEditingCells().length > 0,
    cancelEditing: () => api.stopEditing(true),
    rowCount: () => api.getDisplayedRowCount(),
    rowAt: (index) => api.getDisplayedRowAtIndex(index)?.data,
    rowIndexOf: (id) => api.getRowNode(id)?.rowIndex ?? null,
    columnIds: () => api.getAllDisplayedColumns().map((c) => c.getColId()),
    focusedCell: () => {
      const focused = api.getFocusedCell();
      return focused ? { rowIndex: focused.rowIndex, colId: focused.column.getColId() } : null;
    },
    focusCell: (rowIndex, colId) => {
      api.ensureIndexVisible(rowIndex);
      api.ensureColumnVisible(colId);
      api.setFocusedCell(rowIndex, colId);
    },
    repaint: () => api.refreshCells({ force: true }),
  };
}
