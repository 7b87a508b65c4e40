// Consolidation on the command line, each run a real child process on a real database with
// returns written by openpyxl: exit 3 on unanswered conflicts (nothing written, conflicts on
// stderr), both --prefer answers, --include-other-units (else skipped, exit 1), --department, and
// the bad inputs (unknown department, a file naming two departments) refused with nothing written.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/tmp';
import { writeHandMadeReturn } from '../../helpers/returns';
import { Store } from '../../../electron/store/store';

const MAIN = join(__dirname, '../../../electron/cli/main.ts');
/** Each test starts several real processes (each loads TypeScript through tsx): slow on a busy machine. */
const SLOW = 300_000;
let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  tmp = makeTempDir();
});
afterAll(() => tmp.cleanup());

function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', MAIN, ...argv], { timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The stored actual and its source, read with a separate connection. */
function actual(db: string, id: string, year: number): { value: number; source: string; source_file: string | null; source_department: string | null } | undefined {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.prepare('SELECT value, source, source_file, source_department FROM actuals WHERE indicator_id = ? AND year = ?').get(id, year) as never;
  } finally {
    raw.close();
  }
}

function returnFile(name: string, departments: string[], actuals: Record<string, number>): string {
  return writeHandMadeReturn({ path: join(tmp.dir, name), year: 2025, departments, actuals });
}

describe('cli import: conflicts between departments', () => {
  it('exit 3 with the conflict on stderr and nothing written; --dry-run the same; --prefer current keeps, --prefer incoming takes the file', async () => {
    const db = join(tmp.dir, 'conflict.sqlite');
    const housing = returnFile('住建局.xlsx', ['区住房和城乡建设局'], { '4': 7 });
    const civil = returnFile('民政局.xlsx', ['区民政局'], { '4': 9 });
    const first = await run('import', housing, '--db', db);
    expect(first.code).toBe(0);
    expect(actual(db, 'zyyj-04', 2025)).toEqual({ value: 7, source: 'imported', source_file: '住建局.xlsx', source_department: '区住建局' });

    const blocked = await run('import', civil, '--db', db);
    expect(blocked.code).toBe(3);
    expect(blocked.stderr).toMatch(/冲突 4 老旧小区累计改造个数（个） 2025: 当前 7（住建局\.xlsx，区住建局.*≠ 民政局\.xlsx 9（Sheet1!D\d+，区民政局）/);
    expect(blocked.stderr).toMatch(/未写入任何内容/);
    expect(blocked.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    expect(actual(db, 'zyyj-04', 2025)?.value).toBe(7);

    const dry = await run('import', civil, '--db', db, '--dry-run');
    expect(dry.code).toBe(3);
    expect(dry.stderr).toMatch(/冲突 4 /);

    const keep = await run('import', civil, '--db', db, '--prefer', 'current');
    expect(keep.code).toBe(0);
    expect(keep.stderr).toMatch(/保留当前值/);
    expect(actual(db, 'zyyj-04', 2025)).toMatchObject({ value: 7, source_file: '住建局.xlsx' });

    const take = await run('import', civil, '--db', db, '--prefer', 'incoming', '--lang', 'en');
    expect(take.code).toBe(0);
    expect(take.stderr).toMatch(/took 9 from 民政局\.xlsx/);
    expect(actual(db, 'zyyj-04', 2025)).toEqual({ value: 9, source: 'imported', source_file: '民政局.xlsx', source_department: '区民政局' });
    // Every applied file is kept in the data folder's imports/, by sha256.
    expect(readdirSync(join(tmp.dir, 'imports')).filter((f) => /^[0-9a-f]{64}\.xlsx$/.test(f)).length).toBeGreaterThanOrEqual(2);
  }, SLOW);

  it('two files of one batch disagree: exit 3; --prefer incoming takes the later file on the command line and says so', async () => {
    const db = join(tmp.dir, 'batch.sqlite');
    const a = returnFile('甲.xlsx', ['区住建局'], { '7': 5 });
    const b = returnFile('乙.xlsx', ['区财政局'], { '7': 6 });
    const blocked = await run('import', a, b, '--db', db);
    expect(blocked.code).toBe(3);
    expect(blocked.stderr).toMatch(/甲\.xlsx 5.*≠ 乙\.xlsx 6/);
    expect(actual(db, 'zyyj-07', 2025)).toBeUndefined();
    const take = await run('import', a, b, '--db', db, '--prefer', 'incoming');
    expect(take.code).toBe(0);
    expect(take.stderr).toMatch(/采用命令行中靠后的文件 乙\.xlsx 的值 6/);
    expect(actual(db, 'zyyj-07', 2025)).toMatchObject({ value: 6, source_file: '乙.xlsx', source_department: '区财政局' });
  }, SLOW);
});

describe('cli import: other units, departments, bad input', () => {
  it('values for indicators the department does not report are skipped (stderr, exit 1) unless --include-other-units', async () => {
    const db = join(tmp.dir, 'other.sqlite');
    const file = returnFile('住建局含公积金.xlsx', ['区住建局'], { '3': 221, '13': 15000 });
    const skipped = await run('import', file, '--db', db);
    expect(skipped.code).toBe(1);
    expect(skipped.stderr).toMatch(/1 个数值属于其他单位的指标，未导入/);
    expect(skipped.stderr).toMatch(/13 住房公积金年末实缴职工人数（人） 2025: 15000/);
    expect(actual(db, 'zyyj-03', 2025)?.value).toBe(221);
    expect(actual(db, 'zyyj-13', 2025)).toBeUndefined();
    const included = await run('import', file, '--db', db, '--include-other-units');
    expect(included.code).toBe(0);
    expect(actual(db, 'zyyj-13', 2025)).toMatchObject({ value: 15000, source_department: '区住建局' });
  }, SLOW);

  it('--department names a return that names none; an unknown one and a file naming two departments are refused, nothing written', async () => {
    const db = join(tmp.dir, 'dept.sqlite');
    // A dry run never creates an explicit --db (only a writing import does): make the database first.
    Store.open(db).close();
    const bare = returnFile('无单位.xlsx', [], { '4': 6 });
    const json = await run('import', bare, '--db', db, '--department', '区民政局', '--dry-run', '--json');
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { previews: { department: string; departmentFrom: string }[] }).previews[0]).toMatchObject({ department: '区民政局', departmentFrom: 'chosen' });
    const none = await run('import', bare, '--db', db, '--dry-run');
    expect(none.stdout).toMatch(/填报单位 未指定单位/);
    expect(none.stdout).toMatch(/未写明填报单位/);

    const unknown = await run('import', bare, '--db', db, '--department', '区水利局');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/找不到单位“区水利局” \/ No department "区水利局"/);
    const two = returnFile('两个单位.xlsx', ['区民政局', '区住建局'], { '4': 6 });
    const refused = await run('import', bare, two, '--db', db);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/写了两个填报单位（“区民政局”和“区住建局”）.* \/ "两个单位\.xlsx" names two departments/);
    expect(existsSync(db) ? actual(db, 'zyyj-04', 2025) : undefined).toBeUndefined();
  }, SLOW);
});
