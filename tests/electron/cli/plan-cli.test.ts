// `plan import / list / export` as real child processes on a real database, with plan tables typed
// by openpyxl and re-saved by LibreOffice: the seed's own table (from the seed document's text) is
// recognised as the embedded plan and, with --as-new, imports as a plan equal to it; a second plan
// (学有优教) imports and is listed; export → import gives the identical plan; --revise applies
// differing targets with a reason; a bad table creates nothing.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../../electron/store/store';
import type { Plan } from '../../../shared/domain/plan';
import { planToDraft } from '../../../shared/domain/plan-draft';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { seedTableFromText, writePlanTables, XUE_YOU_YOU_JIAO } from '../../helpers/plan-tables';
import { makeTempDir } from '../../helpers/tmp';

const MAIN = join(__dirname, '../../../electron/cli/main.ts');
/** Each test starts several real processes (each loads TypeScript through tsx): slow on a busy machine. */
const SLOW = 300_000;
let tmp: ReturnType<typeof makeTempDir>;
let files: Record<string, string>;
let db: string;

const revised = { ...XUE_YOU_YOU_JIAO, rows: XUE_YOU_YOU_JIAO.rows.map((r, i) => (i === 1 ? { ...r, targets: ['100', '220', '380', '500', '650'] } : r)) };

beforeAll(() => {
  tmp = makeTempDir();
  db = join(tmp.dir, 'plans.sqlite');
  Store.open(db).close();
  files = writePlanTables(tmp.dir, {
    seed: seedTableFromText(),
    xue: XUE_YOU_YOU_JIAO,
    xueRevised: revised,
    bad: { ...XUE_YOU_YOU_JIAO, rows: [XUE_YOU_YOU_JIAO.rows[0]!, { ...XUE_YOU_YOU_JIAO.rows[1]!, targets: ['100', '220', '约350', '480', '600'] }] },
  });
}, SLOW);
afterAll(() => tmp.cleanup());

function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', MAIN, ...argv, '--db', db], { timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function withStore<T>(fn: (store: Store) => T): T {
  const store = Store.open(db);
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

const plans = () => withStore((s) => s.plans.listPlans().map((p) => s.plans.getPlan(p.id)));
const byName = (name: string): Plan => plans().find((p) => p.shortName === name) as Plan;
const comparable = (p: Plan) =>
  p.indicators.map((i) => ({ code: i.code, domain: i.domain, name: i.name, unit: i.unit, kind: i.kind, direction: i.direction, targets: i.targets }));

describe('plan import: the seed table', () => {
  it('is recognised as the embedded plan and not duplicated; with --as-new it is a new plan equal to the embedded one', async () => {
    const same = await run('plan', 'import', files.seed as string);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain(`已有指标相同的规划“住有宜居”（${SEED_PLAN.id}）`);
    expect(same.stdout).toContain('目标也完全相同');
    expect(plans()).toHaveLength(1);

    const created = await run('plan', 'import', files.seed as string, '--as-new');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('已创建规划“住有宜居（2）”');
    const copy = byName('住有宜居（2）');
    expect(copy.id).not.toBe(SEED_PLAN.id);
    expect(comparable(copy)).toEqual(comparable(SEED_PLAN));
    expect(copy.indicators[5]!.targets[2027]).toBe('/');
    expect(copy.years).toEqual(SEED_PLAN.years);
  }, SLOW);
});

describe('plan import: a second plan, list, export round trip, revise', () => {
  it('--dry-run prints what it inferred and creates nothing; then it is created and listed', async () => {
    const dry = await run('plan', 'import', files.xue as string, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('规划“学有优教”，2023—2027 年，6 个指标');
    expect(dry.stdout).toMatch(/4 中小学生近视率（%） 比率，越低越好 \[单位为 %；目标写作 ≤N \/ N以内\]/);
    expect(dry.stdout).toContain('试运行');
    expect(plans().some((p) => p.shortName === '学有优教')).toBe(false);

    // A dry run says what the real run would refuse: a short name that names a plan of other indicators.
    const dryTaken = await run('plan', 'import', files.xue as string, '--name', '住有宜居', '--dry-run');
    const realTaken = await run('plan', 'import', files.xue as string, '--name', '住有宜居');
    expect([dryTaken.code, realTaken.code]).toEqual([2, 2]);
    expect(dryTaken.stdout).toContain('已有名为“住有宜居”的规划（2023—2027），这张表与它不是同一规划；创建前请换一个简称');
    expect(realTaken.stderr).toContain('已有名为“住有宜居”的规划');
    expect(plans().filter((p) => p.shortName === '住有宜居')).toHaveLength(1);

    const created = await run('plan', 'import', files.xue as string);
    expect(created.code).toBe(0);
    const xue = byName('学有优教');
    expect(xue.indicators.map((i) => [i.name, i.direction, i.leadUnit])).toEqual([
      ['普惠性幼儿园在园幼儿占比', 'higher', '区教育局'],
      ['累计新增托位数', 'higher', '区卫生健康局'],
      ['义务教育学校专任教师本科及以上学历比例', 'higher', '区教育局'],
      ['中小学生近视率', 'lower', '区教育局'],
      ['学生体质健康优良率下降率', 'higher', '区教育局'],
      ['教师年均培训学时', 'higher', '区教育局'],
    ]);

    const list = await run('plan', 'list', '--json');
    expect(list.code).toBe(0);
    const listed = JSON.parse(list.stdout) as { id: string; shortName: string; indicatorCount: number }[];
    expect(listed.map((p) => [p.shortName, p.indicatorCount]).sort()).toEqual([['住有宜居', 13], ['住有宜居（2）', 13], ['学有优教', 6]]);
    const text = await run('plan', 'list');
    expect(text.stdout).toContain('学有优教  2023—2027  6 个指标');
  }, SLOW);

  it('export then import gives the identical plan (recognised as the same; --as-new equal but for its name)', async () => {
    const before = byName('学有优教');
    // A direction and range changed in the editor must survive the round trip too.
    withStore((s) => s.transaction(() => s.plans.updateIndicator(before.indicators[4]!.id, { direction: 'lower', plausible: { min: 0, max: 100 } }, '口径', { who: 't', at: '2026-01-01T00:00:00Z', source: 'plan-edit' })));
    const edited = byName('学有优教');
    const out = join(tmp.dir, 'xue-export.xlsx');
    const exported = await run('plan', 'export', '学有优教', '--out', out);
    expect(exported.code).toBe(0);
    const again = await run('plan', 'import', out);
    expect(again.stdout).toContain('已有指标相同的规划“学有优教”');
    expect(again.stdout).toContain('目标也完全相同');
    const copy = await run('plan', 'import', out, '--as-new');
    expect(copy.code).toBe(0);
    const imported = byName('学有优教（2）');
    expect({ ...planToDraft(imported), shortName: '学有优教' }).toEqual(planToDraft(edited));
  }, SLOW);

  it('--revise --reason applies the differing targets as audited revisions; without --reason it is refused', async () => {
    const noReason = await run('plan', 'import', files.xueRevised as string, '--revise');
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('--reason');

    const told = await run('plan', 'import', files.xueRevised as string);
    expect(told.stdout).toContain('有 3 个目标不同');
    expect(told.stdout).toContain('2 累计新增托位数 2025 年：350 → 380');

    const done = await run('plan', 'import', files.xueRevised as string, '--revise', '--reason', '年中动态调整');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('已按表修订规划“学有优教”的 3 个目标');
    const xue = byName('学有优教');
    expect(xue.indicators[1]!.targets).toEqual({ 2023: 100, 2024: 220, 2025: 380, 2026: 500, 2027: 650 });
    const revisions = withStore((s) => s.plans.listRevisions(xue.id)).filter((r) => r.entity === 'target');
    expect(revisions.map((r) => [r.year, r.oldValue, r.newValue, r.reason, r.who])).toEqual([
      [2027, '600', '650', '年中动态调整', 'cli'],
      [2026, '480', '500', '年中动态调整', 'cli'],
      [2025, '350', '380', '年中动态调整', 'cli'],
    ]);
  }, SLOW);

  it('a table with a text target: exit 2, the cell named on stderr, nothing created', async () => {
    const count = plans().length;
    const bad = await run('plan', 'import', files.bad as string, '--as-new');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Sheet1!F4');
    expect(bad.stderr).toContain('“约350”不是数字');
    expect(bad.stderr).toContain('is not a number');
    expect(plans()).toHaveLength(count);
  }, SLOW);
});
