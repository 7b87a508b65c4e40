// The packaged app as a command-line tool: `指标填报台 --cli inspect FILE` (or any command of
// electron/cli) runs the same CLI as `npm run cli`, on the desktop app's database, with no window.
// On Windows a GUI executable has no console of its own: redirect output (`> out.txt`) to see it.
// `report --out FILE.pdf` prints with Electron here, never with an installed Chromium: the report
// view is our own page on app://desk in a hidden window, printed with printToPDF (report-pdf.ts).
// Order, as in main.ts: the app:// scheme is registered as privileged before ready; after ready it
// is served from the renderer folder and the CLI runs. The API channel exists only while a report
// prints, and answers only the hidden report windows, from the CLI run's own services.
import { app, session } from 'electron';
import type { ApiHandlers } from '../../shared/api/contract';
import type { CliReportPrinter } from '../cli/report-printer';
import { DB_ENV } from '../services/paths';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { registerApiIpc, senderPolicyFor } from './ipc';
import { electronReportRenderer } from './report-pdf';
import { hardenSession, hardenWebContents } from './security';

/** The CLI arguments if this launch asked for the command line, else null. */
export function cliArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--cli');
  return at < 0 ? null : argv.slice(at + 1);
}

/** Where the packaged app's files are: dist/renderer (served on app://desk) and the preload bundle. */
export interface PackagedCliPaths {
  rendererRoot: string;
  preloadPath: string;
}

/**
 * The report printer of the packaged command line: a hidden window per report, whose IPC calls
 * (and only theirs) are answered by the run's `handlers` while it prints.
 */
export function electronCliReportPrinter(paths: PackagedCliPaths): CliReportPrinter {
  return {
    check: () => undefined,
    open: (handlers: ApiHandlers) => {
      const reportWindows = new Set<number>();
      hardenSession(session.defaultSession);
      const unregister = registerApiIpc(
        () => handlers,
        senderPolicyFor((contents) => reportWindows.has(contents.id)),
      );
      const render = electronReportRenderer({ preloadPath: paths.preloadPath, onOpen: (id) => reportWindows.add(id), onClose: (id) => reportWindows.delete(id) });
      return Promise.resolve({ render, close: unregister });
    },
  };
}

/** Run the CLI; the database defaults to the desktop app's (moved folder included). */
export async function runPackagedCli(args: string[], desktopDbPath: string, paths: PackagedCliPaths, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (!env[DB_ENV]) env[DB_ENV] = desktopDbPath;
  // Loaded only for `--cli` launches: a windowed start never reads the command line's code.
  const { runCli } = await import('../cli/main');
  return runCli(
    args,
    {
      stdout: (line) => process.stdout.write(`${line}\n`),
      stderr: (line) => process.stderr.write(`${line}\n`),
    },
    { reportPrinter: electronCliReportPrinter(paths) },
  );
}

/**
 * A `--cli` launch from start to exit: register the scheme now (before ready), harden every
 * WebContents, then after ready serve app://desk, run the command and exit with its code.
 * `desktopDbPath` is read after ready (the data folder may have moved).
 */
export function startPackagedCli(args: string[], desktopDbPath: () => string, paths: PackagedCliPaths): void {
  registerAppScheme();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  // Closing the last (hidden report) window must not quit before the PDF is written: we exit ourselves.
  app.on('window-all-closed', () => undefined);
  app
    .whenReady()
    .then(() => {
      handleAppProtocol(paths.rendererRoot);
      return runPackagedCli(args, desktopDbPath(), paths);
    })
    .then(
      (code) => app.exit(code),
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : String(error));
        app.exit(2);
      },
    );
}
