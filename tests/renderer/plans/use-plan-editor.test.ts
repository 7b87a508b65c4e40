// @vitest-environment happy-dom
// usePlanEditor against the real services on a temporary SQLite file: a change asks for a reason and
// writes nothing without one; with one, each change is written through the plans API and audited
// (调整记录: who, old → new, reason); the grid's cell then carries 原目标 and its status follows the
// revised target; an indicator with actuals is retired (kept), not deleted; a bad target is refused
// naming the text; the plan copies to new years as a new plan.
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePlanEditor } from '../../../renderer/src/plans/use-plan-editor';
import { PLAN_ID, realApiPerTest } from '../real-api';

const real = realApiPerTest();

function mount() {
  const events = { changed: 0, created: [] as string[] };
  const hook = renderHook(() =>
    usePlanEditor({ api: real.api, planId: PLAN_ID, lang: 'zh', onChanged: () => (events.changed += 1), onCreated: (id) => events.created.push(id) }),
  );
  return { hook, events };
}

async function gridCell(indicatorId: string, year: number) {
  const g = await real.services.handlers.getGrid({ planId: PLAN_ID, year, department: null });
  return g.rows.find((r) => r.indicatorId === indicatorId)?.cells[String(year)];
}

describe('usePlanEditor', () => {
  it('revises a target only with a reason, audits it, and the grid follows the revised target', async () => {
    await real.services.handlers.saveSettings({ department: null, clerkName: '陈静', clerkPhone: '', lang: 'zh' });
    await real.services.handlers.saveCells({ planId: PLAN_ID, source: 'typed', edits: [{ indicatorId: 'zyyj-05', year: 2025, field: 'actual', text: '89' }] });
    expect(await gridCell('zyyj-05', 2025)).toMatchObject({ target: 90, status: 'missed' });
    const { hook, events } = mount();
    await waitFor(() => expect(hook.result.current.draft).not.toBeNull());
    expect(hook.result.current.revisions).toEqual([]);

    act(() => hook.result.current.setTarget('zyyj-05', 2025, '88'));
    expect(hook.result.current.changes?.targets).toEqual([{ indicatorId: 'zyyj-05', year: 2025, target: 88 }]);
    await act(() => hook.result.current.save());
    expect(hook.result.current.message).toEqual({ kind: 'error', text: '请填写调整原因。' });
    expect((await gridCell('zyyj-05', 2025))?.target).toBe(90);
    expect(events.changed).toBe(0);

    act(() => hook.result.current.setReason('区政府第12次常务会议调整'));
    await act(() => hook.result.current.save());
    expect(hook.result.current.message?.kind).toBe('info');
    expect(events.changed).toBe(1);
    expect(hook.result.current.reason).toBe('');
    expect(await gridCell('zyyj-05', 2025)).toMatchObject({ target: 88, originalTarget: 90, status: 'met' });
    await waitFor(() => expect(hook.result.current.revisions).toHaveLength(1));
    expect(hook.result.current.revisions?.[0]).toMatchObject({ who: '陈静', field: 'target', year: 2025, oldValue: '90', newValue: '88', reason: '区政府第12次常务会议调整' });
    // The draft was read again from the database: nothing left to save.
    expect(hook.result.current.changes?.targets).toEqual([]);
    // The cell's history carries the revision with its reason.
    const history = await real.services.handlers.getCellHistory({ planId: PLAN_ID, indicatorId: 'zyyj-05', year: 2025 });
    expect(history.find((e) => e.field === 'target')).toMatchObject({ oldValue: '90', newValue: '88', reason: '区政府第12次常务会议调整' });
  });

  it('saves fields, a range and a title together; a text target is refused naming it, nothing written', async () => {
    const { hook } = mount();
    await waitFor(() => expect(hook.result.current.draft).not.toBeNull());
    act(() => {
      hook.result.current.setTarget('zyyj-01', 2026, '约12');
      hook.result.current.setReason('测试');
    });
    await act(() => hook.result.current.save());
    expect(hook.result.current.message).toEqual({ kind: 'error', text: '目标须为数字或“/”：约12' });
    expect(await real.services.handlers.listPlanRevisions({ planId: PLAN_ID })).toEqual([]);

    act(() => {
      hook.result.current.setTarget('zyyj-01', 2026, '/');
      hook.result.current.setField('zyyj-05', 'min', '0');
      hook.result.current.setField('zyyj-05', 'max', '100');
      hook.result.current.setField('zyyj-03', 'tolerance', '5');
      hook.result.current.setInfo('title', '住有宜居（调整后）');
    });
    await act(() => hook.result.current.save());
    expect(hook.result.current.message?.kind).toBe('info');
    const edited = await real.services.handlers.getPlanForEditing({ planId: PLAN_ID });
    expect(edited.title).toBe('住有宜居（调整后）');
    expect(edited.indicators.find((i) => i.id === 'zyyj-01')?.targets['2026']).toBe('/');
    expect(edited.indicators.find((i) => i.id === 'zyyj-05')?.plausible).toEqual({ min: 0, max: 100 });
    expect(edited.indicators.find((i) => i.id === 'zyyj-03')?.tolerance).toBe(0.05);
    const fields = (await real.services.handlers.listPlanRevisions({ planId: PLAN_ID })).map((r) => r.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'plausible', 'tolerance', 'target']));
  });

  it('retires an indicator with actuals (kept, out of the grid) and brings it back', async () => {
    await real.services.handlers.saveCells({ planId: PLAN_ID, source: 'typed', edits: [{ indicatorId: 'zyyj-13', year: 2025, field: 'actual', text: '14000' }] });
    const { hook } = mount();
    await waitFor(() => expect(hook.result.current.draft).not.toBeNull());
    await act(() => hook.result.current.setRetired('zyyj-13', true));
    expect(hook.result.current.message).toEqual({ kind: 'error', text: '请填写调整原因。' });
    act(() => hook.result.current.setReason('指标并入其他规划'));
    await act(() => hook.result.current.setRetired('zyyj-13', true));
    expect(hook.result.current.draft?.rows.find((r) => r.id === 'zyyj-13')?.retired).toBe(true);
    const grid = await real.services.handlers.getGrid({ planId: PLAN_ID, year: 2025, department: null });
    expect(grid.rows.some((r) => r.indicatorId === 'zyyj-13')).toBe(false);
    act(() => hook.result.current.setReason('恢复'));
    await act(() => hook.result.current.setRetired('zyyj-13', false));
    expect((await gridCell('zyyj-13', 2025))?.actual).toBe(14000);
  });

  it('copies the plan to new years as a new plan with its indicators and no targets', async () => {
    const { hook, events } = mount();
    await waitFor(() => expect(hook.result.current.draft).not.toBeNull());
    await act(() => hook.result.current.copyToPeriod(2028, 2027, '住有宜居2028'));
    expect(hook.result.current.message).toEqual({ kind: 'error', text: '年份须为起始年到结束年（最多 10 年）。' });
    await act(() => hook.result.current.copyToPeriod(2028, 2032, '住有宜居2028'));
    expect(events.created).toHaveLength(1);
    const copy = await real.services.handlers.getPlanForEditing({ planId: events.created[0]! });
    expect(copy.years).toEqual([2028, 2029, 2030, 2031, 2032]);
    expect(copy.indicators).toHaveLength(13);
    expect(copy.indicators.every((i) => Object.keys(i.targets).length === 0)).toBe(true);
  });
});
