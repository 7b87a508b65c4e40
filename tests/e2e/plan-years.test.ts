// The plan editor's last two parts in real Chromium on real services (issue 14 part 2): 新增指标
// through the form — a problem is named beside its field, Esc cancels without closing the editor,
// Enter adds — and the new indicator is a row of the grid, last, with the next 序号; the plan's years
// extended by one, whose columns then appear in the grid without targets; and removing a year that
// holds an actual refused with the year and the count, the database unchanged; removing the year on
// screen moves the grid to the plan's reporting year. Screenshots of the
// form are kept in the OS temp folder for a person to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App } from './harness';
import { PLAN_ID, cell, gridReady, reveal, screenshotOnFailure, startApp } from './harness';
import { describeViolations, runAxe, seriousOnes } from './helpers/axe';

const POLL = { timeout: 15_000, interval: 100 };
/** Pictures for a person to look at: kept in the OS temp folder. */
const SHOTS = join(process.env.TMPDIR ?? '/tmp', 'indicator-desk-plans-shots');

describe('the plan editor: add an indicator, change the years', () => {
  let app: App;
  let failed = false;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startApp({
      before: async (s) => {
        await s.handlers.saveCells({ planId: PLAN_ID, source: 'typed', edits: [{ indicatorId: 'zyyj-05', year: 2023, field: 'actual', text: '85' }] });
      },
    });
    await gridReady(app.page);
  });
  afterEach((ctx) => {
    failed ||= ctx.task.result?.state === 'fail';
  });
  afterAll(async () => {
    await screenshotOnFailure(app?.page, 'plan-years', failed);
    await app?.close();
  });

  const editor = () => app.page.getByTestId('plan-editor');
  const plan = () => app.services.handlers.getPlan({ planId: PLAN_ID });

  it('adds an indicator through the form: problems beside the fields, Esc cancels, Enter adds; it is the grid’s last row', async () => {
    const { page } = app;
    await page.getByTestId('plan-edit-open').click();
    await editor().getByTestId('plan-editor-table').waitFor({ state: 'visible' });
    await editor().getByTestId('add-indicator-open').click();
    const form = page.getByTestId('add-indicator');
    await form.waitFor({ state: 'visible' });
    // Esc leaves the form, not the editor.
    await form.locator('[data-field="name"]').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => form.count(), POLL).toBe(0);
    expect(await editor().count()).toBe(1);

    await editor().getByTestId('add-indicator-open').click();
    await form.waitFor({ state: 'visible' });
    expect(await form.locator('[data-field="code"]').inputValue()).toBe('14');
    await form.locator('[data-field="unit"]').fill('%');
    await form.locator('[data-field="target-2025"]').fill('约80');
    await form.locator('[data-field="unit"]').press('Enter');
    await expect.poll(() => form.getByTestId('add-indicator-message').innerText(), POLL).toContain('请先改正标出的');
    expect(await form.locator('[data-field="name"]').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.field-problem').allInnerTexts()).toEqual(['必填', '须为数字或“/”', '请填写调整原因']);
    await page.screenshot({ path: join(SHOTS, 'add-indicator-problems.png') });
    // Every field is labelled and its problem is tied to it: axe finds nothing serious in the form.
    const serious = seriousOnes(await runAxe(page, '[data-testid="add-indicator"]'));
    expect(serious, describeViolations(serious)).toEqual([]);

    await form.locator('[data-field="domain"]').fill('智慧住房');
    await form.locator('[data-field="name"]').fill('住房公积金线上办理率');
    await form.locator('[data-field="kind"]').selectOption('rate');
    await form.locator('[data-field="tolerance"]').fill('2');
    await form.locator('[data-field="min"]').fill('0');
    await form.locator('[data-field="max"]').fill('100');
    await form.locator('[data-field="target-2025"]').fill('80');
    await form.locator('[data-field="target-2026"]').fill('/');
    await form.locator('[data-field="target-2027"]').fill('90');
    await form.locator('[data-field="reason"]').fill('区政府新增考核指标');
    expect(await form.locator('.field-problem').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'add-indicator.png') });
    await form.locator('[data-field="reason"]').press('Enter');
    await expect.poll(() => form.count(), POLL).toBe(0);
    await expect.poll(() => editor().getByTestId('plan-editor-message').innerText(), POLL).toBe('已新增指标“住房公积金线上办理率”，已记入调整记录。');

    const added = (await plan()).indicators.at(-1)!;
    expect(added).toMatchObject({ code: '14', domain: '智慧住房', name: '住房公积金线上办理率', unit: '%', kind: 'rate', tolerance: 0.02, targets: { 2025: 80, 2026: '/', 2027: 90 } });
    expect(await editor().locator(`tr[data-indicator-id="${added.id}"]`).count()).toBe(1);
    await editor().getByRole('button', { name: '关闭' }).last().click();
    await page.locator(`.ag-row[row-id="${added.id}"]`).first().waitFor({ state: 'visible' });
    expect(await cell(page, added.id, 'code').innerText()).toBe('14');
    expect(await (await reveal(page, added.id, 'target-2025')).innerText()).toBe('80');
  });

  it('extends the years to 2028: the editor and the grid get the new year’s columns, without targets', async () => {
    const { page } = app;
    await page.getByTestId('plan-edit-open').click();
    await editor().getByTestId('plan-editor-table').waitFor({ state: 'visible' });
    await editor().getByTestId('plan-last-year').fill('2028');
    await editor().getByTestId('plan-years-apply').click();
    await expect.poll(() => editor().getByTestId('plan-editor-message').innerText(), POLL).toBe('请填写调整原因。');
    expect((await plan()).years).toEqual([2023, 2024, 2025, 2026, 2027]);
    await editor().getByTestId('plan-reason').fill('规划期延长一年');
    await editor().getByTestId('plan-years-apply').click();
    await expect.poll(() => editor().getByTestId('plan-editor-message').innerText(), POLL).toBe('规划年度已改为 2023—2028，已记入调整记录。');
    expect((await plan()).years).toEqual([2023, 2024, 2025, 2026, 2027, 2028]);
    // The editor reloads the plan after the message: its table gets the new year's column.
    await expect.poll(() => editor().locator('thead th').allInnerTexts(), POLL).toContain('2028');
    expect(await editor().locator('tr[data-indicator-id="zyyj-05"] input[data-year="2028"]').inputValue()).toBe('');
    await editor().getByRole('button', { name: '关闭' }).last().click();
    await expect.poll(() => editor().count(), POLL).toBe(0);
    // The grid is drawn afresh after a plan edit: retried until the new column can be reached.
    await expect.poll(async () => (await (await reveal(page, 'zyyj-05', 'target-2028')).innerText()).trim(), POLL).toBe('');
    expect((await (await reveal(page, 'zyyj-05', 'target-2027')).innerText()).trim()).not.toBe('');
  });

  it('removing 2023, which holds an actual, is refused with the year and the count; nothing changes', async () => {
    const { page } = app;
    await page.getByTestId('plan-edit-open').click();
    await editor().getByTestId('plan-editor-table').waitFor({ state: 'visible' });
    await editor().getByTestId('plan-first-year').fill('2024');
    await editor().getByTestId('plan-reason').fill('缩短规划期');
    await editor().getByTestId('plan-years-apply').click();
    await expect.poll(() => editor().getByTestId('plan-editor-message').innerText(), POLL).toContain('不能删去 2023 年：该年已填报 1 项实际值');
    expect((await plan()).years).toEqual([2023, 2024, 2025, 2026, 2027, 2028]);
    expect((await app.dbCell('zyyj-05', 2023)).actual).toBe(85);
    await page.screenshot({ path: join(SHOTS, 'plan-years-refused.png') });
    await editor().getByRole('button', { name: '关闭' }).last().click();
  });

  it('removing the year on screen (2028, no actuals) moves the grid to the plan’s reporting year, with no error', async () => {
    const { page } = app;
    await page.getByTestId('year-picker').selectOption('2028');
    await gridReady(page);
    await page.getByTestId('plan-edit-open').click();
    await editor().getByTestId('plan-editor-table').waitFor({ state: 'visible' });
    expect(await editor().getByTestId('plan-first-year').inputValue()).toBe('2023');
    await editor().getByTestId('plan-last-year').fill('2027');
    await editor().getByTestId('plan-reason').fill('恢复五年规划期');
    await editor().getByTestId('plan-years-apply').click();
    await expect.poll(() => editor().getByTestId('plan-editor-message').innerText(), POLL).toBe('规划年度已改为 2023—2027，已记入调整记录。');
    expect((await plan()).years).toEqual([2023, 2024, 2025, 2026, 2027]);
    await editor().getByRole('button', { name: '关闭' }).last().click();
    await expect.poll(() => page.getByTestId('year-picker').inputValue(), POLL).toBe('2025');
    await gridReady(page);
    expect(await page.getByTestId('notice').count()).toBe(0);
    expect(app.consoleErrors).toEqual([]);
  });
});
