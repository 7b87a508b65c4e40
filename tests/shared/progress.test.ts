// indicatorProgress (docs/ARCHITECTURE.md §Status rule, the plan-level outlook): every outlook for every kind, lower-is-
// better, the "/" final target of indicator 6, and the projection and path shares worked by hand.
import { describe, expect, it } from 'vitest';
import type { Direction, Indicator, IndicatorKind, Target } from '../../shared/domain/plan';
import { impliedBaseline, indicatorProgress } from '../../shared/domain/progress';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';

const YEARS = [2023, 2024, 2025, 2026, 2027];

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
    });
  });
});

describe('indicatorProgress: cumulative', () => {
  it('indicator 2, 652 / 861 / 1012 against 637 / 847 / 1050: behind, the trend still reaches 1100', () => {
    const r = indicatorProgress(seed('zyyj-02'), YEARS, actuals(652, 861, 1012));
    expect(r.outlook).toBe('behind');
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
    expect(r.projected).toBe(8); // (5 − 2) / 2 = 1.5 a year; 5 + 3 = 8
    expect(r.baseline).toBe(0); // 2 − (4 − 2)
    expect(r.pathShare).toBe(0.5);
    expect(r.timeShare).toBeCloseTo(0.6, 12);
  });

  it('one actual of a cumulative indicator projects the pace since the implied baseline', () => {
    // 600 in 2023 against 637: pace 600 − 427 = 173 a year; 2027: 600 + 4 × 173 = 1292 ≥ 1100.
    const behind = indicatorProgress(seed('zyyj-02'), YEARS, actuals(600));
    expect(behind.outlook).toBe('behind');
    expect(behind.projected).toBe(1292);
    expect(behind.timeShare).toBeCloseTo(0.2, 12);
    // 500: pace 73 a year; 2027: 500 + 292 = 792 < 1100.
    const risk = indicatorProgress(seed('zyyj-02'), YEARS, actuals(500));
    expect(risk.outlook).toBe('at-risk');
    expect(risk.projected).toBe(792);
  });

  it('indicator 4 at 8 in 2024 already meets the 2027 target of 8 → ahead', () => {
    const r = indicatorProgress(seed('zyyj-04'), YEARS, actuals(5, 8));
    expect(r.outlook).toBe('ahead');
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

  it('met so far but a straight trend short of the final target is still on-track (path not straight)', () => {
    // Indicator 10: 0, 1, 3, 4, 5. Actuals 0, 1 → trend 1 a year → 2027: 4 < 5, but 2024 is met.
    const r = indicatorProgress(seed('zyyj-10'), YEARS, actuals(0, 1));
    expect(r.outlook).toBe('on-track');
    expect(r.projected).toBe(4);
    expect(r.baseline).toBe(0); // 0 − (1 − 0) = −1, floored at 0
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
    expect(small.projected).toBe(34.5); // one rate figure: stays where it is
    const big = indicatorProgress(ind, YEARS, actuals(null, null, 31)); // 4 > 3.5
    expect(big.outlook).toBe('at-risk');
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

  it('indicator 13, 14,021 / 14,702 → on-track; 14,021 / 14,100 → behind with a trend to 14,337 → at-risk', () => {
    const ind = seed('zyyj-13');
    expect(indicatorProgress(ind, YEARS, actuals(14021, 14702)).outlook).toBe('on-track');
    const r = indicatorProgress(ind, YEARS, actuals(14021, 14100));
    expect(r.projected).toBe(14337); // 79 a year
    expect(r.outlook).toBe('at-risk');
  });
});

describe('indicatorProgress: lower is better', () => {
  const ind = indicator('stock', [50, 45, 40, 35, 30], { direction: 'lower' });

  it('at or under the year’s target → on-track; already under the final target → ahead', () => {
    expect(indicatorProgress(ind, YEARS, actuals(48, 44)).outlook).toBe('on-track');
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
