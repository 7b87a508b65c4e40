// The command line's option, database and exit-code rules (issue 9), run as real child processes
// on real SQLite files: unknown options and malformed values are refused by name, a mistyped --db
// never becomes an empty database, an export never replaces a database, and exit codes say how
// much was done (0 all, 1 part, 2 nothing).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { hasSqliteHeader } from '../../../electron/store/database';
import { Store } from '../../../electron/store/store';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { makeTempDir } from '../../helpers/tmp';
import { writeHandMadeReturn } from '../../helpers/returns';

const MAIN = join(__dirname, '../../../electron/cli/main.ts');
let tmp: ReturnType<typeof makeTempDir>;
let db: string;
let good: string;
let filled: string;

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function cli(...argv: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', MAIN, ...argv], { env: { ...process.env, INDICATOR_DESK_DB: join(tmp.dir, 'default.sqlite') } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out: stdout, err: stderr }),
    );
  });
}

function importCount(path: string): number {
  const store = Store.open(path);
  try {
    return store.imports.list().length;
  } finally {
    store.close();
  }
}

beforeAll(async () => {
  tmp = makeTempDir();
  db = join(tmp.dir, 'live.sqlite');
  Store.open(db).close();
  good = join(tmp.dir, 'return.xlsx');
  const quiet = { stdout: () => undefined, stderr: () => undefined };
  expect(await runCli(['export', '--year', '2025', '--department', '区住建局', '--db', db, '--out', good], quiet)).toBe(0);
  // A return with one changed figure: made by editing the export's bytes through ExcelJS.
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(good);
  const ws = wb.getWorksheet('填报表')!;
  for (let r = 6; r <= ws.rowCount; r += 1) {
    if (ws.getRow(r).values && String(ws.getRow(r).getCell(1).text).trim() === '2') ws.getCell(`M${r}`).value = 1012;
  }
  filled = join(tmp.dir, 'filled.xlsx');
  await wb.xlsx.writeFile(filled);
}, 60_000);
afterAll(() => tmp.cleanup());

describe('strict options (child processes)', () => {
  it('refuses unknown options, missing and malformed values by name; nothing is imported', async () => {
    const [typo, emptyDb, lang, today, flagValue, twice, otherCommand] = await Promise.all([
      cli('import', filled, '--db', db, '--dryrun'),
      cli('status', '--year', '2025', '--db', ''),
      cli('status', '--year', '2025', '--db', db, '--lang', 'fr'),
      cli('status', '--year', '2025', '--db', db, '--today', '2025-02-30'),
      cli('import', filled, '--db', db, '--json=1'),
      cli('status', '--year', '2025', '--db', db, '--db', join(tmp.dir, 'other.sqlite')),
      cli('status', '--year', '2025', '--db', db, '--out', 'x.xlsx'),
    ]);
    expect(typo).toMatchObject({ code: 2, out: '' });
    expect(typo.err).toMatch(/--dryrun/);
    expect(importCount(db)).toBe(0);
    expect(emptyDb.code).toBe(2);
    expect(emptyDb.err).toMatch(/--db/);
    expect(existsSync(join(tmp.dir, 'default.sqlite'))).toBe(false);
    expect(lang.code).toBe(2);
    expect(lang.err).toMatch(/--lang.*zh.*en/);
    expect(today.code).toBe(2);
    expect(today.err).toMatch(/--today.*2025-02-30/);
    expect(flagValue.code).toBe(2);
    expect(flagValue.err).toMatch(/--json/);
    expect(twice.code).toBe(2);
    expect(twice.err).toMatch(/--db.*more than once/);
    expect(otherCommand.code).toBe(2);
    expect(otherCommand.err).toMatch(/unknown option --out/);
    for (const r of [typo, emptyDb, lang, today, flagValue, twice, otherCommand]) {
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(/\bat .+:\d+:\d+/);
    }
  }, 120_000);

  it('unknown departments, years and plans are refused with the valid choices listed', async () => {
    const out = join(tmp.dir, 'typo.xlsx');
    const [department, year, plan] = await Promise.all([
      cli('export', '--year', '2025', '--department', '区住建', '--db', db, '--out', out),
      cli('status', '--year', '2031', '--db', db),
      cli('status', '--year', '2025', '--plan', 'no-such-plan', '--db', db),
    ]);
    expect(plan.code).toBe(2);
    expect(plan.err).toContain(`--plan: no such value no-such-plan; choose one of: ${SEED_PLAN.id}`);
    expect(department.code).toBe(2);
    expect(department.err).toMatch(/--department.*区住建.*区住建局/);
    expect(existsSync(out)).toBe(false);
    expect(year.code).toBe(2);
    expect(year.err).toMatch(/2031.*2023.*2024.*2025.*2026.*2027/);
  }, 120_000);
});

describe('the database rule', () => {
  it('an explicit --db that does not exist: refused by read commands, created (and said) by import', async () => {
    const missing = join(tmp.dir, 'typo.sqlite');
    const [status, exported, dry] = await Promise.all([
      cli('status', '--year', '2025', '--db', missing),
      cli('export', '--year', '2025', '--db', missing, '--out', join(tmp.dir, 'empty.xlsx')),
      cli('import', filled, '--db', missing, '--dry-run'),
    ]);
    for (const r of [status, exported, dry]) {
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/数据库文件不存在.*typo\.sqlite/);
    }
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(tmp.dir, 'empty.xlsx'))).toBe(false);
    // A preview of import is told why, not that "only import creates" (it is an import).
    expect(dry.err).toContain('--dry-run 只预览，不会新建数据库');
    expect(dry.err).toContain('drop --dry-run to import');
    expect(status.err).toContain('only import creates a new database');

    const created = await cli('import', filled, '--db', missing);
    expect(created.code).toBe(0);
    expect(created.err).toMatch(/新建数据库 \/ creating a new database: .*typo\.sqlite/);
    expect(importCount(missing)).toBe(1);
  }, 120_000);

  it('a --db in a folder that does not exist is an error and creates no folder', async () => {
    const r = await cli('import', filled, '--db', join(tmp.dir, 'no-such-folder', 'x.sqlite'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/文件夹不存在/);
    expect(existsSync(join(tmp.dir, 'no-such-folder'))).toBe(false);
  }, 60_000);
});

describe('exit codes of a batch', () => {
  it('some files applied → 1 with the failures on stderr; none → 2', async () => {
    const bad = join(tmp.dir, 'bad.xlsx');
    writeFileSync(bad, 'not a workbook');
    const batchDb = join(tmp.dir, 'batch.sqlite');
    Store.open(batchDb).close();
    const part = await cli('import', filled, bad, '--db', batchDb);
    expect(part.code).toBe(1);
    expect(part.err).toMatch(/bad\.xlsx: 无法读取/);
    expect(part.out).not.toMatch(/bad\.xlsx/);
    expect(importCount(batchDb)).toBe(1);
    const none = await cli('import', bad, '--db', batchDb);
    expect(none.code).toBe(2);
    expect(importCount(batchDb)).toBe(1);
    const dryNone = await cli('import', bad, '--db', batchDb, '--dry-run');
    expect(dryNone.code).toBe(2);
    expect(dryNone.out).not.toMatch(/预览完毕/);
  }, 120_000);

  it('a return with a row matching no indicator is applied but partly done → 1, the row named', async () => {
    const extra = writeHandMadeReturn({
      path: join(tmp.dir, 'extra-row.xlsx'), year: 2025, departments: ['区住建局'], actuals: { '1': 11.5 },
      extraRows: [{ code: '99', name: '人均住房建筑面积（平方米）', actual: 42 }],
    });
    const extraDb = join(tmp.dir, 'extra.sqlite');
    Store.open(extraDb).close();
    const r = await cli('import', extra, '--db', extraDb);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/人均住房建筑面积/);
    expect(r.err).toMatch(/extra-row\.xlsx：0 个数值无法读取、1 行未匹配到指标，均未导入/);
    expect(importCount(extraDb)).toBe(1);
  }, 120_000);
});

describe('export never replaces a database', () => {
  it('--out the open database, or any SQLite file, is refused even with --force; other files need --force', async () => {
    const before = readFileSync(db);
    const otherDb = join(tmp.dir, 'other-db.sqlite');
    Store.open(otherDb).close();
    const existing = join(tmp.dir, 'existing.xlsx');
    writeFileSync(existing, 'old');
    const [self, selfForced, other, noForce] = await Promise.all([
      cli('export', '--year', '2025', '--db', db, '--out', db),
      cli('export', '--year', '2025', '--db', db, '--out', db, '--force'),
      cli('export', '--year', '2025', '--db', db, '--out', otherDb, '--force'),
      cli('export', '--year', '2025', '--db', db, '--out', existing),
    ]);
    expect(self.code).toBe(2);
    expect(self.err).toMatch(/正在使用的数据库/);
    expect(self.out).not.toMatch(/已导出/);
    expect(selfForced.code).toBe(2);
    expect(hasSqliteHeader(db)).toBe(true);
    expect(readFileSync(db).subarray(0, 100)).toEqual(before.subarray(0, 100));
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/数据库文件/);
    expect(hasSqliteHeader(otherDb)).toBe(true);
    expect(noForce.code).toBe(2);
    expect(noForce.err).toMatch(/--force/);
    expect(readFileSync(existing, 'utf8')).toBe('old');
    const csv = await cli('export', '--year', '2025', '--db', db, '--out', join(tmp.dir, 'return.csv'));
    expect(csv.code).toBe(2);
    expect(csv.err).toMatch(/\.xlsx/);
    expect(existsSync(join(tmp.dir, 'return.csv'))).toBe(false);
    const forced = await cli('export', '--year', '2025', '--db', db, '--out', existing, '--force');
    expect(forced.code).toBe(0);
    expect(statSync(existing).size).toBeGreaterThan(1000);
  }, 120_000);
});
