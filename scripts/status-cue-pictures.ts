// `npx tsx scripts/status-cue-pictures.ts [outDir]`: the pictures that check statuses are told apart
// without colour (docs/ARCHITECTURE.md §Status without colour). Seeds a temporary database with the
// demo actuals (one indicator given a 5% tolerance so "near" shows: the seed plan has none), then
// 1. a screenshot of the grid's 2025 columns, and the same seen with protanopia, deuteranopia and
//    tritanopia (Machado et al. 2009 matrices at full severity, applied in linear RGB by ImageMagick);
// 2. the exported workbook printed to PDF by LibreOffice, as a grayscale page (pdftoppm -gray).
// Needs the built renderer (npm run build:renderer), /usr/bin/chromium, convert, soffice, pdftoppm.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { chromium } from 'playwright-core';
import { createServices } from '../electron/services/create-services';
import { startWebServer } from '../electron/web/server';
import { SEED_PLAN } from '../shared/seed/zhu-you-yi-ju';
import { demoEdits } from './demo-actuals';

const DOCS = fileURLToPath(new URL('../docs/screenshots', import.meta.url));
const RENDERER_DIR = fileURLToPath(new URL('../dist/renderer', import.meta.url));
const NOW = new Date('2026-03-15T09:00:00+08:00');

/** Machado, Oliveira & Fernandes (2009), severity 1.0, rows of a linear-RGB 3×3 matrix. */
const DEFICIENCIES: Record<string, number[]> = {
  protanopia: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  deuteranopia: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
  tritanopia: [1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039],
};

function simulate(input: string, output: string, matrix: number[]): void {
  execFileSync('convert', [input, '-colorspace', 'RGB', '-color-matrix', matrix.join(' '), '-colorspace', 'sRGB', output]);
}

async function main(): Promise<void> {
  const out = process.argv[2] ?? join(tmpdir(), 'indicator-desk-status-cue');
  mkdirSync(out, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'status-cue-'));
  const dbPath = join(dir, 'data.sqlite');
  // Seed the plan, then give 城镇住房保障受益覆盖率 a 5% tolerance (10.8 of 11 is then "near").
  createServices({ dbPath, mode: 'browser', now: () => NOW, appVersion: '0.1.0' }).close();
  const db = new Database(dbPath);
  db.prepare('UPDATE indicators SET tolerance = 0.05 WHERE id = ?').run('zyyj-01');
  db.close();
  const services = createServices({ dbPath, mode: 'browser', now: () => NOW, appVersion: '0.1.0' });
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
    await h.saveCells({ planId: SEED_PLAN.id, source: 'typed', edits: demoEdits() });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.error('page error:', e.message));
    page.on('console', (m) => { if (m.type() === 'error') console.error('console:', m.text()); });
    await page.goto(server.url);
    await page.locator('.ag-row[row-id]').first().waitFor({ state: 'visible' }).catch(async (e: unknown) => {
      await page.screenshot({ path: join(out, 'failed.png') });
      throw e;
    });
    await page.evaluate(() => document.fonts.ready);
    await page.locator('.ag-row[row-id="zyyj-12"] .ag-cell[col-id="name"]').click();
    await page.waitForTimeout(500);
    const grid = join(out, 'grid-status.png');
    await page.screenshot({ path: grid });
    for (const [name, matrix] of Object.entries(DEFICIENCIES)) simulate(grid, join(out, `grid-status-${name}.png`), matrix);
    copyFileSync(join(out, 'grid-status-deuteranopia.png'), join(DOCS, 'grid-status-deuteranopia.png'));

    const exported = await h.exportWorkbook({ planId: SEED_PLAN.id, year: 2025, department: '区住建局' });
    const xlsx = join(out, 'status-export.xlsx');
    writeFileSync(xlsx, Buffer.from(exported.base64, 'base64'));
    const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', out, xlsx]);
    rmSync(profile, { recursive: true, force: true });
    execFileSync('pdftoppm', ['-gray', '-r', '110', '-f', '1', '-l', '1', '-png', join(out, 'status-export.pdf'), join(out, 'status-export-gray')]);
    console.log(`wrote pictures to ${out}; docs/screenshots/grid-status-deuteranopia.png`);
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
