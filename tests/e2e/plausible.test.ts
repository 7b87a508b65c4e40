// Values outside the plausible range in the grid (issue 14 part 5), real services in browser mode
// and the system Chromium: typing 250 for 住宅小区专业物业服务覆盖率(%) asks to confirm; cancelling
// writes nothing; confirming saves it and marks the cell with the reason. A pasted batch asks once.
// Screenshots of the confirm and the marked cell go to $PLAUSIBLE_SHOTS (default: the OS tmp dir).
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App } from './harness';
import { PLAN_ID, cell, cellClass, cellText, clickCell, gridReady, pasteText, screenshotOnFailure, startApp, typeInto } from './harness';

const POLL = { timeout: 20_000, interval: 100 };
const SHOTS = process.env.PLAUSIBLE_SHOTS ?? join(tmpdir(), 'indicator-desk-plausible');

describe('values outside the plausible range in the grid', () => {
  let app: App;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startApp({
      viewport: { width: 1366, height: 768 },
      before: (s) => s.handlers.saveSettings({ department: '区住建局', clerkName: '王晓燕', clerkPhone: '0577-63488888', lang: 'zh' }),
    });
    await gridReady(app.page);
  });

  afterEach(async (ctx) => {
    await screenshotOnFailure(app?.page, ctx.task.name, ctx.task.result?.state === 'fail');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('typing 250 in a % rate asks to confirm; Cancel (focused, Enter) writes nothing', async () => {
    const { page } = app;
    await typeInto(page, 'zyyj-05', 'actual-2025', '250');
    const dialog = page.getByTestId('plausible-confirm');
    await dialog.waitFor();
    const text = await dialog.innerText();
    expect(text).toContain('住宅小区专业物业服务覆盖率（%），2025年：250');
    expect(text).toContain('比率 250% 超过 100%');
    await page.screenshot({ path: join(SHOTS, 'confirm.png') });
    // The safe answer has the focus: Enter cancels.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), POLL).toBe('plausible-cancel');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect((await app.dbCell('zyyj-05', 2025)).actual).toBeNull();
    expect(await app.services.handlers.getCellHistory({ planId: PLAN_ID, indicatorId: 'zyyj-05', year: 2025 })).toHaveLength(0);
    expect(await cellText(page, 'zyyj-05', 'actual-2025')).toBe('');
    expect(await cellClass(page, 'zyyj-05', 'actual-2025')).not.toContain('cell-implausible');
    // The keyboard carries on in the grid: the edited cell has the focus again.
    await expect.poll(() => cellClass(page, 'zyyj-05', 'actual-2025'), POLL).toContain('ag-cell-focus');
  });

  it('confirmed with the keyboard (Tab, Enter), 250 is saved and the cell is marked with the reason', async () => {
    const { page } = app;
    await typeInto(page, 'zyyj-05', 'actual-2025', '250');
    const dialog = page.getByTestId('plausible-confirm');
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), POLL).toBe('plausible-save');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await app.dbCell('zyyj-05', 2025)).actual, POLL).toBe(250);
    await expect.poll(() => cellClass(page, 'zyyj-05', 'actual-2025'), POLL).toContain('cell-implausible');
    const title = (await cell(page, 'zyyj-05', 'actual-2025').getAttribute('title')) ?? '';
    expect(title).toContain('超出合理范围（已保存，请核实）：比率 250% 超过 100%');
    // The mark is drawn: the cell's ::before badge is visible.
    const badge = await cell(page, 'zyyj-05', 'actual-2025').evaluate((el) => getComputedStyle(el, '::before').content);
    expect(badge).toBe('"!"');
    // Still met by the status rule (250 ≥ 87.5): the mark is what tells the clerk to look again.
    expect(await cellClass(page, 'zyyj-05', 'actual-2025')).toContain('status-met');
    // Focus elsewhere, so the picture shows the mark rather than the focus ring.
    await clickCell(page, 'zyyj-01', 'code');
    await page.screenshot({ path: join(SHOTS, 'marked-cell.png') });
    // A plausible value takes the mark away; no dialog for it.
    await typeInto(page, 'zyyj-05', 'actual-2025', '88');
    await expect.poll(async () => (await app.dbCell('zyyj-05', 2025)).actual, POLL).toBe(88);
    await expect.poll(() => cellClass(page, 'zyyj-05', 'actual-2025'), POLL).not.toContain('cell-implausible');
    expect(await page.getByTestId('plausible-confirm').count()).toBe(0);
  });

  it('a pasted batch with two implausible values asks once, listing both; Esc cancels all of it', async () => {
    const { page } = app;
    await clickCell(page, 'zyyj-05', 'actual-2025');
    await pasteText(page, '300\r\n2.5\r\n');
    const dialog = page.getByTestId('plausible-confirm');
    await dialog.waitFor();
    expect(await dialog.locator('li').count()).toBe(2);
    expect(await dialog.innerText()).toContain('应为整数');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await app.dbCell('zyyj-05', 2025)).actual).toBe(88);
    expect((await app.dbCell('zyyj-06', 2025)).actual).toBeNull();
    expect(app.consoleErrors).toEqual([]);
  });

  it('"12%" typed for a count (户) asks to confirm with the unit named; confirmed, 12 is saved', async () => {
    const { page } = app;
    await typeInto(page, 'zyyj-03', 'actual-2025', '12%');
    const dialog = page.getByTestId('plausible-confirm');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('“12%”带有百分号，但本指标以“户”计，不是百分比');
    expect((await app.dbCell('zyyj-03', 2025)).actual).toBeNull();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await app.dbCell('zyyj-03', 2025)).actual, POLL).toBe(12);
    expect(app.consoleErrors).toEqual([]);
  });
});
