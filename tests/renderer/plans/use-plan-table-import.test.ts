// @vitest-environment happy-dom
// usePlanTableImport against the real services on a temporary SQLite file, with plan tables typed by
// openpyxl and handed over as picked files: a new table is created with the clerk's short name and
// corrections (a blank short name is refused first, nothing written); a table matching the seed
// offers its differing target, refuses a revision without a reason and, with one, revises the seed
// (audited with the reason) without creating a plan; 仍作为新规划创建 creates it anyway under a free
// short name; a bad table offers nothing.
import { readFileSync } from 'node:fs';
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usePlanTableImport } from '../../../renderer/src/plans/use-plan-table-import';
import { XUE_YOU_YOU_JIAO, seedTableFromText, typePlanTable } from '../../helpers/plan-tables';
import type { TableSpec } from '../../helpers/plan-tables';
import { makeTempDir } from '../../helpers/tmp';
import { PLAN_ID, realApiPerTest } from '../real-api';

const real = realApiPerTest();
let tmp: ReturnType<typeof makeTempDir>;
const files: Record<string, File> = {};

const seed = seedTableFromText();
const seedChanged: TableSpec = { ...seed, rows: seed.rows.map((r) => (r.code === '5' ? { ...r, targets: r.targets.map((t, i) => (i === 2 ? '92' : t)) } : r)) };

beforeAll(() => {
  tmp = makeTempDir('plan-import-hook-');
  const specs: Record<string, TableSpec> = { xue: XUE_YOU_YOU_JIAO, seedChanged, bad: { ...XUE_YOU_YOU_JIAO, rows: [{ ...XUE_YOU_YOU_JIAO.rows[0]!, targets: ['90', '全面完成', '94', '95', '96'] }] } };
  for (const [name, spec] of Object.entries(specs)) files[name] = new File([readFileSync(typePlanTable(tmp.dir, name, spec))], `${name}.xlsx`);
}, 60_000);
afterAll(() => tmp?.cleanup());

function mount(file: File) {
  const events = { created: [] as [string, string][], revised: [] as [string, string][] };
  const hook = renderHook(() =>
    usePlanTableImport({ api: real.api, file, lang: 'zh', onCreated: (id, text) => events.created.push([id, text]), onRevised: (id, text) => events.revised.push([id, text]) }),
  );
  return { hook, events };
}

describe('usePlanTableImport', () => {
  it('creates a new plan with the short name and corrections; a blank short name writes nothing', async () => {
    const { hook, events } = mount(files.xue!);
    await waitFor(() => expect(hook.result.current.preview).not.toBeNull());
    expect(hook.result.current.choice).toEqual({ kind: 'create' });
    expect(hook.result.current.shortName).toBe('学有优教');
    expect(hook.result.current.rows).toHaveLength(6);
    expect(hook.result.current.nameMissing).toBe(false);
    act(() => hook.result.current.setShortName(' '));
    // Refused at the field (the window disables 创建), never replaced by the table's name.
    expect(hook.result.current.nameMissing).toBe(true);
    expect(hook.result.current.shortName).toBe(' ');
    await act(() => hook.result.current.create(false));
    expect(hook.result.current.problem).toBe('请填写规划简称。');
    expect(await real.services.handlers.listPlans({})).toHaveLength(1);

    act(() => {
      hook.result.current.setShortName('学有优教试点');
      hook.result.current.setField(4, 'direction', 'lower');
    });
    await act(() => hook.result.current.create(false));
    expect(events.created).toHaveLength(1);
    const [id, text] = events.created[0]!;
    expect(text).toBe('已创建规划“学有优教试点”（6 个指标），现在显示的就是它。');
    const plan = await real.services.handlers.getPlan({ planId: id });
    expect(plan.shortName).toBe('学有优教试点');
    expect(plan.indicators.map((i) => i.direction)).toEqual(['higher', 'higher', 'higher', 'lower', 'lower', 'higher']);
  });

  it('a table matching the seed: a revision needs a reason, then revises the seed with it; nothing is created', async () => {
    const { hook, events } = mount(files.seedChanged!);
    await waitFor(() => expect(hook.result.current.choice?.kind).toBe('match'));
    await act(() => hook.result.current.revise());
    expect(hook.result.current.problem).toBe('请填写调整原因。');
    expect((await real.services.handlers.getPlan({ planId: PLAN_ID })).indicators.find((i) => i.code === '5')!.targets[2025]).toBe(90);

    act(() => hook.result.current.setReason('区政府常务会议调整'));
    await act(() => hook.result.current.revise());
    expect(events.revised).toEqual([[PLAN_ID, '已按表调整《住有宜居》的 1 个目标，已记入调整记录。']]);
    expect((await real.services.handlers.getPlan({ planId: PLAN_ID })).indicators.find((i) => i.code === '5')!.targets[2025]).toBe(92);
    const revisions = await real.services.handlers.listPlanRevisions({ planId: PLAN_ID });
    expect(revisions.map((r) => [r.year, r.oldValue, r.newValue, r.reason])).toEqual([[2025, '90', '92', '区政府常务会议调整']]);
    expect(await real.services.handlers.listPlans({})).toHaveLength(1);
  });

  it('仍作为新规划创建 creates the matching table anyway, under a free short name', async () => {
    const { hook, events } = mount(files.seedChanged!);
    await waitFor(() => expect(hook.result.current.choice?.kind).toBe('match'));
    await act(() => hook.result.current.create(true));
    expect(events.created).toHaveLength(1);
    const plans = await real.services.handlers.listPlans({});
    expect(plans.map((p) => p.shortName)).toEqual(['住有宜居', '住有宜居（2）']);
  });

  it('a table with a text target offers nothing', async () => {
    const { hook } = mount(files.bad!);
    await waitFor(() => expect(hook.result.current.preview).not.toBeNull());
    expect(hook.result.current.choice).toEqual({ kind: 'blocked' });
    expect(hook.result.current.preview?.issues.some((i) => i.severity === 'error' && i.message.zh.includes('全面完成'))).toBe(true);
    await act(() => hook.result.current.create(false));
    expect(await real.services.handlers.listPlans({})).toHaveLength(1);
  });
});
