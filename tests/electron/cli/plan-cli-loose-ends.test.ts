// `plan` command loose ends, as real child processes on real SQLite files with plan tables typed by
// openpyxl and re-saved by LibreOffice (tests/helpers/plan-tables.ts):
// - differing targets with neither --revise nor --as-new: exit 2 (nothing done), what to do on
//   stderr in both languages, the plan unchanged;
// - --dry-run against a --db that does not exist: reports the plan it would create, creates no file;
// - plan export of an unknown plan: the error in Chinese and English;
// - the dry run prints the lead unit and the co-units apart, as the window's preview does.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../../electron/store/store';
import { writePlanTables, XUE_YOU_YOU_JIAO } from '../../helpers/plan-tables';
import { makeTempDir } from '../../helpers/tmp';

const MAIN = join(__dirname, '../../../electron/cli/main.ts');
const SLOW = 300_000;
let tmp: ReturnType<typeof makeTempDir>;
let files: Record<string, string>;
let db: string;

const revised = { ...XUE_YOU_YOU_JIAO, rows: XUE_YOU_YOU_JIAO.rows.map((r, i) => (i === 1 ? { ...r, targets: ['100', '220', '380', '500', '650'] } : r)) };

beforeAll(() => {
  tmp = makeTempDir();
  db = join(tmp.dir, 'plans.sqlite');
  Store.open(db).close();
  files = writePlanTables(tmp.dir, { xue: XUE_YOU_YOU_JIAO, xueRevised: revised });
}, SLOW);
afterAll(() => tmp.cleanup());

function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', MAIN, ...argv], { timeout: 120_000, env: { ...process.env, INDICATOR_DESK_DB: join(tmp.dir, 'default.sqlite') } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const targetsOf = (name: string) => {
  const store = Store.open(db);
  try {
    const found = store.plans.listPlans().find((p) => p.shortName === name);
    return found ? store.plans.getPlan(found.id).indicators[1]!.targets : null;
  } finally {
    store.close();
  }
};

describe('plan import: loose ends', () => {
  it('--dry-run against a database that does not exist reports the new plan, lead and co-units apart, and creates no file', async () => {
    const missing = join(tmp.dir, 'not-yet.sqlite');
    const dry = await run('plan', 'import', files.xue as string, '--dry-run', '--db', missing);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('规划“学有优教”，2023—2027 年，6 个指标');
    expect(dry.stdout).toContain('试运行');
    expect(dry.stderr).toContain('尚不存在');
    expect(dry.stderr).toContain('does not exist yet');
    expect(dry.stdout).toContain('牵头单位 区卫生健康局；配合单位 区教育局');
    expect(dry.stdout).not.toContain('区卫生健康局、区教育局');
    expect(existsSync(missing)).toBe(false);
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.sqlite'))).toEqual(['plans.sqlite']);

    const en = await run('plan', 'import', files.xue as string, '--dry-run', '--db', missing, '--lang', 'en');
    expect(en.stdout).toContain('lead unit 区卫生健康局; co-units 区教育局');
  }, SLOW);

  it('targets that differ from the matching plan, with neither --revise nor --as-new: exit 2, told what to do, nothing changed', async () => {
    expect((await run('plan', 'import', files.xue as string, '--db', db)).code).toBe(0);
    const before = targetsOf('学有优教');
    const told = await run('plan', 'import', files.xueRevised as string, '--db', db);
    expect(told.code).toBe(2);
    expect(told.stdout).toContain('有 3 个目标不同');
    expect(told.stderr).toContain('未做任何修改');
    expect(told.stderr).toContain('nothing was changed');
    expect(told.stderr).toContain('--revise --reason');
    expect(targetsOf('学有优教')).toEqual(before);
    // The same table again (same targets) is still "nothing needed": exit 0.
    expect((await run('plan', 'import', files.xue as string, '--db', db)).code).toBe(0);
  }, SLOW);

  it('plan export of an unknown plan: exit 2, the error in both languages', async () => {
    const out = join(tmp.dir, 'nope.xlsx');
    const unknown = await run('plan', 'export', '没有这个', '--out', out, '--db', db);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('没有规划“没有这个”');
    expect(unknown.stderr).toContain('No plan "没有这个"');
    expect(existsSync(out)).toBe(false);
  }, SLOW);
});
