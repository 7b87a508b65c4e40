// The reporting-cycle commands as real child processes on a real database (issue 13): submit
// refused with the cells to fix (exit 2, nothing written) then accepted after the note; send-back
// and unlock refused without a reason; lock of a department and of the whole year; the deadline
// set and shown; unknown department or year refused in Chinese and English with nothing written.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../../electron/store/store';
import { makeTempDir } from '../../helpers/tmp';

const MAIN = join(__dirname, '../../../electron/cli/main.ts');
/** Several real processes, each loading TypeScript through tsx: slow on a busy machine. */
const SLOW = 300_000;
const FUND = '市住房公积金洞头分中心';
let tmp: ReturnType<typeof makeTempDir>;
let db: string;

beforeAll(() => {
  tmp = makeTempDir();
  db = join(tmp.dir, 'cycle.sqlite');
  const store = Store.open(db);
  store.transaction(() => store.actuals.setValue('zyyj-13', 2025, 15000, { who: '李明', at: '2026-01-10T00:00:00Z', source: 'typed' }));
  store.close();
});
afterAll(() => tmp.cleanup());

function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', MAIN, ...argv, '--db', db, '--today', '2026-02-03'], { timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function cycleRows(): { field: string; old_value: string; new_value: string; reason: string | null }[] {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.prepare("SELECT field, old_value, new_value, reason FROM audit_log WHERE entity = 'reporting' ORDER BY id").all() as never;
  } finally {
    raw.close();
  }
}

describe('cli reporting cycle', () => {
  it('submit: refused for a miss without a note (exit 2, nothing written), accepted after the note', { timeout: SLOW }, async () => {
    const refused = await run('submit', '--year', '2025', '--department', FUND);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('13.住房公积金年末实缴职工人数（未达标，缺说明）');
    expect(refused.stderr).toContain('missed, no note');
    expect(cycleRows()).toEqual([]);

    const store = Store.open(db);
    store.transaction(() => store.actuals.setNote('zyyj-13', 2025, '企业缴存户减少', { who: '李明', at: '2026-02-01T00:00:00Z', source: 'typed' }));
    store.close();
    const ok = await run('submit', '--year', '2025', '--department', FUND, '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ department: FUND, state: 'submitted', deadline: '2026-01-31', overdueDays: null });
  });

  it('send-back and unlock need a reason; lock and unlock a department; lock the whole year', { timeout: SLOW }, async () => {
    const noReason = await run('send-back', '--year', '2025', '--department', FUND);
    expect(noReason).toMatchObject({ code: 2, stderr: expect.stringContaining('退回修改必须填写原因。未做任何改动 / To send back a reason is required') as unknown });
    const back = await run('send-back', '--year', '2025', '--department', FUND, '--reason', '人数口径不一致');
    expect(back.code).toBe(0);
    expect(back.stdout).toContain(`${FUND} 2025 年度：已退回（截止 2026-01-31，逾期 3 天）`);
    expect((await run('lock', '--year', '2025', '--department', FUND, '--lang', 'en')).stdout).toContain(`${FUND} 2025: Locked`);
    expect((await run('unlock', '--year', '2025', '--department', FUND)).code).toBe(2);
    expect((await run('unlock', '--year', '2025', '--department', FUND, '--reason', '补充说明')).stdout).toContain('已退回');
    expect((await run('lock', '--year', '2025')).stdout).toContain('2025 年度已整体锁定');
    expect(cycleRows().map((r) => [r.field, r.old_value, r.new_value, r.reason])).toEqual([
      [`state:${FUND}`, 'open', 'submitted', null],
      [`state:${FUND}`, 'submitted', 'returned', '人数口径不一致'],
      [`state:${FUND}`, 'returned', 'locked', null],
      [`state:${FUND}`, 'locked', 'returned', '补充说明'],
      ['state:*', 'open', 'locked', null],
    ]);
  });

  it('deadline set and shown; unknown department, year or date refused with nothing written', { timeout: SLOW }, async () => {
    expect((await run('deadline', '--year', '2026', '--set', '2027-02-15')).stdout).toContain('2026 年度报送截止日期：2027-02-15');
    const before = cycleRows().length;
    const dept = await run('lock', '--year', '2026', '--department', '区不存在局');
    expect(dept).toMatchObject({ code: 2, stderr: expect.stringContaining('找不到单位“区不存在局” / No department "区不存在局"') as unknown });
    const year = await run('submit', '--year', '2031', '--department', FUND);
    expect(year).toMatchObject({ code: 2, stderr: expect.stringContaining('2031 年不在规划年度范围内 / 2031 is not a year of the plan') as unknown });
    const date = await run('deadline', '--year', '2026', '--set', '2027-02-30');
    expect(date).toMatchObject({ code: 2, stderr: expect.stringContaining('截止日期“2027-02-30”不是有效日期') as unknown });
    expect(cycleRows()).toHaveLength(before);
  });
});
