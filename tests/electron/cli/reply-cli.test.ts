// `reply FILE --out DIR` as a real child process on a real database: a return written by openpyxl and
// re-saved by LibreOffice, with a value that cannot be read, an unmatched row, a conflict with
// another department's value, an implausible value and a miss without a note, comes back as the sender's own workbook
// marked cell by cell (comment + fill), with a 问题清单 sheet, its other sheet and merges kept; the
// .eml draft carries it. LibreOffice then prints it to PDF with the comments and the fills visible.
// A legacy .xls return comes back as .xlsx and the mail says so. Bad input: a file never imported,
// an unreadable file — a clear message in both languages, nothing written.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/tmp';
import { writeHandMadeReturn } from '../../helpers/returns';
import { convertWithLibreOffice } from '../../helpers/libreoffice';
import { python } from '../../helpers/python';

const MAIN = join(__dirname, '../../../electron/cli/main.ts');
const SLOW = 400_000;
let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  tmp = makeTempDir();
});
afterAll(() => tmp.cleanup());

function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', MAIN, ...argv, '--today', '2026-03-05'], { timeout: 180_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The problem return, written by openpyxl then re-saved by LibreOffice (as `format`). */
async function problemReturn(dir: string, format: 'xlsx' | 'xls:MS Excel 97'): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const raw = join(dir, 'raw', '住建局报表.xlsx');
  mkdirSync(join(dir, 'raw'), { recursive: true });
  const rows = [
    [1, '城镇住房保障受益覆盖率（%）', 11, 11.1, null], // row 4: met
    [2, '保障性租赁住房累计建设筹集套（间）数（套）', 1050, '约1050', null], // row 5: D5 cannot be read
    [3, '公租房在保家庭户数（户）', 220, 200, null], // row 6: miss without a note → E6
    [4, '老旧小区累计改造个数（个）', 6, 5, '两个小区延至明年开工'], // row 7: miss WITH a note: fine
    [7, '住宅加装电梯累计数量（台）', 6, 9, null], // row 8: D8 conflicts with 区民政局's 8
    [11, '城乡危房整治率（%）', 100, 150, null], // row 9: D9 implausible (a rate over 100%)
    [14, '住房租赁市场监测覆盖率（%）', 50, 60, null], // row 10: B10 matches no indicator
  ];
  writeFileSync(`${raw}.json`, JSON.stringify(rows));
  execFileSync(python(), [join(__dirname, '../../helpers/make-problem-return.py'), raw, `${raw}.json`]);
  return convertWithLibreOffice(raw, format, dir);
}

/** Comments, fills, sheets and merges of a workbook as openpyxl reads them. */
function readBack(path: string): { sheets: string[]; comments: Record<string, string>; fills: Record<string, string>; merges: Record<string, string[]>; problems: unknown[][] } {
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "comments": {}, "fills": {}, "merges": {}, "problems": []}
for ws in wb:
    out["merges"][ws.title] = sorted(str(r) for r in ws.merged_cells.ranges)
    for row in ws.iter_rows():
        for c in row:
            if c.comment:
                out["comments"][ws.title + "!" + c.coordinate] = c.comment.text
                out["fills"][ws.title + "!" + c.coordinate] = c.fill.fgColor.rgb
out["problems"] = [list(r) for r in wb["问题清单"].iter_rows(min_row=2, values_only=True)]
print(json.dumps(out, ensure_ascii=False))`;
  return JSON.parse(execFileSync(python(), ['-c', script, path], { encoding: 'utf8' })) as never;
}

/** Subject, To, body and attachment names of an .eml, as Python's email parser reads it. */
function readEml(path: string): { subject: string; to: string; body: string; attachments: string[] } {
  const script = `
import email, json, sys
from email import policy
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
body = m.get_body(preferencelist=("plain",)).get_content()
print(json.dumps({"subject": str(m["Subject"]), "to": str(m["To"]), "body": body, "attachments": [a.get_filename() for a in m.iter_attachments()]}, ensure_ascii=False))`;
  return JSON.parse(execFileSync(python(), ['-c', script, path], { encoding: 'utf8' })) as never;
}

/** Pixels of a PPM page (pdftoppm's default output) close to an ARGB colour. */
function pixelsNear(ppm: Buffer, argb: string): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a P6 PPM');
  const start = header[0].length;
  const [r, g, b] = [1, 2, 3].map((i) => parseInt(argb.slice(i * 2, i * 2 + 2), 16)) as [number, number, number];
  let n = 0;
  for (let p = start; p + 2 < ppm.length; p += 3) if (Math.abs((ppm[p] as number) - r) < 8 && Math.abs((ppm[p + 1] as number) - g) < 8 && Math.abs((ppm[p + 2] as number) - b) < 8) n += 1;
  return n;
}

describe('cli reply', () => {
  it('marks every problem in the sender\'s own workbook, keeps its other sheet and merges, drafts the mail; LibreOffice prints comments and fills', async () => {
    const db = join(tmp.dir, 'reply.sqlite');
    // 区民政局 reported 8 lifts first (an other-unit value, taken on purpose): the return's 9 conflicts with it.
    const civil = writeHandMadeReturn({ path: join(tmp.dir, '民政局.xlsx'), year: 2025, departments: ['区民政局'], actuals: { '7': 8 } });
    expect((await run('import', civil, '--db', db, '--include-other-units')).code).toBe(0);
    const file = await problemReturn(join(tmp.dir, 'lo'), 'xlsx');
    // Partly done (exit 1): the unreadable D5 was left out, and said on stdout.
    const imported = await run('import', file, '--db', db, '--prefer', 'current');
    expect(imported.code).toBe(1);
    expect(imported.stdout).toMatch(/填报表!D5/);

    const out = join(tmp.dir, 'out');
    const reply = await run('reply', file, '--db', db, '--out', out);
    expect(reply.stderr).toBe('');
    expect(reply.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['住建局报表_批注回复.eml', '住建局报表_批注回复.xlsx']);

    const book = readBack(join(out, '住建局报表_批注回复.xlsx'));
    expect(book.sheets).toEqual(['填报表', '填写说明', '问题清单']);
    expect(book.merges['填报表']).toEqual(['A1:E1']);
    expect(book.merges['填写说明']).toEqual(['B2:D2']);
    expect(Object.keys(book.comments).sort()).toEqual(['填报表!B10', '填报表!D5', '填报表!D8', '填报表!D9', '填报表!E6']);
    expect(book.comments['填报表!D5']).toMatch(/【无法读取】“约1050”是约数/);
    expect(book.comments['填报表!E6']).toMatch(/【未达标缺说明】指标 3 .*实际值 200 未达到目标 220/);
    expect(book.comments['填报表!D8']).toMatch(/【数值冲突】.*本表填报 9，与库中现有数值 8（来自区民政局，民政局\.xlsx）/);
    expect(book.comments['填报表!B10']).toMatch(/【未匹配指标】第 10 行“住房租赁市场监测覆盖率（%）”/);
    expect(book.comments['填报表!D9']).toMatch(/【数值存疑】城乡危房整治率（%），2025年实际值 150 超出合理范围/);
    expect(book.fills).toEqual({ '填报表!B10': 'FFFFCC99', '填报表!D5': 'FFFF9999', '填报表!D8': 'FFFF99CC', '填报表!D9': 'FFFFCC00', '填报表!E6': 'FFFFEB9C' });
    // Each problem once in 问题清单, with its cell: the same five, nothing for the met row or the noted miss.
    expect(book.problems.map((r) => `${String(r[1])}!${String(r[2])} ${String(r[3])}`).sort()).toEqual([
      '填报表!B10 未匹配指标', '填报表!D5 无法读取', '填报表!D8 数值冲突', '填报表!D9 数值存疑', '填报表!E6 未达标缺说明',
    ]);

    const mail = readEml(join(out, '住建局报表_批注回复.eml'));
    expect(mail.attachments).toEqual(['住建局报表_批注回复.xlsx']);
    expect(mail.subject).toBe('关于区住建局《住有宜居》2025年度填报表的修改意见');
    expect(mail.body).toMatch(/发现 5 处问题/);
    expect(mail.body).toMatch(/填报表!D5 【无法读取】/);

    // LibreOffice prints the comments (listed after the sheet) and the fills.
    const pdf = await convertWithLibreOffice(join(out, '住建局报表_批注回复.xlsx'), 'pdf', out);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/D5:\s+【无法读取】/);
    expect(text).toMatch(/E6:\s+【未达标缺说明】/);
    // The sheet prints one page wide, so its first page shows every marked cell's fill.
    execFileSync('pdftoppm', ['-r', '50', '-f', '1', '-l', '1', pdf, join(out, 'page')]);
    const page = readFileSync(join(out, readdirSync(out).find((f) => f.startsWith('page') && f.endsWith('.ppm')) as string));
    for (const argb of ['FFFF9999', 'FFFFEB9C', 'FFFF99CC', 'FFFFCC99', 'FFFFCC00']) expect(pixelsNear(page, argb)).toBeGreaterThan(30);
  }, SLOW);

  it('a legacy .xls return comes back as .xlsx, mirrored from the read cells, and the mail says so', async () => {
    const db = join(tmp.dir, 'xls.sqlite');
    const file = await problemReturn(join(tmp.dir, 'xls'), 'xls:MS Excel 97');
    expect((await run('import', file, '--db', db)).code).toBe(1); // partly done: the unreadable value was left out
    const out = join(tmp.dir, 'out-xls');
    const reply = await run('reply', file, '--db', db, '--out', out);
    expect(reply.code).toBe(0);
    const book = readBack(join(out, '住建局报表_批注回复.xlsx'));
    expect(book.sheets).toEqual(['填报表', '填写说明', '问题清单']);
    expect(book.merges['填报表']).toEqual(['A1:E1']);
    expect(Object.keys(book.comments).sort()).toEqual(['填报表!B10', '填报表!D5', '填报表!D9', '填报表!E6']);
    const mail = readEml(join(out, '住建局报表_批注回复.eml'));
    expect(mail.body).toMatch(/原文件为旧版 \.xls 格式.*重建为 \.xlsx/);
  }, SLOW);

  it('refuses a file never imported and an unreadable file in Chinese and English, writing nothing', async () => {
    const db = join(tmp.dir, 'reply.sqlite');
    const fresh = writeHandMadeReturn({ path: join(tmp.dir, '新报表.xlsx'), year: 2025, departments: ['区住建局'], actuals: { '3': 150 } });
    const out = join(tmp.dir, 'out-refused');
    const never = await run('reply', fresh, '--db', db, '--out', out);
    expect(never.code).toBe(2);
    expect(never.stderr).toMatch(/“新报表\.xlsx”从未导入.*\/ "新报表\.xlsx" was never imported/);
    const junk = join(tmp.dir, 'junk.xlsx');
    writeFileSync(junk, 'this is not a workbook');
    const unreadable = await run('reply', junk, '--db', db, '--out', out);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toMatch(/junk\.xlsx.*\/.*junk\.xlsx/);
    expect(unreadable.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    expect(existsSync(out)).toBe(false);
  }, SLOW);
});
