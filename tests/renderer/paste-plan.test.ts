import { describe, expect, it } from 'vitest';
import { allColumnIds } from '../../renderer/src/grid/columns';
import { planPaste } from '../../renderer/src/grid/paste-plan';
import { parseTsv } from '../../renderer/src/grid/tsv';

const YEARS = [2023, 2024, 2025, 2026, 2027];
const ROWS = ['zyyj-01', 'zyyj-02', 'zyyj-03'];
const at = (startRow: number, startColumnId: string) => ({
  startRow,
  rowCount: ROWS.length,
  rowIdAt: (i: number) => ROWS[i],
  columnIds: allColumnIds(YEARS),
  startColumnId,
  reportingYear: 2025,
});

describe('planPaste', () => {
  it('a column of figures fills 实际值 downwards from the focused row', () => {
    const plan = planPaste(parseTsv('1,050\r\n220\r\n'), at(1, 'actual-2025'));
    expect(plan.edits).toEqual([
      { indicatorId: 'zyyj-02', year: 2025, field: 'actual', text: '1,050' },
      { indicatorId: 'zyyj-03', year: 2025, field: 'actual', text: '220' },
    ]);
    expect(plan.clipped).toBe(0);
  });

  it('two pasted columns land in 实际值 and 说明, skipping the read-only columns between them', () => {
    const plan = planPaste(parseTsv('11\t"说明\n两行"\r\n'), at(0, 'actual-2025'));
    expect(plan.edits).toEqual([
      { indicatorId: 'zyyj-01', year: 2025, field: 'actual', text: '11' },
      { indicatorId: 'zyyj-01', year: 2025, field: 'note', text: '说明\n两行' },
    ]);
  });

  it('pasting on a read-only column starts at the next editable column to its right', () => {
    const plan = planPaste([['5']], at(2, 'target-2023'));
    expect(plan.edits).toEqual([{ indicatorId: 'zyyj-03', year: 2025, field: 'actual', text: '5' }]);
    const fromNote = planPaste([['a', 'b']], at(0, 'note'));
    expect(fromNote.edits).toEqual([{ indicatorId: 'zyyj-01', year: 2025, field: 'note', text: 'a' }]);
    expect(fromNote.clipped).toBe(1);
  });

  it('drops and counts what falls below the last row', () => {
    const plan = planPaste(parseTsv('1\n2\n3\n4\n'), at(2, 'actual-2025'));
    expect(plan.edits.map((e) => e.text)).toEqual(['1']);
    expect(plan.clipped).toBe(3);
  });

  it('reports when no editable column lies at or right of the paste position', () => {
    const plan = planPaste([['1']], { ...at(0, 'note'), columnIds: ['domain', 'code', 'note'], startColumnId: 'code', reportingYear: 2024 });
    // note is editable for any reporting year
    expect(plan.noEditableColumn).toBe(false);
    const none = planPaste([['1', '2']], { ...at(0, 'code'), columnIds: ['domain', 'code', 'target-2025'] });
    expect(none).toEqual({ edits: [], clipped: 2, noEditableColumn: true });
  });
});
