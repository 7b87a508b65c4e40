// 导入规划表 in the window (issue 14 part 1), in real Chromium on real services: plan tables typed
// with openpyxl and re-saved by LibreOffice (学有优教: merged 领域, "(%)" units, a 累计 indicator,
// ≤N / 控制在…以内 / 降至 targets, "/", a 牵头单位 column) are picked through the plan switcher's
// button. The preview lists every row with what was inferred and why; the clerk corrects one
// direction and creates; the new plan is on screen with its targets and the corrected direction is
// stored. The same table again is said to match, and a changed target applied as a revision with a
// reason is listed in 调整记录; cancel and Esc create nothing; a table with a duplicate 序号 shows
// the issue with its cell and offers no create button; the returns import, given a plan table,
// points to 导入规划表. Typed work is never lost silently: Enter in a row's field moves down and
// creates nothing; Esc, × or 取消 after a correction ask 放弃已做的修改？ (Esc or 继续编辑 keep it,
// 放弃修改 closes and creates nothing); a revision shows the rows read-only; at 150% text size the
// 调整原因 row and its button stay in view while the rows scroll both ways. Screenshots go to
// /work/shots (or the OS temp folder) for a person to look at.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { XUE_YOU_YOU_JIAO, writePlanTables } from '../helpers/plan-tables';
import type { TableSpec } from '../helpers/plan-tables';
import { makeTempDir } from '../helpers/tmp';
import type { App } from './harness';
import { gridReady, reveal, screenshotOnFailure, startApp } from './harness';
import { describeViolations, runAxe, seriousOnes } from './helpers/axe';

const POLL = { timeout: 15_000, interval: 100 };
const SHOTS = existsSync('/work/shots') ? '/work/shots' : join(process.env.TMPDIR ?? '/tmp', 'indicator-desk-plans-shots');

/** 学有优教 with one target typed differently (序号 6, 2025: 72 → 80). */
const changed: TableSpec = { ...XUE_YOU_YOU_JIAO, rows: XUE_YOU_YOU_JIAO.rows.map((r) => (r.code === '6' ? { ...r, targets: ['72', '72', '80', '/', '/'] } : r)) };
/** The changed table with one more target typed differently, once that change is applied (序号 6, 2026: / → 76). */
const changedAgain: TableSpec = { ...XUE_YOU_YOU_JIAO, rows: XUE_YOU_YOU_JIAO.rows.map((r) => (r.code === '6' ? { ...r, targets: ['72', '72', '80', '76', '/'] } : r)) };
/** 学有优教 with 序号 1 twice. */
const duplicate: TableSpec = { ...XUE_YOU_YOU_JIAO, rows: XUE_YOU_YOU_JIAO.rows.map((r, i) => (i === 1 ? { ...r, code: '1' } : r)) };

describe('导入规划表 in the window', () => {
  let app: App;
  let failed = false;
  let tmp: ReturnType<typeof makeTempDir>;
  let files: Record<string, string>;
  let created = '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    tmp = makeTempDir('plan-table-e2e-');
    files = writePlanTables(tmp.dir, { xue: XUE_YOU_YOU_JIAO, xueChanged: changed, changedAgain, duplicate });
    app = await startApp({ viewport: { width: 1366, height: 768 } });
    await gridReady(app.page);
  });
  afterEach((ctx) => {
    failed ||= ctx.task.result?.state === 'fail';
  });
  afterAll(async () => {
    await screenshotOnFailure(app?.page, 'plan-table-import', failed);
    await app?.close();
    tmp?.cleanup();
  });

  const dialog = () => app.page.getByTestId('plan-table-import');
  const planCount = async () => (await app.services.handlers.listPlans({})).length;
  const discard = () => app.page.getByTestId('plan-import-discard');
  const textSize = () => app.page.evaluate(() => document.documentElement.getAttribute('data-text-size'));
  /** Ctrl+ twice, as a clerk does: 150%. */
  async function enlarge(page: Page): Promise<void> {
    await page.getByTestId('plan-table-import-open').focus();
    await page.keyboard.press('Control+Equal');
    await page.keyboard.press('Control+Equal');
    await expect.poll(textSize, POLL).toBe('150');
  }
  /** Whether the dialog's element is on screen and nothing covers its middle. */
  const reachable = (testId: string) =>
    dialog().getByTestId(testId).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom <= window.innerHeight && r.right <= window.innerWidth && el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
    });
  /** Scrolls the rows to their end, both ways: whether 序号 6's last year is then in view, below the column heads (kept in view). */
  const lastCellInView = () =>
    dialog().getByTestId('plan-import-scroll').evaluate((el) => {
      el.scrollTo(el.scrollWidth, el.scrollHeight);
      const box = el.getBoundingClientRect();
      const cell = el.querySelector('tr[data-code="6"] td[data-year="2027"]')!.getBoundingClientRect();
      const head = el.querySelector('thead th:last-child')!.getBoundingClientRect();
      return cell.right <= box.right + 1 && cell.bottom <= box.bottom + 1 && cell.top >= head.bottom - 1 && head.top >= box.top - 1;
    });
  /** The focused element as "序号|field" inside the rows, else its data-testid. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement;
      const field = el?.getAttribute('data-field');
      return field ? `${el?.closest('tr')?.getAttribute('data-code')}|${field}` : el?.getAttribute('data-testid');
    });

  /** Picks a plan table through the switcher's button, as a clerk does, and waits for its preview. */
  async function pick(page: Page, path: string): Promise<void> {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('plan-table-import-open').click()]);
    await chooser.setFiles(path);
    await dialog().waitFor({ state: 'visible' });
    await dialog().locator('[data-testid="plan-import-rows"], [data-testid="plan-import-issues"]').first().waitFor({ state: 'visible' });
  }

  it('at 150% text size (1366×768) a new table\'s rows scroll both ways inside the body, the names and buttons in view', async () => {
    const { page } = app;
    await enlarge(page);
    await pick(page, files.xue!);
    const scroll = dialog().getByTestId('plan-import-scroll');
    // Wider than the dialog: the table scrolls sideways inside the body, not the dialog.
    expect(await scroll.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await dialog().evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'h14j-150-preview.png') });
    for (const id of ['plan-import-name', 'plan-import-create', 'plan-import-cancel']) expect(await reachable(id), id).toBe(true);
    expect(await lastCellInView()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'h14j-150-preview-scrolled.png') });
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    await page.keyboard.press('Control+0');
    await expect.poll(textSize, POLL).toBeNull();
  });

  it('Enter in a row field moves down and creates nothing; Esc, × and 取消 after a correction ask first, and only 放弃修改 drops it', async () => {
    const { page } = app;
    const before = await planCount();
    await pick(page, files.xue!);
    const row = (code: string) => dialog().locator(`tr[data-code="${code}"]`);
    const name1 = row('1').locator('[data-field="name"]');
    const typed = `${await name1.inputValue()}（修订）`;
    await name1.fill(typed);
    // Enter moves to the same field of the next row (Excel habit), in names, units, selects and leads alike.
    await name1.press('Enter');
    expect(await focused(page)).toBe('2|name');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('3|name');
    await row('3').locator('[data-field="unit"]').press('Enter');
    expect(await focused(page)).toBe('4|unit');
    await row('4').locator('[data-field="kind"]').press('Enter');
    expect(await focused(page)).toBe('5|kind');
    await row('6').locator('[data-field="leadUnit"]').press('Enter');
    expect(await focused(page)).toBe('6|leadUnit');
    await row('6').locator('[data-field="leadUnit"]').press('Shift+Enter');
    expect(await focused(page)).toBe('5|leadUnit');
    // Nor does Enter in the plan's name or title press the main button.
    await dialog().getByTestId('plan-import-name').press('Enter');
    await dialog().getByTestId('plan-import-title').press('Enter');
    expect(await dialog().isVisible()).toBe(true);
    expect(await planCount()).toBe(before);

    // Esc asks; the focus starts on the safe answer; Esc on the question goes back to editing.
    await page.keyboard.press('Escape');
    await discard().waitFor({ state: 'visible' });
    expect(await discard().innerText()).toMatch(/放弃已做的修改？[\s\S]*继续编辑[\s\S]*放弃修改/);
    expect(await focused(page)).toBe('plan-import-keep');
    const serious = seriousOnes(await runAxe(page, '[data-testid="plan-import-discard"]'));
    expect(serious, describeViolations(serious)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'h14j-discard.png') });
    await page.keyboard.press('Escape');
    await discard().waitFor({ state: 'detached' });
    expect(await dialog().isVisible()).toBe(true);
    expect(await name1.inputValue()).toBe(typed);
    // × asks too; 继续编辑 keeps the correction.
    await dialog().getByRole('button', { name: '关闭' }).click();
    await discard().getByTestId('plan-import-keep').click();
    await discard().waitFor({ state: 'detached' });
    expect(await name1.inputValue()).toBe(typed);
    expect(await row('1').getAttribute('class')).toContain('dirty');
    // 取消 asks; 放弃修改 closes and nothing is created.
    await dialog().getByTestId('plan-import-cancel').click();
    await discard().getByTestId('plan-import-discard-confirm').click();
    await dialog().waitFor({ state: 'detached' });
    expect(await discard().count()).toBe(0);
    expect(await planCount()).toBe(before);
    expect(await focused(page)).toBe('plan-table-import-open');
  });

  it('previews every row with what was inferred; a corrected direction is stored; the new plan is on screen with its targets', async () => {
    const { page } = app;
    expect(await page.getByTestId('plan-table-import-open').innerText()).toBe('导入规划表');
    await pick(page, files.xue!);
    const rows = dialog().getByTestId('plan-import-rows').locator('tbody tr');
    expect(await rows.count()).toBe(6);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')))).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(await dialog().getByTestId('plan-import-name').inputValue()).toBe('学有优教');
    expect(await dialog().getByTestId('plan-import-summary').innerText()).toContain('2023—2027 年，6 个指标');
    const row = (code: string) => dialog().locator(`tr[data-code="${code}"]`);
    expect(await row('1').locator('[data-field="unit"]').inputValue()).toBe('%');
    expect(await row('2').locator('[data-field="kind"]').inputValue()).toBe('cumulative');
    expect(await row('2').getByTestId('kind-reason').innerText()).toBe('推断：名称含“累计”');
    expect(await row('4').locator('[data-field="direction"]').inputValue()).toBe('lower');
    expect(await row('4').getByTestId('direction-reason').innerText()).toBe('推断：目标写作 ≤N / N以内');
    expect(await row('4').locator('td[data-year]').allInnerTexts()).toEqual(['52', '51', '50', '49', '48']);
    expect(await row('6').locator('td[data-year]').allInnerTexts()).toEqual(['72', '72', '72', '/', '/']);
    expect(await row('1').locator('[data-field="leadUnit"]').inputValue()).toBe('区教育局');
    // 领域 merged over its rows, as in the table.
    expect(await dialog().locator('td.domain').count()).toBe(3);
    const serious = seriousOnes(await runAxe(page, '[data-testid="plan-table-import"]'));
    expect(serious, describeViolations(serious)).toEqual([]);

    // 学生体质健康优良率下降率 with rising targets is read higher-is-better; this clerk says lower.
    expect(await row('5').locator('[data-field="direction"]').inputValue()).toBe('higher');
    await row('5').locator('[data-field="direction"]').selectOption('lower');
    expect(await row('5').getByTestId('direction-corrected').innerText()).toBe('已改正');
    await page.screenshot({ path: join(SHOTS, 'h14i-preview.png') });
    // The main button is reached by the keyboard (Enter on the button itself).
    await dialog().getByTestId('plan-import-create').focus();
    await page.keyboard.press('Enter');
    await dialog().waitFor({ state: 'detached' });

    const plans = await app.services.handlers.listPlans({});
    const xue = plans.find((p) => p.shortName === '学有优教');
    expect(xue?.indicatorCount).toBe(6);
    created = xue!.id;
    const plan = await app.services.handlers.getPlan({ planId: created });
    expect(plan.indicators.map((i) => [i.code, i.kind, i.direction])).toEqual([
      ['1', 'rate', 'higher'], ['2', 'cumulative', 'higher'], ['3', 'rate', 'higher'], ['4', 'rate', 'lower'], ['5', 'rate', 'lower'], ['6', 'stock', 'higher'],
    ]);
    expect(plan.indicators[5]!.targets).toEqual({ 2023: 72, 2024: 72, 2025: 72, 2026: '/', 2027: '/' });
    await expect.poll(() => page.getByTestId('plan-picker').inputValue(), POLL).toBe(created);
    const first = plan.indicators[0]!;
    await page.locator(`.ag-row[row-id="${first.id}"]`).first().waitFor({ state: 'visible' });
    const rowIds = await page.locator('.ag-row[row-id]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('row-id')))]);
    expect(rowIds.sort()).toEqual(plan.indicators.map((i) => i.id).sort());
    expect(await (await reveal(page, first.id, 'target-2025')).innerText()).toBe('94');
    expect(await page.getByTestId('notice').innerText()).toContain('已创建规划“学有优教”');
  });

  it('the same table again is said to match; a changed target applied as a revision needs a reason and is listed in 调整记录', async () => {
    const { page } = app;
    const before = await planCount();
    await pick(page, files.xueChanged!);
    const match = dialog().getByTestId('plan-import-match');
    await match.waitFor({ state: 'visible' });
    expect(await match.innerText()).toContain('这张规划表与已有规划《学有优教》的指标相同');
    expect(await match.getByTestId('plan-import-changes').innerText()).toBe('6 教师年均培训学时 2025 年：72 → 80');
    expect(await dialog().locator('tr[data-code="6"] td[data-year="2025"]').getAttribute('class')).toContain('changed');
    expect(await dialog().getByTestId('plan-import-create').count()).toBe(0);
    expect(await dialog().getByTestId('plan-import-as-new').isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'h14i-match.png') });
    const serious = seriousOnes(await runAxe(page, '[data-testid="plan-table-import"]'));
    expect(serious, describeViolations(serious)).toEqual([]);

    await dialog().getByTestId('plan-import-revise').click();
    await expect.poll(() => dialog().getByTestId('plan-import-problem').innerText(), POLL).toBe('请填写调整原因。');
    await dialog().getByTestId('plan-import-reason').fill('区教育局年度培训计划调整');
    // Enter in the reason field applies it (the dialog's default button).
    await dialog().getByTestId('plan-import-reason').press('Enter');
    await dialog().waitFor({ state: 'detached' });
    expect(await planCount()).toBe(before);
    const plan = await app.services.handlers.getPlan({ planId: created });
    expect(plan.indicators[5]!.targets[2025]).toBe(80);

    await page.getByTestId('plan-edit-open').click();
    const editor = page.getByTestId('plan-editor');
    await editor.getByTestId('plan-editor-table').waitFor({ state: 'visible' });
    await editor.getByTestId('plan-revisions-toggle').click();
    const revisions = editor.getByTestId('plan-revisions');
    await revisions.waitFor({ state: 'visible' });
    expect(await revisions.locator('tbody tr').first().innerText()).toMatch(/教师年均培训学时[\s\S]*2025[\s\S]*72 → 80[\s\S]*区教育局年度培训计划调整/);
    await editor.getByRole('button', { name: '关闭' }).last().click();
    await editor.waitFor({ state: 'detached' });
  });

  it('Esc and 取消 close the preview and create nothing', async () => {
    const { page } = app;
    const before = await app.services.handlers.listPlans({});
    await pick(page, files.xue!);
    await dialog().getByTestId('plan-import-match').waitFor({ state: 'visible' });
    // A revision changes targets only: the rows are shown, not edited, and it says so once above them.
    expect(await dialog().getByTestId('plan-import-rows').locator('input, select').count()).toBe(0);
    expect(await dialog().getByTestId('plan-import-readonly').innerText()).toContain('按表调整只改目标');
    expect(await dialog().locator('tr[data-code="4"] [data-field="direction"]').innerText()).toBe('越低越好');
    // Nothing changed: Esc closes at once.
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    // Focus is back on the button that opened it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('plan-table-import-open');
    await pick(page, files.xue!);
    await dialog().getByTestId('plan-import-cancel').click();
    await dialog().waitFor({ state: 'detached' });
    // A typed 调整原因 is work too: × asks, and 放弃修改 revises nothing.
    await pick(page, files.changedAgain!);
    await dialog().getByTestId('plan-import-reason').fill('区教育局年度培训计划再调整');
    await dialog().getByRole('button', { name: '关闭' }).click();
    await discard().getByTestId('plan-import-discard-confirm').click();
    await dialog().waitFor({ state: 'detached' });
    expect(await app.services.handlers.listPlans({})).toEqual(before);
    expect((await app.services.handlers.listPlanRevisions({ planId: created })).length).toBe(1);
  });

  it('a table with a duplicate 序号 shows the issue with its cell and offers no create button', async () => {
    const { page } = app;
    const before = await planCount();
    await pick(page, files.duplicate!);
    const issues = dialog().getByTestId('plan-import-issues');
    await issues.waitFor({ state: 'visible' });
    const text = await issues.innerText();
    expect(text).toContain('不能创建规划');
    expect(text).toMatch(/!B4：序号“1”重复/);
    expect(await dialog().getByTestId('plan-import-create').count()).toBe(0);
    expect(await dialog().getByTestId('plan-import-as-new').count()).toBe(0);
    expect(await dialog().getByTestId('plan-import-rows').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'h14i-bad-table.png') });
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    // The same in English.
    await page.getByRole('button', { name: 'English' }).click();
    await pick(page, files.duplicate!);
    const english = await dialog().getByTestId('plan-import-issues').innerText();
    expect(english).toContain('no plan can be created');
    expect(english).toMatch(/!B4: .*rows 3 and 4/);
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    // The English toolbar still shows the whole button; the preview reads in English.
    const box = await page.getByTestId('plan-table-import-open').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
    await pick(page, files.xueChanged!);
    expect(await dialog().getByTestId('plan-import-match').innerText()).toContain('same indicators as the plan "学有优教"');
    await page.screenshot({ path: join(SHOTS, 'h14i-match-en.png') });
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '中文' }).click();
    expect(await planCount()).toBe(before);
  });

  it('at 150% text size (1366×768) the names and the 调整原因 row stay in view while the rows scroll', async () => {
    const { page } = app;
    await enlarge(page);
    await pick(page, files.changedAgain!);
    await page.screenshot({ path: join(SHOTS, 'h14j-150-revise.png') });
    for (const id of ['plan-import-name', 'plan-import-reason', 'plan-import-revise', 'plan-import-as-new']) expect(await reachable(id), id).toBe(true);
    expect(await lastCellInView()).toBe(true);
    // Still in view with the rows scrolled.
    expect(await reachable('plan-import-revise')).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'h14j-150-revise-scrolled.png') });
    await dialog().getByTestId('plan-import-cancel').click();
    await dialog().waitFor({ state: 'detached' });
    await page.keyboard.press('Control+0');
    await expect.poll(textSize, POLL).toBeNull();
  });

  it('a plan table given to the returns import (导入) is only compared, and points to 导入规划表', async () => {
    const { page } = app;
    await page.getByTestId('import-input').setInputFiles(files.xue!);
    const pointer = page.getByTestId('import-preview').getByTestId('plan-table-pointer');
    await pointer.waitFor({ state: 'visible' });
    expect(await pointer.innerText()).toContain('请用规划旁的“导入规划表”');
    await page.getByTestId('import-preview').getByRole('button', { name: '取消' }).click();
    expect(app.consoleErrors).toEqual([]);
  });
});
