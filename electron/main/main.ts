// The Electron entry (bundled to dist/electron/main.cjs). Order at start-up:
//   1. single-instance lock (a second launch hands its workbook paths to us and quits);
//   2. harden every WebContents and the session (no navigation, windows, permissions; CSP);
//   3. open the database in the data folder, take the day's automatic backup;
//   4. serve the renderer over app://desk (its scheme registered as privileged before ready),
//      register the one IPC channel, build the menu, open the window on app://desk/index.html.
// With `--cli …` none of that happens: the command-line tool runs and the process exits (cli-mode.ts;
// it serves app://desk too, for `report --out FILE.pdf` printed by Electron).
import { Menu, app, dialog, session } from 'electron';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import type { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { openFailureQuestion } from './open-failure-dialog';
import { buildMenuTemplate } from './menu';
import type { MenuCommands } from './menu';
import { registerApiIpc, senderPolicyFor } from './ipc';
import { hardenSession, hardenWebContents } from './security';
import { createAppWindow } from './window';
import { electronReportRenderer } from './report-pdf';
import { DesktopActions } from './desktop-actions';
import { DesktopState } from './desktop-state';
import { workbookPathsFromArgv } from './second-instance';
import { cliArguments, startPackagedCli } from './cli-mode';

const isDev = !app.isPackaged;
const isMac = process.platform === 'darwin';
// Paths inside the app (the asar archive when packaged; the repository with `electron .`).
const rendererRoot = join(app.getAppPath(), 'dist', 'renderer');
const preloadPath = join(app.getAppPath(), 'dist', 'electron', 'preload.cjs');

let mainWindow: BrowserWindow | null = null;
/** Workbooks named before the window could take them (first launch argv, macOS open-file). */
let pendingPaths: string[] = workbookPathsFromArgv(process.argv, process.cwd());

/** WebContents ids of the hidden report windows being printed (their API calls are trusted). */
const reportWindows = new Set<number>();
const state = new DesktopState({
  userData: app.getPath('userData'),
  appVersion: app.getVersion(),
  env: process.env,
  renderReportPdf: electronReportRenderer({ preloadPath, onOpen: (id) => reportWindows.add(id), onClose: (id) => reportWindows.delete(id) }),
  onLangChange: () => installMenu(),
});
const actions = new DesktopActions(state, () => mainWindow);

function installMenu(): void {
  const run = (command: () => Promise<void>) => () => void actions.guard(command);
  const commands: MenuCommands = {
    importFiles: run(() => actions.importFiles()),
    exportWorkbook: run(() => actions.exportWorkbook()),
    exportWithEmail: run(() => actions.exportWithEmail()),
    printToPdf: run(() => actions.printToPdf()),
    backupNow: run(() => actions.backupNow()),
    restoreFromBackup: run(() => actions.restoreFromBackup()),
    moveDataFolder: run(() => actions.moveDataFolder()),
    openDataFolder: run(() => actions.openDataFolder()),
    about: run(() => actions.about()),
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(state.lang(), commands, { isDev, isMac })));
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function openWindow(): void {
  mainWindow = createAppWindow({ preloadPath, window: { title: '指标填报台' } });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  mainWindow.webContents.once('did-finish-load', () => {
    const paths = pendingPaths;
    pendingPaths = [];
    void actions.guard(() => actions.importPaths(paths));
  });
}

/** Open the database; if that fails say why, and offer a retry — or, for real damage, a restore. */
async function openDatabaseOrAsk(): Promise<boolean> {
  for (;;) {
    try {
      state.openServices();
      return true;
    } catch (error) {
      console.error('[main] cannot open the database:', error);
      const question = openFailureQuestion(error, state.lang());
      const { response } = await dialog.showMessageBox({
        type: 'error',
        message: question.message,
        buttons: question.buttons,
        defaultId: question.defaultId,
        cancelId: question.cancelId,
      });
      const action = question.actions[response] ?? 'quit';
      if (action === 'quit') return false;
      if (action === 'retry') continue;
      await actions.guard(() => actions.restoreFromBackup());
      if (state.isOpen()) return true;
    }
  }
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  if (!(await openDatabaseOrAsk())) {
    app.quit();
    return;
  }
  try {
    const made = await state.dailyBackup();
    if (made) console.log('[main] daily backup:', made.path);
  } catch (error) {
    // A failed backup must not keep the clerk from working; it is retried at the next start.
    console.error('[main] daily backup failed:', error);
  }
  handleAppProtocol(rendererRoot);
  registerApiIpc(
    () => state.handlers(),
    senderPolicyFor((contents) => (mainWindow !== null && contents.id === mainWindow.webContents.id) || reportWindows.has(contents.id)),
  );
  installMenu();
  openWindow();
}

const cliArgs = cliArguments(process.argv);
if (cliArgs) {
  startPackagedCli(cliArgs, () => state.defaultDbPath(), { rendererRoot, preloadPath });
} else if (!app.requestSingleInstanceLock()) {
  // The first instance receives our argv through 'second-instance' and imports the files.
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow();
    void actions.guard(() => actions.importPaths(workbookPathsFromArgv(argv, workingDirectory)));
  });
  // macOS delivers double-clicked files this way, possibly before the window exists.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (mainWindow) void actions.guard(() => actions.importPaths([path]));
    else pendingPaths.push(path);
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow && state.isOpen()) openWindow();
  });
  app.on('will-quit', () => state.closeServices());
  app.whenReady().then(start, (error: unknown) => {
    console.error('[main] start-up failed:', error);
    app.quit();
  });
}
