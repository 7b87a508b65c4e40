import { describe, expect, it } from 'vitest';
import type { CellChange } from '../../renderer/src/grid/undo-stack';
import { redoEdits, undoEdits, UndoStack } from '../../renderer/src/grid/undo-stack';

const change = (id: string, oldText: string, newText: string, field: CellChange['field'] = 'actual'): CellChange => ({
  indicatorId: id,
  year: 2025,
  field,
  oldText,
  newText,
});

describe('UndoStack', () => {
  it('undoes the latest action first and redoes it back, one entry per action', () => {
    const s = new UndoStack();
    s.push([change('a', '', '10')]);
    s.push([change('a', '10', '12'), change('b', '', 'x', 'note')]);
    const first = s.undo();
    expect(first && undoEdits(first)).toEqual([
      { indicatorId: 'a', year: 2025, field: 'actual', text: '10' },
      { indicatorId: 'b', year: 2025, field: 'note', text: '' },
    ]);
    const second = s.undo();
    expect(second && undoEdits(second)).toEqual([{ indicatorId: 'a', year: 2025, field: 'actual', text: '' }]);
    expect(s.undo()).toBeNull();
    expect(s.canRedo).toBe(true);
    const again = s.redo();
    expect(again && redoEdits(again)).toEqual([{ indicatorId: 'a', year: 2025, field: 'actual', text: '10' }]);
    expect(s.canUndo).toBe(true);
  });

  it('a new action after an undo clears the redo history', () => {
    const s = new UndoStack();
    s.push([change('a', '', '1')]);
    s.push([change('a', '1', '2')]);
    s.undo();
    s.push([change('a', '1', '3')]);
    expect(s.canRedo).toBe(false);
    expect(s.redo()).toBeNull();
    expect(s.undo()?.changes[0]?.newText).toBe('3');
  });

  it('drops changes that changed nothing, and actions made only of those', () => {
    const s = new UndoStack();
    expect(s.push([change('a', '5', '5')])).toBe(false);
    expect(s.canUndo).toBe(false);
    s.push([change('a', '5', '5'), change('b', '', '7')]);
    expect(s.undo()?.changes.map((c) => c.indicatorId)).toEqual(['b']);
  });

  it('keeps at most `limit` actions, forgetting the oldest', () => {
    const s = new UndoStack(3);
    for (let i = 1; i <= 5; i += 1) s.push([change('a', String(i - 1), String(i))]);
    expect(s.size).toBe(3);
    const seen: string[] = [];
    for (let e = s.undo(); e; e = s.undo()) seen.push(e.changes[0]?.newText ?? '');
    expect(seen).toEqual(['5', '4', '3']);
  });

  it('entries are copies: changing the array pushed does not change history', () => {
    const s = new UndoStack();
    const changes = [change('a', '', '1')];
    s.push(changes);
    changes[0]!.newText = 'tampered';
    expect(s.undo()?.changes[0]?.newText).toBe('1');
  });

  it('clear() forgets both histories', () => {
    const s = new UndoStack();
    s.push([change('a', '', '1')]);
    s.push([change('a', '1', '2')]);
    s.undo();
    s.clear();
    expect(s.canUndo || s.canRedo).toBe(false);
  });
});
