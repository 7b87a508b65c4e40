// An in-memory GridPort for the grid hooks' tests: rows in display order, the displayed column ids,
// a focused cell and an editor flag, with no AG Grid behind it.
import type { CellPosition, GridPort } from '../../renderer/src/grid/grid-port';
import type { IndicatorRowData } from '../../renderer/src/grid/row-model';

export class MemoryPort implements GridPort {
  rows: IndicatorRowData[];
  editing = false;
  focused: CellPosition | null = null;
  repaints = 0;
  readonly columns: string[];

  constructor(rows: IndicatorRowData[], columns: string[]) {
    this.rows = rows;
    this.columns = columns;
  }

  row(indicatorId: string): IndicatorRowData | undefined {
    return this.rows.find((r) => r.indicatorId === indicatorId);
  }
  applyRows(rows: IndicatorRowData[]): void {
    const byId = new Map(rows.map((r) => [r.indicatorId, r]));
    this.rows = this.rows.map((r) => byId.get(r.indicatorId) ?? r);
  }
  isEditing(): boolean {
    return this.editing;
  }
  cancelEditing(): void {
    this.editing = false;
  }
  rowCount(): number {
    return this.rows.length;
  }
  rowAt(index: number): IndicatorRowData | undefined {
    return this.rows[index];
  }
  rowIndexOf(indicatorId: string): number | null {
    const i = this.rows.findIndex((r) => r.indicatorId === indicatorId);
    return i >= 0 ? i : null;
  }
  columnIds(): string[] {
    return this.columns;
  }
  focusedCell(): CellPosition | null {
    return this.focused;
  }
  focusCell(rowIndex: number, colId: string): void {
    this.focused = { rowIndex, colId };
  }
  repaint(): void {
    this.repaints += 1;
  }
}
