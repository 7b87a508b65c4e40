// A return from another plan in the window's import preview, as a clerk reads it (docs/ARCHITECTURE.md
// §Returns from another plan), real services on a temporary database holding two plans and the real
// UI in Chromium: the file's plan and the current one are named by short name and title, never by
// id; each unmatched row is listed once (not again among the issues); 应用 is unavailable when it
// would change nothing — reachable by Tab, read with its reason (aria-describedby), pressing it or
// Enter writes nothing — and available again as soon as something would change. Chinese and English;
// screenshots of both are kept for a person to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';
import { SECOND_PLAN, SECOND_PLAN_ID, addSecondPlan } from '../helpers/second-plan';
import { writeHandMadeReturn } from '../helpers/returns';
import type { App } from './harness';
import { gridReady, screenshotOnFailure, startApp } from './harness';
import { runAxe } from './helpers/axe';

const POLL = { timeout: 15_000, interval: 100 };
const SHOTS = join(process.env.TMPDIR ?? '/tmp', 'indicator-desk-other-plan-shots');
const SECOND_LABEL = '学有优教《温州市洞头区“学有优教”工程五年目标》';
const SEED_LABEL = `住有宜居《${SEED_PLAN.title}》`;
const UNMATCHED = SECOND_PLAN.indicators.map((i) => i.name);

describe('a return from another plan in the import preview', () => {
  let app: App;
  let failed = false;
  let template: { name: string; mimeType: string; buffer: Buffer };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startApp({ before: (s) => addSecondPlan(s.store) });
    await gridReady(app.page);
    const exported = await app.services.handlers.exportWorkbook({ planId: SECOND_PLAN_ID, year: 2025, department: null });
    template = { name: exported.fileName, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(exported.base64, 'base64') };
  });
  afterEach((ctx) => {
    failed ||= ctx.task.result?.state === 'fail';
  });
  afterAll(async () => {
    await screenshotOnFailure(app?.page, 'import-other-plan', failed);
    await app?.close();
  });

  async function openPreview(file: typeof template | string) {
    const { page } = app;
    await page.getByTestId('import-input').setInputFiles([]);
    await page.getByTestId('import-input').setInputFiles(file);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor({ timeout: 60_000 });
    return preview;
  }

  it('zh: both plans named, each unmatched row once, 应用 unavailable with its reason for keyboard and screen reader', async () => {
    const { page } = app;
    const preview = await openPreview(template);
    const detail = preview.getByTestId('import-preview-detail');
    await expect.poll(() => preview.getByTestId('import-plan').innerText(), POLL).toContain(SECOND_LABEL);
    expect(await preview.getByTestId('import-plan').innerText()).toContain('不是当前规划');
    const issues = await preview.getByTestId('import-issues').innerText();
    expect(issues).toContain(`文件导出自另一规划：${SECOND_LABEL}；当前规划：${SEED_LABEL}。已按指标名称匹配`);
    expect(await detail.innerText()).not.toContain(SECOND_PLAN_ID);
    // Each unmatched row once: in 未能对应到指标的行, not again as an issue.
    expect(issues).not.toContain('找不到对应指标');
    const text = await detail.innerText();
    for (const name of UNMATCHED) expect(text.split(name).length - 1, name).toBe(1);
    expect(text).toContain('未能对应到指标的行（3）');

    const apply = preview.getByTestId('import-apply');
    const hint = preview.getByTestId('apply-hint');
    expect(await apply.getAttribute('aria-disabled')).toBe('true');
    expect(await hint.innerText()).toBe('这些文件属于另一规划，在当前规划中不会写入任何数值：请切换到该规划后再导入。');
    // A screen reader reads the reason with the button: its description is the hint.
    const describedBy = await apply.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    expect(await page.evaluate((id) => document.getElementById(id as string)?.textContent, describedBy)).toContain('属于另一规划');
    expect(await hint.getAttribute('role')).toBe('status');
    // Still reachable by Tab (it is not removed from the keyboard's way), and pressing it does nothing.
    await preview.getByRole('button', { name: '取消' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('import-apply');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    // A pointer click too (force: the browser would let it through; Playwright waits for "enabled").
    await apply.click({ force: true });
    expect(await preview.count()).toBe(1);
    expect(await preview.locator('.error-text').count()).toBe(0);
    expect(await app.services.handlers.listImports({})).toHaveLength(0);

    expect(await runAxe(page, '[data-testid="import-preview"]')).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'other-plan-zh.png') });
    await preview.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => page.getByTestId('import-preview').count(), POLL).toBe(0);
  });

  it('en: the same preview in English', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'English' }).click();
    const preview = await openPreview(template);
    await expect.poll(() => preview.getByTestId('import-plan').innerText(), POLL).toContain(SECOND_LABEL);
    expect(await preview.getByTestId('import-plan').innerText()).toContain('not the current plan');
    // The plan is named once in the fact, not again in its note.
    expect((await preview.getByTestId('import-plan').innerText()).split(SECOND_LABEL).length - 1).toBe(1);
    expect(await preview.getByTestId('import-issues').innerText()).toContain(`The file was exported from another plan, ${SECOND_LABEL}; the current plan is ${SEED_LABEL}. Rows were matched by indicator name`);
    expect(await preview.getByTestId('import-issues').innerText()).not.toContain('matches no indicator');
    expect(await preview.getByTestId('apply-hint').innerText()).toBe('These files belong to another plan and would write nothing in this one: switch to that plan and import them there.');
    expect(await preview.getByTestId('import-apply').getAttribute('aria-disabled')).toBe('true');
    expect(await runAxe(page, '[data-testid="import-preview"]')).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'other-plan-en.png') });
    await preview.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByTestId('import-preview').count(), POLL).toBe(0);
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('a return with a new figure can be applied; unticking its file makes 应用 unavailable again, with why; sent again, it is only recorded', async () => {
    const { page } = app;
    const file = writeHandMadeReturn({ path: join(app.dir, '住建局.xlsx'), year: 2025, departments: ['区住建局'], actuals: { '1': 88 } });
    const preview = await openPreview(file);
    const apply = preview.getByTestId('import-apply');
    const hint = preview.getByTestId('apply-hint');
    await expect.poll(() => preview.getByTestId('import-changes').count(), POLL).toBe(1);
    expect(await apply.getAttribute('aria-disabled')).toBeNull();
    expect(await apply.getAttribute('aria-describedby')).toBeNull();
    expect(await hint.innerText()).toBe('');
    await preview.getByRole('checkbox', { name: /导入此文件/ }).uncheck();
    await expect.poll(() => apply.getAttribute('aria-disabled'), POLL).toBe('true');
    expect(await hint.innerText()).toBe('没有勾选文件：在左侧勾选要导入的文件。');
    await preview.getByRole('checkbox', { name: /导入此文件/ }).check();
    await expect.poll(() => apply.getAttribute('aria-disabled'), POLL).toBeNull();
    await apply.click();
    await expect.poll(() => page.getByTestId('import-preview').count(), POLL).toBe(0);
    expect((await app.dbCell('zyyj-01', 2025)).actual).toBe(88);

    // The same file again (a department sends its return twice): 1 value equals the current data;
    // 应用 stays offered, to record the file as received, and the hint says it changes no value.
    const again = await openPreview(file);
    await expect.poll(() => again.getByTestId('apply-hint').innerText(), POLL).toBe('应用不会改变任何数值，只记录已收到这些文件（之后可在“历史”中生成批注回复）。');
    expect(await again.getByTestId('import-preview-detail').innerText()).toContain('1 个数值与现有数据相同');
    const applyAgain = again.getByTestId('import-apply');
    expect(await applyAgain.getAttribute('aria-disabled')).toBeNull();
    expect(await applyAgain.getAttribute('aria-describedby')).toBeTruthy();
    const before = (await app.services.handlers.listImports({})).length;
    await applyAgain.click();
    await expect.poll(() => page.getByTestId('import-preview').count(), POLL).toBe(0);
    const records = await app.services.handlers.listImports({});
    expect(records).toHaveLength(before + 1);
    expect(records.map((r) => r.changeCount)).toContain(0);
    expect((await app.dbCell('zyyj-01', 2025)).actual).toBe(88);
  });
});
