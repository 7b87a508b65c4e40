// The default reporting year: the last plan year that has ended, else the first.
import { describe, expect, it } from 'vitest';
import { defaultReportingYear } from '../../shared/domain/reporting-year';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';

describe('defaultReportingYear', () => {
  it('is the last plan year that has ended', () => {
    expect(SEED_PLAN.years).toEqual([2023, 2024, 2025, 2026, 2027]);
    expect(defaultReportingYear(SEED_PLAN, '2026-03-15')).toBe(2025);
    expect(defaultReportingYear(SEED_PLAN, '2026-01-01')).toBe(2025);
    expect(defaultReportingYear(SEED_PLAN, '2025-12-31')).toBe(2024);
  });
  it('is the plan’s first year before any year has ended', () => {
    expect(defaultReportingYear(SEED_PLAN, '2023-06-01')).toBe(2023);
    expect(defaultReportingYear(SEED_PLAN, '2020-06-01')).toBe(2023);
  });
  it('stays on the final year once the plan is over', () => {
    expect(defaultReportingYear(SEED_PLAN, '2031-02-01')).toBe(2027);
  });
  it('is today’s calendar year for a plan without years', () => {
    expect(defaultReportingYear({ years: [] }, '2026-03-15')).toBe(2026);
  });
});
