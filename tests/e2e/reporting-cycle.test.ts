// The reporting cycle in the real UI (Chromium, browser mode, real database, fixed clock 2026-03-15):
// a clerk of the provident-fund centre submits 2025 — refused for a miss without a note, accepted
// after the note —, the office sends it back with a reason, it is corrected and resubmitted, then
// locked: typing into the locked cell is refused with its reason, an import preview marks the
// locked value and applying writes nothing; unlocked with a reason. Checked in the page AND the database.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeHandMadeReturn } from '../helpers/returns';
import { WITHDRAWN_REASON } from '../../electron/store/repositories/reporting-repo';
import type { App } from './harness';
import { PLAN_ID, cellClass, clickCell, gridReady, reveal, screenshotOnFailure, startApp, typeInto } from './harness';

const POLL = { timeout: 20_000, interval: 100 };
const FUND = '市住房公积金洞头分中心';

describe('the reporting cycle in the window', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp({ before: (s) => s.handlers.saveSettings({ department: FUND, clerkName: '李明', clerkPhone: '', lang: 'zh' }) });
    await gridReady(app.page);
  });
  afterEach(async (ctx) => {
    await screenshotOnFailure(app?.page, ctx.task.name, ctx.task.result?.state === 'fail');
  });
  afterAll(async () => {
    await app?.close();
  });

  const bar = () => app.page.getByTestId('reporting-state-bar');
  const barText = () => bar().innerText();
  const dbState = async () => (await app.services.handlers.getReportingState({ planId: PLAN_ID, year: 2025, department: FUND })).state;
  const audit = () => {
    const raw = new Database(app.services.dbPath, { readonly: true });
    try {
      return raw.prepare("SELECT old_value, new_value, reason, who FROM audit_log WHERE entity = 'reporting' ORDER BY id").all() as { old_value: string; new_value: string; reason: string | null; who: string }[];
    } finally {
      raw.close();
    }
  };
  const withReason = async (button: string, reason: string) => {
    await app.page.getByTestId(`cycle-${button}`).click();
    const dialog = app.page.getByTestId('cycle-reason-dialog');
    await dialog.getByTestId('cycle-reason').fill(reason);
    await dialog.getByTestId('cycle-reason-confirm').click();
    await expect.poll(() => dialog.count(), POLL).toBe(0);
  };

  it('shows 未填报, the default deadline and 逾期 43 天; typing makes it 填报中', async () => {
    await expect.poll(barText, POLL).toContain(`${FUND} 2025 年度：未填报`);
    expect(await barText()).toContain('截止 2026年1月31日（默认）');
    expect(await app.page.getByTestId('cycle-overdue').innerText()).toBe('逾期 43 天');
    await typeInto(app.page, 'zyyj-13', 'actual-2025', '15000');
    await expect.poll(async () => (await app.dbCell('zyyj-13', 2025, FUND)).actual, POLL).toBe(15000);
    await expect.poll(barText, POLL).toContain('填报中');
  });

  it('submitting a miss without a note is refused with the cell; after the note it is accepted', async () => {
    const { page } = app;
    await page.getByTestId('cycle-submit').click();
    await expect.poll(() => page.locator('.banner').innerText(), POLL).toContain('13.住房公积金年末实缴职工人数（未达标，缺说明）');
    expect(await dbState()).toBe('in-progress');
    expect(audit()).toEqual([]);

    // F2 opens the editor (typing Chinese does not start an edit the way a Latin key does).
    await clickCell(page, 'zyyj-13', 'note');
    await page.keyboard.press('F2');
    await page.keyboard.type('企业缴存户减少，已跟进');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await app.dbCell('zyyj-13', 2025, FUND)).note, POLL).toBe('企业缴存户减少，已跟进');
    await page.getByTestId('cycle-submit').click();
    await expect.poll(barText, POLL).toContain('已提交');
    expect(await dbState()).toBe('submitted');
    expect(await page.getByTestId('cycle-overdue').count()).toBe(0);
  });

  it('is sent back with a reason (none refused), corrected and resubmitted', async () => {
    const { page } = app;
    await page.getByTestId('cycle-send-back').click();
    const dialog = page.getByTestId('cycle-reason-dialog');
    await dialog.getByTestId('cycle-reason-confirm').click();
    await expect.poll(() => dialog.innerText(), POLL).toContain('必须填写原因');
    await dialog.getByRole('button', { name: '取消' }).click();
    expect(await dbState()).toBe('submitted');

    await withReason('send-back', '人数与社保口径不一致，请核实');
    await expect.poll(barText, POLL).toContain('已退回');
    expect(await barText()).toContain('原因：人数与社保口径不一致，请核实');
    expect(await dbState()).toBe('returned');

    await typeInto(page, 'zyyj-13', 'actual-2025', '15500');
    await expect.poll(async () => (await app.dbCell('zyyj-13', 2025, FUND)).actual, POLL).toBe(15500);
    await page.getByTestId('cycle-submit').click();
    await expect.poll(barText, POLL).toContain('已提交');
    expect(audit().map((a) => [a.old_value, a.new_value, a.reason, a.who])).toEqual([
      ['open', 'submitted', null, '李明'],
      ['submitted', 'returned', '人数与社保口径不一致，请核实', '李明'],
      ['returned', 'submitted', null, '李明'],
    ]);
  });

  it('locked: the cell is read-only with the reason, typing is refused with it, an import writes nothing', async () => {
    const { page } = app;
    await withReason('lock', '年度数据已审定');
    await expect.poll(barText, POLL).toContain('已锁定');
    await expect.poll(() => cellClass(page, 'zyyj-13', 'actual-2025'), POLL).toContain('cell-locked');
    const tip = await (await reveal(page, 'zyyj-13', 'actual-2025')).getAttribute('title');
    expect(tip).toContain('年度数据已审定');

    await clickCell(page, 'zyyj-13', 'actual-2025');
    await page.keyboard.type('17000');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('save-state').innerText(), POLL).toContain('锁定（原因：年度数据已审定），不能修改');
    expect((await app.dbCell('zyyj-13', 2025, FUND)).actual).toBe(15500);

    // A screenshot of the bar, kept outside the repository for a person to look at.
    const shots = join(tmpdir(), 'indicator-desk-e2e-shots');
    mkdirSync(shots, { recursive: true });
    await bar().screenshot({ path: join(shots, 'reporting-state-bar-locked.png') });

    const file = writeHandMadeReturn({ path: join(app.dir, '公积金中心.xlsx'), year: 2025, departments: [FUND], actuals: { '13': 17500 } });
    await page.getByTestId('import-input').setInputFiles(file);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor({ timeout: 60_000 });
    await expect.poll(() => preview.getByTestId('import-issues').innerText(), POLL).toContain('1 个单元格已锁定，不会导入');
    expect(await preview.getByTestId('import-preview-detail').innerText()).toContain('修改（0）');
    // 应用 would change nothing, so it is not offered, and says why (the service still refuses such an import).
    const apply = preview.getByTestId('import-apply');
    expect(await apply.getAttribute('aria-disabled')).toBe('true');
    expect(await preview.getByTestId('apply-hint').innerText()).toContain('要导入的单元格都已锁定');
    await apply.click({ force: true });
    expect(await preview.locator('.error-text').count()).toBe(0);
    await preview.getByRole('button', { name: '取消' }).click();
    expect((await app.dbCell('zyyj-13', 2025, FUND)).actual).toBe(15500);
    expect(await app.services.handlers.listImports({})).toHaveLength(0);
  });

  it('is unlocked with a reason, back to 已提交; typing works again and withdraws the submission', async () => {
    const { page } = app;
    await withReason('unlock', '更正公积金人数');
    await expect.poll(barText, POLL).toContain('已提交');
    expect(await dbState()).toBe('submitted');
    await expect.poll(() => cellClass(page, 'zyyj-13', 'actual-2025'), POLL).not.toContain('cell-locked');
    await typeInto(page, 'zyyj-13', 'actual-2025', '15600');
    await expect.poll(async () => (await app.dbCell('zyyj-13', 2025, FUND)).actual, POLL).toBe(15600);
    // A changed figure needs submitting again: the bar and the database say 填报中 / open.
    await expect.poll(barText, POLL).toContain('填报中');
    expect(await dbState()).toBe('in-progress');
    expect(audit().slice(-3).map((a) => [a.old_value, a.new_value, a.reason])).toEqual([
      ['submitted', 'locked', '年度数据已审定'],
      ['locked', 'submitted', '更正公积金人数'],
      ['submitted', 'open', WITHDRAWN_REASON],
    ]);
    expect(app.consoleErrors).toEqual([]);
  });
});
