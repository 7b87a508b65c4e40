// The progress panel's pure logic: grouping by 领域 in plan order, the summary counts, and the
// one-line explanations (zh and en) built from real indicatorProgress results on the seed plan, and
// the paces. Changed by issue 15 (the rule changed): indicator 2 is on-track with its miss explained,
// indicator 13 (14,100 in 2024) keeps at-risk, misses say by how much, one rate figure has no trend.
import { describe, expect, it } from 'vitest';
import type { ProgressRow } from '../../shared/api/contract';
import type { Indicator } from '../../shared/domain/plan';
import { indicatorProgress } from '../../shared/domain/progress';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';
import { countOutlooks, explainProgress, formatPace, formatShare, groupByDomain, missingDueYear, paceText, summaryText } from '../../renderer/src/components/progress-model';

function seed(id: string): Indicator {
  const found = SEED_PLAN.indicators.find((i) => i.id === id);
  if (!found) throw new Error(id);
  return found;
}

function row(id: string, values: (number | null)[]): ProgressRow {
  const actuals: Record<number, number | null> = {};
  SEED_PLAN.years.forEach((y, i) => {
    actuals[y] = values[i] ?? null;
  });
  return { indicatorId: id, ...indicatorProgress(seed(id), SEED_PLAN.years, actuals) };
}

const ROWS: ProgressRow[] = [
  row('zyyj-01', [10.2, 10.6, 10.8]), // at-risk (trend 11.4 < 12)
  row('zyyj-02', [652, 861, 1012]), // on-track (2025 missed, path ahead of time)
  row('zyyj-03', [205, 213, 226]), // on-track
  row('zyyj-04', [5, 8]), // ahead
  row('zyyj-05', [86.1, 88, 96]), // ahead
  row('zyyj-06', [1, 2, 3]), // on-track
  row('zyyj-07', [2, 3, 5]), // at-risk
  row('zyyj-08', [6, 11]), // on-track
  row('zyyj-09', []), // no-data
  row('zyyj-10', []), // no-data
  row('zyyj-11', [100, 100, 100]), // on-track
  row('zyyj-12', [100, 100, 100]), // on-track
  row('zyyj-13', [14021, 14100]), // at-risk
];

describe('progress model', () => {
  it('groups every indicator under its 领域, in the plan’s order', () => {
    const groups = groupByDomain(SEED_PLAN, ROWS);
    expect(groups.map((g) => g.domain)).toEqual(['住房保障', '住房品质', '住房安全', '住房市场']);
    expect(groups.map((g) => g.items.map((i) => i.indicator.code))).toEqual([
      ['1', '2', '3', '4'], ['5', '6', '7', '8', '9', '10'], ['11', '12'], ['13'],
    ]);
    expect(groups[3]?.items[0]?.indicator.leadUnit).toBe('市住房公积金洞头分中心');
  });

  it('counts outlooks and writes the summary line in both languages', () => {
    expect(countOutlooks(ROWS)).toEqual({ ahead: 2, 'on-track': 6, behind: 0, 'at-risk': 3, 'no-data': 2 });
    expect(summaryText('zh', ROWS)).toBe('13 项指标：超前 2，正常 6，滞后 0，有风险 3，无数据 2');
    expect(summaryText('en', ROWS)).toBe('13 indicators: 2 ahead, 6 on track, 0 behind, 3 at risk, 2 no data');
  });

  it('explains a cumulative miss that the path runs ahead of, with its projection', () => {
    const r = ROWS[1] as ProgressRow;
    expect(explainProgress('zh', seed('zyyj-02'), r)).toBe(
      '2025年实际 1,012，低于当年目标 1,050（差 38）；但五年任务已完成 87%，时间过去 60%，进度快于时间；按目前速度，2027年预计 1,372，可达到目标 1,100',
    );
    expect(explainProgress('en', seed('zyyj-02'), r)).toBe(
      '2025 actual 1,012 is below that year’s target 1,050 (by 38); but 87% of the five-year path is done with 60% of the time gone, ahead of time; at this pace 2027 is projected at 1,372, meeting the target 1,100',
    );
    expect(paceText('zh', seed('zyyj-02'), r)).toBe('+180 / +44');
  });

  it('explains at-risk, ahead, on-track and no-data, with % units and one-decimal projections', () => {
    expect(explainProgress('zh', seed('zyyj-01'), ROWS[0] as ProgressRow)).toBe('2025年实际 10.8%，低于当年目标 11%（差 0.2%）；按目前速度，2027年预计 11.4%，低于目标 12%');
    expect(explainProgress('zh', seed('zyyj-04'), ROWS[3] as ProgressRow)).toBe('2024年实际 8，达到当年目标 5；已达到2027年目标 8');
    expect(explainProgress('zh', seed('zyyj-06'), ROWS[5] as ProgressRow)).toBe('2025年实际 3，达到当年目标 3；按目前速度，2026年预计 4，可达到目标 4');
    expect(explainProgress('en', seed('zyyj-09'), ROWS[8] as ProgressRow)).toBe('No actual reported yet');
    // Stock 13: 79 a year from 14,100 → 14,337 in 2027.
    expect(explainProgress('zh', seed('zyyj-13'), ROWS[12] as ProgressRow)).toBe('2024年实际 14,100，低于当年目标 14,660（差 560）；按目前速度，2027年预计 14,337，低于目标 17,060');
    // The screenshots' 13 (14,702 in 2024) with the clock at March 2026: both reasons are said.
    const clocked: ProgressRow = { indicatorId: 'zyyj-13', ...indicatorProgress(seed('zyyj-13'), SEED_PLAN.years, { 2023: 14021, 2024: 14702 }, new Date('2026-03-15T09:00:00+08:00')) };
    expect(clocked.outlook).toBe('at-risk');
    expect(explainProgress('zh', seed('zyyj-13'), clocked)).toBe(
      '2024年实际 14,702，达到当年目标 14,660；按目前速度，2027年预计 16,745，低于目标 17,060；2025年应填未填，进度下调一档',
    );
    expect(paceText('en', seed('zyyj-13'), clocked)).toBe('+681 / +786');
  });

  it('names a big gap of a rate and says "above" for lower-is-better', () => {
    const rate = seed('zyyj-09');
    const big = row('zyyj-09', [null, null, 31]);
    expect(big.outlook).toBe('at-risk');
    expect(explainProgress('zh', rate, big)).toBe('2025年实际 31%，低于当年目标 35%（差 4%）；差距超过目标的 10%；仅一年数据，尚无趋势可推算');
    expect(paceText('zh', rate, big)).toBe('— / +3%'); // no trend; (37 − 31) / 2
    const lower: ProgressRow = { ...big, outlook: 'behind', latestActual: 36, latestTarget: 35, projected: 36.44, finalTarget: 30, reasons: ['year-missed', 'projection-misses'] };
    expect(explainProgress('zh', { ...rate, direction: 'lower' }, lower)).toBe('2025年实际 36%，高于当年目标 35%（差 1%）；按目前速度，2027年预计 36.4%，高于目标 30%');
  });

  it('formats shares as whole percentages', () => {
    expect(formatShare('zh', 585 / 673)).toBe('87%');
    expect(formatShare('en', 0.6)).toBe('60%');
    expect(formatPace('zh', seed('zyyj-13'), -12.34)).toBe('−12.3');
    expect(formatPace('zh', seed('zyyj-01'), 0.55)).toBe('+0.6%');
  });

  it('names the last due year when the latest actual is older than it', () => {
    const years = SEED_PLAN.years;
    expect(missingDueYear(years, 2024, '2026-03-15')).toBe(2025);
    expect(missingDueYear(years, 2025, '2026-03-15')).toBeNull();
    expect(missingDueYear(years, 2023, '2025-12-31')).toBe(2024);
    expect(missingDueYear(years, 2023, '2023-06-01')).toBeNull(); // nothing due yet
    expect(missingDueYear(years, null, '2026-03-15')).toBeNull(); // no-data says it already
    expect(missingDueYear(years, 2026, '2030-01-01')).toBe(2027);
  });
});
