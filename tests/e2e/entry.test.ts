// A clerk of 区住建局 enters 2025 actuals in the real UI (Chromium, browser mode, real database):
// typing, colours, reload, refusals, pasting a block from Excel, undo and redo.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App } from './harness';
import { PLAN_ID, cellClass, cellText, clickCell, gridReady, pasteText, screenshotOnFailure, startApp, typeInto } from './harness';

const POLL = { timeout: 15_000, interval: 100 };

describe('entering actuals in the grid', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp({
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

  it('opens on the 2025 return of the clerk’s department, in Chinese', async () => {
    const { page } = app;
    await expect.poll(() => page.getByTestId('year-picker').inputValue(), POLL).toBe('2025');
    await expect.poll(() => page.getByTestId('department-picker').inputValue(), POLL).toBe('区住建局');
    await expect.poll(() => page.locator('.toolbar').innerText(), POLL).toContain('导入');
    // 区住建局 leads indicators 1–12; 13 belongs to the provident-fund centre.
    const rowIds = () => page.locator('.ag-row[row-id]').evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('row-id')))]);
    await expect.poll(async () => (await rowIds()).length, POLL).toBe(12);
    expect(await page.locator('.ag-row[row-id="zyyj-13"]').count()).toBe(0);
    // The URL no longer shows the access token.
    expect(page.url()).not.toContain('token=');
  });

  it('types 1012 (missed, red) then 1100 (met, green), and both survive a reload', async () => {
    const { page } = app;
    await typeInto(page, 'zyyj-02', 'actual-2025', '1012');
    await expect.poll(async () => (await app.dbCell('zyyj-02', 2025)).actual, POLL).toBe(1012);
    expect((await app.dbCell('zyyj-02', 2025)).status).toBe('missed');
    await expect.poll(() => cellClass(page, 'zyyj-02', 'actual-2025'), POLL).toContain('status-missed');
    await expect.poll(() => page.getByTestId('save-state').innerText(), POLL).toContain('已保存');

    await typeInto(page, 'zyyj-02', 'actual-2025', '1100');
    await expect.poll(async () => (await app.dbCell('zyyj-02', 2025)).actual, POLL).toBe(1100);
    expect((await app.dbCell('zyyj-02', 2025)).status).toBe('met');
    await expect.poll(() => cellClass(page, 'zyyj-02', 'actual-2025'), POLL).toContain('status-met');

    await page.reload();
    await gridReady(page);
    await expect.poll(() => cellText(page, 'zyyj-02', 'actual-2025'), POLL).toBe('1,100');
    expect(await cellClass(page, 'zyyj-02', 'actual-2025')).toContain('status-met');
    // The reload kept the token (sessionStorage), so the API still answers.
    expect(page.url()).not.toContain('token=');
  });

  it('shows the cell’s history (who, old → new, how) in the side panel', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '历史' }).click();
    await clickCell(page, 'zyyj-02', 'actual-2025');
    const list = page.getByTestId('cell-history');
    await expect.poll(() => list.locator('li').count(), POLL).toBe(2);
    const newest = await list.locator('li').first().innerText();
    expect(newest).toContain('王晓燕');
    expect(newest).toContain('1,012');
    expect(newest).toContain('1,100');
    expect(newest).toContain('手工录入');
    await page.getByRole('button', { name: '历史' }).click();
    await expect.poll(() => page.getByTestId('history-panel').count(), POLL).toBe(0);
  });

  it('refuses "abc", says why, and saves nothing', async () => {
    const { page } = app;
    await typeInto(page, 'zyyj-01', 'actual-2025', 'abc');
    await expect.poll(() => page.getByTestId('save-state').innerText(), POLL).toContain('不是数字');
    const dbCell = await app.dbCell('zyyj-01', 2025);
    expect(dbCell.actual).toBeNull();
    expect(dbCell.status).toBe('not-reported');
    const history = await app.services.handlers.getCellHistory({ planId: PLAN_ID, indicatorId: 'zyyj-01', year: 2025 });
    expect(history).toHaveLength(0);
  });

  it('pastes a 3×2 block from Excel into 实际值 and 说明, then undoes and redoes it', async () => {
    const { page } = app;
    await clickCell(page, 'zyyj-03', 'actual-2025');
    await pasteText(page, '225\t超额完成\r\n6\t按计划完成\r\n88.5\t部分小区尚未引入物业\r\n');
    const expected = [
      { id: 'zyyj-03', actual: 225, note: '超额完成', status: 'met' },
      { id: 'zyyj-04', actual: 6, note: '按计划完成', status: 'met' },
      { id: 'zyyj-05', actual: 88.5, note: '部分小区尚未引入物业', status: 'missed' },
    ] as const;
    for (const e of expected) {
      await expect.poll(async () => (await app.dbCell(e.id, 2025)).actual, POLL).toBe(e.actual);
      const c = await app.dbCell(e.id, 2025);
      expect(c.note).toBe(e.note);
      expect(c.status).toBe(e.status);
    }
    await expect.poll(() => cellClass(page, 'zyyj-05', 'actual-2025'), POLL).toContain('status-missed');
    await expect.poll(() => cellText(page, 'zyyj-04', 'note'), POLL).toBe('按计划完成');

    // Ctrl+Z takes the whole paste back, in the database too.
    await clickCell(page, 'zyyj-03', 'name');
    await page.keyboard.press('Control+z');
    for (const e of expected) {
      await expect.poll(async () => (await app.dbCell(e.id, 2025)).actual, POLL).toBeNull();
      expect((await app.dbCell(e.id, 2025)).note ?? '').toBe('');
    }
    await expect.poll(() => cellText(page, 'zyyj-03', 'actual-2025'), POLL).toBe('');

    // Ctrl+Y puts it back.
    await page.keyboard.press('Control+y');
    for (const e of expected) {
      await expect.poll(async () => (await app.dbCell(e.id, 2025)).actual, POLL).toBe(e.actual);
      expect((await app.dbCell(e.id, 2025)).note).toBe(e.note);
    }
    await expect.poll(() => cellText(page, 'zyyj-03', 'actual-2025'), POLL).toBe('225');
  });

  it('undoes a typed value with Ctrl+Z and redoes it with Ctrl+Y', async () => {
    const { page } = app;
    await typeInto(page, 'zyyj-07', 'actual-2025', '5');
    await expect.poll(async () => (await app.dbCell('zyyj-07', 2025)).actual, POLL).toBe(5);
    // Ctrl+Z at once, maybe before the window has the save's answer: the undo waits for it.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await app.dbCell('zyyj-07', 2025)).actual, POLL).toBeNull();
    await page.keyboard.press('Control+y');
    await expect.poll(async () => (await app.dbCell('zyyj-07', 2025)).actual, POLL).toBe(5);
    const sources = (await app.services.handlers.getCellHistory({ planId: PLAN_ID, indicatorId: 'zyyj-07', year: 2025 })).map((e) => e.source);
    expect(sources).toEqual(expect.arrayContaining(['typed', 'undo', 'redo']));
  });

  it('switches to English: headers, buttons and the legend change', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('.toolbar').innerText(), POLL).toContain('Import');
    const toolbar = await page.locator('.toolbar').innerText();
    expect(toolbar).toContain('Export');
    expect(toolbar).toContain('Settings');
    expect(toolbar).not.toContain('导入');
    await expect.poll(() => page.locator('.ag-header').innerText(), POLL).toContain('Actual');
    expect(await page.locator('.ag-header').innerText()).not.toContain('实际值');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // The choice is saved: the database has it and a reload keeps it.
    const boot = await app.services.handlers.getBootstrap({});
    expect(boot.settings.lang).toBe('en');
    await page.reload();
    await gridReady(page);
    await expect.poll(() => page.locator('.toolbar').innerText(), POLL).toContain('Import');
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.locator('.ag-header').innerText(), POLL).toContain('实际值');
  });

  it('saves settings from the dialog; 全部单位 shows every department’s indicators', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '设置' }).click();
    const dialog = page.getByTestId('settings-dialog');
    await dialog.waitFor();
    await dialog.getByLabel('填报人').fill('陈静');
    await dialog.getByLabel('联系电话').fill('0577-63499999');
    await dialog.getByLabel('本单位').selectOption({ label: '全部单位' });
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByTestId('settings-dialog').count(), POLL).toBe(0);
    const boot = await app.services.handlers.getBootstrap({});
    expect(boot.settings).toEqual({ department: null, clerkName: '陈静', clerkPhone: '0577-63499999', lang: 'zh' });
    // The coordinating office's view: all 13 indicators, including the provident-fund centre's.
    await expect.poll(() => page.locator('.ag-row[row-id="zyyj-13"]').count(), POLL).toBeGreaterThan(0);
    expect(await page.getByTestId('department-picker').inputValue()).toBe('__all__');
    // The toolbar's picker switches the view back without touching the saved setting.
    await page.getByTestId('department-picker').selectOption({ label: '市住房公积金洞头分中心' });
    const rowIds = () => page.locator('.ag-row[row-id]').evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('row-id')))]);
    await expect.poll(rowIds, POLL).toEqual(['zyyj-13']);
    expect((await app.services.handlers.getBootstrap({})).settings.department).toBeNull();
    // Switching the language keeps the department being viewed.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('.toolbar').innerText(), POLL).toContain('Import');
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.locator('.toolbar').innerText(), POLL).toContain('导入');
    expect(await page.getByTestId('department-picker').inputValue()).toBe('市住房公积金洞头分中心');
    expect(await rowIds()).toEqual(['zyyj-13']);
  });

  it('a tab opened without the access token gets a clear bilingual refusal, not data', async () => {
    const other = await app.context.newPage();
    try {
      await other.goto(`http://127.0.0.1:${app.server.port}/`);
      await expect.poll(() => other.locator('.fatal').innerText(), POLL).toContain('访问口令无效');
      expect(await other.locator('.fatal').innerText()).toContain('access token');
      expect(await other.locator('.ag-row').count()).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('ran under the strict Content-Security-Policy without a single violation or page error', () => {
    // The refused tab above logged its 401; nothing else may appear.
    expect(app.consoleErrors.filter((e) => !e.includes('401'))).toEqual([]);
  });

  it('says so when the local service has gone away, and keeps nothing it did not save', async () => {
    const { page } = app;
    await page.getByTestId('department-picker').selectOption({ label: '区住建局' });
    await page.locator('.ag-row[row-id="zyyj-09"]').first().waitFor();
    await app.server.close();
    await typeInto(page, 'zyyj-09', 'actual-2025', '36');
    await expect.poll(() => page.getByTestId('save-state').innerText(), POLL).toContain('无法连接本机服务');
    expect((await app.dbCell('zyyj-09', 2025)).actual).toBeNull();
  });
});
