// `npm run screenshots`: pictures of the real UI for docs/screenshots/. Seeds a temporary database
// with realistic 2023–2025 actuals (met, missed, not yet reported), starts browser mode, drives the
// system Chromium at 1440×900 and writes grid-zh.png, import-preview-zh.png, grid-en.png,
// progress-zh.png (the coordinating office's 进度 panel) and dashboard-zh.png (the 看板's charts);
// then grid-150-zh.png: the grid at 150% text size (Ctrl + twice) on a 1366×768 screen.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { createServices } from '../electron/services/create-services';
import { startWebServer } from '../electron/web/server';
import { SHEET_RETURN, templateColumns } from '../electron/workbook/template-format';
import { SEED_PLAN } from '../shared/seed/zhu-you-yi-ju';
import { demoEdits } from './demo-actuals';

const OUT_DIR = fileURLToPath(new URL('../docs/screenshots', import.meta.url));
const RENDERER_DIR = fileURLToPath(new URL('../dist/renderer', import.meta.url));
const NOW = new Date('2026-03-15T09:00:00+08:00');
const PLAN_ID = SEED_PLAN.id;

/** A return as a clerk would send it back: the exported template with two late figures filled in and one slip. */
async function makeReturn(base64: string, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet(SHEET_RETURN);
  if (!sheet) throw new Error('exported workbook has no 填报表');
  const cols = templateColumns(SEED_PLAN.years);
  const y2025 = cols.yearCols.find((c) => c.year === 2025);
  if (!y2025) throw new Error('no 2025 columns');
  const fill: Record<string, { actual?: string | number; note?: string }> = {
    'zyyj-08': { actual: 14, note: '1个项目评审推迟' },
    'zyyj-10': { actual: 3 },
    'zyyj-02': { actual: 1056, note: '含2026年1月提前交付的44套' },
    'zyyj-07': { actual: '约6台' },
  };
  sheet.eachRow((row) => {
    const id = row.getCell(cols.id).value;
    const f = typeof id === 'string' ? fill[id] : undefined;
    if (!f) return;
    if (f.actual !== undefined) row.getCell(y2025.actual).value = f.actual;
    if (f.note !== undefined) row.getCell(cols.note).value = f.note;
  });
  await wb.xlsx.writeFile(file);
}

async function gridShown(page: Page): Promise<void> {
  await page.locator('.ag-row[row-id]').first().waitFor({ state: 'visible' });
  // Let fonts and the grid's column sizing settle before the picture.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(400);
}

/** Scrolls the grid so the reporting year's columns are in view (keyboard, as a clerk would). */
async function showYear(page: Page, indicatorId: string, colId: string): Promise<void> {
  await page.locator(`.ag-row[row-id="${indicatorId}"] .ag-cell[col-id="code"]`).click();
  const target = page.locator(`.ag-row[row-id="${indicatorId}"] .ag-cell[col-id="${colId}"]`);
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('ArrowRight');
    if ((await target.getAttribute('class').catch(() => null))?.includes('ag-cell-focus')) break;
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'screenshots-'));
  const services = createServices({ dbPath: join(dir, 'data.sqlite'), mode: 'browser', now: () => NOW, appVersion: '0.1.0' });
  const server = await startWebServer({ handlers: services.handlers, staticDir: RENDERER_DIR, port: 0 });
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  try {
    const h = services.handlers;
    await h.saveSettings({ department: '区住建局', clerkName: '王晓燕', clerkPhone: '0577-63481234', lang: 'zh' });
    const saved = await h.saveCells({ planId: PLAN_ID, source: 'typed', edits: demoEdits() });
    const refused = saved.results.filter((r) => !r.ok);
    if (refused.length > 0) throw new Error(`seed refused: ${JSON.stringify(refused)}`);

    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await gridShown(page);

    // 1. The grid in Chinese, 2025, 区住建局, with the history of a missed cell open.
    await page.getByRole('button', { name: '历史' }).click();
    await showYear(page, 'zyyj-02', 'completion-2025');
    await page.locator('.ag-row[row-id="zyyj-02"] .ag-cell[col-id="actual-2025"]').click();
    await page.getByTestId('cell-history').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT_DIR, 'grid-zh.png') });

    // 2. The import preview of a return with new figures and one unreadable value.
    const exported = await h.exportWorkbook({ planId: PLAN_ID, year: 2025, department: '区住建局' });
    const returnFile = join(dir, exported.fileName);
    await makeReturn(exported.base64, returnFile);
    await page.getByRole('button', { name: '历史' }).click();
    await page.getByTestId('import-input').setInputFiles(returnFile);
    await page.getByTestId('import-preview').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT_DIR, 'import-preview-zh.png') });
    await page.getByTestId('import-preview').getByRole('button', { name: '取消' }).click();

    // 3. The same grid in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.toolbar', { hasText: 'Import' }).waitFor();
    await showYear(page, 'zyyj-05', 'completion-2025');
    await page.locator('.ag-row[row-id="zyyj-05"] .ag-cell[col-id="actual-2025"]').hover();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(OUT_DIR, 'grid-en.png') });

    // 4. The coordinating office's plan-level progress panel, in Chinese.
    await page.getByRole('button', { name: '中文' }).click();
    await page.locator('.toolbar', { hasText: '导入' }).waitFor();
    await page.getByRole('button', { name: '进度' }).click();
    await page.getByTestId('progress-summary').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT_DIR, 'progress-zh.png') });
    // 5. The 看板: charts of the plan for 2025 (ECharts, loaded when it opens).
    await page.getByTestId('progress-panel').getByRole('button', { name: '关闭' }).first().click();
    await page.getByRole('button', { name: '看板' }).click();
    await page.locator('.dashboard[data-ready="true"]').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUT_DIR, 'dashboard-zh.png') });
    // 6. Larger text: 150% (Ctrl + twice) on the common 1366×768 screen, the 2025 columns in view.
    await page.getByTestId('dashboard').getByRole('button', { name: '关闭' }).last().click();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.keyboard.press('Control+Equal');
    await page.keyboard.press('Control+Equal');
    await page.locator('html[data-text-size="150"]').waitFor({ state: 'attached' });
    await gridShown(page);
    // The grid brings the reporting year's 实际值 back into view by itself after the size changes.
    await page.locator('.ag-row[row-id="zyyj-02"] .ag-cell[col-id="actual-2025"]').click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(OUT_DIR, 'grid-150-zh.png') });
    console.log(`写入 / wrote: ${['grid-zh.png', 'import-preview-zh.png', 'grid-en.png', 'progress-zh.png', 'dashboard-zh.png', 'grid-150-zh.png'].map((f) => join(OUT_DIR, f)).join(', ')}`);
  } finally {
    await context.close();
    await server.close();
    services.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
