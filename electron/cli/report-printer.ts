// How `report --out FILE.pdf` prints the report view (docs/ARCHITECTURE.md §Leadership report).
// The command line does not know which browser prints: it opens a printer for one run, hands it the
// run's API handlers (the report page asks them for its data), prints, and closes it.
//   - the plain-Node command line (npm run cli, dist/node/cli.cjs): an installed Chromium printing
//     the renderer served for this run on 127.0.0.1 (chromiumCliReportPrinter, below);
//   - the packaged app's command line (指标填报台 --cli …): Electron's printToPDF of a hidden window
//     on app://desk (electron/main/cli-mode.ts injects it; no Chromium is looked for).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiHandlers } from '../../shared/api/contract';
import { DeskError } from '../../shared/errors';
import { bilingual } from '../../shared/i18n/engine';
import type { Lang } from '../../shared/i18n/lang';
import { chromiumReportRenderer, findChromium } from '../report/chromium-pdf';
import { startWebServer } from '../web/server';
import { CLI_TEXTS } from './cli-texts';

/** One report to print: the plan, the reporting year, the page's language. */
export interface ReportPdfRequest {
  planId: string;
  year: number;
  lang: Lang;
}

/** A printer opened for one run: render() returns the PDF's bytes; close() frees what open() took. */
export interface OpenReportPrinter {
  render: (request: ReportPdfRequest) => Promise<Uint8Array>;
  close: () => Promise<void> | void;
}

/**
 * Prints the report view for the command line. `check()` runs before the database is opened and
 * throws DeskError when this printer cannot work (no browser, no UI files); `open(handlers)` gets
 * ready to print pages whose API calls are answered by `handlers` (the run's services).
 */
export interface CliReportPrinter {
  check: () => void;
  open: (handlers: ApiHandlers) => Promise<OpenReportPrinter>;
}

/**
 * The plain-Node printer: the Chromium findChromium() finds (INDICATOR_DESK_CHROMIUM first) prints
 * the built renderer in `rendererDir`, served with the run's handlers on 127.0.0.1 (a random port).
 * check() throws cli.no-chromium / cli.no-renderer, one line in Chinese and English. `exists` is
 * how files are looked for (tests pass a machine with no browser).
 */
export function chromiumCliReportPrinter(rendererDir: string, env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): CliReportPrinter {
  let chromiumPath: string | null = null;
  return {
    check: () => {
      chromiumPath = findChromium(env, exists);
      if (!chromiumPath) throw new DeskError(bilingual(CLI_TEXTS, 'cli.no-chromium'));
      if (!exists(join(rendererDir, 'index.html'))) throw new DeskError(bilingual(CLI_TEXTS, 'cli.no-renderer', { path: rendererDir }));
    },
    open: async (handlers) => {
      if (chromiumPath === null) throw new Error('chromiumCliReportPrinter: check() first');
      const server = await startWebServer({ handlers, staticDir: rendererDir, port: 0 });
      return { render: chromiumReportRenderer(() => server.url, chromiumPath), close: () => server.close() };
    },
  };
}
