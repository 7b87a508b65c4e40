// 导入规划表's preview in real Chromium on real services (plan table typed with openpyxl, re-saved by
// LibreOffice): scrolled sideways to its last year, 序号 and the indicator name stay pinned at the
// left of the rows (nothing covers them), at 100% and at 150% text size; an emptied 规划简称 is
// refused at the field (aria-invalid, message under it, 创建 disabled) rather than replaced by the
// table's name, and typing a name enables 创建 again. Screenshots go to /work/shots (or the OS temp
// folder) for a person to look at.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { XUE_YOU_YOU_JIAO, writePlanTables } from '../helpers/plan-tables';
import { makeTempDir } from '../helpers/tmp';
import type { App } from './harness';
import { gridReady, screenshotOnFailure, startApp } from './harness';

const POLL = { timeout: 15_000, interval: 100 };
const SHOTS = existsSync('/work/shots') ? '/work/shots' : join(process.env.TMPDIR ?? '/tmp', 'indicator-desk-plans-shots');

describe('导入规划表 preview: pinned columns and a required short name', () => {
  let app: App;
  let failed = false;
  let tmp: ReturnType<typeof makeTempDir>;
  let files: Record<string, string>;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    tmp = makeTempDir('plan-preview-pinned-e2e-');
    files = writePlanTables(tmp.dir, { xue: XUE_YOU_YOU_JIAO });
    app = await startApp({ viewport: { width: 1366, height: 768 } });
    await gridReady(app.page);
  });
  afterEach((ctx) => {
    failed ||= ctx.task.result?.state === 'fail';
  });
  afterAll(async () => {
    await screenshotOnFailure(app?.page, 'plan-table-preview-pinned', failed);
    await app?.close();
    tmp?.cleanup();
  });

  const dialog = () => app.page.getByTestId('plan-table-import');
  const textSize = () => app.page.evaluate(() => document.documentElement.getAttribute('data-text-size'));

  async function pick(page: Page, path: string): Promise<void> {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('plan-table-import-open').click()]);
    await chooser.setFiles(path);
    await dialog().waitFor({ state: 'visible' });
    await dialog().getByTestId('plan-import-rows').waitFor({ state: 'visible' });
  }

  /**
   * Scrolls the rows to their right end; for 序号 6's code and name cells: inside the scroll box on
   * the left and not covered (the point inside each is its own cell), and the last year in view.
   */
  const pinnedAfterScroll = () =>
    dialog().getByTestId('plan-import-scroll').evaluate((el) => {
      el.scrollTo(el.scrollWidth, el.scrollHeight);
      const box = el.getBoundingClientRect();
      const row = el.querySelector('tr[data-code="6"]')!;
      const visible = (cell: Element) => {
        const r = cell.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + Math.min(12, r.width / 2), r.top + r.height / 2);
        return r.left >= box.left - 1 && r.right <= box.right && hit !== null && cell.contains(hit);
      };
      const last = row.querySelector('td[data-year="2027"]')!.getBoundingClientRect();
      return { scrolled: el.scrollLeft > 0, code: visible(row.querySelector('td.pin-code')!), name: visible(row.querySelector('td.pin-name')!), lastYear: last.right <= box.right + 1 };
    });

  it('scrolled sideways, 序号 and the indicator name stay pinned, at 100% and at 150% text size', async () => {
    const { page } = app;
    // At 100% the rows fit 1366 px: a narrower window makes them scroll sideways.
    await page.setViewportSize({ width: 1000, height: 768 });
    await pick(page, files.xue!);
    expect(await pinnedAfterScroll()).toEqual({ scrolled: true, code: true, name: true, lastYear: true });
    await page.screenshot({ path: join(SHOTS, 'hB-pinned-100.png') });
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    await page.setViewportSize({ width: 1366, height: 768 });

    await page.getByTestId('plan-table-import-open').focus();
    await page.keyboard.press('Control+Equal');
    await page.keyboard.press('Control+Equal');
    await expect.poll(textSize, POLL).toBe('150');
    await pick(page, files.xue!);
    expect(await pinnedAfterScroll()).toEqual({ scrolled: true, code: true, name: true, lastYear: true });
    await page.screenshot({ path: join(SHOTS, 'hB-pinned-150.png') });
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    await page.keyboard.press('Control+0');
    await expect.poll(textSize, POLL).toBeNull();
  });

  it('an emptied 规划简称 is refused at the field and 创建 is disabled until a name is typed', async () => {
    const { page } = app;
    await pick(page, files.xue!);
    const name = dialog().getByTestId('plan-import-name');
    const create = dialog().getByTestId('plan-import-create');
    expect(await create.isEnabled()).toBe(true);
    await name.fill('');
    expect(await name.inputValue()).toBe('');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog().getByTestId('plan-import-name-problem').textContent()).toBe('请填写规划简称。');
    expect(await name.getAttribute('aria-describedby')).toBe('plan-import-name-problem');
    expect(await create.isDisabled()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'hB-short-name-required.png') });
    await name.fill('学有优教试点');
    expect(await dialog().getByTestId('plan-import-name-problem').count()).toBe(0);
    expect(await create.isEnabled()).toBe(true);
    // Back to the table's own name: nothing changed, so Esc closes at once; nothing was created.
    await name.fill('学有优教');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    expect((await app.services.handlers.listPlans({})).length).toBe(1);
  });
});
