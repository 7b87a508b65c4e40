// The leadership report as a PDF through an installed Chromium (browser mode, the plain-Node CLI and
// the tests): open the renderer's report view (?view=report) on a running web server, wait until it
// says its charts are drawn (data-report-ready="true"), and print it with page.pdf — A4, colours
// kept, page numbers in the footer. Electron's app prints the same view with printToPDF instead.
import { existsSync } from 'node:fs';
import { DeskError } from '../../shared/errors';
import { message } from '../../shared/i18n/messages';

/** How long the report view may take to draw its charts before printing gives up (ms). */
const REPORT_READY_TIMEOUT_MS = 60_000;

/** Where a Chromium or Chrome is commonly installed; INDICATOR_DESK_CHROMIUM comes first. */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  return [
    env.INDICATOR_DESK_CHROMIUM,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ].filter((p): p is string => typeof p === 'string' && p !== '');
}

/** The first installed candidate, or null when none exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): string | null {
  return chromiumCandidates(env).find((p) => exists(p)) ?? null;
}

/** The report view's address on a server whose url is `baseUrl` (which may carry ?token=…). */
export function reportUrl(baseUrl: string, year: number, lang: 'zh' | 'en', planId?: string): string {
  const url = new URL(baseUrl);
  url.searchParams.set('view', 'report');
  url.searchParams.set('year', String(year));
  url.searchParams.set('lang', lang);
  // Several plans in one database (issue 14): the report is of the plan asked for, not the first.
  if (planId !== undefined) url.searchParams.set('plan', planId);
  return url.toString();
}

/**
 * Prints the report view at `url` to PDF bytes with the Chromium at `executablePath`.
 * `readyTimeoutMs`: how long the view may take to say it is drawn. Throws DeskError
 * (report.render-timeout) when it does not, so the clerk sees one line in zh/en, not a stack.
 */
export async function printReportPdf(url: string, executablePath: string, readyTimeoutMs = REPORT_READY_TIMEOUT_MS): Promise<Uint8Array> {
  // Loaded on demand: only this path needs playwright-core (the Electron bundle leaves it out).
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await page.goto(url);
    // A timeout is the clerk's problem to retry, not a stack trace: say it in both languages.
    await page
      .locator('[data-report-ready="true"]')
      .waitFor({ timeout: readyTimeoutMs })
      .catch(() => {
        throw new DeskError(message('report.render-timeout', { seconds: Math.round(readyTimeoutMs / 1000) }));
      });
    // Fonts settle before printing (a string: the page's code, not this Node file's).
    await page.evaluate('document.fonts.ready.then(() => true)');
    await page.emulateMedia({ media: 'print' });
    // Let the charts follow the print layout (their ResizeObserver redraws them) before printing.
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))))');
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="font-size:8px;width:100%;text-align:center;color:#777"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
      margin: { top: '12mm', bottom: '14mm', left: '10mm', right: '10mm' },
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}

/** A PDF renderer for createServices (renderReportPdf) printing the report view of the server at baseUrl(). */
export function chromiumReportRenderer(baseUrl: () => string, executablePath: string): (request: { year: number; lang: 'zh' | 'en'; planId?: string }) => Promise<Uint8Array> {
  return ({ year, lang, planId }) => printReportPdf(reportUrl(baseUrl(), year, lang, planId), executablePath);
}
