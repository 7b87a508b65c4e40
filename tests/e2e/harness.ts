// End-to-end harness: the real services on a temporary database with a fixed clock, the real
// browser-mode server serving the built renderer, and the system Chromium with a fresh profile.
// Tests drive the UI as a clerk would and check the outcome in the page AND in the database.
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { chromiumReportRenderer } from '../../electron/report/chromium-pdf';
import { createServices } from '../../electron/services/create-services';
import { startWebServer } from '../../electron/web/server';
import type { WebServer } from '../../electron/web/server';
import type { GridCell } from '../../shared/api/contract';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';
import { makeTempDir } from '../helpers/tmp';

/** 15 March 2026 in Dongtou: 2023–2025 are due, 2026–2027 pending. */
export const FIXED_NOW = new Date('2026-03-15T09:00:00+08:00');
export const PLAN_ID = SEED_PLAN.id;
export const CHROMIUM = '/usr/bin/chromium';
export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export interface App {
  dir: string;
  services: ReturnType<typeof createServices>;
  server: WebServer;
  context: BrowserContext;
  page: Page;
  /** console errors and uncaught page errors seen so far (CSP violations land here). */
  consoleErrors: string[];
  /** The cell as the database has it now (a fresh getGrid, not the page). */
  dbCell(indicatorId: string, year: number, department?: string | null): Promise<GridCell>;
  close(): Promise<void>;
}

export interface StartOptions {
  viewport?: { width: number; height: number };
  /** Runs on the services before the page opens (seed data, settings). */
  before?: (services: ReturnType<typeof createServices>) => unknown;
  /** Give the services the PDF report (the system Chromium printing this server's report view). */
  reportPdf?: boolean;
}

export async function startApp(options: StartOptions = {}): Promise<App> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build:renderer` (npm run test:e2e does it)');
  }
  const tmp = makeTempDir('e2e-');
  let serverUrl = '';
  const services = createServices({
    dbPath: join(tmp.dir, 'data.sqlite'),
    mode: 'browser',
    now: () => FIXED_NOW,
    appVersion: '0.1.0-e2e',
    ...(options.reportPdf ? { renderReportPdf: chromiumReportRenderer(() => serverUrl, CHROMIUM) } : {}),
  });
  await options.before?.(services);
  const server = await startWebServer({ handlers: services.handlers, staticDir: RENDERER_DIR, port: 0 });
  serverUrl = server.url;
  const context = await chromium.launchPersistentContext(join(tmp.dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: options.viewport ?? { width: 1366, height: 768 },
    acceptDownloads: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  page.on('pageerror', (e) => consoleErrors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    // A CSP violation is a bug in the build or the grid, not noise: tests assert there are none.
    if (m.type() === 'error') {
      consoleErrors.push(m.text());
      console.error(`[page] ${m.text()}`);
    }
  });
  await page.goto(server.url);

  return {
    dir: tmp.dir,
    services,
    server,
    context,
    page,
    consoleErrors,
    async dbCell(indicatorId, year, department = null) {
      const grid = await services.handlers.getGrid({ planId: PLAN_ID, year, department });
      const row = grid.rows.find((r) => r.indicatorId === indicatorId);
      const cell = row?.cells[String(year)];
      if (!cell) throw new Error(`no cell ${indicatorId} ${year}`);
      return cell;
    },
    async close() {
      await context.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      services.close();
      tmp.cleanup();
    },
  };
}

/** On failure, keeps a screenshot of the page (os tmp dir) to show what the clerk would have seen. */
export async function screenshotOnFailure(page: Page | undefined, name: string, failed: boolean): Promise<void> {
  if (!failed || !page) return;
  const dir = join(tmpdir(), 'indicator-desk-e2e-failures');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name.replace(/[^\p{L}\p{N}]+/gu, '_').slice(0, 80)}.png`);
  await page.screenshot({ path: file }).catch(() => undefined);
  console.error(`screenshot of the failure: ${file}`);
}

/** A grid cell by row id (indicator id) and column id (e.g. actual-2025). */
export function cell(page: Page, indicatorId: string, colId: string): Locator {
  return page.locator(`.ag-row[row-id="${indicatorId}"] .ag-cell[col-id="${colId}"]`);
}

/** Waits until the grid has rendered its rows. */
export async function gridReady(page: Page): Promise<void> {
  await page.locator('.ag-row[row-id]').first().waitFor({ state: 'visible' });
}

/**
 * Brings a cell into view the way a clerk does with the keyboard: select the row's 序号 cell (a
 * pinned column, always rendered) and press → until the cell itself has the focus (AG Grid only
 * renders the columns near the view, and scrolls to keep the focused cell visible).
 */
export async function reveal(page: Page, indicatorId: string, colId: string): Promise<Locator> {
  const target = cell(page, indicatorId, colId);
  // Already fully in view? (Measured without waiting: the grid may re-render it away meanwhile.)
  const inView = await target.evaluateAll((els) => {
    const el = els[0];
    const viewport = document.querySelector('.ag-grid-viewport');
    if (!el || !viewport) return false;
    const box = el.getBoundingClientRect();
    const view = viewport.getBoundingClientRect();
    return box.width > 0 && box.left >= view.left && box.right <= view.right;
  });
  if (inView) return target;
  await cell(page, indicatorId, 'code').click();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('ArrowRight');
    const cls = (await target.count()) > 0 ? await target.getAttribute('class') : null;
    if (cls?.includes('ag-cell-focus')) return target;
  }
  throw new Error(`cell ${indicatorId} / ${colId} is not in the grid`);
}

/** Clicks a cell, scrolling it into view first. */
export async function clickCell(page: Page, indicatorId: string, colId: string): Promise<void> {
  await (await reveal(page, indicatorId, colId)).click();
}

/** The cell's shown text, scrolling it into view first. */
export async function cellText(page: Page, indicatorId: string, colId: string): Promise<string> {
  return (await reveal(page, indicatorId, colId)).innerText();
}

/** The cell's class list (status-met, status-missed …), scrolling it into view first. */
export async function cellClass(page: Page, indicatorId: string, colId: string): Promise<string> {
  return (await (await reveal(page, indicatorId, colId)).getAttribute('class')) ?? '';
}

/** Selects a cell and types into it as a clerk would: start typing, Enter to commit. */
export async function typeInto(page: Page, indicatorId: string, colId: string, text: string): Promise<void> {
  await clickCell(page, indicatorId, colId);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Dispatches a real paste event with tab-separated text at the focused cell. */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((tsv) => {
    const data = new DataTransfer();
    data.setData('text/plain', tsv);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}
