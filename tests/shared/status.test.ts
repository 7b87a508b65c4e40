import { describe, expect, it } from 'vitest';
import { cellStatus, isYearDue } from '../../shared/domain/status';
import type { Direction, IndicatorKind } from '../../shared/domain/plan';

const TODAY = new Date('2026-03-15T09:00:00');
const kinds: IndicatorKind[] = ['cumulative', 'stock', 'rate'];

function status(direction: Direction, target: number | '/' | undefined, actual: number | null, year = 2025, tolerance: number | null = null) {
  return cellStatus({ indicator: { direction, tolerance }, year, target, actual, today: TODAY });
}

describe('cellStatus', () => {
  // Kind does not change the yearly rule (it matters for parsing and the plan-level outlook), so
  // every kind is run through the same table to prove that.
  for (const kind of kinds) {
    describe(`${kind}, higher is better`, () => {
      it('met when actual reaches or beats the target', () => {
        expect(status('higher', 1050, 1050).status).toBe('met');
        expect(status('higher', 1050, 1100).status).toBe('met');
        expect(status('higher', 1050, 1100).gap).toBe(50);
      });
      it('missed when below', () => {
        const r = status('higher', 1050, 1012);
        expect(r.status).toBe('missed');
        expect(r.gap).toBe(-38);
        expect(r.completion).toBeCloseTo(1012 / 1050, 10);
      });
    });
    describe(`${kind}, lower is better`, () => {
      it('met when at or below the target', () => {
        expect(status('lower', 5, 5).status).toBe('met');
        expect(status('lower', 5, 3).status).toBe('met');
        expect(status('lower', 5, 3).gap).toBe(2);
        expect(status('higher', 11, 11.2).gap).toBe(0.2);
        expect(status('higher', 90, 90.3).gap).toBe(0.3);
      });
      it('missed when above', () => {
        const r = status('lower', 5, 8);
        expect(r.status).toBe('missed');
        expect(r.gap).toBe(-3);
        expect(r.completion).toBeCloseTo(5 / 8, 10);
      });
    });
  }

  it('"/" is no-target whatever the actual, and so is a year the plan does not cover', () => {
    expect(status('higher', '/', null).status).toBe('no-target');
    expect(status('higher', '/', 5).status).toBe('no-target');
    expect(status('lower', '/', 5).status).toBe('no-target');
    expect(status('higher', undefined, 5).status).toBe('no-target');
  });

  it('an empty cell of a past year is not-reported; the current year is pending; a future year too', () => {
    expect(status('higher', 10, null, 2025).status).toBe('not-reported');
    expect(status('higher', 10, null, 2023).status).toBe('not-reported');
    expect(status('higher', 10, null, 2026).status).toBe('pending');
    expect(status('higher', 10, null, 2027).status).toBe('pending');
    expect(isYearDue(2025, TODAY)).toBe(true);
    expect(isYearDue(2026, TODAY)).toBe(false);
  });

  it('a figure entered early for the current year is judged like any other', () => {
    expect(status('higher', 1060, 1000, 2026).status).toBe('missed');
    expect(status('higher', 1060, 1060, 2026).status).toBe('met');
  });

  it('tolerance turns a small miss into near, in both directions', () => {
    expect(status('higher', 100, 98.5, 2025, 0.02).status).toBe('near');
    expect(status('higher', 100, 97.9, 2025, 0.02).status).toBe('missed');
    expect(status('lower', 100, 101.5, 2025, 0.02).status).toBe('near');
    expect(status('lower', 100, 102.5, 2025, 0.02).status).toBe('missed');
    expect(status('higher', 100, 100, 2025, 0.02).status).toBe('met');
  });

  it('floating-point noise from a percent-formatted workbook does not turn a met cell red', () => {
    expect(status('higher', 87.5, 0.875 * 100).status).toBe('met');
    expect(status('higher', 0.3, 0.1 + 0.2).status).toBe('met');
  });

  it('a zero target: met at zero, no completion ratio', () => {
    const r = status('higher', 0, 0);
    expect(r.status).toBe('met');
    expect(r.completion).toBeNull();
  });
});
