// The 新增指标 form's model: the empty form follows the plan (序号 after the last, no targets), a
// filled form becomes the API's draft by the editor's rules (tolerance in percent → fraction, "/" and
// numbers as targets, blank = no entry, co-units split on 、), and every bad input is named beside
// its field (required, not a number, range upside down, a target that is text, a duplicate name or
// 序号, no reason); the years rule is shared/domain/plan-years.ts.
import { describe, expect, it } from 'vitest';
import { checkNewIndicator, emptyForm, nextCode, planDomains } from '../../../renderer/src/plans/new-indicator-model';
import type { EditablePlan } from '../../../shared/api/plan-schemas';
import { yearSpan, yearsChange } from '../../../shared/domain/plan-years';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';

const plan = JSON.parse(JSON.stringify({ ...SEED_PLAN, indicators: SEED_PLAN.indicators.map((i) => ({ ...i, hasActuals: false })) })) as EditablePlan;

describe('the add-indicator form', () => {
  it('starts after the last 序号, with the last domain and lead unit, blank targets for every year', () => {
    const form = emptyForm(plan);
    expect(form.code).toBe('14');
    expect(form.domain).toBe(SEED_PLAN.indicators.at(-1)!.domain);
    expect(form.leadUnit).toBe(SEED_PLAN.indicators.at(-1)!.leadUnit);
    expect(Object.keys(form.targets)).toEqual(SEED_PLAN.years.map(String));
    expect(nextCode({ indicators: [...plan.indicators, { ...plan.indicators[0]!, code: '20', retiredAt: '2026-01-01' }] })).toBe('21');
    expect(planDomains(plan)).toEqual(SEED_PLAN.domains);
  });

  it('a filled form becomes the draft by the editor’s rules', () => {
    const form = { ...emptyForm(plan), domain: ' 智慧住房 ', name: '线上办理率', unit: '%', kind: 'rate' as const, tolerance: '2', coUnits: '区住建局、区财政局', min: '0', max: '100', reason: '新增考核指标' };
    form.targets = { ...form.targets, 2025: '８０', 2026: '/', 2027: '90%' };
    const check = checkNewIndicator(plan, form);
    expect(check).toEqual({
      ok: true,
      reason: '新增考核指标',
      draft: {
        code: '14', domain: '智慧住房', name: '线上办理率', unit: '%', kind: 'rate', direction: 'higher', tolerance: 0.02,
        leadUnit: SEED_PLAN.indicators.at(-1)!.leadUnit, coUnits: ['区住建局', '区财政局'], targets: { 2025: 80, 2026: '/', 2027: 90 }, plausible: { min: 0, max: 100 },
      },
    });
  });

  it('names each problem beside its field', () => {
    const form = { ...emptyForm(plan), code: '5', name: SEED_PLAN.indicators[4]!.name, unit: SEED_PLAN.indicators[4]!.unit, leadUnit: ' ', tolerance: '150', min: '10', max: '5', reason: '' };
    form.targets = { ...form.targets, 2024: '约90' };
    const check = checkNewIndicator(plan, form);
    expect(check.ok ? null : check.problems).toEqual({
      code: { key: 'problem.code-taken', params: { name: SEED_PLAN.indicators[4]!.name } },
      name: { key: 'problem.duplicate' },
      leadUnit: { key: 'problem.required' },
      reason: { key: 'problem.reason' },
      tolerance: { key: 'problem.tolerance' },
      max: { key: 'problem.range' },
      'target-2024': { key: 'problem.target' },
    });
    const numbers = checkNewIndicator(plan, { ...emptyForm(plan), name: 'x', reason: 'r', min: 'abc', tolerance: '两' });
    expect(numbers.ok ? null : numbers.problems).toEqual({ min: { key: 'problem.number' }, tolerance: { key: 'problem.number' } });
  });
});

describe('the years rule', () => {
  it('is a run of 1–10 years, first ≤ last', () => {
    expect(yearSpan(2023, 2028)).toEqual([2023, 2024, 2025, 2026, 2027, 2028]);
    expect(yearSpan(2025, 2025)).toEqual([2025]);
    expect(yearSpan(2027, 2023)).toBeNull();
    expect(yearSpan(2020, 2030)).toBeNull();
    expect(yearSpan(2023.5, 2027)).toBeNull();
    expect(yearsChange([2023, 2024, 2025], [2024, 2025, 2026])).toEqual({ added: [2026], removed: [2023] });
  });
});
