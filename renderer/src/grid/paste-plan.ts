// Where a pasted block goes. Decision: pasted COLUMNS map onto the EDITABLE columns in display
// order (实际值 of the reporting year, then 说明), starting at the first editable column at or right
// of the paste position; read-only columns in between are skipped, not written and not counted.
// So two columns copied from Excel (figures, explanations) land in 实际值 and 说明 even though
// 完成率 and later years sit between them on screen. Rows map one to one from the paste row down.
// Anything beyond the last row or the last editable column is dropped and counted as clipped.
import type { CellEdit } from '../../../shared/api/contract';
import { editTarget } from './columns';

export interface PastePosition {
  /** Display index of the row the paste starts at (the focused row, or a range's top row). */
  startRow: number;
  /** Number of displayed rows. */
  rowCount: number;
  /** Row id (indicator id) of a displayed row index; undefined outside the grid. */
  rowIdAt: (index: number) => string | undefined;
  /** Leaf column ids in display order. */
  columnIds: readonly string[];
  /** Column the paste starts at. */
  startColumnId: string;
  reportingYear: number;
}

export interface PastePlan {
  edits: CellEdit[];
  /** Pasted values that fell outside the table (below the last row, right of the last editable column). */
  clipped: number;
  /** True when no editable column lies at or right of the paste position. */
  noEditableColumn: boolean;
}

export function planPaste(block: readonly (readonly string[])[], pos: PastePosition): PastePlan {
  const startIndex = pos.columnIds.indexOf(pos.startColumnId);
  const targets = pos.columnIds
    .slice(Math.max(0, startIndex))
    .map((id) => editTarget(id, pos.reportingYear))
    .filter((t): t is NonNullable<typeof t> => t !== null);
  const total = block.reduce((n, r) => n + r.length, 0);
  if (startIndex < 0 || targets.length === 0) return { edits: [], clipped: total, noEditableColumn: true };

  const edits: CellEdit[] = [];
  block.forEach((fields, i) => {
    const rowIndex = pos.startRow + i;
    const indicatorId = rowIndex < pos.rowCount ? pos.rowIdAt(rowIndex) : undefined;
    if (indicatorId === undefined) return;
    fields.forEach((text, j) => {
      const target = targets[j];
      if (!target) return;
      edits.push({ indicatorId, year: target.year, field: target.field, text });
    });
  });
  return { edits, clipped: total - edits.length, noEditableColumn: false };
}
