// buildDashboard (issue 15) on the demo data the screenshots seed, clock 15 March 2026: per 领域
// outlook counts, the reporting year's completeness per department, target/actual series and the
// projection line, all worked out by hand from the seed plan.
import { describe, expect, it } from 'vitest';
import { buildDashboard } from '../../shared/domain/dashboard';
import type { ActualCell } from '../../shared/domain/dashboard';
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
      { department: '区住建局', expected: 12, reported: 10 },
      { department: '市住房公积金洞头分中心', expected: 1, reported: 0 },
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
});
