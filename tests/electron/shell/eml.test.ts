// The email draft: built from a REAL exported workbook and REAL status counts (services on a temp
// SQLite file), then read back by Python's standard email package, an independent MIME parser.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEmlDraft, encodedWords } from '../../../electron/mail/eml';
import { countYearStatuses } from '../../../electron/mail/summary';
import { writeWorkbookWithDraft } from '../../../electron/mail/write-draft';
import { createServices } from '../../../electron/services/create-services';
import type { Services } from '../../../electron/services/create-services';
import type { Grid } from '../../../shared/api/contract';
import { makeTempDir } from '../../helpers/tmp';

interface Parsed {
  xUnsent: string;
  mimeVersion: string;
  subject: string;
  to: string;
  contentType: string;
  defects: string[];
  parts: { contentType: string; charset: string | null; filename: string | null; disposition: string | null; text: string | null; base64: string }[];
}

const parse = (file: string): Parsed =>
  JSON.parse(execFileSync('python3', [join(import.meta.dirname, 'fixtures', 'parse-eml.py'), file], { encoding: 'utf8' })) as Parsed;

describe('email draft of an exported return', () => {
  const tmp = makeTempDir();
  let services: Services;
  let grid: Grid;
  let workbook: Buffer;
  let fileName: string;
  const view = { planId: '', year: 2024, department: '区住建局' };

  beforeAll(async () => {
    services = createServices({ dbPath: join(tmp.dir, 'desk.sqlite'), mode: 'desktop', now: () => new Date('2026-03-01T08:00:00Z') });
    view.planId = (await services.handlers.getBootstrap({})).plans[0]?.id ?? '';
    const plan = await services.handlers.getPlan({ planId: view.planId });
    const mine = plan.indicators.filter((i) => i.leadUnit === view.department && typeof i.targets['2024'] === 'number');
    const [metOne, missedOne] = mine;
    if (!metOne || !missedOne) throw new Error('seed plan changed: need two 区住建局 indicators with 2024 targets');
    // One on target, one well short of it (all seed indicators are higher-is-better).
    await services.handlers.saveCells({
      planId: view.planId,
      source: 'typed',
      edits: [
        { indicatorId: metOne.id, year: 2024, field: 'actual', text: String(metOne.targets['2024']) },
        { indicatorId: missedOne.id, year: 2024, field: 'actual', text: '0' },
      ],
    });
    grid = await services.handlers.getGrid(view);
    const exported = await services.handlers.exportWorkbook(view);
    workbook = Buffer.from(exported.base64, 'base64');
    fileName = exported.fileName;
  });
  afterAll(() => {
    services.close();
    tmp.cleanup();
  });

  it('counts the statuses the grid shows for the year', () => {
    const counts = countYearStatuses(grid, 2024);
    expect(counts.total).toBe(grid.rows.length);
    expect(counts.met).toBe(1);
    expect(counts.missed).toBe(1);
    expect(counts['not-reported']).toBe(grid.rows.length - 2 - counts['no-target']);
    expect(counts.met + counts.missed + counts.near + counts['not-reported'] + counts['no-target'] + counts.pending).toBe(counts.total);
  });

  it('writes workbook and draft side by side; a mail parser sees headers, Chinese subject, counts and the same bytes', () => {
    const counts = countYearStatuses(grid, 2024);
    const draft = { planName: '住有宜居', department: view.department, year: 2024, clerkName: '张三', clerkPhone: '0577-1234567', counts, date: new Date('2026-03-01T08:00:00Z') };
    const { workbookPath, emlPath } = writeWorkbookWithDraft({ folder: join(tmp.dir, 'out'), fileName, workbook, draft });
    expect(readFileSync(workbookPath).equals(workbook)).toBe(true);

    const raw = readFileSync(emlPath, 'latin1');
    expect(raw).toMatch(/^[\t\r\n\x20-\x7e]*$/); // 7-bit clean: everything non-ASCII is encoded
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // CRLF only
    const lines = raw.split('\r\n');
    expect(lines.filter((l) => l.length > 78)).toEqual([]);
    expect(raw).toMatch(/\r\nSubject: =\?UTF-8\?B\?/);

    const mail = parse(emlPath);
    expect(mail.defects).toEqual([]);
    expect(mail.xUnsent).toBe('1');
    expect(mail.mimeVersion).toBe('1.0');
    expect(mail.to).toBe('');
    expect(mail.subject).toBe('区住建局住有宜居2024年度指标填报');
    expect(mail.contentType).toBe('multipart/mixed');

    const [body, attachment] = mail.parts;
    expect(body?.contentType).toBe('text/plain');
    expect(body?.charset).toBe('utf-8');
    expect(body?.text).toContain(`达标 ${counts.met} 项`);
    expect(body?.text).toContain(`未达标 ${counts.missed} 项`);
    expect(body?.text).toContain(`未填报 ${counts['not-reported']} 项`);
    expect(body?.text).toContain('填报人：张三');
    expect(body?.text).toContain(fileName);

    expect(attachment?.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(attachment?.disposition).toBe('attachment');
    expect(attachment?.filename).toBe(fileName);
    expect(Buffer.from(attachment?.base64 ?? '', 'base64').equals(workbook)).toBe(true);
  });

  it('never overwrites: a second export gets its own names', () => {
    const counts = countYearStatuses(grid, 2024);
    const folder = join(tmp.dir, 'twice');
    const draft = { planName: '住有宜居', department: view.department, year: 2024, clerkName: '', counts };
    const first = writeWorkbookWithDraft({ folder, fileName, workbook, draft });
    const second = writeWorkbookWithDraft({ folder, fileName, workbook, draft });
    expect(second.workbookPath).not.toBe(first.workbookPath);
    expect(second.emlPath).not.toBe(first.emlPath);
    expect(readdirSync(folder)).toHaveLength(4);
    expect(parse(second.emlPath).parts[1]?.filename).toBe(fileName.replace(/\.xlsx$/, ' (2).xlsx'));
  });

  it('English drafts, and encoded-words that never split a character', () => {
    const eml = buildEmlDraft({
      planName: 'Livable Housing',
      department: null,
      year: 2025,
      clerkName: 'Li',
      counts: { met: 3, missed: 2, near: 0, 'not-reported': 8, 'no-target': 0, total: 13 },
      attachmentName: 'a.xlsx',
      attachment: new Uint8Array([1, 2, 3]),
      lang: 'en',
      boundary: 'b1',
    });
    const body = Buffer.from(eml.split('\r\n\r\n')[2]?.split('\r\n--b1')[0]?.replace(/\r\n/g, '') ?? '', 'base64').toString('utf8');
    expect(body).toContain('met 3, missed 2');
    expect(body).toContain('not reported 8');
    for (const word of encodedWords('温州市洞头区“住有宜居”工程五年目标'.repeat(3))) {
      expect(word.length).toBeLessThanOrEqual(75);
      const decoded = Buffer.from(word.slice(10, -2), 'base64');
      expect(decoded.toString('utf8')).not.toContain('\ufffd');
    }
  });
});
