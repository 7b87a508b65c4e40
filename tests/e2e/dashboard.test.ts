// The 看板 and the leadership report (issue 15) on the data `npm run screenshots` seeds: real
// services on a temporary database with a fixed clock, the real UI in Chromium. The charts' numbers
// (their text-alternative tables) must be the database's; ECharts must arrive only with the
// dashboard (its own chunk); the PDF is printed by Chromium from the report view, converted to PNG
// with pdftoppm; the consolidated workbook is read back by our own `inspect` and survives a
// LibreOffice re-save with its values and conditional formats; the CLI writes both formats.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { Dashboard } from '../../shared/api/contract';
import { cycleText } from '../../shared/i18n/cycle-messages';
import { demoEdits } from '../../scripts/demo-actuals';
import { convertWithLibreOffice } from '../helpers/libreoffice';
import type { App } from './harness';
import { PLAN_ID, RENDERER_DIR, gridReady, screenshotOnFailure, startApp } from './harness';

const POLL = { timeout: 20_000, interval: 100 };
/** The system Python has openpyxl; a pyenv shim first on PATH may not. */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const fmt = (n: number | null): string => (n === null ? '—' : n.toLocaleString('zh-CN', { maximumFractionDigits: 4 }));

/** Rows of a chart's text-alternative table (textContent: the table is visually hidden). */
async function tableRows(app: App, testId: string): Promise<string[][]> {
  return app.page.getByTestId(testId).locator('table[data-testid="chart-data"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.children).map((c) => (c.textContent ?? '').trim())),
  );
}

describe('the dashboard and the leadership report', () => {
  let app: App;
  let dashboard: Dashboard;
  const requested: string[] = [];

  beforeAll(async () => {
    app = await startApp({
      reportPdf: true,
      viewport: { width: 1440, height: 900 },
      before: async (s) => {
        await s.handlers.saveSettings({ department: null, clerkName: '王晓燕', clerkPhone: '0577-63481234', lang: 'zh' });
        const saved = await s.handlers.saveCells({ planId: PLAN_ID, source: 'typed', edits: demoEdits() });
        if (saved.results.some((r) => !r.ok)) throw new Error('seed refused');
      },
    });
    app.page.on('request', (r) => requested.push(r.url()));
    await gridReady(app.page);
    dashboard = await app.services.handlers.getDashboard({ planId: PLAN_ID, year: 2025 });
  });

  afterEach(async (ctx) => {
    await screenshotOnFailure(app?.page, ctx.task.name, ctx.task.result?.state === 'fail');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('the rule gives issue 15’s outlooks on this data', () => {
    const byId = new Map(dashboard.indicators.map((i) => [i.indicatorId, i.progress]));
    expect(byId.get('zyyj-02')).toMatchObject({ outlook: 'on-track', reasons: ['year-missed-explained'], paceSoFar: 180, paceNeeded: 44 });
    expect(byId.get('zyyj-13')).toMatchObject({ outlook: 'at-risk', missingYear: 2025, projected: 16745 });
    expect(byId.get('zyyj-10')).toMatchObject({ outlook: 'at-risk', missingYear: 2025, projected: 4 });
  });

  it('printing the grid: the table with its colours and legend, not the toolbar', async () => {
    const { page } = app;
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('.toolbar').evaluate((el) => getComputedStyle(el).display)).toBe('none');
      expect(await page.locator('.statusbar').evaluate((el) => getComputedStyle(el).display)).toBe('none');
      expect(await page.locator('.status-legend').isVisible()).toBe(true);
      const file = join(app.dir, 'grid.pdf');
      writeFileSync(file, await page.pdf({ format: 'A4', landscape: true, printBackground: true }));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      // Every indicator row, the legend, and none of the toolbar's buttons.
      const plan = await app.services.handlers.getPlan({ planId: PLAN_ID });
      for (const ind of plan.indicators) expect(text).toContain(ind.name.slice(0, 8));
      expect(text).toContain('未达标');
      expect(text).not.toContain('导入');
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(app.dir, 'grid-page')]);
      if (process.env.REPORT_PNG_DIR) writeFileSync(join(process.env.REPORT_PNG_DIR, 'grid-print.png'), readFileSync(join(app.dir, readdirSync(app.dir).find((f) => f.startsWith('grid-page')) as string)));
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('ECharts is not in the initial bundle; its chunk loads when the dashboard opens', async () => {
    const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8');
    const entry = /src="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const assets = readdirSync(join(RENDERER_DIR, 'assets')).filter((f) => f.endsWith('.js'));
    const withEcharts = assets.filter((f) => readFileSync(join(RENDERER_DIR, 'assets', f), 'utf8').includes('echarts'));
    expect(withEcharts.length).toBeGreaterThan(0);
    expect(withEcharts).not.toContain(entry);
    // Nothing of it has been fetched while the grid alone is open.
    expect(requested.filter((u) => withEcharts.some((f) => u.endsWith(f)))).toEqual([]);

    await app.page.getByRole('button', { name: '看板' }).click();
    await app.page.locator('.dashboard[data-ready="true"]').waitFor({ timeout: 30_000 });
    expect(requested.filter((u) => withEcharts.some((f) => u.endsWith(f))).length).toBeGreaterThan(0);
  });

  it('every chart is drawn and its numbers are the database’s', async () => {
    const { page } = app;
    const panel = page.getByTestId('dashboard');
    const t = dashboard.totals;
    expect(await panel.getByTestId('dashboard-summary').innerText()).toBe(
      `13 项指标：超前 ${t.ahead}，正常 ${t['on-track']}，滞后 ${t.behind}，有风险 ${t['at-risk']}，无数据 ${t['no-data']}`,
    );
    // Drawn: each figure has an SVG with shapes.
    const figures = panel.locator('figure.chart-figure');
    expect(await figures.count()).toBe(2 + 13);
    for (const n of await figures.all()) expect(await n.locator('svg path').count()).toBeGreaterThan(0);

    // Per 领域: counts by outlook, from the database's progress.
    const progress = await app.services.handlers.getProgress({ planId: PLAN_ID });
    const plan = await app.services.handlers.getPlan({ planId: PLAN_ID });
    const domainRows = await tableRows(app, 'chart-domains');
    expect(domainRows.map((r) => r[0])).toEqual(['住房保障', '住房品质', '住房安全', '住房市场']);
    for (const row of domainRows) {
      const ids = plan.indicators.filter((i) => i.domain === row[0]).map((i) => i.id);
      const count = (o: string) => String(progress.filter((p) => ids.includes(p.indicatorId) && p.outlook === o).length);
      expect(row.slice(1)).toEqual(['ahead', 'on-track', 'behind', 'at-risk', 'no-data'].map(count));
    }

    // Per department: reported / expected for 2025, counted from the grid the database serves.
    const grid = await app.services.handlers.getGrid({ planId: PLAN_ID, year: 2025, department: null });
    const deptRows = await tableRows(app, 'chart-departments');
    expect(deptRows.length).toBeGreaterThan(0);
    for (const [dept, text] of deptRows) {
      const led = grid.rows.filter((r) => r.leadUnit === dept);
      const reported = led.filter((r) => r.cells['2025']?.actual !== null).length;
      expect(text).toBe(`${reported} / ${led.length}`);
    }
    // (Columns 3–4, the reporting state and days overdue, are checked in the last test.)
    expect(deptRows.map((r) => r.slice(0, 2))).toContainEqual(['市住房公积金洞头分中心', '0 / 1']);

    // Per indicator: targets and actuals year by year against the cells in the database.
    for (const ind of plan.indicators) {
      const rows = await tableRows(app, `chart-indicator-${ind.id}`);
      expect(rows.map((r) => r[0])).toEqual(plan.years.map(String));
      for (const [i, y] of plan.years.entries()) {
        const c = await app.dbCell(ind.id, y);
        const unit = ind.unit === '%' ? '%' : '';
        const target = typeof c.target === 'number' ? `${fmt(c.target)}${unit}` : '—';
        const actual = c.actual === null ? '—' : `${fmt(c.actual)}${unit}`;
        expect(rows[i]?.slice(1, 3), `${ind.id} ${y}`).toEqual([target, actual]);
      }
    }
    // Indicator 2's projection runs from 1,012 (2025) to 1,372 (2027).
    const two = await tableRows(app, 'chart-indicator-zyyj-02');
    expect(two.map((r) => r[3])).toEqual(['—', '—', '1,012', '1,192', '1,372']);
    expect(app.consoleErrors).toEqual([]);
  });

  it('the PDF report is made by Chromium from the report view: A4, Chinese, and converts to PNG', async () => {
    const { page } = app;
    const download = page.waitForEvent('download', { timeout: 90_000 });
    await page.getByTestId('report-pdf').click();
    const file = join(app.dir, 'report.pdf');
    await (await download).saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    // A4 is 595 × 842 pt; Chromium prints 594.96 × 841.92.
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(2);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('实施进度报告');
    expect(text).toContain('数据来源');
    expect(text).toContain('一、总体情况');
    expect(text).toContain('住房公积金年末实缴职工人数');
    expect(text).toContain('2025年应填未填');
    expect(text).toContain('时间过去 60%');
    expect(text).toContain('2个项目延期至2026年交付'); // the clerk's note beside its indicator
    execFileSync('pdftoppm', ['-png', '-r', '70', file, join(app.dir, 'report-page')]);
    const pngs = readdirSync(app.dir).filter((f) => f.startsWith('report-page') && f.endsWith('.png'));
    expect(pngs.length).toBeGreaterThanOrEqual(2);
    if (process.env.REPORT_PNG_DIR) for (const p of pngs) writeFileSync(join(process.env.REPORT_PNG_DIR, p), readFileSync(join(app.dir, p)));
    await expect.poll(() => page.getByTestId('report-message').innerText(), POLL).toContain('已导出');
  });

  it('the consolidated workbook: inspect reads it back, LibreOffice keeps its values and rules', async () => {
    const { page } = app;
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('report-xlsx').click();
    const file = join(app.dir, 'report.xlsx');
    await (await download).saveAs(file);
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['inspect', file, '--json'], { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const inspected = JSON.parse(out.join('')) as { kind: string; years: number[]; rows: { indicatorId: string; values: Record<string, { actual: number | null }> }[] };
    expect(inspected.kind).toBe('return');
    expect(inspected.years).toEqual([2023, 2024, 2025, 2026, 2027]);
    expect(inspected.rows).toHaveLength(13);
    expect(inspected.rows.find((r) => r.indicatorId === 'zyyj-02')?.values['2025']?.actual).toBe(1012);

    const resaved = await convertWithLibreOffice(file, 'xlsx', join(app.dir, 'lo'));
    const script = `
import json, sys, openpyxl
out = {}
for path in sys.argv[1:]:
    wb = openpyxl.load_workbook(path)
    ret = wb['填报表']; summ = wb['汇总']
    rules = sum(len(r.rules) for r in ret.conditional_formatting)
    srules = sum(len(r.rules) for r in summ.conditional_formatting)
    values = [[c.value for c in row] for row in summ.iter_rows(min_row=1, max_row=summ.max_row, max_col=8)]
    actuals = [c.value for row in ret.iter_rows() for c in row if isinstance(c.value, (int, float))]
    out[path] = {'sheets': wb.sheetnames, 'rules': rules, 'summaryRules': srules, 'summary': values, 'numbers': actuals}
print(json.dumps(out, ensure_ascii=False, default=str))
`;
    const result = JSON.parse(execFileSync(PYTHON, ['-c', script, file, resaved], { encoding: 'utf8' })) as Record<string, { sheets: string[]; rules: number; summaryRules: number; summary: unknown[][]; numbers: number[] }>;
    const before = result[file];
    const after = result[resaved];
    expect(before?.sheets).toContain('汇总');
    expect(before?.rules).toBeGreaterThan(0);
    expect(before?.summaryRules).toBeGreaterThan(0);
    expect(after?.sheets).toEqual(before?.sheets);
    expect(after?.rules).toBe(before?.rules);
    expect(after?.summaryRules).toBe(before?.summaryRules);
    expect(after?.summary).toEqual(before?.summary);
    expect(after?.numbers).toEqual(before?.numbers);
    // 汇总's total row: the database's outlook counts.
    const total = before?.summary.find((r) => r[0] === '合计');
    const t = dashboard.totals;
    expect(total?.slice(1, 7)).toEqual([t.ahead, t['on-track'], t.behind, t['at-risk'], t['no-data'], 13]);
  });

  it('the CLI writes the report as PDF and as workbook', async () => {
    const dbPath = app.services.dbPath;
    for (const name of ['cli-report.pdf', 'cli-report.xlsx']) {
      const out = join(app.dir, name);
      const err: string[] = [];
      const code = await runCli(['report', '--year', '2025', '--out', out, '--db', dbPath, '--today', '2026-03-15'], { stdout: () => undefined, stderr: (s) => err.push(s) });
      expect(err).toEqual([]);
      expect(code).toBe(0);
      expect(existsSync(out)).toBe(true);
    }
    expect(readFileSync(join(app.dir, 'cli-report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const err: string[] = [];
    expect(await runCli(['report', '--year', '2025', '--out', join(app.dir, 'x.txt'), '--db', dbPath], { stdout: () => undefined, stderr: (s) => err.push(s) })).toBe(2);
    expect(err.join('')).toContain('.pdf');
  });

  it('each department’s reporting state and days overdue, on the dashboard and in the PDF report, are the database’s', async () => {
    const { page } = app;
    const h = app.services.handlers;
    const DEPT = '区住建局';
    /** Reopen the 看板 (it reads the database when it opens) and compare its departments with the cycle's states. */
    const checkDashboard = async (): Promise<string[][]> => {
      const open = page.getByTestId('dashboard');
      if (await open.count()) {
        await open.getByRole('button', { name: '关闭' }).last().click();
        await open.waitFor({ state: 'detached' });
      }
      await page.getByRole('button', { name: '看板' }).click();
      await page.locator('.dashboard[data-ready="true"]').waitFor({ timeout: 30_000 });
      const states = await h.getReportingYear({ planId: PLAN_ID, year: 2025 });
      const rows = await tableRows(app, 'chart-departments');
      expect(rows.length).toBe(2);
      for (const [dept, , state, overdue] of rows) {
        const db = states.find((s) => s.department === dept);
        expect(state, dept).toBe(cycleText('zh', `state.${db?.state ?? 'not-started'}`));
        const late = db?.overdueDays ? `逾期 ${db.overdueDays} 天` : db?.submittedLateDays ? `逾期 ${db.submittedLateDays} 天提交` : '—';
        expect(overdue, dept).toBe(late);
      }
      // The chart's own labels carry the same words (ECharts draws them as SVG text).
      const svgText = await page.getByTestId('chart-departments').locator('svg').evaluate((svg) => svg.textContent ?? '');
      for (const [, , state, overdue] of rows) {
        expect(svgText).toContain(state);
        if (overdue !== '—') expect(svgText).toContain(overdue);
      }
      return rows;
    };

    // 区住建局 fills its two 2025 gaps and submits (here a miss may go without a note) on 15 March, 43
    // days after the 31 January deadline; the fund centre has entered nothing: 未填报, 43 days overdue.
    await h.setMissNoteRequired({ planId: PLAN_ID, required: false });
    const saved = await h.saveCells({ planId: PLAN_ID, source: 'typed', edits: [
      { indicatorId: 'zyyj-08', year: 2025, field: 'actual', text: '15' },
      { indicatorId: 'zyyj-10', year: 2025, field: 'actual', text: '2' },
    ] });
    expect(saved.results.every((r) => r.ok)).toBe(true);
    await h.changeReportingState({ planId: PLAN_ID, year: 2025, department: DEPT, action: 'submit' });
    expect(await checkDashboard()).toEqual([
      [DEPT, '12 / 12', '已提交', '逾期 43 天提交'],
      ['市住房公积金洞头分中心', '0 / 1', '未填报', '逾期 43 天'],
    ]);

    // Sent back and not resubmitted: 已退回, and overdue again.
    await h.changeReportingState({ planId: PLAN_ID, year: 2025, department: DEPT, action: 'send-back', reason: '第8项请附项目清单' });
    expect(await checkDashboard()).toEqual([
      [DEPT, '12 / 12', '已退回', '逾期 43 天'],
      ['市住房公积金洞头分中心', '0 / 1', '未填报', '逾期 43 天'],
    ]);

    // The PDF report's department table says the same (printed by Chromium through the CLI).
    const pdf = join(app.dir, 'states-report.pdf');
    const err: string[] = [];
    expect(await runCli(['report', '--year', '2025', '--out', pdf, '--db', app.services.dbPath, '--today', '2026-03-15'], { stdout: () => undefined, stderr: (s) => err.push(s) })).toBe(0);
    expect(err).toEqual([]);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('各单位2025年度报送情况');
    expect(text).toMatch(/区住建局\s+12 \/ 12\s+已退回\s+逾期 43 天/);
    expect(text).toMatch(/市住房公积金洞头分中心\s+0 \/ 1\s+未填报\s+逾期 43 天/);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdf, join(app.dir, 'states-page')]);
    const png = readdirSync(app.dir).find((f) => f.startsWith('states-page') && f.endsWith('.png'));
    expect(png).toBeDefined();
    if (process.env.REPORT_PNG_DIR && png) writeFileSync(join(process.env.REPORT_PNG_DIR, png), readFileSync(join(app.dir, png)));
    expect(app.consoleErrors).toEqual([]);
  });
});
