import { describe, expect, it } from 'vitest';
import {
  allColumnIds,
  columnIdForEdit,
  editTarget,
  isEditableColumn,
  parseColumnId,
  yearOfColumn,
} from '../../renderer/src/grid/columns';

const YEARS = [2023, 2024, 2025, 2026, 2027];

describe('grid column model', () => {
  it('uses the ids end-to-end tests select, in display order', () => {
    const ids = allColumnIds(YEARS);
    expect(ids.slice(0, 5)).toEqual(['domain', 'code', 'name', 'unit', 'units']);
    expect(ids.slice(5, 8)).toEqual(['target-2023', 'actual-2023', 'completion-2023']);
    expect(ids.at(-1)).toBe('note');
    expect(ids).toHaveLength(5 + 3 * YEARS.length + 1);
  });

  it('parses every id back', () => {
    for (const id of allColumnIds(YEARS)) expect(parseColumnId(id)).not.toBeNull();
    expect(parseColumnId('actual-2025')).toEqual({ kind: 'actual', year: 2025 });
    expect(parseColumnId('actual-25')).toBeNull();
    expect(parseColumnId('bogus')).toBeNull();
  });

  it('only the reporting year 实际值 and 说明 are editable', () => {
    const editable = allColumnIds(YEARS).filter((id) => isEditableColumn(id, 2025));
    expect(editable).toEqual(['actual-2025', 'note']);
    expect(editTarget('actual-2024', 2025)).toBeNull();
    expect(editTarget('target-2025', 2025)).toBeNull();
    expect(editTarget('note', 2025)).toEqual({ field: 'note', year: 2025 });
    expect(editTarget('actual-2025', 2025)).toEqual({ field: 'actual', year: 2025 });
  });

  it('maps edits back to columns and columns to years', () => {
    expect(columnIdForEdit('actual', 2025)).toBe('actual-2025');
    expect(columnIdForEdit('note', 2025)).toBe('note');
    expect(yearOfColumn('completion-2023', 2025)).toBe(2023);
    expect(yearOfColumn('name', 2025)).toBe(2025);
  });
});
