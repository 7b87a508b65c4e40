// Issue 14 part 5, the case tried as a new user would: a return giving 250 for
// 住宅小区专业物业服务覆盖率(%) — written with openpyxl, re-saved by LibreOffice — is warned at its
// cell in the import preview (a real SQLite database, through the same handlers the window uses)
// and in the CLI's `inspect` issues. It is still read (and still "met"): a warning, not a refusal.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { InspectJson } from '../../../electron/cli/inspect';
import { createServices } from '../../../electron/services/create-services';
import { caseRows } from '../../helpers/case-return';
import { convertWithLibreOffice } from '../../helpers/libreoffice';
import { writeWithPython } from '../../helpers/python';
import { makeTempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
let file: string;

beforeAll(async () => {
  tmp = makeTempDir();
  mkdirSync(join(tmp.dir, 'py'));
  mkdirSync(join(tmp.dir, 'lo'));
  // Row 3 is the header, so 序号 n is on row 3 + n; the 2025 actual is column F.
  // 5: the issue's 250%; 3 (户): half a household; 2 (累计, 套): 1000, below the 2024 actual stored below.
  const written = writeWithPython(
    join(tmp.dir, 'py', 'return.xlsx'),
    caseRows({ actual: (code, v) => (code === '5' ? 250 : code === '3' ? 222.5 : code === '2' ? 1000 : v) }),
  );
  file = await convertWithLibreOffice(written, 'xlsx', join(tmp.dir, 'lo'));
}, 180_000);
afterAll(() => tmp.cleanup());

describe('implausible values in a LibreOffice-written return', () => {
  it('the import preview warns each one at its cell; plausible values are not warned', async () => {
    const s = createServices({ dbPath: join(tmp.dir, 'desk.sqlite'), mode: 'desktop' });
    try {
      const planId = s.store.plans.listPlans()[0]!.id;
      // 2024's actual of the cumulative 保障性租赁住房 count is in the database, not in the file.
      await s.handlers.saveCells({ planId, source: 'typed', edits: [{ indicatorId: 'zyyj-02', year: 2024, field: 'actual', text: '1040' }] });
      const base64 = readFileSync(file).toString('base64');
      const batch = await s.handlers.previewImport({ planId, files: [{ name: 'return.xlsx', base64 }] });
      const preview = batch.previews[0]!;
      const warned = preview.issues.filter((i) => i.message.key === 'plausible.value-warning');
      expect(warned.map((i) => [i.severity, i.cell]).sort()).toEqual([['warning', 'F5'], ['warning', 'F6'], ['warning', 'F8']]);
      const rate = warned.find((i) => i.cell === 'F8')!;
      expect(rate.sheet).toBe('Sheet1');
      expect(rate.message.zh).toBe('住宅小区专业物业服务覆盖率（%），2025年实际值 250 超出合理范围：比率 250% 超过 100%（本指标的目标和合理范围都不超过 100%）');
      expect(rate.message.en).toContain('above 100%');
      expect(warned.find((i) => i.cell === 'F6')!.message.zh).toContain('整数');
      expect(warned.find((i) => i.cell === 'F5')!.message.zh).toContain('低于 2024 年的实际 1040');
      // The value itself is still offered for import (a warning, not a refusal).
      expect(preview.changes.find((c) => c.indicatorId === 'zyyj-05' && c.field === 'actual')?.newValue).toBe('250');
    } finally {
      s.close();
    }
  });

  it('inspect lists the 250% in its issues while the row still reads as met', async () => {
    let json = '';
    const code = await runCli(['inspect', file, '--json'], { stdout: (t: string) => { json += t; }, stderr: () => undefined });
    expect(code).toBe(0);
    const result = JSON.parse(json) as InspectJson;
    const row = result.rows.find((r) => r.indicatorId === 'zyyj-05')!;
    expect(row.values['2025']).toMatchObject({ actual: 250, status: 'met' });
    const issue = result.issues.find((i) => i.cell === 'F8');
    expect(issue).toEqual({
      severity: 'warning',
      sheet: 'Sheet1',
      cell: 'F8',
      message: '住宅小区专业物业服务覆盖率（%），2025年实际值 250 超出合理范围：比率 250% 超过 100%（本指标的目标和合理范围都不超过 100%）',
    });
    // inspect touches no database: the cumulative check has only the file's own years (none before 2025 here).
    expect(result.issues.some((i) => i.cell === 'F5')).toBe(false);
    expect(result.issues.some((i) => i.cell === 'F6')).toBe(true);
  });
});
