// The 报送情况 counting rule (shared/domain/reporting-overview.ts): days overdue by calendar date
// (0 on the deadline, 1 the day after, never for a submitted or locked return), due / filled counts
// and misses without a note.
import { describe, expect, it } from 'vitest';
import { daysOverdue, departmentOverview } from '../../shared/domain/reporting-overview';

const at = (iso: string, hour = 12): Date => new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00`);

describe('days overdue', () => {
  it('counts calendar days after the deadline, whatever the hour', () => {
    expect(daysOverdue('2026-01-31', at('2026-01-31', 23), 'in-progress')).toBe(0);
    expect(daysOverdue('2026-01-31', at('2026-02-01', 0), 'not-started')).toBe(1);
    expect(daysOverdue('2026-01-31', at('2026-03-05'), 'not-started')).toBe(33);
    // Across a leap day: 2028-02-29 exists.
    expect(daysOverdue('2028-01-31', at('2028-03-01'), 'sent-back')).toBe(30);
  });

  it('a submitted or locked return is never overdue; a day before the deadline is not overdue', () => {
    expect(daysOverdue('2026-01-31', at('2026-03-05'), 'submitted')).toBe(0);
    expect(daysOverdue('2026-01-31', at('2026-03-05'), 'locked')).toBe(0);
    expect(daysOverdue('2026-01-31', at('2026-01-30'), 'not-started')).toBe(0);
  });
});

describe('a department row', () => {
  it('counts due and filled cells and the misses without a note', () => {
    const row = departmentOverview(
      {
        department: '区住建局',
        state: 'in-progress',
        deadline: '2026-01-31',
        lastImport: null,
        cells: [
          { status: 'met', actual: 11, note: null },
          { status: 'missed', actual: 1000, note: null },
          { status: 'missed', actual: 5, note: '延至明年' },
          { status: 'missed', actual: 4, note: '  ' },
          { status: 'near', actual: 88, note: null },
          { status: 'not-reported', actual: null, note: null },
          { status: 'no-target', actual: 3, note: null },
          { status: 'pending', actual: null, note: null },
        ],
      },
      at('2026-02-10'),
    );
    expect(row).toMatchObject({ due: 6, filled: 5, missesWithoutNote: 2, daysOverdue: 10, overdue: true });
  });
});
