// The grid's row data and how one edit changes it: the optimistic value shown the moment a clerk
// confirms (colour recomputed with the shared cellStatus()), the cell the API saved, or the way
// back when the API refused. Rows are replaced, never mutated, so AG Grid sees each change.
import type { CellEdit, GridCell, GridRow } from '../../../shared/api/contract';
import { parseNumberInput } from '../../../shared/domain/parse-number';
import type { StatusResult } from '../../../shared/domain/status';
import { cellStatus } from '../../../shared/domain/status';
import type { AppMessage } from '../../../shared/i18n/engine';
import { columnIdForEdit } from './columns';

/**
 * Per-cell UI state, keyed by column id: a save in flight; a draft (the clerk's text, shown instead
 * of the saved value) that the API refused (refused = why) or that could not be saved because the
 * service was unreachable (unsaved = why; the edit waits in the retry queue).
 */
export interface CellUi {
  saving?: boolean;
  refused?: AppMessage;
  unsaved?: AppMessage;
  draft?: string;
}

export interface IndicatorRowData extends GridRow {
  ui: Record<string, CellUi>;
}

export function toRowData(row: GridRow): IndicatorRowData {
  return { ...row, ui: {} };
}

/** "2026-03-01" as a local date: `new Date(iso)` would be UTC midnight, a day early west of Greenwich. */
export function parseIsoDate(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return new Date(iso);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export const EMPTY_CELL: GridCell = { target: null, actual: null, note: null, status: 'no-target', gap: null, completion: null };

export function cellOf(row: GridRow, year: number): GridCell {
  return row.cells[String(year)] ?? EMPTY_CELL;
}

/** Status of (row, year) with the given actual, from THE shared rule. */
export function statusFor(row: IndicatorRowData, year: number, actual: number | null, today: Date): StatusResult {
  const target = cellOf(row, year).target;
  return cellStatus({
    indicator: { direction: row.direction, tolerance: row.tolerance },
    year,
    target: target === null ? undefined : target,
    actual,
    today,
  });
}

/** The text that puts a field back exactly as it is: what undo and redo save. */
export function fieldText(cell: GridCell, field: CellEdit['field']): string {
  if (field === 'note') return cell.note ?? '';
  return cell.actual === null ? '' : String(cell.actual);
}

function withCell(row: IndicatorRowData, year: number, cell: GridCell, colId: string, ui: CellUi | null): IndicatorRowData {
  const uiMap = { ...row.ui };
  if (ui === null) delete uiMap[colId];
  else uiMap[colId] = ui;
  return { ...row, cells: { ...row.cells, [String(year)]: cell }, ui: uiMap };
}

/**
 * The row as it should look while an edit is being saved: the typed number (as the shared parser
 * reads it) with its colour, marked as saving. Text the parser refuses leaves the old value in
 * place; the API will refuse it with the reason.
 */
export function withOptimisticEdit(row: IndicatorRowData, edit: CellEdit, today: Date): IndicatorRowData {
  const old = cellOf(row, edit.year);
  const colId = columnIdForEdit(edit.field, edit.year);
  let next: GridCell = old;
  if (edit.field === 'note') {
    next = { ...old, note: edit.text.trim() === '' ? null : edit.text };
  } else {
    const parsed = parseNumberInput(edit.text, { kind: row.kind });
    if (parsed.ok) {
      const actual = parsed.kind === 'number' ? parsed.value : null;
      const s = statusFor(row, edit.year, actual, today);
      next = { ...old, actual, status: s.status, gap: s.gap, completion: s.completion };
    }
  }
  // A retry (or a new edit) of an unsaved cell keeps showing the clerk's text while it is sent.
  const prev = row.ui[colId];
  const ui: CellUi = prev?.unsaved ? { saving: true, unsaved: prev.unsaved, draft: edit.text } : { saving: true };
  return withCell(row, edit.year, next, colId, ui);
}

/** Merge only the edited field from the saved cell: another field may have its own save in flight. */
function mergeField(current: GridCell, saved: GridCell, field: CellEdit['field']): GridCell {
  if (field === 'note') return { ...current, note: saved.note };
  return { ...saved, note: current.note };
}

/** The API saved the edit: show the saved cell (its status is the API's, from the same rule). */
export function withSavedEdit(row: IndicatorRowData, edit: Pick<CellEdit, 'year' | 'field'>, saved: GridCell): IndicatorRowData {
  const merged = mergeField(cellOf(row, edit.year), saved, edit.field);
  return withCell(row, edit.year, merged, columnIdForEdit(edit.field, edit.year), null);
}

/**
 * The API refused the edit: the last saved value stays underneath (colours, completion), and the
 * refused text stays on screen as a draft with the reason, so the clerk can correct it (F2) or
 * drop it (Esc / Delete), as after an Excel validation failure.
 */
export function withRefusedEdit(
  row: IndicatorRowData,
  edit: Pick<CellEdit, 'year' | 'field' | 'text'>,
  confirmed: GridCell,
  reason: AppMessage,
): IndicatorRowData {
  const merged = mergeField(cellOf(row, edit.year), confirmed, edit.field);
  return withCell(row, edit.year, merged, columnIdForEdit(edit.field, edit.year), { refused: reason, draft: edit.text });
}

/**
 * The edit could not be saved (service unreachable, internal error): show what the optimistic
 * edit shows — the typed value, coloured by the shared rule — with the typed text as a draft marked
 * unsaved. Also used to put back queued edits after a reload.
 */
export function withUnsavedEdit(row: IndicatorRowData, edit: CellEdit, reason: AppMessage, today: Date): IndicatorRowData {
  const shown = withOptimisticEdit(row, edit, today);
  return withCell(shown, edit.year, cellOf(shown, edit.year), columnIdForEdit(edit.field, edit.year), { unsaved: reason, draft: edit.text });
}

/** The clerk dropped a draft (Esc / Delete): the last saved value again, no mark. */
export function withoutDraft(row: IndicatorRowData, edit: Pick<CellEdit, 'year' | 'field'>, confirmed: GridCell): IndicatorRowData {
  const merged = mergeField(cellOf(row, edit.year), confirmed, edit.field);
  return withCell(row, edit.year, merged, columnIdForEdit(edit.field, edit.year), null);
}

/** The draft text a cell shows instead of its saved value, if any. */
export function draftOf(row: IndicatorRowData, colId: string): string | undefined {
  return row.ui[colId]?.draft;
}
