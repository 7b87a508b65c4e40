// @vitest-environment happy-dom
// The plan switcher's and the programme view's hooks against the real services on a temporary
// SQLite file holding two plans: the window opens on the embedded plan, a switch shows the other
// plan's grid and is remembered in settings (a new window opens on it), and the programme view
// counts every plan's indicators by outlook exactly as getProgress on that database does.
import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useGridView } from '../../../renderer/src/app/use-grid-view';
import { useSettings } from '../../../renderer/src/app/use-settings';
import { countOutlooks } from '../../../renderer/src/components/progress-model';
import { usePlanChoice } from '../../../renderer/src/plans/use-plan-choice';
import { useProgramme } from '../../../renderer/src/plans/use-programme';
import type { Bootstrap } from '../../../shared/api/contract';
import { SECOND_PLAN_ID, addSecondPlan } from '../../helpers/second-plan';
import { PLAN_ID, realApiPerTest } from '../real-api';

const real = realApiPerTest();
beforeEach(() => addSecondPlan(real.services.store));

async function boot(): Promise<Bootstrap> {
  return real.services.handlers.getBootstrap({});
}

function mountWindow(b: Bootstrap, problems: string[] = []) {
  return renderHook(() => {
    const s = useSettings(real.api, b.settings, (p) => problems.push(p.zh));
    const choice = usePlanChoice({ api: real.api, initialPlans: b.plans, settings: s.settings, saveSettings: s.saveSettings, onProblem: (p) => problems.push(p) });
    const view = useGridView({ api: real.api, planId: choice.plan.id, initialYear: 2025, initialDepartment: null, onError: (p) => problems.push(p.zh) });
    return { s, choice, view };
  });
}

describe('usePlanChoice', () => {
  it('opens on the embedded plan, switches the grid to the other plan and remembers it for the next window', async () => {
    const b = await boot();
    expect(b.plans.map((p) => p.id).sort()).toEqual([SECOND_PLAN_ID, PLAN_ID].sort());
    const problems: string[] = [];
    const hook = mountWindow(b, problems);
    expect(hook.result.current.choice.plan.id).toBe(PLAN_ID);
    await waitFor(() => expect(hook.result.current.view.grid?.planId).toBe(PLAN_ID));

    act(() => hook.result.current.choice.switchPlan(SECOND_PLAN_ID));
    expect(hook.result.current.choice.plan.id).toBe(SECOND_PLAN_ID);
    await waitFor(() => expect(hook.result.current.view.grid?.planId).toBe(SECOND_PLAN_ID));
    expect(hook.result.current.view.grid?.rows.map((r) => r.indicatorId)).toEqual(['xyyj-01', 'xyyj-02', 'xyyj-03']);
    await waitFor(() => expect(hook.result.current.s.settings.planId).toBe(SECOND_PLAN_ID));
    // A language switch afterwards keeps the remembered plan (settings are saved whole).
    act(() => hook.result.current.s.switchLanguage('en'));
    await waitFor(() => expect(hook.result.current.s.settings.lang).toBe('en'));

    const again = await boot();
    expect(again.settings.planId).toBe(SECOND_PLAN_ID);
    const second = mountWindow(again);
    expect(second.result.current.choice.plan.id).toBe(SECOND_PLAN_ID);
    expect(problems).toEqual([]);
  });

  it('a remembered plan that is gone falls back to the default; the switch stands when saving it fails', async () => {
    const b = await boot();
    const problems: string[] = [];
    const hook = mountWindow({ ...b, settings: { ...b.settings, planId: 'no-such-plan' } }, problems);
    expect(hook.result.current.choice.plan.id).toBe(PLAN_ID);
    real.offline = true;
    act(() => hook.result.current.choice.switchPlan(SECOND_PLAN_ID));
    await waitFor(() => expect(problems.some((p) => p.includes('无法连接本机服务'))).toBe(true));
    expect(hook.result.current.choice.plan.id).toBe(SECOND_PLAN_ID);
  });

  it('saving settings with a plan not in the database is refused', async () => {
    const b = await boot();
    await expect(Promise.resolve().then(() => real.services.handlers.saveSettings({ ...b.settings, planId: 'no-such-plan' }))).rejects.toThrow();
  });
});

describe('useProgramme', () => {
  it('counts each plan’s indicators by outlook as getProgress does, side by side', async () => {
    await real.services.handlers.saveCells({
      planId: SECOND_PLAN_ID,
      source: 'typed',
      edits: [
        { indicatorId: 'xyyj-01', year: 2025, field: 'actual', text: '96' },
        { indicatorId: 'xyyj-02', year: 2025, field: 'actual', text: '1' },
      ],
    });
    const b = await boot();
    const hook = renderHook(({ open }) => useProgramme(real.api, { plans: b.plans, open, lang: 'zh' }), { initialProps: { open: true } });
    await waitFor(() => expect(hook.result.current).not.toBeNull());
    const lines = hook.result.current!;
    expect(lines.map((l) => l.plan.id)).toEqual(b.plans.map((p) => p.id));
    for (const line of lines) {
      if ('error' in line) throw new Error(line.error);
      const rows = await real.services.handlers.getProgress({ planId: line.plan.id });
      expect(line.indicators).toBe(rows.length);
      expect(line.counts).toEqual(countOutlooks(rows));
    }
    const second = lines.find((l) => l.plan.id === SECOND_PLAN_ID);
    expect(second && 'counts' in second ? second.counts['no-data'] : -1).toBe(1);
    hook.rerender({ open: false });
    expect(hook.result.current).toBeNull();
  });
});
