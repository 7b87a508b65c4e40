// Typing with an input method on a selected cell starts editing it, as in Excel (issue: 中文输入
// starts editing). The composition is driven through Chromium's DevTools protocol — the same
// calls a real input method's events end in (Input.imeSetComposition while composing,
// Input.insertText to commit) — on a selected cell with no editor open; the database must get the
// committed text whole, and full-width digits typed for a figure must be read as the number.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import type { App } from './harness';
import { cell, cellText, clickCell, gridReady, screenshotOnFailure, startApp } from './harness';

const POLL = { timeout: 20_000, interval: 100 };

/** Compose `steps` one after the other (as pinyin grows), then commit `text`, as an input method does. */
async function compose(cdp: CDPSession, steps: string[], text: string): Promise<void> {
  for (const step of steps) {
    await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
  }
  await cdp.send('Input.insertText', { text });
}

function editorOf(page: Page, indicatorId: string, colId: string) {
  return cell(page, indicatorId, colId).locator('input');
}

describe('input-method entry on a selected cell', () => {
  let app: App;
  let cdp: CDPSession;

  beforeAll(async () => {
    app = await startApp({
      before: (s) => s.handlers.saveSettings({ department: '区住建局', clerkName: '王晓燕', clerkPhone: '0577-63488888', lang: 'zh' }),
    });
    await gridReady(app.page);
    cdp = await app.context.newCDPSession(app.page);
  });

  afterEach(async (ctx) => {
    await screenshotOnFailure(app?.page, ctx.task.name, ctx.task.result?.state === 'fail');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('composes a note straight into a selected 说明 cell; Enter saves the whole text', async () => {
    const { page } = app;
    await clickCell(page, 'zyyj-01', 'note');
    expect(await editorOf(page, 'zyyj-01', 'note').count()).toBe(0);
    await compose(cdp, ['y', 'yin', '因'], '因疫情延期');
    const editor = editorOf(page, 'zyyj-01', 'note');
    await editor.waitFor();
    expect(await editor.inputValue()).toBe('因疫情延期');
    // The clerk goes on typing after the committed text, then confirms.
    await compose(cdp, ['s', 'shi'], '施工');
    expect(await editor.inputValue()).toBe('因疫情延期施工');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await app.dbCell('zyyj-01', 2025)).note, POLL).toBe('因疫情延期施工');
    expect(await cellText(page, 'zyyj-01', 'note')).toBe('因疫情延期施工');
  });

  it('reads full-width digits typed with an input method as the number (１２．５ → 12.5)', async () => {
    const { page } = app;
    await clickCell(page, 'zyyj-05', 'actual-2025');
    await compose(cdp, ['１', '１２', '１２．', '１２．５'], '１２．５');
    const editor = editorOf(page, 'zyyj-05', 'actual-2025');
    await editor.waitFor();
    expect(await editor.inputValue()).toBe('１２．５');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await app.dbCell('zyyj-05', 2025)).actual, POLL).toBe(12.5);
  });

  it('takes text committed without a composition (full-width mode, on-screen keyboard)', async () => {
    const { page } = app;
    await clickCell(page, 'zyyj-06', 'actual-2025');
    await cdp.send('Input.insertText', { text: '３０' });
    const editor = editorOf(page, 'zyyj-06', 'actual-2025');
    await editor.waitFor();
    expect(await editor.inputValue()).toBe('３０');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await app.dbCell('zyyj-06', 2025)).actual, POLL).toBe(30);
  });

  it('keeps the keyboard habits on an armed cell: Latin typing, arrows, Delete and undo', async () => {
    const { page } = app;
    await clickCell(page, 'zyyj-07', 'actual-2025');
    await page.keyboard.type('42');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await app.dbCell('zyyj-07', 2025)).actual, POLL).toBe(42);
    // Enter moved down: zyyj-08 is selected; ArrowUp goes back, Delete clears, Ctrl+Z restores.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await app.dbCell('zyyj-07', 2025)).actual, POLL).toBeNull();
    expect(await cellText(page, 'zyyj-07', 'actual-2025')).toBe('');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await app.dbCell('zyyj-07', 2025)).actual, POLL).toBe(42);
  });

  it('ran without page errors', () => {
    expect(app.consoleErrors).toEqual([]);
  });
});
