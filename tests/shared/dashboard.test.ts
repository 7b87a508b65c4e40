// buildDashboard (issue 15) on the demo data the screenshots seed, clock 15 March 2026: per 领域
// outlook counts, the reporting year's completeness per department, target/actual series and the
// projection line, all worked out by hand from the seed plan.
import { describe, expect, it } from 'vitest';
import { buildDashboard } from '../../shared/domain/dashboard';
import type { ActualCell, DepartmentCycle } from '../../shared/domain/dashboard';
import type { StoredState } from '../../shared/domain/reporting-cycle';
import { defaultDeadline, effectiveState, overdueDays, submittedLateDays } from '../../shared/domain/reporting-cycle';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';
import { DEMO_ACTUALS, DEMO_NOTES_2025 } from '../../scripts/demo-actuals';

const NOW = new Date('2026-03-15T09:00:00+08:00');

function actual(id: string, year: number): ActualCell | undefined {
  const v = DEMO_ACTUALS[id]?.[year - 2023];
  const note = year === 2025 ? (DEMO_NOTES_2025[id] ?? null) : null;
  if ((v === undefined || v === null) && note === null) return undefined;
  return { value: v ?? null, note };
}

const DEPARTMENTS = ['区住建局', '市住房公积金洞头分中心', '区民政局'];

describe('buildDashboard', () => {
  const d = buildDashboard(SEED_PLAN, actual, 2025, DEPARTMENTS, NOW);

  it('counts outlooks per 领域 in plan order, and in total', () => {
    // 住房保障 1 at-risk, 2 on-track, 3 on-track, 4 on-track; 住房品质 5 at-risk, 6 on-track, 7 at-risk,
    // 8 behind (2025 missing), 9 on-track, 10 at-risk; 住房安全 11, 12 on-track; 住房市场 13 at-risk.
    expect(d.domains).toEqual([
      { domain: '住房保障', counts: { ahead: 0, 'on-track': 3, behind: 0, 'at-risk': 1, 'no-data': 0 } },
      { domain: '住房品质', counts: { ahead: 0, 'on-track': 2, behind: 1, 'at-risk': 3, 'no-data': 0 } },
      { domain: '住房安全', counts: { ahead: 0, 'on-track': 2, behind: 0, 'at-risk': 0, 'no-data': 0 } },
      { domain: '住房市场', counts: { ahead: 0, 'on-track': 0, behind: 0, 'at-risk': 1, 'no-data': 0 } },
    ]);
    expect(d.totals).toEqual({ ahead: 0, 'on-track': 7, behind: 1, 'at-risk': 5, 'no-data': 0 });
  });

  it('counts the reporting year’s completeness per leading department; departments leading nothing are left out', () => {
    // 区住建局 leads 12 indicators; 8 and 10 have no 2025 actual. 13 is the fund centre's, unreported.
    expect(d.departments).toEqual([
      { department: '区住建局', expected: 12, reported: 10, cycle: null },
      { department: '市住房公积金洞头分中心', expected: 1, reported: 0, cycle: null },
    ]);
    const d2024 = buildDashboard(SEED_PLAN, actual, 2024, DEPARTMENTS, NOW);
    expect(d2024.departments.map((x) => x.reported)).toEqual([12, 1]);
  });

  it('gives each indicator its targets, actuals, notes and the projection line from the latest actual', () => {
    const two = d.indicators.find((i) => i.indicatorId === 'zyyj-02');
    expect(two?.targets).toEqual([637, 847, 1050, 1060, 1100]);
    expect(two?.actuals).toEqual([652, 861, 1012, null, null]);
    expect(two?.notes).toEqual([null, null, '2个项目延期至2026年交付', null, null]);
    expect(two?.projection).toEqual([null, null, 1012, 1192, 1372]); // 180 a year
    const six = d.indicators.find((i) => i.indicatorId === 'zyyj-06');
    expect(six?.targets).toEqual([1, 2, 3, 4, null]); // 2027 is "/"
    expect(six?.projection).toEqual([null, null, 3, 4, null]); // to the final year 2026 only
    const thirteen = d.indicators.find((i) => i.indicatorId === 'zyyj-13');
    expect(thirteen?.projection).toEqual([null, 14702, 15383, 16064, 16745]);
    expect(thirteen?.progress.outlook).toBe('at-risk');
  });

  describe('each department’s state in the reporting cycle, beside its completeness', () => {
    // The states come from the reporting-cycle rule itself (as the reporting service applies it):
    // stored state, whether the department entered anything, a year-wide lock; the 2025 deadline is
    // the default 2026-01-31, and 2026-01-31 → 2026-03-15 is 28 + 15 = 43 days.
    const deadline = defaultDeadline(2025);
    const ruled = (stored: StoredState | null, hasActual: boolean, yearLocked = false, submittedOn: string | null = null): DepartmentCycle => {
      const state = effectiveState(stored, hasActual, yearLocked);
      return { state, deadline, overdueDays: overdueDays(state, deadline, '2026-03-15'), submittedLateDays: submittedLateDays(state, deadline, submittedOn) };
    };

    it('a submitted department is not overdue (but keeps its lateness); one that entered nothing is 未填报 and 43 days overdue', () => {
      expect(deadline).toBe('2026-01-31');
      // Submitted on 5 February: 5 days after the deadline.
      const states: Record<string, DepartmentCycle> = { 区住建局: ruled('submitted', true, false, '2026-02-05'), 市住房公积金洞头分中心: ruled(null, false) };
      const withStates = buildDashboard(SEED_PLAN, actual, 2025, DEPARTMENTS, NOW, (dep) => states[dep]);
      expect(withStates.departments).toEqual([
        { department: '区住建局', expected: 12, reported: 10, cycle: { state: 'submitted', deadline: '2026-01-31', overdueDays: null, submittedLateDays: 5 } },
        { department: '市住房公积金洞头分中心', expected: 1, reported: 0, cycle: { state: 'not-started', deadline: '2026-01-31', overdueDays: 43, submittedLateDays: null } },
      ]);
    });

    it('a department sent back and not resubmitted is overdue again; a locked year is never overdue', () => {
      const states: Record<string, DepartmentCycle> = { 区住建局: ruled('returned', true), 市住房公积金洞头分中心: ruled(null, false, true) };
      const withStates = buildDashboard(SEED_PLAN, actual, 2025, DEPARTMENTS, NOW, (dep) => states[dep]);
      expect(withStates.departments.map((x) => [x.department, x.cycle?.state, x.cycle?.overdueDays])).toEqual([
        ['区住建局', 'returned', 43],
        ['市住房公积金洞头分中心', 'locked', null],
      ]);
    });

    it('a department the caller has no state for shows none (null), and its completeness is unchanged', () => {
      const withStates = buildDashboard(SEED_PLAN, actual, 2025, DEPARTMENTS, NOW, (dep) => (dep === '区住建局' ? ruled(null, true) : undefined));
      expect(withStates.departments[0]?.cycle).toEqual({ state: 'in-progress', deadline: '2026-01-31', overdueDays: 43, submittedLateDays: null });
      expect(withStates.departments[1]).toEqual({ department: '市住房公积金洞头分中心', expected: 1, reported: 0, cycle: null });
    });
  });
});
