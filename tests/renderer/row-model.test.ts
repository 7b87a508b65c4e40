import { describe, expect, it } from 'vitest';
import { message } from '../../shared/i18n/messages';
import {
  cellOf,
  fieldText,
  parseIsoDate,
  toRowData,
  withOptimisticEdit,
  withRefusedEdit,
  withSavedEdit,
  withoutDraft,
  withUnsavedEdit,
  draftOf,
} from '../../renderer/src/grid/row-model';
import { seedRow, TODAY } from './grid-fixtures';

describe('row model: an edit from typing to saved or refused', () => {
  it('shows a typed value at once with the colour the shared rule gives it, marked as saving', () => {
    const row = toRowData(seedRow('zyyj-02'));
    expect(cellOf(row, 2025).status).toBe('not-reported');
    const next = withOptimisticEdit(row, { indicatorId: 'zyyj-02', year: 2025, field: 'actual', text: '1,012' }, TODAY);
    const cell = cellOf(next, 2025);
    expect(cell.actual).toBe(1012);
    expect(cell.status).toBe('missed');
    expect(cell.gap).toBe(-38);
    expect(cell.completion).toBeCloseTo(1012 / 1050, 10);
    expect(next.ui['actual-2025']).toEqual({ saving: true });
    // the original row is not touched: AG Grid must see a new object
    expect(cellOf(row, 2025).actual).toBeNull();
  });

  it('reads full-width digits and percent text like the importer does', () => {
    const row = toRowData(seedRow('zyyj-05'));
    const next = withOptimisticEdit(row, { indicatorId: 'zyyj-05', year: 2025, field: 'actual', text: '９０％' }, TODAY);
    expect(cellOf(next, 2025)).toMatchObject({ actual: 90, status: 'met' });
  });

  it('an empty text clears the actual: a due year becomes not reported', () => {
    const row = toRowData(seedRow('zyyj-02', { 2025: 1100 }));
    expect(cellOf(row, 2025).status).toBe('met');
    const next = withOptimisticEdit(row, { indicatorId: 'zyyj-02', year: 2025, field: 'actual', text: '' }, TODAY);
    expect(cellOf(next, 2025)).toMatchObject({ actual: null, status: 'not-reported', completion: null });
  });

  it('text the parser refuses keeps the old value on screen until the API answers', () => {
    const row = toRowData(seedRow('zyyj-02', { 2025: 1100 }));
    const next = withOptimisticEdit(row, { indicatorId: 'zyyj-02', year: 2025, field: 'actual', text: '约1000' }, TODAY);
    expect(cellOf(next, 2025).actual).toBe(1100);
    expect(next.ui['actual-2025']?.saving).toBe(true);
  });

  it('uses a tolerance sent along with the row for "near"', () => {
    const row = toRowData({ ...seedRow('zyyj-11'), tolerance: 0.02 } as ReturnType<typeof seedRow>);
    expect(row.tolerance).toBe(0.02);
    const next = withOptimisticEdit(row, { indicatorId: 'zyyj-11', year: 2025, field: 'actual', text: '99' }, TODAY);
    expect(cellOf(next, 2025).status).toBe('near');
    const noTol = withOptimisticEdit(toRowData(seedRow('zyyj-11')), { indicatorId: 'zyyj-11', year: 2025, field: 'actual', text: '99' }, TODAY);
    expect(cellOf(noTol, 2025).status).toBe('missed');
  });

  it('a saved actual replaces the cell but keeps a note still being saved', () => {
    let row = toRowData(seedRow('zyyj-02'));
    row = withOptimisticEdit(row, { indicatorId: 'zyyj-02', year: 2025, field: 'note', text: '已开工' }, TODAY);
    row = withOptimisticEdit(row, { indicatorId: 'zyyj-02', year: 2025, field: 'actual', text: '1050' }, TODAY);
    const saved = { ...cellOf(seedRow('zyyj-02', { 2025: 1050 }), 2025), note: null };
    const next = withSavedEdit(row, { year: 2025, field: 'actual' }, saved);
    expect(cellOf(next, 2025)).toMatchObject({ actual: 1050, status: 'met', note: '已开工' });
    expect(next.ui['actual-2025']).toBeUndefined();
    expect(next.ui.note).toEqual({ saving: true });
  });

  it('a refusal puts the last saved value back and keeps the reason on the cell', () => {
    const original = toRowData(seedRow('zyyj-02', { 2025: 1012 }));
    const confirmed = cellOf(original, 2025);
    const typed = withOptimisticEdit(original, { indicatorId: 'zyyj-02', year: 2025, field: 'actual', text: '-5' }, TODAY);
    const reason = message('parse.negative-count', { text: '-5' });
    const back = withRefusedEdit(typed, { year: 2025, field: 'actual', text: '-5' }, confirmed, reason);
    expect(cellOf(back, 2025)).toEqual(confirmed);
    // The refused text stays on screen as a draft for the clerk to correct.
    expect(back.ui['actual-2025']).toEqual({ refused: reason, draft: '-5' });
    expect(draftOf(back, 'actual-2025')).toBe('-5');
    // the next successful save clears the mark
    const ok = withSavedEdit(back, { year: 2025, field: 'actual' }, confirmed);
    expect(ok.ui['actual-2025']).toBeUndefined();
  });

  it('fieldText gives the text that restores a field exactly (what undo saves)', () => {
    const row = toRowData(seedRow('zyyj-05', { 2025: 87.5 }, { 2025: '含新建小区' }));
    expect(fieldText(cellOf(row, 2025), 'actual')).toBe('87.5');
    expect(fieldText(cellOf(row, 2025), 'note')).toBe('含新建小区');
    expect(fieldText(cellOf(row, 2026), 'actual')).toBe('');
  });

  it('reads grid.today as a local date', () => {
    const d = parseIsoDate('2026-01-01');
    expect([d.getFullYear(), d.getMonth(), d.getDate()]).toEqual([2026, 0, 1]);
  });

  it('an unsaved edit shows the typed value with its colour, keeps the text and the reason, and a retry keeps showing it', () => {
    const row = toRowData(seedRow('zyyj-02', { 2025: 1100 }));
    const reason = message('error.internal', { detail: 'offline' });
    const edit = { indicatorId: 'zyyj-02', year: 2025, field: 'actual', text: '1,012' } as const;
    const unsaved = withUnsavedEdit(row, edit, reason, TODAY);
    expect(cellOf(unsaved, 2025)).toMatchObject({ actual: 1012, status: 'missed' });
    expect(unsaved.ui['actual-2025']).toEqual({ unsaved: reason, draft: '1,012' });
    // Sending it again: saving, still showing the clerk's text and the unsaved mark.
    const retry = withOptimisticEdit(unsaved, edit, TODAY);
    expect(retry.ui['actual-2025']).toEqual({ saving: true, unsaved: reason, draft: '1,012' });
    // Saved at last: the saved cell, no mark.
    const saved = withSavedEdit(retry, edit, { ...cellOf(retry, 2025) });
    expect(saved.ui['actual-2025']).toBeUndefined();
    expect(draftOf(saved, 'actual-2025')).toBeUndefined();
  });

  it('dropping a draft puts the last saved value back without a mark, and leaves the other field alone', () => {
    const row = toRowData(seedRow('zyyj-02', { 2025: 1100 }, { 2025: '已开工' }));
    const confirmed = cellOf(row, 2025);
    const unsaved = withUnsavedEdit(row, { indicatorId: 'zyyj-02', year: 2025, field: 'actual', text: '5' }, message('error.internal', { detail: 'x' }), TODAY);
    const withNote = withOptimisticEdit(unsaved, { indicatorId: 'zyyj-02', year: 2025, field: 'note', text: '新说明' }, TODAY);
    const dropped = withoutDraft(withNote, { year: 2025, field: 'actual' }, confirmed);
    expect(cellOf(dropped, 2025)).toMatchObject({ actual: 1100, status: 'met', note: '新说明' });
    expect(dropped.ui['actual-2025']).toBeUndefined();
    expect(dropped.ui.note).toEqual({ saving: true });
  });
});
