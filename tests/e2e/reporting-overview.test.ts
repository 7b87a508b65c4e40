// The reporting cycle through the real UI in Chromium against browser mode, with the harness's fixed
// clock (15 March 2026): the 报送情况 panel opened from the toolbar shows each department's counts
// and days overdue as the database has them; reminders are drafted (.eml downloads) for the
// department with an address and the one without is named; the history offers the annotated reply
// to an imported return with problems, downloaded as an .eml carrying the marked-up workbook.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';
import { writeHandMadeReturn } from '../helpers/returns';
import type { App } from './harness';
import { PLAN_ID, gridReady, screenshotOnFailure, startApp } from './harness';

const POLL = { timeout: 30_000, interval: 100 };

describe('报送情况, reminders and the annotated reply', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp({
      before: async (s) => {
        await s.handlers.saveSettings({ department: null, clerkName: '协调办', clerkPhone: '', lang: 'zh' });
        await s.handlers.saveDepartmentContacts({ 区住建局: 'zjj@dongtou.gov.cn' });
        // 区住建局's return: 2 misses its target (1000 < 1050) without a note.
        const dir = join(s.dbPath, '..');
        const path = writeHandMadeReturn({ path: join(dir, '住建局报表.xlsx'), year: 2025, departments: ['区住建局'], actuals: { '1': 11.5, '2': 1000, '3': 230 } });
        const { pending } = await s.imports.preview(PLAN_ID, [{ name: '住建局报表.xlsx', bytes: new Uint8Array(readFileSync(path)) }]);
        await s.imports.apply(PLAN_ID, pending);
      },
    });
    await gridReady(app.page);
  });
  afterEach(async (ctx) => {
    await screenshotOnFailure(app?.page, ctx.task.name, ctx.task.result?.state === 'fail');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the panel shows counts and days overdue as the database has them', async () => {
    const { page } = app;
    const housing = SEED_PLAN.indicators.filter((i) => i.leadUnit === '区住建局').map((i) => i.id);
    const raw = new Database(app.services.dbPath, { readonly: true });
    const filled = (raw.prepare(`SELECT count(*) AS n FROM actuals WHERE year = 2025 AND value IS NOT NULL AND indicator_id IN (${housing.map(() => '?').join(',')})`).get(...housing) as { n: number }).n;
    raw.close();
    expect(filled).toBe(3);

    await page.getByTestId('overview-open').click();
    const panel = page.getByTestId('reporting-overview');
    await panel.getByTestId('overview-table').waitFor(POLL);
    const row = panel.locator('[data-testid="overview-row"][data-department="区住建局"]');
    // 31 January 2026 → 15 March 2026: 28 days of February + 15 of March.
    expect(await row.getByTestId('overview-overdue').innerText()).toBe('逾期 43 天');
    expect(await row.getByTestId('overview-filled').innerText()).toBe(`${filled} / ${housing.length}`);
    expect(await row.getByTestId('overview-misses').innerText()).toBe('1');
    expect(await row.getByTestId('overview-state').innerText()).toBe('填报中');
    expect(await row.innerText()).toContain('住建局报表.xlsx');
    const fund = panel.locator('[data-testid="overview-row"][data-department="市住房公积金洞头分中心"]');
    expect(await fund.getByTestId('overview-filled').innerText()).toBe('0 / 1');
    expect(await fund.getByTestId('overview-state').innerText()).toBe('未填报');

    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('overview-remind').click()]);
    expect(download.suggestedFilename()).toBe('催报_区住建局_2025.eml');
    const eml = readFileSync(await download.path(), 'ascii');
    expect(eml).toMatch(/^To: zjj@dongtou\.gov\.cn\r$/m);
    await expect.poll(() => panel.getByTestId('overview-remind-status').innerText(), POLL).toMatch(/已生成 1 封催报邮件.*市住房公积金洞头分中心/);
    await panel.getByRole('button', { name: '关闭' }).click();
  });

  it('the history offers the annotated reply to the imported return', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '历史' }).click();
    const button = page.getByTestId('import-files').first().getByTestId('reply-button');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('住建局报表_批注回复.eml');
    const eml = readFileSync(await download.path(), 'ascii');
    expect(eml).toMatch(/^To: zjj@dongtou\.gov\.cn\r$/m);
    expect(eml).toContain('Content-Type:\r\n application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await expect.poll(() => page.getByTestId('import-files').first().innerText(), POLL).toMatch(/已生成批注回复“住建局报表_批注回复\.eml”（1 处问题）/);
  });
});
