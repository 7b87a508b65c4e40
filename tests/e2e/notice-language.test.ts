// Notices follow the language, counts read right in English, and the window lists the departments of
// the plan on screen (docs/ARCHITECTURE.md §Notices, §Departments of a plan). Real services on a
// temporary database holding two plans and one applied import, the real UI in Chromium: a refusal
// and an export notice are shown in Chinese, the clerk switches to English (toolbar) and back
// (settings dialog) with the notice showing, and it is re-worded each time; the count line and the
// history's import line say "N indicators" / "N changes"; switching to 学有优教 leaves only its own
// departments in the department picker and the export dialog.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';
import { SECOND_PLAN_ID, addSecondPlan } from '../helpers/second-plan';
import type { App } from './harness';
import { PLAN_ID, gridReady, screenshotOnFailure, startApp } from './harness';

const POLL = { timeout: 15_000, interval: 100 };
const RETURN = join(__dirname, '../fixtures/returns/a-title-two-row-header.xlsx');

/** Pictures for a person to look at (the brief asks for them): kept in the OS temp folder. */
const SHOTS = join(process.env.TMPDIR ?? '/tmp', 'indicator-desk-notice-shots');

describe('notices in the language of the moment, departments of the plan', () => {
  let app: App;
  let changes = 0;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startApp({
      before: async (s) => {
        addSecondPlan(s.store);
        await s.handlers.saveSettings({ department: '区住建局', clerkName: '李明', clerkPhone: '13800000000', lang: 'zh' });
        const preview = await s.handlers.previewImport({ planId: PLAN_ID, files: [{ name: 'zjj.xlsx', base64: readFileSync(RETURN).toString('base64') }] });
        const applied = await s.handlers.applyImport({ previewIds: preview.previews.map((p) => p.previewId) });
        changes = applied.changeCount;
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

  it('an error notice shown in Chinese is re-worded in English when the language is switched', async () => {
    const { page } = app;
    // 区住建局 2025 has due figures left empty: 提交 is refused with the cells to fix.
    await page.getByTestId('cycle-submit').click();
    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.textContent(), POLL).toContain('未能提交');
    expect(await notice.getAttribute('role')).toBe('alert');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => notice.textContent(), POLL).toContain('cannot be submitted');
    expect(await notice.textContent()).not.toContain('未能提交');
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => notice.textContent(), POLL).toContain('未能提交');
  });

  it('the export notice follows the toolbar switch and the settings dialog; the export dialog lists the plan\'s departments', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '导出' }).click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.waitFor();
    const options = await dialog.locator('#export-department option').allTextContents();
    expect(options).toContain('区住建局');
    expect(options).not.toContain('区教育局'); // the other plan's lead unit
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '导出' }).click()]);
    const name = download.suggestedFilename();
    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.textContent(), POLL).toContain(`已导出：${name}`);

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => notice.textContent(), POLL).toContain(`Exported: ${name}`);
    expect(await notice.getByRole('button', { name: 'Close' }).count()).toBe(1);

    // English counts: the count line and the history's import line.
    const rows = SEED_PLAN.indicators.filter((i) => i.leadUnit === '区住建局').length;
    expect(await page.locator('.subbar-info').textContent()).toContain(`${rows} indicators`);
    await page.getByRole('button', { name: 'History' }).click();
    const imports = page.getByTestId('import-list');
    await imports.waitFor();
    expect(await imports.textContent()).toContain(`zjj.xlsx: ${changes} ${changes === 1 ? 'change' : 'changes'}`);
    await page.screenshot({ path: join(SHOTS, 'english-notice-count-history.png') });

    // Back to Chinese through 设置 (Settings): the same notice, in Chinese again.
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.locator('#settings-lang').selectOption('zh');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => notice.textContent(), POLL).toContain(`已导出：${name}`);
    expect(await notice.textContent()).not.toContain('Exported');
    await expect.poll(() => imports.textContent(), POLL).toContain(`zjj.xlsx：${changes} 处修改`);
  });

  it('switching to 学有优教 lists its own departments only, and the view falls back to all of them', async () => {
    const { page } = app;
    await page.getByTestId('plan-picker').selectOption(SECOND_PLAN_ID);
    const picker = page.getByTestId('department-picker');
    await expect.poll(() => picker.inputValue(), POLL).toBe('__all__');
    expect(await picker.locator('option').allTextContents()).toEqual(['区财政局', '区教育局', '全部单位']);
    await expect.poll(() => page.locator('.subbar-info').textContent(), POLL).toContain('共 3 项指标');
    await page.getByRole('button', { name: '导出' }).click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('#export-department option').allTextContents()).toEqual(['区财政局', '区教育局', '全部单位']);
    expect(await dialog.locator('#export-department').inputValue()).toBe('__all__');
  });
});
