// Printing the grid prints EVERY indicator (issue 15): AG Grid draws only the rows in view and the
// print used to keep the screen's fixed grid box, so rows past it were cut off. Printed by Chromium
// (page.pdf, as the desktop's printToPDF and the browser's Ctrl+P do), from a short window: the PDF
// holds every indicator of the seed and of a 52-indicator plan (the last one included, over several
// pages); its pages are converted to PNG with pdftoppm for a person to look at (REPORT_PNG_DIR).
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/domain/plan';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';
import { demoEdits } from '../../scripts/demo-actuals';
import type { App } from './harness';
import { PLAN_ID, gridReady, screenshotOnFailure, startApp } from './harness';

const VIEWPORT = { width: 1100, height: 520 };

/** A longer plan (listed first: ids sort before the seed's): the seed's indicators four times over. */
const LONG_PLAN: Plan = {
  ...SEED_PLAN,
  id: 'a-long-plan',
  shortName: '长表',
  indicators: [1, 2, 3, 4].flatMap((round) =>
    SEED_PLAN.indicators.map((ind, i) => ({ ...ind, id: `long-${round}-${ind.id}`, code: String((round - 1) * 13 + i + 1), name: `第${round}组${ind.name}` })),
  ),
};

/** Print the page as Chromium does, return the PDF's text; the pages go to PNG files. */
async function printGrid(app: App, name: string): Promise<{ text: string; pages: string[] }> {
  const file = join(app.dir, `${name}.pdf`);
  writeFileSync(file, await app.page.pdf({ format: 'A4', landscape: true, printBackground: true }));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '70', file, join(app.dir, name)]);
  const pages = readdirSync(app.dir).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
  if (process.env.REPORT_PNG_DIR) for (const p of pages) copyFileSync(join(app.dir, p), join(process.env.REPORT_PNG_DIR, p));
  return { text, pages };
}

const drawnRows = (app: App) => app.page.locator('.ag-center-cols-container .ag-row').count();

describe('printing the grid', () => {
  let app: App | undefined;
  afterEach(async (ctx) => {
    await screenshotOnFailure(app?.page, ctx.task.name, ctx.task.result?.state === 'fail');
    await app?.close();
    app = undefined;
  });

  it("prints every indicator of the seed, the last one included, from a window that shows a few", async () => {
    app = await startApp({
      viewport: VIEWPORT,
      before: async (s) => {
        const saved = await s.handlers.saveCells({ planId: PLAN_ID, source: 'typed', edits: demoEdits() });
        if (saved.results.some((r) => !r.ok)) throw new Error('seed refused');
      },
    });
    await gridReady(app.page);
    const plan = await app.services.handlers.getPlan({ planId: PLAN_ID });
    const { text } = await printGrid(app, 'seed-print');
    for (const ind of plan.indicators) expect(text, ind.name).toContain(ind.name.slice(0, 8));
    // The last indicator's row carries its figures (demo data), and the legend is there.
    const row = text.split('\n').find((l) => l.includes(plan.indicators.at(-1)!.name.slice(0, 8))) ?? '';
    expect(row).toMatch(/\d{2},\d{3}/);
    expect(text).toContain('未达标');
    expect(text).not.toContain('导入');
  }, 120_000);

  it('prints all 52 rows of a longer plan over several pages, then the screen grid is virtualised again', async () => {
    app = await startApp({
      viewport: VIEWPORT,
      before: async (s) => {
        s.store.transaction(() => s.store.plans.insertPlan(LONG_PLAN, { who: 'test', at: new Date().toISOString(), source: 'seed' }));
        // Two plans now: the window shows the embedded one unless the clerk chose another (plan switcher).
        await s.handlers.saveSettings({ department: null, clerkName: '', clerkPhone: '', lang: 'zh', planId: LONG_PLAN.id });
      },
    });
    await gridReady(app.page);
    expect((await app.services.handlers.getBootstrap({})).plans[0]?.id).toBe(LONG_PLAN.id);
    // On screen only the rows in view (and a small buffer) are drawn.
    const onScreen = await drawnRows(app);
    expect(onScreen).toBeLessThan(LONG_PLAN.indicators.length);

    const { text, pages } = await printGrid(app, 'long-print');
    for (const ind of LONG_PLAN.indicators) expect(text, ind.name).toContain(ind.name.slice(0, 10));
    expect(pages.length).toBeGreaterThan(1);

    await app.page.waitForTimeout(200);
    expect(await drawnRows(app)).toBeLessThan(LONG_PLAN.indicators.length);
  }, 120_000);
});
