// Locked cells in the grid: which keys count as starting an edit (the lock's reason is shown then),
// the lock of an editable cell, and the signature that remounts the grid when locks change.
import { describe, expect, it } from 'vitest';
import { lockOfCell, lockSignature, startsEdit } from '../../renderer/src/grid/locked-cells';
import { cellOf, toRowData } from '../../renderer/src/grid/row-model';
import { seedRow } from './grid-fixtures';

const LOCK = { key: 'cycle.locked', params: {}, zh: '已锁定', en: 'locked' };
const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('locked cells', () => {
  it('a printable key or F2 starts an edit; arrows, Enter and shortcuts do not', () => {
    expect(startsEdit(key('1'))).toBe(true);
    expect(startsEdit(key('F2'))).toBe(true);
    expect(startsEdit(key('ArrowDown'))).toBe(false);
    expect(startsEdit(key('Enter'))).toBe(false);
    expect(startsEdit(key('c', { ctrlKey: true }))).toBe(false);
  });

  it('finds the lock of the reporting year’s 实际值 and 说明 only', () => {
    const open = toRowData(seedRow('zyyj-02', { 2025: 1012 }));
    const row = { ...open, cells: { ...open.cells, '2025': { ...cellOf(open, 2025), locked: LOCK } } };
    expect(lockOfCell(row, 'actual-2025', 2025)).toEqual(LOCK);
    expect(lockOfCell(row, 'note', 2025)).toEqual(LOCK);
    expect(lockOfCell(row, 'target-2025', 2025)).toBeNull();
    expect(lockOfCell(open, 'actual-2025', 2025)).toBeNull();
  });

  it('signs which rows are locked, so a lock or an unlock remounts the grid', () => {
    const a = seedRow('zyyj-02', { 2025: 1 });
    const b = seedRow('zyyj-03', { 2025: 1 });
    const locked = (r: typeof a) => ({ ...r, cells: { ...r.cells, '2025': { ...r.cells['2025']!, locked: LOCK } } });
    expect(lockSignature({ year: 2025, rows: [a, b] })).toBe('');
    expect(lockSignature({ year: 2025, rows: [locked(a), b] })).toBe('zyyj-02');
    expect(lockSignature({ year: 2025, rows: [locked(a), locked(b)] })).toBe('all');
  });
});
