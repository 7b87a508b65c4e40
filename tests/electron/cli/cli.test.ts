// The command line, run in-process (runCli) and once as a real child process, against real files.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabaseFile, listBackups } from '../../../electron/backup/backups';
import { Store } from '../../../electron/store/store';
import type { InspectJson } from '../../../electron/cli/inspect';
import { cliInProcess as cli } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  tmp = makeTempDir();
});
afterAll(() => tmp.cleanup());

describe('export → fill in → inspect → import → status', () => {
  it('round trip through the CLI on a real database', async () => {
    const db = join(tmp.dir, 'cli.sqlite');
    const file = join(tmp.dir, 'return.xlsx');
    // Only writing commands create an explicit --db (issue 9): make the database first.
    Store.open(db).close();
    const exported = await cli('export', '--year', '2025', '--department', '区住建局', '--db', db, '--out', file, '--today', '2026-03-15');
    expect(exported.code).toBe(0);

    // The clerk fills two actuals and a note in the exported workbook.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('填报表')!;
    const idCol = (() => {
      for (let c = 1; c <= ws.columnCount; c += 1) if (ws.getRow(5).getCell(c).text === '指标ID' || ws.getRow(4).getCell(c).text === '指标ID') return c;
      throw new Error('no id column');
    })();
    const rowOf = (id: string) => {
      for (let r = 6; r <= ws.rowCount; r += 1) if (ws.getRow(r).getCell(idCol).text === id) return r;
      throw new Error(`no row ${id}`);
    };
    // 2025 is the third year: columns F.. are 2023 (F,G,H), 2024 (I,J,K), 2025 (L,M,N); note after.
    ws.getCell(`M${rowOf('zyyj-02')}`).value = 1012;
    ws.getCell(`M${rowOf('zyyj-03')}`).value = 225;
    ws.getRow(rowOf('zyyj-03')).getCell(idCol - 1).value = '含历年结转';
    await wb.xlsx.writeFile(file);

    const inspected = await cli('inspect', file, '--json', '--today', '2026-03-15');
    expect(inspected.code).toBe(0);
    const json = JSON.parse(inspected.out) as InspectJson;
    expect(json).toMatchObject({ file, format: 'xlsx', kind: 'return', department: '区住建局', years: [2023, 2024, 2025, 2026, 2027] });
    expect(json.rows).toHaveLength(12);
    const r2 = json.rows.find((r) => r.indicatorId === 'zyyj-02')!;
    expect(r2.code).toBe('2');
    expect(r2.values['2025']).toEqual({ target: 1050, actual: 1012, note: null, status: 'missed' });
    expect(r2.values['2026']).toEqual({ target: 1060, actual: null, note: null, status: 'pending' });
    expect(json.rows.find((r) => r.indicatorId === 'zyyj-06')!.values['2027']).toMatchObject({ target: '/', status: 'no-target' });
    expect(json.rows.find((r) => r.indicatorId === 'zyyj-03')!.values['2025']).toEqual({ target: 220, actual: 225, note: '含历年结转', status: 'met' });

    const dry = await cli('import', file, '--db', db, '--dry-run', '--today', '2026-03-15');
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/3 处修改/);
    expect(dry.err).toMatch(/\[1\/1\]/);
    const before = JSON.parse((await cli('status', '--year', '2025', '--db', db, '--json', '--today', '2026-03-15')).out) as { rows: { indicatorId: string; actual: number | null }[] };
    expect(before.rows.find((r) => r.indicatorId === 'zyyj-02')!.actual).toBeNull();

    const applied = await cli('import', file, '--db', db, '--today', '2026-03-15');
    expect(applied.code).toBe(0);
    expect(applied.out).toMatch(/共 3 处修改/);
    const after = JSON.parse((await cli('status', '--year', '2025', '--db', db, '--json', '--today', '2026-03-15')).out) as { rows: { indicatorId: string; actual: number | null; status: string; note: string | null }[] };
    expect(after.rows.find((r) => r.indicatorId === 'zyyj-02')).toMatchObject({ actual: 1012, status: 'missed' });
    expect(after.rows.find((r) => r.indicatorId === 'zyyj-03')).toMatchObject({ actual: 225, status: 'met', note: '含历年结转' });
    expect(after.rows.find((r) => r.indicatorId === 'zyyj-01')).toMatchObject({ actual: null, status: 'not-reported' });

    const again = await cli('import', file, '--db', db, '--dry-run');
    expect(again.out).toMatch(/0 处修改，3 处相同/);

    const text = await cli('status', '--year', '2025', '--db', db, '--today', '2026-03-15');
    expect(text.out).toMatch(/保障性租赁住房累计建设筹集套（间）数（套）\s+目标 1050\s+实际 1012\s+未达标/);
  });
});

describe('import takes the same path as the window', () => {
  it('an applied import first backs the database up into backups/ (a dry run does not)', async () => {
    const folder = join(tmp.dir, 'with-backups');
    mkdirSync(folder);
    const db = join(folder, 'desk.sqlite');
    const file = join(folder, 'return.xlsx');
    // Only writing commands create an explicit --db (issue 9): make the database first.
    Store.open(db).close();
    expect((await cli('export', '--year', '2025', '--db', db, '--out', file, '--today', '2026-03-15')).code).toBe(0);
    expect((await cli('import', file, '--db', db, '--dry-run', '--today', '2026-03-15')).code).toBe(0);
    expect(listBackups(join(folder, 'backups'))).toEqual([]);
    expect((await cli('import', file, '--db', db, '--today', '2026-03-15')).code).toBe(0);
    const made = listBackups(join(folder, 'backups'));
    expect(made.map((b) => b.reason)).toEqual(['before-import']);
    expect(made[0]!.fileName).toMatch(/^desk-\d{8}-\d{6}-before-import\.sqlite$/);
    expect(checkDatabaseFile(made[0]!.path)).toEqual({ ok: true });
  });
});

describe('unreadable files', () => {
  it('inspect of a text file named .xlsx: exit 2, one line, no stack', async () => {
    const p = join(tmp.dir, 'fake.xlsx');
    writeFileSync(p, 'just some text, not a workbook\n');
    const r = await cli('inspect', p, '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('a missing file and an unknown command are clear', async () => {
    expect((await cli('inspect', join(tmp.dir, 'nope.xlsx'))).err).toMatch(/找不到文件/);
    const u = await cli('frobnicate');
    expect(u.code).toBe(2);
    expect(u.err).toMatch(/未知命令/);
  });

  it('as a real process: a truncated workbook exits 2 with one line on stderr', async () => {
    const good = join(tmp.dir, 'good.xlsx');
    Store.open(join(tmp.dir, 'p.sqlite')).close();
    expect((await cli('export', '--year', '2024', '--db', join(tmp.dir, 'p.sqlite'), '--out', good)).code).toBe(0);
    const bad = join(tmp.dir, 'truncated.xlsx');
    writeFileSync(bad, readFileSync(good).subarray(0, 3000));
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', join(__dirname, '../../../electron/cli/main.ts'), 'inspect', bad, '--json'], (error, stdout, stderr) =>
        resolve({ code: error ? (error as NodeJS.ErrnoException & { code?: number }).code ?? 1 : 0, stdout, stderr }),
      );
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('as the built bundle (node scripts/cli.cjs, what npm run cli runs): the same one-line error', async () => {
    const bad = join(tmp.dir, 'not-a-workbook.xlsx');
    writeFileSync(bad, 'hello — not a workbook');
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [launcher, 'inspect', bad, '--json'], { env: withoutNpm() }, (error, stdout, stderr) =>
        resolve({ code: error ? (error as NodeJS.ErrnoException & { code?: number }).code ?? 1 : 0, stdout, stderr }),
      );
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/不是 Excel 工作簿/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  }, 120_000);

  it('a reader that closes the pipe early (| head) ends the command quietly: no EPIPE trace, exit 0', async () => {
    const db = join(tmp.dir, 'pipe.sqlite');
    const file = join(tmp.dir, 'pipe.xlsx');
    Store.open(db).close(); // only writing commands create an explicit --db
    expect((await cli('export', '--year', '2025', '--db', db, '--out', file)).code).toBe(0);
    for (const argv of [
      ['status', '--year', '2025', '--db', db],
      ['inspect', file],
    ]) {
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [launcher, ...argv], { stdio: ['ignore', 'pipe', 'pipe'], env: withoutNpm() });
        // Close our end of stdout before the command writes a line: its first write meets EPIPE.
        child.stdout.destroy();
        let stderr = '';
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
  }, 120_000);
});

const launcher = join(__dirname, '../../../scripts/cli.cjs');

/** The environment without npm's variables: scripts and tests start the command line as plain `node …`. */
function withoutNpm(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_')));
}
