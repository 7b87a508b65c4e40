// The grid's column model as plain data: the column ids end-to-end tests and paste/copy rely on,
// which of them are editable, and which (year, field) an editable column writes. No AG Grid here.
import type { CellEdit } from '../../../shared/api/contract';

export type FixedColumn = 'domain' | 'code' | 'name' | 'unit' | 'units';
export type YearColumnKind = 'target' | 'actual' | 'completion';

export type ColumnRef =
  | { kind: FixedColumn }
  | { kind: YearColumnKind; year: number }
  | { kind: 'note' };

export const FIXED_COLUMNS: readonly FixedColumn[] = ['domain', 'code', 'name', 'unit', 'units'];
export const YEAR_COLUMN_KINDS: readonly YearColumnKind[] = ['target', 'actual', 'completion'];
/** Fixed columns kept in view while the year groups scroll. */
export const PINNED_COLUMNS: readonly FixedColumn[] = ['domain', 'code', 'name', 'unit'];

export function columnId(ref: ColumnRef): string {
  return 'year' in ref ? `${ref.kind}-${ref.year}` : ref.kind;
}

export function parseColumnId(id: string): ColumnRef | null {
  if (id === 'note') return { kind: 'note' };
  if ((FIXED_COLUMNS as readonly string[]).includes(id)) return { kind: id as FixedColumn };
  const m = /^(target|actual|completion)-(\d{4})$/.exec(id);
  if (!m) return null;
  return { kind: m[1] as YearColumnKind, year: Number(m[2]) };
}

/** Every leaf column id in display order: fixed columns, then per year 目标值 | 实际值 | 完成率, then 说明. */
export function allColumnIds(years: readonly number[]): string[] {
  const ids: string[] = [...FIXED_COLUMNS];
  for (const year of years) for (const kind of YEAR_COLUMN_KINDS) ids.push(columnId({ kind, year }));
  ids.push('note');
  return ids;
}

/** What an editable column writes; null for read-only columns. Only the reporting year is open. */
export function editTarget(colId: string, reportingYear: number): { field: CellEdit['field']; year: number } | null {
  const ref = parseColumnId(colId);
  if (!ref) return null;
  if (ref.kind === 'note') return { field: 'note', year: reportingYear };
  if (ref.kind === 'actual' && ref.year === reportingYear) return { field: 'actual', year: reportingYear };
  return null;
}

export function isEditableColumn(colId: string, reportingYear: number): boolean {
  return editTarget(colId, reportingYear) !== null;
}

/** The column an edit of (field, year) shows in. */
export function columnIdForEdit(field: CellEdit['field'], year: number): string {
  return field === 'note' ? 'note' : columnId({ kind: 'actual', year });
}

/** The year a column is about (the reporting year for columns that belong to no year). */
export function yearOfColumn(colId: string, reportingYear: number): number {
  const ref = parseColumnId(colId);
  return ref && 'year' in ref ? ref.year : reportingYear;
}
