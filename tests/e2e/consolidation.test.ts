// Consolidation through the real UI in Chromium against browser mode: two departments' returns
// (written by openpyxl) disagree on a cell — both sides are shown, one is picked, the batch applies,
// and the value's source is visible in the history; a return's values for other departments'
// indicators are listed unticked and are only applied when ticked.
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeHandMadeReturn } from '../helpers/returns';
import type { App } from './harness';
import { cellText, clickCell, gridReady, screenshotOnFailure, startApp } from './harness';

const POLL = { timeout: 30_000, interval: 100 };

describe('consolidating returns from several departments', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp({ before: (s) => s.handlers.saveSettings({ department: null, clerkName: '协调办', clerkPhone: '', lang: 'zh' }) });
    await gridReady(app.page);
  });
  afterEach(async (ctx) => {
    await screenshotOnFailure(app?.page, ctx.task.name, ctx.task.result?.state === 'fail');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('two returns conflict: both shown side by side, one picked, applied, its source in the history', async () => {
    const { page } = app;
    const housing = writeHandMadeReturn({ path: join(app.dir, '住建局.xlsx'), year: 2025, departments: ['区住房和城乡建设局'], actuals: { '4': 7, '3': 221 } });
    const civil = writeHandMadeReturn({ path: join(app.dir, '民政局.xlsx'), year: 2025, departments: ['区民政局'], actuals: { '4': 9 } });
    await page.getByTestId('import-input').setInputFiles([housing, civil]);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor({ timeout: 60_000 });

    const conflicts = preview.getByTestId('import-conflicts');
    await conflicts.waitFor();
    const rows = conflicts.getByTestId('conflict-row');
    expect(await rows.count()).toBe(1);
    const sides = rows.first().getByTestId('conflict-side');
    expect(await sides.count()).toBe(2);
    expect(await sides.nth(0).innerText()).toMatch(/7[\s\S]*住建局\.xlsx[\s\S]*区住建局/);
    expect(await sides.nth(1).innerText()).toMatch(/9[\s\S]*民政局\.xlsx[\s\S]*区民政局/);
    expect(await conflicts.getByTestId('conflicts-open').innerText()).toContain('1 处冲突尚未选择');
    // The department was found through the alias (区住房和城乡建设局 = 区住建局).
    expect(await preview.getByTestId('import-department').innerText()).toContain('区住建局');

    await sides.nth(1).getByRole('radio').check();
    expect(await conflicts.getByTestId('conflicts-open').count()).toBe(0);
    await preview.getByRole('button', { name: '应用' }).click();
    await expect.poll(() => page.getByTestId('import-preview').count(), POLL).toBe(0);

    expect(await app.dbCell('zyyj-04', 2025)).toMatchObject({ actual: 9, provenance: { fileName: '民政局.xlsx', department: '区民政局' } });
    expect((await app.dbCell('zyyj-03', 2025)).actual).toBe(221);
    await expect.poll(() => cellText(page, 'zyyj-04', 'actual-2025'), POLL).toBe('9');

    await page.getByRole('button', { name: '历史' }).click();
    await clickCell(page, 'zyyj-04', 'actual-2025');
    await expect.poll(() => page.getByTestId('cell-history').innerText(), POLL).toMatch(/民政局\.xlsx[\s\S]*区民政局/);
    await expect.poll(() => page.getByTestId('import-files').first().innerText(), POLL).toMatch(/民政局\.xlsx（区民政局）：1 处修改/);
    // The grid's tooltip names the source too.
    const tip = await page.locator('.ag-row[row-id="zyyj-04"] .ag-cell[col-id="actual-2025"]').getAttribute('title');
    expect(tip).toMatch(/来源：导入自“民政局\.xlsx”，区民政局/);
  });

  it('values for indicators outside the department are listed unticked and applied only when ticked', async () => {
    const { page } = app;
    const file = writeHandMadeReturn({ path: join(app.dir, '住建局含公积金.xlsx'), year: 2025, departments: ['区住建局'], actuals: { '2': 1055, '13': 15000 } });
    await page.getByTestId('import-input').setInputFiles(file);
    let preview = page.getByTestId('import-preview');
    await preview.waitFor({ timeout: 60_000 });
    const other = preview.getByTestId('import-other-units');
    await other.waitFor();
    expect(await other.innerText()).toMatch(/住房公积金年末实缴职工人数[\s\S]*15,000/);
    const box = other.getByRole('checkbox');
    expect(await box.isChecked()).toBe(false);
    await preview.getByRole('button', { name: '应用' }).click();
    await expect.poll(() => page.getByTestId('import-preview').count(), POLL).toBe(0);
    expect((await app.dbCell('zyyj-02', 2025)).actual).toBe(1055);
    expect((await app.dbCell('zyyj-13', 2025)).actual).toBeNull();

    // The same file again, this time ticking the value.
    await page.getByTestId('import-input').setInputFiles([]);
    await page.getByTestId('import-input').setInputFiles(file);
    preview = page.getByTestId('import-preview');
    await preview.waitFor({ timeout: 60_000 });
    await preview.getByTestId('import-other-units').getByRole('checkbox').check();
    await preview.getByRole('button', { name: '应用' }).click();
    await expect.poll(() => page.getByTestId('import-preview').count(), POLL).toBe(0);
    expect(await app.dbCell('zyyj-13', 2025)).toMatchObject({ actual: 15000, provenance: { department: '区住建局' } });
  });

  it('an alias added in settings names the department of a return', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '设置' }).click();
    const editor = page.getByTestId('department-aliases');
    await editor.waitFor();
    await editor.getByRole('button', { name: '添加别名' }).click();
    await editor.getByLabel('报表上的写法').fill('房管');
    await editor.getByLabel('规划中的单位').selectOption('区住建局');
    await editor.getByRole('button', { name: '更新别名' }).click();
    await expect.poll(() => editor.getByRole('status').innerText(), POLL).toContain('别名已更新');
    expect(await app.services.handlers.getDepartmentAliases({})).toEqual({ 房管: '区住建局' });
    await page.getByTestId('settings-dialog').getByRole('button', { name: '取消' }).click();

    const file = writeHandMadeReturn({ path: join(app.dir, '房管.xlsx'), year: 2025, departments: ['房管'], actuals: { '5': 88 } });
    await page.getByTestId('import-input').setInputFiles(file);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor({ timeout: 60_000 });
    expect(await preview.getByTestId('import-department').innerText()).toContain('区住建局');
    await preview.getByRole('button', { name: '取消' }).click();
  });
});
