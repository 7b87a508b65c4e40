// `--plan` on the command line (issue 14 part 3), run as real child processes on a real SQLite file
// holding two plans: a plan is named by its id, short name or title on inspect, import, export,
// status and report; without --plan the embedded plan stays the default; an unknown name is one
// bilingual line on stderr listing the plans, exit code 2 (args.ts EXIT.nothingDone).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePlanName } from '../../../electron/cli/plan-option';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { SECOND_PLAN, SECOND_PLAN_ID, makeTwoPlanDatabase } from '../../helpers/second-plan';
import { cliChild as cli } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
let db: string;
beforeAll(() => {
  tmp = makeTempDir('plan-cli-');
  db = makeTwoPlanDatabase(tmp.dir);
});
afterAll(() => tmp.cleanup());

const idsOf = (stdout: string): string[] => (JSON.parse(stdout) as { rows: { indicatorId: string }[] }).rows.map((r) => r.indicatorId);

describe('--plan as child processes', () => {
  it('status takes the id, the short name or the title; without --plan the embedded plan', async () => {
    const [byShort, byTitle, byId, byDefault] = await Promise.all([
      cli('status', '--year', '2025', '--plan', '学有优教', '--db', db, '--json'),
      cli('status', '--year', '2025', '--plan', SEED_PLAN.title, '--db', db, '--json'),
      cli('status', '--year', '2025', '--plan', SECOND_PLAN_ID, '--db', db, '--json'),
      cli('status', '--year', '2025', '--db', db, '--json'),
    ]);
    for (const r of [byShort, byTitle, byId, byDefault]) expect(r.code, r.stderr).toBe(0);
    expect(idsOf(byShort.stdout)).toEqual(['xyyj-01', 'xyyj-02', 'xyyj-03']);
    expect(idsOf(byId.stdout)).toEqual(['xyyj-01', 'xyyj-02', 'xyyj-03']);
    expect(idsOf(byTitle.stdout)).toEqual(SEED_PLAN.indicators.map((i) => i.id));
    expect(idsOf(byDefault.stdout)).toEqual(SEED_PLAN.indicators.map((i) => i.id));
  }, 180_000);

  it('export, inspect, import and report of the second plan by its name', async () => {
    const file = join(tmp.dir, 'xyyj-2025.xlsx');
    const exported = await cli('export', '--year', '2025', '--plan', '学有优教', '--db', db, '--out', file);
    expect(exported.code, exported.stderr).toBe(0);
    const report = join(tmp.dir, 'xyyj-report.xlsx');
    const [inspected, inspectedSeed, imported, reported] = await Promise.all([
      cli('inspect', file, '--plan', '学有优教', '--db', db, '--json'),
      cli('inspect', file, '--json'),
      cli('import', file, '--plan', '学有优教', '--db', db, '--dry-run', '--json'),
      cli('report', '--year', '2025', '--plan', '学有优教', '--db', db, '--out', report),
    ]);
    expect(inspected.code, inspected.stderr).toBe(0);
    expect((JSON.parse(inspected.stdout) as { rows: { indicatorId: string | null }[] }).rows.map((r) => r.indicatorId)).toEqual(['xyyj-01', 'xyyj-02', 'xyyj-03']);
    // Without --plan, inspect reads against the embedded plan: the rows match nothing there.
    type Rows = { rows: { indicatorId: string | null; values: Record<string, { status: string | null }> }[] };
    const seedRows = (JSON.parse(inspectedSeed.stdout) as Rows).rows;
    expect(seedRows.every((r) => r.indicatorId === null)).toBe(true);
    // … and are not judged there: whether more is better (大班额比例: less) is their own plan's to say.
    expect(seedRows.flatMap((r) => Object.values(r.values).map((v) => v.status))).toEqual(Array(3 * SECOND_PLAN.years.length).fill(null));
    expect((JSON.parse(inspected.stdout) as Rows).rows.flatMap((r) => Object.values(r.values).map((v) => v.status))).not.toContain(null);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).not.toMatch(/unmatched":\[\{/);
    expect(reported.code, reported.stderr).toBe(0);
    expect(existsSync(report)).toBe(true);
  }, 180_000);

  it('an unknown plan: exit 2, one line naming the plans in Chinese and English, nothing written', async () => {
    const out = join(tmp.dir, 'never.xlsx');
    const [status, exported] = await Promise.all([
      cli('status', '--year', '2025', '--plan', '病有良医', '--db', db),
      cli('export', '--year', '2025', '--plan', '病有良医', '--db', db, '--out', out),
    ]);
    for (const r of [status, exported]) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('--plan 无此项：病有良医');
      expect(r.stderr).toContain('--plan: no such value 病有良医');
      expect(r.stderr).toContain(`${SEED_PLAN.id} (${SEED_PLAN.shortName})`);
      expect(r.stderr).toContain(`${SECOND_PLAN_ID} (${SECOND_PLAN.shortName})`);
    }
    expect(existsSync(out)).toBe(false);
  }, 180_000);
});

describe('resolvePlanName', () => {
  const plans = [
    { id: 'b-2028', shortName: '住有宜居', title: '住有宜居 2028–2032' },
    { id: SEED_PLAN.id, shortName: '住有宜居', title: SEED_PLAN.title },
    { id: 'c', shortName: '学有优教', title: '学有优教工程' },
  ];
  it('prefers an exact id, then a unique short name or title; the default is the only or the embedded plan', () => {
    expect(resolvePlanName(' 学有优教 ', plans)).toBe('c');
    expect(resolvePlanName('学有优教工程', plans)).toBe('c');
    expect(resolvePlanName('b-2028', plans)).toBe('b-2028');
    expect(resolvePlanName(null, plans)).toBe(SEED_PLAN.id);
    expect(resolvePlanName(null, [plans[2]!])).toBe('c');
    expect(resolvePlanName(null, [plans[0]!, plans[2]!])).toBe('b-2028');
  });
  it('a name two plans share is refused with both ids, so the clerk can give one', () => {
    expect(() => resolvePlanName('住有宜居', plans)).toThrow(/several plans; give the id instead: b-2028 \(住有宜居\), dongtou-zyyj-2023-2027 \(住有宜居\)/);
  });
});
