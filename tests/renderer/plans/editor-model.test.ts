// The plan editor's model: a plan as editable texts and back into the changes to write — only what
// the clerk changed, a target as a number or "/", a tolerance typed in percent stored as a fraction,
// co-units split on 、, a plausible range, retired indicators left alone, bad texts reported.
import { describe, expect, it } from 'vitest';
import { changesOf, draftOf, isEmpty } from '../../../renderer/src/plans/editor-model';
import type { EditablePlan } from '../../../shared/api/plan-schemas';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';

/** The seed as getPlanForEditing answers (a JSON copy: targets keyed by year strings). */
const plan = JSON.parse(JSON.stringify({ ...SEED_PLAN, indicators: SEED_PLAN.indicators.map((i) => ({ ...i, hasActuals: false })) })) as EditablePlan;

describe('draftOf / changesOf', () => {
  it('an untouched draft changes nothing', () => {
    const c = changesOf(plan, draftOf(plan));
    expect(isEmpty(c)).toBe(true);
    expect(c.problems).toEqual([]);
  });

  it('shows "/" and numbers as typed, and turns edits into targets, fields and names', () => {
    const d = draftOf(plan);
    const row = (id: string) => d.rows.find((r) => r.id === id)!;
    expect(row('zyyj-06').targets['2027']).toBe('/');
    expect(row('zyyj-05').targets['2026']).toBe('92.5');
    row('zyyj-05').targets['2026'] = '９３';
    row('zyyj-06').targets['2027'] = '5';
    row('zyyj-02').targets['2024'] = '/';
    row('zyyj-01').tolerance = '2';
    row('zyyj-01').coUnits = '区发改局、区财政局';
    row('zyyj-05').min = '0';
    row('zyyj-05').max = '100';
    row('zyyj-03').direction = 'lower';
    d.title = '新标题';
    const c = changesOf(plan, d);
    expect(c.problems).toEqual([]);
    expect(c.info).toEqual({ title: '新标题' });
    expect(c.targets).toEqual([
      { indicatorId: 'zyyj-02', year: 2024, target: '/' },
      { indicatorId: 'zyyj-05', year: 2026, target: 93 },
      { indicatorId: 'zyyj-06', year: 2027, target: 5 },
    ]);
    expect(c.indicators).toEqual([
      { indicatorId: 'zyyj-01', patch: { tolerance: 0.02, coUnits: ['区发改局', '区财政局'] } },
      { indicatorId: 'zyyj-03', patch: { direction: 'lower' } },
      { indicatorId: 'zyyj-05', patch: { plausible: { min: 0, max: 100 } } },
    ]);
  });

  it('reports a target that is text and a range bound that is not a number, naming the text', () => {
    const d = draftOf(plan);
    d.rows[0]!.targets['2025'] = '约11';
    d.rows[1]!.max = 'abc';
    const c = changesOf(plan, d);
    expect(c.problems).toEqual([
      { key: 'editor.bad-target', text: '约11', indicatorId: 'zyyj-01' },
      { key: 'editor.bad-number', text: 'abc', indicatorId: 'zyyj-02' },
    ]);
  });

  it('a retired indicator is shown but never changed', () => {
    const withRetired = { ...plan, indicators: plan.indicators.map((i) => (i.id === 'zyyj-13' ? { ...i, retiredAt: '2026-03-01T00:00:00Z' } : i)) };
    const d = draftOf(withRetired);
    const r = d.rows.find((x) => x.id === 'zyyj-13')!;
    expect(r.retired).toBe(true);
    r.targets['2025'] = '1';
    expect(isEmpty(changesOf(withRetired, d))).toBe(true);
  });
});
