// The leadership report's PDF in the desktop app: a hidden window of our own page in its report view
// (?view=report), printed with Electron's printToPDF once the page says its charts are drawn. Thin
// shell code: the report itself is the renderer's ReportPage; browser mode and the CLI print the
// same view with Chromium (electron/report/chromium-pdf.ts).
import type { BrowserWindow } from 'electron';
import { DeskError } from '../../shared/errors';
import { message } from '../../shared/i18n/messages';
import { createAppWindow } from './window';

export interface ReportWindowOptions {
  preloadPath: string;
  /** Called with the hidden window's WebContents id while it lives (its IPC calls are trusted then). */
  onOpen: (id: number) => void;
  onClose: (id: number) => void;
}

const READY_SCRIPT = "document.querySelector('[data-report-ready=\"true\"]') !== null";

async function waitForReport(win: BrowserWindow, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (win.isDestroyed()) throw new Error('report window closed');
    if (await win.webContents.executeJavaScript(READY_SCRIPT).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  // One zh/en line for the clerk (and the command line), as the Chromium printer says it.
  throw new DeskError(message('report.render-timeout', { seconds: Math.round(timeoutMs / 1000) }));
}

/** A renderReportPdf for createServices: A4 portrait, colours kept, page numbers in the footer. */
export function electronReportRenderer(options: ReportWindowOptions): (request: { year: number; lang: 'zh' | 'en'; planId?: string }) => Promise<Uint8Array> {
  return async ({ year, lang, planId }) => {
    const win = createAppWindow({
      preloadPath: options.preloadPath,
      query: { view: 'report', year: String(year), lang, ...(planId !== undefined ? { plan: planId } : {}) },
      keepHidden: true,
      window: { width: 794, height: 1123, show: false },
    });
    const id = win.webContents.id;
    options.onOpen(id);
    try {
      await waitForReport(win);
      const pdf = await win.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: '<div style="font-size:8px;width:100%;text-align:center;color:#777"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
      });
      return new Uint8Array(pdf);
    } finally {
      options.onClose(id);
      if (!win.isDestroyed()) win.destroy();
    }
  };
}
