// A locked department-year's cells are read-only (column-defs.ts: editable is false for them), so
// AG Grid ignores typing there; this says why instead: the lock's reason when a key that would start
// an edit (a printable character, F2) or a double-click hits a locked 实际值 or 说明 cell.
import type { AppMessage } from '../../../shared/i18n/engine';
import { editTarget } from './columns';
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
