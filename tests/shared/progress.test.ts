// indicatorProgress (docs/ARCHITECTURE.md §Status rule, the plan-level outlook): every outlook for every kind, lower-is-
// better, the "/" final target of indicator 6, the projection, path shares and paces worked by hand,
// and issue 15's cases: the outlook agrees with the projection and the path, a due year not reported
// lowers it. Changed by issue 15 (the rule changed): indicator 2 on 652 / 861 / 1012 and on 600 is
// on-track (the miss is explained by the path), indicator 10 on 0 / 1 and 13 on 14,021 / 14,702 are
// behind (their projections miss), one rate figure has no projection.
import { describe, expect, it } from 'vitest';
import type { Direction, Indicator, IndicatorKind, Target } from '../../shared/domain/plan';
import { impliedBaseline, indicatorProgress, lastDueYear } from '../../shared/domain/progress';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';

const YEARS = [2023, 2024, 2025, 2026, 2027];
/** The clock of the screenshots and e2e tests: 2025 has ended, 2026 has not. */
const MARCH_2026 = new Date('2026-03-15T09:00:00+08:00');

function indicator(kind: IndicatorKind, targets: Target[], options: { direction?: Direction; unit?: string; tolerance?: number | null } = {}): Indicator {
  const map: Record<number, Target> = {};
  YEARS.forEach((y, i) => {
    map[y] = targets[i] as Target;
  });
  return {
    id: 'x', code: '1', domain: 'd', name: 'n', unit: options.unit ?? '个', kind,
    direction: options.direction ?? 'higher', tolerance: options.tolerance ?? null,
    leadUnit: 'u', coUnits: [], targets: map,
  };
}

/** Actuals by year from a list starting in 2023 (null or missing = not reported). */
function actuals(...values: (number | null)[]): Record<number, number | null> {
  const out: Record<number, number | null> = {};
  YEARS.forEach((y, i) => {
    out[y] = values[i] ?? null;
  });
  return out;
}

function seed(id: string): Indicator {
  const found = SEED_PLAN.indicators.find((i) => i.id === id);
  if (!found) throw new Error(id);
  return found;
}

describe('indicatorProgress: no data', () => {
  it('no actual at all → no-data, with the final target still known', () => {
    const r = indicatorProgress(seed('zyyj-02'), YEARS, actuals());
    expect(r).toEqual({
      outlook: 'no-data', latestYear: null, latestActual: null, latestTarget: null,
      finalYear: 2027, finalTarget: 1100, projected: null, baseline: 427, pathShare: null, timeShare: null,
      paceSoFar: null, paceNeeded: null, missingYear: null, reasons: [],
    });
    // Nothing reported is no-data even when a year is due (the badge already says nothing is there).
    expect(indicatorProgress(seed('zyyj-02'), YEARS, actuals(), MARCH_2026).outlook).toBe('no-data');
  });
});

describe('indicatorProgress: cumulative', () => {
  it('indicator 2, 652 / 861 / 1012 against 637 / 847 / 1050: on-track, the 2025 miss explained by the path', () => {
    const r = indicatorProgress(seed('zyyj-02'), YEARS, actuals(652, 861, 1012), MARCH_2026);
    // 1012 misses 1050 by 38, but 87% of the path is done after 60% of the time, and the trend
    // reaches 1372 ≥ 1100: the miss is explained, not counted.
    expect(r.outlook).toBe('on-track');
    expect(r.reasons).toEqual(['year-missed-explained']);
    expect(r.missingYear).toBeNull();
    // Pace so far 180 a year; still needed (1100 − 1012) / 2 = 44 a year.
    expect(r.paceSoFar).toBe(180);
    expect(r.paceNeeded).toBe(44);
    expect(r.latestYear).toBe(2025);
    expect(r.latestActual).toBe(1012);
    expect(r.latestTarget).toBe(1050);
    // Slope (1012 − 652) / 2 = 180 a year; 2027: 1012 + 2 × 180 = 1372.
    expect(r.projected).toBe(1372);
    // Baseline 637 − (847 − 637) = 427; path (1012 − 427) / (1100 − 427); time 3 of 5 years.
    expect(r.baseline).toBe(427);
    expect(r.pathShare).toBeCloseTo(585 / 673, 12);
    expect(r.timeShare).toBeCloseTo(0.6, 12);
  });

  it('indicator 7, 2 / 3 / 5 against 2 / 4 / 6: at-risk, the trend ends at 8 of 10', () => {
    const r = indicatorProgress(seed('zyyj-07'), YEARS, actuals(2, 3, 5));
    expect(r.outlook).toBe('at-risk');
    expect(r.reasons).toEqual(['year-missed', 'projection-misses']); // path 50% < time 60%: not explained
    expect(r.projected).toBe(8); // (5 − 2) / 2 = 1.5 a year; 5 + 3 = 8
    expect(r.paceSoFar).toBe(1.5);
    expect(r.paceNeeded).toBe(2.5); // (10 − 5) / 2
    expect(r.baseline).toBe(0); // 2 − (4 − 2)
    expect(r.pathShare).toBe(0.5);
    expect(r.timeShare).toBeCloseTo(0.6, 12);
  });

  it('one actual of a cumulative indicator projects the pace since the implied baseline', () => {
    // 600 in 2023 against 637: pace 600 − 427 = 173 a year; 2027: 600 + 4 × 173 = 1292 ≥ 1100;
    // path 173 / 673 = 26% ≥ time 20%, so the miss is explained → on-track.
    const explained = indicatorProgress(seed('zyyj-02'), YEARS, actuals(600));
    expect(explained.outlook).toBe('on-track');
    expect(explained.reasons).toEqual(['year-missed-explained']);
    expect(explained.projected).toBe(1292);
    expect(explained.paceSoFar).toBe(173);
    expect(explained.timeShare).toBeCloseTo(0.2, 12);
    // 500: pace 73 a year; 2027: 500 + 292 = 792 < 1100.
    const risk = indicatorProgress(seed('zyyj-02'), YEARS, actuals(500));
    expect(risk.outlook).toBe('at-risk');
    expect(risk.projected).toBe(792);
    expect(risk.reasons).toEqual(['year-missed', 'projection-misses']);
  });

  it('indicator 4 at 8 in 2024 already meets the 2027 target of 8 → ahead', () => {
    const r = indicatorProgress(seed('zyyj-04'), YEARS, actuals(5, 8));
    expect(r.outlook).toBe('ahead');
    expect(r.reasons).toEqual(['final-reached']);
    expect(r.latestYear).toBe(2024);
    expect(r.projected).toBe(17); // 8 + 3 × 3
    expect(r.baseline).toBe(3); // 4 − (5 − 4)
    expect(r.pathShare).toBe(1);
    expect(r.timeShare).toBeCloseTo(0.4, 12);
  });

  it('indicator 8, 6 / 11 against 5 / 10: on-track (met, final 25 not yet reached)', () => {
    const r = indicatorProgress(seed('zyyj-08'), YEARS, actuals(6, 11));
    expect(r.outlook).toBe('on-track');
    expect(r.projected).toBe(26); // 11 + 5 × 3
  });

  it('met so far but a trend short of the final target is behind: a missing projection cannot be on-track', () => {
    // Indicator 10: 0, 1, 3, 4, 5. Actuals 0, 1 → trend 1 a year → 2027: 4 < 5, though 2024 is met.
    const r = indicatorProgress(seed('zyyj-10'), YEARS, actuals(0, 1));
    expect(r.outlook).toBe('behind');
    expect(r.reasons).toEqual(['projection-misses']);
    expect(r.projected).toBe(4);
    expect(r.baseline).toBe(0); // 0 − (1 − 0) = −1, floored at 0
    expect(r.paceSoFar).toBe(1);
    expect(r.paceNeeded).toBeCloseTo(4 / 3, 12); // (5 − 1) / 3
  });

  it('indicator 6: 2027 is "/", so the final target is 2026’s 4', () => {
    const ind = seed('zyyj-06');
    const r = indicatorProgress(ind, YEARS, actuals(1, 2, 3));
    expect(r.finalYear).toBe(2026);
    expect(r.finalTarget).toBe(4);
    expect(r.outlook).toBe('on-track');
    expect(r.projected).toBe(4); // 3 + 1 × 1
    expect(r.timeShare).toBeCloseTo(0.75, 12); // 3 of the 4 years to 2026
    expect(r.pathShare).toBeCloseTo(0.75, 12); // baseline 0; 3 / 4
    // A 2027 actual is judged against the last numeric target (4): 3 misses, nothing left to project.
    const late = indicatorProgress(ind, YEARS, actuals(1, 2, 3, 4, 3));
    expect(late.latestTarget).toBe(4);
    expect(late.outlook).toBe('at-risk');
    expect(late.projected).toBe(3);
    expect(late.paceNeeded).toBeNull(); // the final year is behind us
    // 5 in 2027 meets it; past the final year there is no "ahead".
    expect(indicatorProgress(ind, YEARS, actuals(1, 2, 3, 4, 5)).outlook).toBe('on-track');
    expect(indicatorProgress(ind, YEARS, actuals(1, 2, 3, 4, 5)).timeShare).toBe(1);
  });
});

describe('indicatorProgress: rate', () => {
  it('100% target every year and 100 reported: on-track, not ahead', () => {
    const r = indicatorProgress(seed('zyyj-11'), YEARS, actuals(100, 100, 100));
    expect(r.outlook).toBe('on-track');
    expect(r.projected).toBe(100);
    expect(r.baseline).toBeNull();
    expect(r.pathShare).toBeNull();
    expect(r.timeShare).toBeNull();
  });

  it('a single small miss of a rate is behind; a miss above 10% of the target is at-risk', () => {
    const ind = seed('zyyj-09'); // 33, 34, 35, 36, 37
    const small = indicatorProgress(ind, YEARS, actuals(null, null, 34.5));
    expect(small.outlook).toBe('behind');
    expect(small.reasons).toEqual(['year-missed']);
    // One rate figure has no trend: no projection, no pace so far; still needed (37 − 34.5) / 2.
    expect(small.projected).toBeNull();
    expect(small.paceSoFar).toBeNull();
    expect(small.paceNeeded).toBe(1.25);
    const big = indicatorProgress(ind, YEARS, actuals(null, null, 31)); // 4 > 3.5
    expect(big.outlook).toBe('at-risk');
    expect(big.reasons).toEqual(['year-missed', 'big-miss']);
  });

  it('a falling trend below a constant 100% target is at-risk; a rising one is behind', () => {
    const ind = seed('zyyj-12');
    const falling = indicatorProgress(ind, YEARS, actuals(100, 97.5, 95));
    expect(falling.outlook).toBe('at-risk');
    expect(falling.projected).toBe(90); // −2.5 a year
    const rising = indicatorProgress(ind, YEARS, actuals(null, 97, 99));
    expect(rising.outlook).toBe('behind');
    expect(rising.projected).toBe(100); // 99 + 2 × 2 = 103, clamped to 100%
  });

  it('indicator 1, 10.2 / 10.6 / 10.8 against 11: the trend ends at 11.4 < 12 → at-risk', () => {
    const r = indicatorProgress(seed('zyyj-01'), YEARS, actuals(10.2, 10.6, 10.8));
    expect(r.outlook).toBe('at-risk');
    expect(r.projected).toBeCloseTo(11.4, 10);
  });

  it('a rising rate already at its final target is ahead (target 90 in 2025, 96 ≥ 95)', () => {
    const r = indicatorProgress(seed('zyyj-05'), YEARS, actuals(86.1, 88, 96));
    expect(r.outlook).toBe('ahead');
    expect(r.projected).toBe(100); // 96 + 2 × 4.95 = 105.9, clamped
  });

  it('a miss inside the tolerance ("near") is behind, not at-risk', () => {
    const ind = indicator('rate', [85, 87.5, 90, 92.5, 95], { unit: '%', tolerance: 0.05 });
    expect(indicatorProgress(ind, YEARS, actuals(null, null, 88)).outlook).toBe('behind');
  });
});

describe('indicatorProgress: stock', () => {
  it('indicator 3, 205 / 213 / 226 against 220: on-track, projected 247, no path shares', () => {
    const r = indicatorProgress(seed('zyyj-03'), YEARS, actuals(205, 213, 226));
    expect(r.outlook).toBe('on-track');
    expect(r.projected).toBe(247); // 10.5 a year
    expect(r.baseline).toBeNull();
    expect(r.pathShare).toBeNull();
  });

  it('indicator 13, 14,021 / 14,702 → behind (trend to 16,745 < 17,060); 14,021 / 14,100 → at-risk', () => {
    const ind = seed('zyyj-13');
    const met = indicatorProgress(ind, YEARS, actuals(14021, 14702));
    expect(met.outlook).toBe('behind');
    expect(met.reasons).toEqual(['projection-misses']);
    expect(met.projected).toBe(16745); // 681 a year: 14,702 + 3 × 681
    expect(met.paceSoFar).toBe(681);
    expect(met.paceNeeded).toBeCloseTo(786, 12); // (17,060 − 14,702) / 3
    const r = indicatorProgress(ind, YEARS, actuals(14021, 14100));
    expect(r.projected).toBe(14337); // 79 a year
    expect(r.outlook).toBe('at-risk');
  });
});

describe('indicatorProgress: lower is better', () => {
  const ind = indicator('stock', [50, 45, 40, 35, 30], { direction: 'lower' });

  it('at or under the year’s target → on-track; already under the final target → ahead', () => {
    // 48, 43: −5 a year → 2027: 28 ≤ 30. (48, 44 would project 32 > 30: behind, see below.)
    expect(indicatorProgress(ind, YEARS, actuals(48, 43)).outlook).toBe('on-track');
    expect(indicatorProgress(ind, YEARS, actuals(48, 44)).outlook).toBe('behind');
    expect(indicatorProgress(ind, YEARS, actuals(48, 43)).paceNeeded).toBeCloseTo(-13 / 3, 12);
    expect(indicatorProgress(ind, YEARS, actuals(48, 29)).outlook).toBe('ahead');
  });

  it('over the year’s target: behind when the trend gets under 30, at-risk when it does not', () => {
    const behind = indicatorProgress(ind, YEARS, actuals(55, 46));
    expect(behind.outlook).toBe('behind');
    expect(behind.projected).toBe(19); // −9 a year
    const risk = indicatorProgress(ind, YEARS, actuals(48, 47));
    expect(risk.outlook).toBe('at-risk');
    expect(risk.projected).toBe(44);
  });

  it('a falling cumulative path measures its share downwards too', () => {
    const down = indicator('cumulative', [100, 90, 80, 70, 60], { direction: 'lower' });
    expect(impliedBaseline(down, YEARS)).toBe(110);
    const r = indicatorProgress(down, YEARS, actuals(null, 85));
    expect(r.pathShare).toBe(0.5); // (85 − 110) / (60 − 110)
    expect(r.outlook).toBe('on-track'); // 85 ≤ 90 in 2024, final 60 not yet reached
  });
});

describe('indicatorProgress: a due year not reported (issue 15)', () => {
  it('lastDueYear is the last plan year that has ended', () => {
    expect(lastDueYear(YEARS, MARCH_2026)).toBe(2025);
    expect(lastDueYear(YEARS, new Date('2023-06-01T00:00:00+08:00'))).toBeNull();
    expect(lastDueYear(YEARS, new Date('2030-01-01T00:00:00+08:00'))).toBe(2027);
  });

  it('indicator 13 on the screenshots’ data: 2025 not reported and a projection short of 17,060 → at-risk', () => {
    const r = indicatorProgress(seed('zyyj-13'), YEARS, actuals(14021, 14702), MARCH_2026);
    expect(r.outlook).toBe('at-risk');
    expect(r.missingYear).toBe(2025);
    expect(r.reasons).toEqual(['projection-misses', 'due-not-reported']);
  });

  it('indicator 10 on the screenshots’ data: 0 / 1, 2025 not reported, projection 4 < 5 → at-risk', () => {
    const r = indicatorProgress(seed('zyyj-10'), YEARS, actuals(0, 1), MARCH_2026);
    expect(r.outlook).toBe('at-risk');
    expect(r.missingYear).toBe(2025);
    expect(r.reasons).toEqual(['projection-misses', 'due-not-reported']);
  });

  it('each missing due year is one step down: on-track → behind, ahead → on-track', () => {
    // Indicator 8, 6 / 11: on the figures alone on-track; with 2025 due → behind.
    expect(indicatorProgress(seed('zyyj-08'), YEARS, actuals(6, 11)).outlook).toBe('on-track');
    const eight = indicatorProgress(seed('zyyj-08'), YEARS, actuals(6, 11), MARCH_2026);
    expect(eight.outlook).toBe('behind');
    expect(eight.reasons).toEqual(['due-not-reported']);
    // Indicator 4, 5 / 8: the 2027 target is already reached, but 2025 is missing → on-track.
    const four = indicatorProgress(seed('zyyj-04'), YEARS, actuals(5, 8), MARCH_2026);
    expect(four.outlook).toBe('on-track');
    expect(four.reasons).toEqual(['due-not-reported', 'final-reached']);
    // Before 2025 has ended, nothing is missing yet.
    expect(indicatorProgress(seed('zyyj-08'), YEARS, actuals(6, 11), new Date('2025-12-31T12:00:00+08:00')).missingYear).toBeNull();
  });

  it('the latest year reported means nothing is missing, whatever earlier year is empty', () => {
    const r = indicatorProgress(seed('zyyj-03'), YEARS, actuals(205, null, 226), MARCH_2026);
    expect(r.missingYear).toBeNull();
    expect(r.outlook).toBe('on-track');
  });
});

describe('indicatorProgress: the outlook agrees with the projection and the path', () => {
  // Every cumulative seed indicator over a grid of actuals: an on-track or ahead outlook never has a
  // projection short of the final target, and a yearly miss is only ignored when the path is ahead.
  it('holds over many combinations', () => {
    for (const ind of SEED_PLAN.indicators) {
      for (let a = 0; a <= 4; a++) {
        for (let b = 0; b <= 4; b++) {
          const t23 = ind.targets[2023] as number;
          const t24 = typeof ind.targets[2024] === 'number' ? ind.targets[2024] : t23;
          const r = indicatorProgress(ind, YEARS, actuals(t23 * (0.8 + a * 0.1), t24 * (0.8 + b * 0.1)));
          if (r.outlook === 'on-track' || r.outlook === 'ahead') {
            expect(r.reasons, `${ind.id} ${a} ${b}`).not.toContain('projection-misses');
            expect(r.reasons).not.toContain('year-missed');
            if (r.reasons.includes('year-missed-explained')) expect(r.pathShare as number).toBeGreaterThanOrEqual(r.timeShare as number);
          }
        }
      }
    }
  });
});
