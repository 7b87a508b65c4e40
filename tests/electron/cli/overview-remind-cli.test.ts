// The reporting cycle's CLI commands as real child processes on a real database with a fixed clock:
// `status --year Y --by-department --json` checked against the database (filled/due, misses without
// a note, overdue days, last import), and `remind` — one .eml per department that has not
// submitted, read back by Python's email parser with its template attached and the missing items and
// deadline in the body; a department without an address listed on stderr, exit code 1; a locked
// department-year (the reporting cycle's state) neither overdue nor reminded.
import { execFile, execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/create-services';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { makeTempDir } from '../../helpers/tmp';
import { writeHandMadeReturn } from '../../helpers/returns';
import { python } from '../../helpers/python';

const MAIN = join(__dirname, '../../../electron/cli/main.ts');
const SLOW = 300_000;
let tmp: ReturnType<typeof makeTempDir>;
let db: string;

function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', MAIN, ...argv], { timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const HOUSING = SEED_PLAN.indicators.filter((i) => i.leadUnit === '区住建局').map((i) => i.id);

beforeAll(async () => {
  tmp = makeTempDir();
  db = join(tmp.dir, 'cycle.sqlite');
  // 区住建局 reports four indicators: 2 (1000 < 1050) and 4 (5 < 6) miss; 4 then gets a note.
  const file = writeHandMadeReturn({ path: join(tmp.dir, '住建局.xlsx'), year: 2025, departments: ['区住建局'], actuals: { '1': 11.5, '2': 1000, '3': 230, '4': 5 } });
  const imported = await run('import', file, '--db', db, '--today', '2026-02-20');
  expect(imported.code).toBe(0);
  const services = createServices({ dbPath: db, mode: 'desktop', now: () => new Date('2026-02-21T10:00:00') });
  try {
    await services.handlers.saveCells({ planId: SEED_PLAN.id, source: 'typed', edits: [{ indicatorId: 'zyyj-04', year: 2025, field: 'note', text: '两个小区延至明年开工' }] });
    await services.handlers.saveDepartmentContacts({ 区住建局: 'zjj@dongtou.gov.cn' });
  } finally {
    services.close();
  }
}, SLOW);
afterAll(() => tmp.cleanup());

describe('status --by-department', () => {
  it('counts and overdue days agree with the database, with a fixed clock', async () => {
    const r = await run('status', '--year', '2025', '--by-department', '--json', '--db', db, '--today', '2026-03-05');
    expect(r.code).toBe(0);
    const overview = JSON.parse(r.stdout) as { today: string; rows: { department: string; state: string; deadline: string; daysOverdue: number; due: number; filled: number; missesWithoutNote: number; lastImport: { fileName: string } | null }[] };
    expect(overview.today).toBe('2026-03-05');
    const raw = new Database(db, { readonly: true });
    const filled = (raw.prepare(`SELECT count(*) AS n FROM actuals WHERE year = 2025 AND value IS NOT NULL AND indicator_id IN (${HOUSING.map(() => '?').join(',')})`).get(...HOUSING) as { n: number }).n;
    const noteless = raw.prepare("SELECT indicator_id AS id, value FROM actuals WHERE year = 2025 AND value IS NOT NULL AND (note IS NULL OR trim(note) = '')").all() as { id: string; value: number }[];
    raw.close();
    const housing = overview.rows.find((x) => x.department === '区住建局');
    // Every 区住建局 indicator has a numeric 2025 target (all higher-is-better, no tolerance): a miss is a value under it.
    const misses = noteless.filter(({ id, value }) => {
      const ind = SEED_PLAN.indicators.find((i) => i.id === id);
      const target = ind?.targets[2025];
      return ind?.leadUnit === '区住建局' && ind.tolerance === null && ind.direction === 'higher' && typeof target === 'number' && value < target;
    });
    expect(housing).toEqual({
      department: '区住建局', state: 'in-progress', deadline: '2026-01-31', daysOverdue: 33, overdue: true, lateDays: 0,
      due: HOUSING.length, filled, missesWithoutNote: misses.length,
      lastImport: { fileName: '住建局.xlsx', at: expect.stringMatching(/^2026-02-20/) as unknown as string, importId: 1 },
    });
    expect(housing?.filled).toBe(4);
    expect(housing?.missesWithoutNote).toBe(1);
    const fund = overview.rows.find((x) => x.department === '市住房公积金洞头分中心');
    expect(fund).toMatchObject({ state: 'not-started', due: 1, filled: 0, daysOverdue: 33, lastImport: null });

    const onTime = JSON.parse((await run('status', '--year', '2025', '--by-department', '--json', '--db', db, '--today', '2026-01-31')).stdout) as typeof overview;
    expect(onTime.rows.map((x) => x.daysOverdue)).toEqual([0, 0]);
    const text = await run('status', '--year', '2025', '--by-department', '--db', db, '--today', '2026-02-01');
    expect(text.stdout).toMatch(/区住建局\s+填报中\s+截止 2026-01-31（逾期 1 天）\s+已填 4\/12\s+未达标缺说明 1\s+最近导入 住建局\.xlsx/);
  }, SLOW);
});

describe('remind', () => {
  it('drafts one reminder per department with an address, its template attached; lists the one without (exit 1)', async () => {
    const out = join(tmp.dir, 'reminders');
    const r = await run('remind', '--year', '2025', '--out', out, '--db', db, '--today', '2026-03-05');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/市住房公积金洞头分中心 没有联系邮箱.*\/ 市住房公积金洞头分中心 has no email address/);
    expect(readdirSync(out)).toEqual(['催报_区住建局_2025.eml']);
    const script = `
import email, json, sys, io, openpyxl
from email import policy
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
att = list(m.iter_attachments())
wb = openpyxl.load_workbook(io.BytesIO(att[0].get_content()))
ws = wb.worksheets[0]
cells = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
print(json.dumps({"to": str(m["To"]), "subject": str(m["Subject"]), "body": m.get_body(preferencelist=("plain",)).get_content(),
  "attachments": [a.get_filename() for a in att], "cells": cells}, ensure_ascii=False))`;
    writeFileSync(join(tmp.dir, 'read.py'), script);
    const mail = JSON.parse(execFileSync(python(), [join(tmp.dir, 'read.py'), join(out, '催报_区住建局_2025.eml')], { encoding: 'utf8' })) as { to: string; subject: string; body: string; attachments: string[]; cells: string[] };
    expect(mail.to).toBe('zjj@dongtou.gov.cn');
    expect(mail.subject).toBe('请报送区住建局《住有宜居》2025年度指标完成情况（截止 2026-01-31）');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toBe('住有宜居_2025年度_区住建局_指标填报.xlsx');
    // The template is pre-filled with what is known: the imported 1000 is in it.
    expect(mail.cells).toContain('1000');
    expect(mail.body).toMatch(/截止日期为 2026-01-31（已逾期 33 天）/);
    // Missing: the eight due cells left empty and the miss without a note; not the noted miss (4).
    expect(mail.body).toMatch(/尚缺以下内容（共 9 项）/);
    expect(mail.body).toMatch(/2 保障性租赁住房累计建设筹集套（间）数（套）：2025年实际值 1000 未达到目标 1050/);
    expect(mail.body).toMatch(/5 住宅小区专业物业服务覆盖率（%）：2025年实际值未填写/);
    expect(mail.body).not.toMatch(/老旧小区/);
  }, SLOW);

  it('a locked department-year is neither overdue nor reminded (the state comes from the reporting cycle)', async () => {
    const lock = await run('lock', '--year', '2025', '--department', '市住房公积金洞头分中心', '--reason', '已线下报送', '--db', db, '--today', '2026-03-05');
    expect(lock.code).toBe(0);
    const overview = JSON.parse((await run('status', '--year', '2025', '--by-department', '--json', '--db', db, '--today', '2026-03-05')).stdout) as { rows: { department: string; state: string; daysOverdue: number; overdue: boolean }[] };
    expect(overview.rows.find((x) => x.department === '市住房公积金洞头分中心')).toMatchObject({ state: 'locked', daysOverdue: 0, overdue: false });
    const out = join(tmp.dir, 'reminders-2');
    const r = await run('remind', '--year', '2025', '--out', out, '--db', db, '--today', '2026-03-05');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual(['催报_区住建局_2025.eml']);
  }, SLOW);
});
