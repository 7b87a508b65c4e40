// The 报送情况 counting rule (shared/domain/reporting-overview.ts): due / filled counts and misses
// without a note; the days overdue come from the reporting-cycle rule (tested with it) and pass through.
import { describe, expect, it } from 'vitest';
import { departmentOverview } from '../../shared/domain/reporting-overview';

const CELLS = [
  { status: 'met', actual: 11, note: null },
  { status: 'missed', actual: 1000, note: null },
  { status: 'missed', actual: 5, note: '延至明年' },
  { status: 'missed', actual: 4, note: '  ' },
  { status: 'near', actual: 88, note: null },
  { status: 'not-reported', actual: null, note: null },
  { status: 'no-target', actual: 3, note: null },
  { status: 'pending', actual: null, note: null },
] as const;

describe('a department row of 报送情况', () => {
  it('counts due and filled cells (no-target and pending are not due) and the misses without a note', () => {
    const row = departmentOverview({ department: '区住建局', state: 'in-progress', deadline: '2026-01-31', overdueDays: 10, lastImport: null, cells: [...CELLS] });
    expect(row).toMatchObject({ due: 6, filled: 5, missesWithoutNote: 2, daysOverdue: 10, overdue: true });
  });

  it('not overdue: 0 days and no flag', () => {
    const row = departmentOverview({ department: '区住建局', state: 'submitted', deadline: '2026-01-31', overdueDays: null, lastImport: null, cells: [] });
    expect(row).toMatchObject({ due: 0, filled: 0, missesWithoutNote: 0, daysOverdue: 0, overdue: false });
  });
});
