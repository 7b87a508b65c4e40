// Exchanging returns through the real UI: export the standard workbook (a real download), import it
// back unchanged, then fill it in as a clerk would, re-save it with LibreOffice, import it —
// preview, apply, values in the grid and in the database — and undo the import.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SHEET_RETURN, templateColumns } from '../../electron/workbook/template-format';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';
import { convertWithLibreOffice } from '../helpers/libreoffice';
import type { App } from './harness';
import { cellClass, cellText, clickCell, gridReady, screenshotOnFailure, startApp } from './harness';

const POLL = { timeout: 30_000, interval: 100 };
const FILLED = [
  { id: 'zyyj-04', actual: 7, note: null },
  { id: 'zyyj-08', actual: 13, note: '两个项目评审推迟至次年' },
  { id: 'zyyj-11', actual: 100, note: null },
] as const;

/** Fills 2025 actuals into an exported return, finding rows by the hidden indicator-id column. */
async function fillReturn(source: string, target: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  const sheet = wb.getWorksheet(SHEET_RETURN);
  if (!sheet) throw new Error('no 填报表 sheet');
  const cols = templateColumns(SEED_PLAN.years);
  const col2025 = cols.yearCols.find((c) => c.year === 2025);
  if (!col2025) throw new Error('no 2025 columns');
  let filled = 0;
  sheet.eachRow((row) => {
    const id = row.getCell(cols.id).value;
    const want = FILLED.find((f) => f.id === id);
    if (!want) return;
    row.getCell(col2025.actual).value = want.actual;
    if (want.note) row.getCell(cols.note).value = want.note;
    filled++;
  });
  if (filled !== FILLED.length) throw new Error(`filled ${filled} rows, expected ${FILLED.length}`);
  await wb.xlsx.writeFile(target);
}

describe('export and import through the UI', () => {
  let app: App;
  let exported: string;

  beforeAll(async () => {
    app = await startApp({
      before: (s) => s.handlers.saveSettings({ department: '区住建局', clerkName: '李明', clerkPhone: '13800000000', lang: 'zh' }),
    });
    await gridReady(app.page);
    mkdirSync(join(app.dir, 'downloads'));
    mkdirSync(join(app.dir, 'lo'));
  });

  afterEach(async (ctx) => {
    await screenshotOnFailure(app?.page, ctx.task.name, ctx.task.result?.state === 'fail');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('exports the 2025 return of 区住建局 as a download', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '导出' }).click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('#export-year').inputValue()).toBe('2025');
    expect(await dialog.locator('#export-department').inputValue()).toBe('区住建局');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '导出' }).click()]);
    expect(download.suggestedFilename()).toBe('住有宜居_2025年度_区住建局_指标填报.xlsx');
    exported = join(app.dir, 'downloads', download.suggestedFilename());
    await download.saveAs(exported);
    const bytes = readFileSync(exported);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.getWorksheet(SHEET_RETURN)).toBeDefined();
  });

  it('imports the untouched export back: preview shows no changes', async () => {
    const { page } = app;
    await page.getByTestId('import-input').setInputFiles(exported);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor({ timeout: 60_000 });
    const detail = await preview.getByTestId('import-preview-detail').innerText();
    expect(detail).toContain('住有宜居_2025年度_区住建局_指标填报.xlsx');
    expect(detail).toContain('区住建局');
    expect(detail).toContain('修改（0）');
    expect(await preview.getByTestId('import-changes').count()).toBe(0);
    await preview.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => page.getByTestId('import-preview').count(), POLL).toBe(0);
    expect(await app.services.handlers.listImports({})).toHaveLength(0);
  });

  it('accepts a return dropped onto the window (drag and drop)', async () => {
    const { page } = app;
    const base64 = readFileSync(exported).toString('base64');
    const dataTransfer = await page.evaluateHandle(
      ({ b64, name }) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
        return dt;
      },
      { b64: base64, name: '拖入的报表.xlsx' },
    );
    await page.dispatchEvent('.workspace', 'dragenter', { dataTransfer });
    await page.dispatchEvent('.workspace', 'dragover', { dataTransfer });
    await page.dispatchEvent('.workspace', 'drop', { dataTransfer });
    const preview = page.getByTestId('import-preview');
    await preview.waitFor({ timeout: 60_000 });
    expect(await preview.getByTestId('import-preview-detail').innerText()).toContain('拖入的报表.xlsx');
    await preview.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => page.getByTestId('import-preview').count(), POLL).toBe(0);
    expect(await app.services.handlers.listImports({})).toHaveLength(0);
  });

  it('starts the same preview for files handed over by the desktop shell (menu / second launch)', async () => {
    // Stands in for the Electron preload's window.indicatorDeskShell (same shape as
    // shared/api/channels.ts); everything behind it — page, server, services — is real.
    const page = await app.context.newPage();
    try {
      await page.addInitScript(() => {
        const w = window as unknown as { indicatorDeskShell: unknown; deliverShellAction: (a: unknown) => void };
        const pending: unknown[] = [];
        let subscriber: ((a: unknown) => void) | null = null;
        w.deliverShellAction = (a) => (subscriber ? subscriber(a) : pending.push(a));
        w.indicatorDeskShell = {
          onMenuAction(cb: (a: unknown) => void) {
            subscriber = cb;
            for (const a of pending.splice(0)) cb(a);
            return () => {
              subscriber = null;
            };
          },
        };
      });
      await page.goto(app.server.url);
      const base64 = readFileSync(exported).toString('base64');
      // Delivered before React subscribes, as a file named on the command line would be.
      await page.evaluate((b64) => {
        (window as unknown as { deliverShellAction: (a: unknown) => void }).deliverShellAction({ type: 'import-files', files: [{ name: '双击打开的报表.xlsx', base64: b64 }] });
      }, base64);
      const preview = page.getByTestId('import-preview');
      await preview.waitFor({ timeout: 60_000 });
      expect(await preview.getByTestId('import-preview-detail').innerText()).toContain('双击打开的报表.xlsx');
      await preview.getByRole('button', { name: '取消' }).click();
      await page.evaluate(() => {
        (window as unknown as { deliverShellAction: (a: unknown) => void }).deliverShellAction({ type: 'show-message', zh: '已从备份恢复', en: 'Restored from backup' });
      });
      await expect.poll(() => page.getByTestId('notice').innerText(), POLL).toContain('已从备份恢复');
    } finally {
      await page.close();
    }
  });

  it('imports a return filled in and re-saved by LibreOffice, with an unreadable file in the batch', async () => {
    const { page } = app;
    const filled = join(app.dir, 'filled.xlsx');
    await fillReturn(exported, filled);
    const resaved = await convertWithLibreOffice(filled, 'xlsx', join(app.dir, 'lo'));
    const broken = join(app.dir, '损坏的报表.xlsx');
    writeFileSync(broken, 'this is not a workbook');

    // Record every progress line the page shows while it reads the batch.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="import-progress"]')?.textContent;
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByTestId('import-input').setInputFiles([resaved, broken]);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor({ timeout: 60_000 });
    // The broken file is listed with its reason; the good one shows old → new with cell refs.
    expect(await preview.getByTestId('import-failures').innerText()).toContain('损坏的报表.xlsx');
    const changes = preview.getByTestId('import-changes');
    await changes.waitFor();
    const text = await changes.innerText();
    expect(text).toContain('老旧小区累计改造个数');
    expect(text).toContain('创县级及以上优质工程累计数量');
    expect(text).toContain('两个项目评审推迟至次年');
    expect(text).toMatch(/填报表!\$?[A-Z]+\$?\d+/);
    const progress = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(progress).toEqual(['正在读取 1/2：filled.xlsx', '正在读取 2/2：损坏的报表.xlsx']);
    // Nothing is written before 应用.
    expect((await app.dbCell('zyyj-04', 2025)).actual).toBeNull();

    await preview.getByRole('button', { name: '应用' }).click();
    await expect.poll(() => page.getByTestId('import-preview').count(), POLL).toBe(0);
    for (const f of FILLED) {
      const c = await app.dbCell(f.id, 2025);
      expect(c.actual, f.id).toBe(f.actual);
      if (f.note) expect(c.note).toBe(f.note);
    }
    expect((await app.dbCell('zyyj-08', 2025)).status).toBe('missed');
    expect((await app.dbCell('zyyj-04', 2025)).status).toBe('met');
    // The grid shows them, coloured.
    await expect.poll(() => cellText(page, 'zyyj-04', 'actual-2025'), POLL).toBe('7');
    await expect.poll(() => cellClass(page, 'zyyj-08', 'actual-2025'), POLL).toContain('status-missed');
    await expect.poll(() => cellClass(page, 'zyyj-11', 'actual-2025'), POLL).toContain('status-met');
    const notice = page.getByTestId('notice');
    expect(await notice.innerText()).toContain('已导入');

    // The history panel names the file the value came from.
    await page.getByRole('button', { name: '历史' }).click();
    await clickCell(page, 'zyyj-04', 'actual-2025');
    await expect.poll(() => page.getByTestId('cell-history').innerText(), POLL).toContain('filled.xlsx');

    // 撤销导入 puts everything back.
    await notice.getByRole('button', { name: '撤销导入' }).click();
    for (const f of FILLED) await expect.poll(async () => (await app.dbCell(f.id, 2025)).actual, POLL).toBeNull();
    await expect.poll(() => cellText(page, 'zyyj-04', 'actual-2025'), POLL).toBe('');
    const imports = await app.services.handlers.listImports({});
    expect(imports).toHaveLength(1);
    expect(imports[0]?.undone).toBe(true);
  });
});
