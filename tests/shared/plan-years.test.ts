import { describe, expect, it } from 'vitest';
import { retitleSpan } from '../../shared/domain/plan-years';

const Y2327 = [2023, 2024, 2025, 2026, 2027];
const Y2328 = [...Y2327, 2028];

describe('retitleSpan: a title naming the old span follows the new one, in the same style', () => {
  it.each([
    ['住有宜居实施方案（2023—2027年）', '住有宜居实施方案（2023—2028年）'],
    ['住有宜居实施方案（2023-2027年）', '住有宜居实施方案（2023-2028年）'],
    ['住有宜居实施方案（2023–2027年）', '住有宜居实施方案（2023–2028年）'],
    ['住有宜居实施方案（2023至2027年）', '住有宜居实施方案（2023至2028年）'],
    ['住有宜居实施方案（2023年至2027年）', '住有宜居实施方案（2023年至2028年）'],
    ['住有宜居实施方案（2023 — 2027年）', '住有宜居实施方案（2023 — 2028年）'],
    ['住有宜居实施方案（2023——2027年）', '住有宜居实施方案（2023——2028年）'],
  ])('%s → %s', (title, expected) => {
    expect(retitleSpan(title, Y2327, Y2328)).toBe(expected);
  });

  it('moves the first year too, and writes a one-year span as the year alone', () => {
    expect(retitleSpan('方案（2023—2027年）', Y2327, [2022, ...Y2327])).toBe('方案（2022—2027年）');
    expect(retitleSpan('方案（2023—2027年）', Y2327, [2025])).toBe('方案（2025年）');
  });

  it('a title without the old span stays (null): no span, another span, the span inside a longer number', () => {
    expect(retitleSpan('住有宜居实施方案', Y2327, Y2328)).toBeNull();
    expect(retitleSpan('方案（2021—2025年）', Y2327, Y2328)).toBeNull();
    expect(retitleSpan('编号12023—20271', Y2327, Y2328)).toBeNull();
    expect(retitleSpan('2023年方案', Y2327, Y2328)).toBeNull();
  });
});
