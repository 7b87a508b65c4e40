import { describe, expect, it } from 'vitest';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';
import type { Indicator, IndicatorKind, PlausibleRange, Target } from '../../shared/domain/plan';
import { NO_TARGET } from '../../shared/domain/plan';
import { parseNumberInput } from '../../shared/domain/parse-number';
import { implausibleReason, isCountUnit, percentSignReason, plausibleBounds, previousActual } from '../../shared/domain/plausible';

function subject(unit: string, kind: IndicatorKind, targets: Record<number, Target> = {}, plausible?: PlausibleRange) {
  return { unit, kind, targets, ...(plausible ? { plausible } : {}) };
}

function seed(name: string): Indicator {
  const ind = SEED_PLAN.indicators.find((i) => i.name === name);
  if (!ind) throw new Error(`no seed indicator ${name}`);
  return ind;
}

const rate = subject('%', 'rate', { 2024: 85, 2025: 87.5, 2026: NO_TARGET });

describe('implausibleReason: rates (unit %)', () => {
  it('accepts 0 and 100 (bounds included) and what lies between', () => {
    for (const v of [0, 0.5, 87.5, 100, 100 + 1e-12]) expect(implausibleReason(rate, v)).toBeNull();
  });
  it('warns above 100 and below 0, in both languages', () => {
    const above = implausibleReason(rate, 100.01);
    expect(above?.key).toBe('plausible.rate-above-100');
    expect(above?.zh).toContain('100.01%');
    expect(above?.en).toContain('above 100%');
    expect(implausibleReason(rate, -0.1)?.key).toBe('plausible.rate-below-0');
  });
  it('the issue\'s case: 250 for 住宅小区专业物业服务覆盖率(%) is warned', () => {
    const r = implausibleReason(seed('住宅小区专业物业服务覆盖率'), 250);
    expect(r?.key).toBe('plausible.rate-above-100');
    expect(r?.zh).toBe('比率 250% 超过 100%（本指标的目标和合理范围都不超过 100%）');
  });
  it('a target above 100 lifts the default upper bound', () => {
    const growth = subject('%', 'rate', { 2025: 105 });
    expect(plausibleBounds(growth)).toEqual({ min: 0, max: null });
    expect(implausibleReason(growth, 250)).toBeNull();
  });
  it('the indicator\'s own range replaces a default side: max 300 allows 250, min -20 allows a fall', () => {
    const own = subject('%', 'rate', { 2025: 5 }, { min: -20, max: 300 });
    expect(implausibleReason(own, 250)).toBeNull();
    expect(implausibleReason(own, -20)).toBeNull();
    expect(implausibleReason(own, -20.5)?.key).toBe('plausible.below-min');
    expect(implausibleReason(own, 300.5)?.key).toBe('plausible.above-max');
  });
  it('a rate in another unit (not %) has no 0–100 default', () => {
    expect(implausibleReason(subject('‰', 'rate'), 250)).toBeNull();
  });
});

describe('implausibleReason: counts in 个/套/台/户/人', () => {
  it('knows exactly those units as counts', () => {
    expect(['个', '套', '台', '户', '人'].every(isCountUnit)).toBe(true);
    expect(isCountUnit('%')).toBe(false);
    expect(isCountUnit('万元')).toBe(false);
  });
  it('whole, non-negative counts pass (0 included)', () => {
    for (const unit of ['个', '套', '台', '户', '人']) {
      expect(implausibleReason(subject(unit, 'stock'), 0)).toBeNull();
      expect(implausibleReason(subject(unit, 'stock'), 17060)).toBeNull();
    }
  });
  it('a fraction of a 户 is warned, float noise is not', () => {
    const r = implausibleReason(seed('公租房在保家庭户数'), 200.5);
    expect(r?.key).toBe('plausible.count-not-whole');
    expect(r?.en).toBe('A count in "户" is a whole number; 200.5 is not');
    expect(implausibleReason(seed('公租房在保家庭户数'), 200.0000000001)).toBeNull();
  });
  it('a negative count is warned', () => {
    expect(implausibleReason(subject('人', 'stock'), -1)?.key).toBe('plausible.count-negative');
  });
  it('a unit outside the list (万元) may be fractional', () => {
    expect(implausibleReason(subject('万元', 'stock'), 12.34)).toBeNull();
  });
  it('the own range applies to counts too, bounds included', () => {
    const s = subject('人', 'stock', {}, { min: 10000, max: 20000 });
    expect(implausibleReason(s, 10000)).toBeNull();
    expect(implausibleReason(s, 20000)).toBeNull();
    expect(implausibleReason(s, 9999)?.key).toBe('plausible.below-min');
    expect(implausibleReason(s, 20001)?.key).toBe('plausible.above-max');
    expect(plausibleBounds(s)).toEqual({ min: 10000, max: 20000 });
  });
});

describe('implausibleReason: cumulative counts', () => {
  const cum = seed('保障性租赁住房累计建设筹集套（间）数');
  it('not below the previous year\'s actual; equal is fine', () => {
    expect(implausibleReason(cum, 847, { year: 2024, value: 847 })).toBeNull();
    expect(implausibleReason(cum, 900, { year: 2024, value: 847 })).toBeNull();
    const r = implausibleReason(cum, 800, { year: 2024, value: 847 });
    expect(r?.key).toBe('plausible.cumulative-below-previous');
    expect(r?.zh).toBe('累计数 800 低于 2024 年的实际 847，累计数不应减少');
  });
  it('no previous actual: no cumulative check', () => {
    expect(implausibleReason(cum, 1)).toBeNull();
  });
  it('a stock may fall', () => {
    expect(implausibleReason(seed('公租房在保家庭户数'), 150, { year: 2024, value: 210 })).toBeNull();
  });
});

describe('previousActual', () => {
  it('is the nearest earlier year with a value', () => {
    expect(previousActual({ 2023: 10, 2024: null, 2025: 30, 2026: 40 }, 2026)).toEqual({ year: 2025, value: 30 });
    expect(previousActual({ 2023: 10, 2024: null, 2026: 40 }, 2025)).toEqual({ year: 2023, value: 10 });
    expect(previousActual({ 2026: 40 }, 2026)).toBeNull();
  });
});

describe('percentSignReason: a "%" on a figure whose unit is not a percent', () => {
  const reason = (unit: string, text: string) => percentSignReason(unit, text, parseNumberInput(text));
  it('12% for a count (套, 户, 个, 人, 台) is never taken silently, in both languages', () => {
    for (const unit of ['套', '户', '个', '人', '台']) expect(reason(unit, '12%')?.key).toBe('plausible.percent-sign');
    const r = reason('套', ' 12％ ');
    expect(r?.zh).toBe('“12％”带有百分号，但本指标以“套”计，不是百分比：按 12 套计，请核实');
    expect(r?.en).toBe('"12％" has a % sign, but this indicator counts in "套", not a percent: taken as 12 套; please check');
  });
  it('any unit that is not a percent is asked about too (万元)', () => {
    expect(reason('万元', '3.5%')?.params).toMatchObject({ value: 3.5, unit: '万元' });
  });
  it('a percent unit takes the sign as meant; no sign, blanks, "/" and refused text give nothing', () => {
    expect(reason('%', '12%')).toBeNull();
    expect(reason('％', '12%')).toBeNull();
    for (const text of ['12', '', '/', 'abc%', '约12%']) expect(reason('套', text)).toBeNull();
  });
});
