// In real Chromium, a 实际值 cell's status is not told by colour alone: the cell draws its symbol
// (√ × ? …, from data-status-symbol) and carries the status name as its accessible description,
// and both follow a typed value; the legend shows each symbol with its meaning.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { App } from './harness';
import { gridReady, reveal, screenshotOnFailure, startApp, typeInto } from './harness';

const POLL = { timeout: 20_000, interval: 100 };

/** The cell's accessible description, the symbol its ::after draws, and its shown text. */
async function cue(page: Page, indicatorId: string, colId: string): Promise<{ description: string | null; symbol: string; text: string }> {
  const el = await reveal(page, indicatorId, colId);
  return el.evaluate((node) => ({
    description: node.getAttribute('aria-description'),
    symbol: getComputedStyle(node, '::after').content,
    text: (node as HTMLElement).innerText,
  }));
}

describe('status cue in the grid', () => {
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

  it('marks a due empty cell "?", then × and √ as typed values miss and meet the target', async () => {
    const { page } = app;
    expect(await cue(page, 'zyyj-02', 'actual-2025')).toEqual({ description: '未填报', symbol: '"?"', text: '' });
    // 2026 is not due yet (fixed clock: March 2026): pending, no symbol.
    expect((await cue(page, 'zyyj-02', 'actual-2026')).description).toBe('未到期');
    expect((await cue(page, 'zyyj-02', 'actual-2026')).symbol).toBe('none');
    await typeInto(page, 'zyyj-02', 'actual-2025', '1012');
    await expect.poll(async () => (await cue(page, 'zyyj-02', 'actual-2025')).description, POLL).toBe('未达标');
    expect(await cue(page, 'zyyj-02', 'actual-2025')).toEqual({ description: '未达标', symbol: '"×"', text: '1,012' });
    await typeInto(page, 'zyyj-02', 'actual-2025', '1100');
    await expect.poll(async () => (await cue(page, 'zyyj-02', 'actual-2025')).description, POLL).toBe('达标');
    expect((await cue(page, 'zyyj-02', 'actual-2025')).symbol).toBe('"√"');
  });

  it('shows each symbol with its meaning in the legend', async () => {
    const legend = await app.page.getByRole('list', { name: '图例' }).innerText();
    for (const item of ['√达标', '×未达标', '≈接近', '/无目标', '?未填报']) expect(legend.replace(/\s+/g, '')).toContain(item);
  });

  it('ran without page errors', () => {
    expect(app.consoleErrors).toEqual([]);
  });
});
