// Several plans in the window (issue 14): real services on a temporary database holding the seed and
// a second plan (inserted through PlansRepo, as a plan import does), the real UI in Chromium. The
// switcher shows the other plan's grid and is remembered across a reload; the programme view counts
// every plan by outlook as getProgress does; an imported file is said to belong to its plan.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { countOutlooks } from '../../renderer/src/components/progress-model';
import { OUTLOOKS } from '../../shared/domain/progress';
import { SECOND_PLAN, SECOND_PLAN_ID, addSecondPlan } from '../helpers/second-plan';
import type { App } from './harness';
import { PLAN_ID, gridReady, screenshotOnFailure, startApp } from './harness';

/** Pictures for a person to look at (the brief asks for them): kept in the OS temp folder. */
export const SHOTS = join(process.env.TMPDIR ?? '/tmp', 'indicator-desk-plans-shots');

describe('the plan switcher and the programme view', () => {
  let app: App;
  let failed = false;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startApp({
      before: async (s) => {
        addSecondPlan(s.store);
        await s.handlers.saveCells({ planId: SECOND_PLAN_ID, source: 'typed', edits: [{ indicatorId: 'xyyj-01', year: 2025, field: 'actual', text: '96' }] });
      },
    });
    await gridReady(app.page);
  });
  afterEach((ctx) => {
    failed ||= ctx.task.result?.state === 'fail';
  });
  afterAll(async () => {
    await screenshotOnFailure(app?.page, 'plans-switcher', failed);
    await app?.close();
  });

  it('opens on the embedded plan and switches to the second; the choice survives a reload', async () => {
    const { page } = app;
    const picker = page.getByTestId('plan-picker');
    expect(await picker.inputValue()).toBe(PLAN_ID);
    expect(await page.locator('.ag-row[row-id="zyyj-01"]').count()).toBe(1);
    await picker.selectOption(SECOND_PLAN_ID);
    await page.locator('.ag-row[row-id="xyyj-01"]').first().waitFor({ state: 'visible' });
    expect(await page.locator('.ag-row[row-id="zyyj-01"]').count()).toBe(0);
    expect(await page.locator('.statusbar').innerText()).toContain(SECOND_PLAN.title);
    await page.screenshot({ path: join(SHOTS, 'switcher.png') });
    await expect.poll(async () => (await app.services.handlers.getBootstrap({})).settings.planId, { timeout: 10_000 }).toBe(SECOND_PLAN_ID);
    await page.reload();
    await page.locator('.ag-row[row-id="xyyj-01"]').first().waitFor({ state: 'visible' });
    expect(await page.getByTestId('plan-picker').inputValue()).toBe(SECOND_PLAN_ID);
  });

  it('the programme view lists both plans with the progress rule’s outlook counts, and opens one', async () => {
    const { page } = app;
    await page.getByTestId('programme-open').click();
    const table = page.getByTestId('programme-table');
    await table.waitFor({ state: 'visible' });
    for (const planId of [PLAN_ID, SECOND_PLAN_ID]) {
      const counts = countOutlooks(await app.services.handlers.getProgress({ planId }));
      const row = table.locator(`tr[data-plan-id="${planId}"]`);
      for (const o of OUTLOOKS) expect(await row.locator(`td[data-outlook="${o}"]`).innerText()).toBe(String(counts[o]));
    }
    await page.screenshot({ path: join(SHOTS, 'programme.png') });
    await table.locator(`tr[data-plan-id="${PLAN_ID}"] button`).click();
    await page.locator('.ag-row[row-id="zyyj-01"]').first().waitFor({ state: 'visible' });
    expect(await page.getByTestId('plan-picker').inputValue()).toBe(PLAN_ID);
  });

  it('a template of the second plan imported while the seed is on screen is said to belong to the second plan', async () => {
    const { page } = app;
    const exported = await app.services.handlers.exportWorkbook({ planId: SECOND_PLAN_ID, year: 2025, department: null });
    await page.getByTestId('import-input').setInputFiles({
      name: exported.fileName,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(exported.base64, 'base64'),
    });
    const planFact = page.getByTestId('import-plan');
    await planFact.waitFor({ state: 'visible' });
    const text = await planFact.innerText();
    expect(text).toContain(SECOND_PLAN.title);
    expect(text).toContain('不是当前规划');
  });
});
