// What the menu commands do. Each one: ask with a native dialog, call the services (the same
// handlers the page uses), write files, tell the clerk. Errors become a message box, never a crash.
import { dialog, shell } from 'electron';
import type { BrowserWindow, MessageBoxOptions } from 'electron';
import { app } from 'electron';
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DeskError } from '../../shared/errors';
import { backupNow, copyDatabaseTo, restoreBackup } from '../backup/backups';
import { safeFileName } from '../mail/file-names';
import { DB_FILE_NAME } from '../services/paths';
import { readSettings } from '../services/create-services';
import { checkExportTarget } from '../services/export-target';
import type { MenuAction } from '../../shared/api/shell';
import { MENU_CHANNEL } from '../../shared/api/channels';
import { importActionForPaths } from './second-instance';
import type { Lang } from '../../shared/i18n/lang';
import type { TextKey } from './texts';
import { text } from './texts';
import type { GridView } from './view-tracker';
import type { DesktopState } from './desktop-state';

export class DesktopActions {
  constructor(
    private readonly state: DesktopState,
    private readonly window: () => BrowserWindow | null,
  ) {}

  private get lang(): Lang {
    return this.state.lang();
  }

  private t(key: TextKey, params: Record<string, string | number> = {}): string {
    return text(this.lang, key, params);
  }

  private async box(options: MessageBoxOptions): Promise<number> {
    const win = this.window();
    const result = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
    return result.response;
  }

  private info(message: string): Promise<number> {
    return this.box({ type: 'info', message, buttons: [this.t('ok')] });
  }

  /** Run a command; any failure is shown in the clerk's language, the details go to the log. */
  async guard(run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      console.error('[desktop] command failed:', error);
      let detail: string;
      if (error instanceof DeskError) detail = error.appMessage[this.lang];
      else detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      await this.box({ type: 'error', message: this.t('failed', { detail }), buttons: [this.t('ok')] });
    }
  }

  send(action: MenuAction): void {
    this.window()?.webContents.send(MENU_CHANNEL, action);
  }

  /** Hand workbook paths to the page's import preview (menu, second launch, macOS open-file). */
  async importPaths(paths: readonly string[]): Promise<void> {
    if (paths.length === 0) return;
    const { action, skipped } = importActionForPaths(paths);
    for (const p of paths) if (!skipped.includes(p)) app.addRecentDocument(p);
    if (action) this.send(action);
    if (skipped.length > 0) await this.info(this.t('skippedFiles', { files: skipped.map((p) => basename(p)).join('\n') }));
  }

  async importFiles(): Promise<void> {
    const win = this.window();
    const options = {
      title: this.t('importTitle'),
      properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[],
      filters: [{ name: this.t('workbooks'), extensions: ['xlsx', 'xls'] }],
    };
    const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    if (!picked.canceled) await this.importPaths(picked.filePaths);
  }

  private async currentView(): Promise<GridView> {
    const view = await this.state.currentView();
    if (!view) throw new Error(this.t('noView'));
    return view;
  }

  async exportWorkbook(): Promise<void> {
    const view = await this.currentView();
    const exported = await this.state.handlers().exportWorkbook(view);
    const options = {
      title: this.t('exportTitle'),
      defaultPath: join(app.getPath('documents'), safeFileName(exported.fileName)),
      filters: [{ name: this.t('workbooks'), extensions: ['xlsx'] }],
      // The dialog asks before replacing an existing file (Linux needs this asked for explicitly).
      properties: ['showOverwriteConfirmation' as const],
    };
    const win = this.window();
    const target = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (target.canceled || !target.filePath) return;
    // Never over the database in use or any SQLite file, whatever the dialog allowed.
    checkExportTarget(target.filePath, { dbPath: this.state.dbPath(), overwrite: true });
    writeFileSync(target.filePath, Buffer.from(exported.base64, 'base64'));
    app.addRecentDocument(target.filePath);
    const choice = await this.box({ type: 'info', message: this.t('exported', { path: target.filePath }), buttons: [this.t('ok'), this.t('showInFolder')] });
    if (choice === 1) shell.showItemInFolder(target.filePath);
  }

  async exportWithEmail(): Promise<void> {
    const view = await this.currentView();
    const handlers = this.state.handlers();
    const win = this.window();
    const options = { title: this.t('emailFolderTitle'), defaultPath: app.getPath('documents'), properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
    const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    const folder = picked.filePaths[0];
    if (picked.canceled || !folder) return;
    // The mail draft code is loaded on first use (docs/ARCHITECTURE.md §Start-up and packaging).
    const [{ writeWorkbookWithDraft }, { countYearStatuses }] = await Promise.all([import('../mail/write-draft'), import('../mail/summary')]);
    const [exported, grid, plan, bootstrap] = await Promise.all([
      handlers.exportWorkbook(view),
      handlers.getGrid(view),
      handlers.getPlan({ planId: view.planId }),
      handlers.getBootstrap({}),
    ]);
    const { workbookPath, emlPath } = writeWorkbookWithDraft({
      folder,
      fileName: exported.fileName,
      workbook: Buffer.from(exported.base64, 'base64'),
      draft: {
        planName: plan.shortName,
        department: view.department,
        year: view.year,
        clerkName: bootstrap.settings.clerkName,
        clerkPhone: bootstrap.settings.clerkPhone,
        counts: countYearStatuses(grid, view.year),
        lang: bootstrap.settings.lang,
      },
    });
    app.addRecentDocument(workbookPath);
    const openError = await shell.openPath(emlPath);
    if (openError) console.warn('[desktop] could not open the draft:', openError);
    const choice = await this.box({ type: 'info', message: this.t('emailWritten', { workbook: workbookPath, eml: emlPath }), buttons: [this.t('ok'), this.t('showInFolder')] });
    if (choice === 1) shell.showItemInFolder(emlPath);
  }

  async printToPdf(): Promise<void> {
    const win = this.window();
    if (!win) return;
    const view = this.state.lastView();
    const stem = view ? `${view.year}_${view.department ?? 'all'}` : 'report';
    const target = await dialog.showSaveDialog(win, {
      title: this.t('pdfTitle'),
      defaultPath: join(app.getPath('documents'), safeFileName(`指标填报_${stem}.pdf`)),
      filters: [{ name: this.t('pdf'), extensions: ['pdf'] }],
    });
    if (target.canceled || !target.filePath) return;
    const pdf = await win.webContents.printToPDF({ landscape: true, pageSize: 'A4', printBackground: true });
    writeFileSync(target.filePath, pdf);
    const choice = await this.box({ type: 'info', message: this.t('exported', { path: target.filePath }), buttons: [this.t('ok'), this.t('showInFolder')] });
    if (choice === 1) shell.showItemInFolder(target.filePath);
  }

  async backupNow(): Promise<void> {
    const made = await backupNow(this.state.services().store, this.state.backupFolder(), 'manual', { dbFileName: DB_FILE_NAME });
    const choice = await this.box({ type: 'info', message: this.t('backupDone', { path: made.path }), buttons: [this.t('ok'), this.t('showInFolder')] });
    if (choice === 1) shell.showItemInFolder(made.path);
  }

  async restoreFromBackup(): Promise<void> {
    const win = this.window();
    const options = {
      title: this.t('restoreTitle'),
      defaultPath: this.state.backupFolder(),
      properties: ['openFile'] as 'openFile'[],
      filters: [{ name: this.t('databases'), extensions: ['sqlite'] }],
    };
    const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    const backupPath = picked.filePaths[0];
    if (picked.canceled || !backupPath) return;
    const confirm = await this.box({
      type: 'warning',
      message: this.t('restoreConfirm', { name: basename(backupPath) }),
      buttons: [this.t('cancel'), this.t('restoreButton')],
      defaultId: 0,
      cancelId: 0,
    });
    if (confirm !== 1) return;
    const dbPath = this.state.dbPath();
    // The audit row's "who": the clerk's name from settings (restoreBackup adds the OS user).
    const who = this.state.isOpen() ? readSettings(this.state.services().store).clerkName : undefined;
    // Restore copies the backup into the database (backup/restore.ts); our connection is closed and
    // reopened around it so every cache starts from the restored data, whatever happens.
    this.state.closeServices();
    let restored: Awaited<ReturnType<typeof restoreBackup>>;
    try {
      restored = await restoreBackup({ backupPath, dbPath, backupFolder: this.state.backupFolder(), who });
    } finally {
      try {
        this.state.openServices(dbPath);
      } catch (error) {
        // Reported by the caller's guard through the restore error, or on the next API call.
        console.error('[desktop] cannot reopen the database after restore:', error);
      }
      this.window()?.webContents.reload();
    }
    await this.info(this.t('restored', { path: restored.safetyBackup?.path ?? '—' }));
  }

  async moveDataFolder(): Promise<void> {
    const win = this.window();
    const options = { title: this.t('moveTitle'), properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
    const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    const folder = picked.filePaths[0];
    if (picked.canceled || !folder || folder === this.state.dataFolder()) return;
    const confirm = await this.box({
      type: 'question',
      message: this.t('moveConfirm', { folder }),
      buttons: [this.t('cancel'), this.t('moveButton')],
      defaultId: 0,
      cancelId: 0,
    });
    if (confirm !== 1) return;
    const newDbPath = await copyDatabaseTo(this.state.services().store, DB_FILE_NAME, folder);
    this.state.switchDataFolder(folder, newDbPath);
    this.window()?.webContents.reload();
    await this.info(this.t('moved', { folder }));
  }

  async openDataFolder(): Promise<void> {
    const error = await shell.openPath(this.state.dataFolder());
    if (error) throw new Error(error);
  }

  async about(): Promise<void> {
    await this.box({ type: 'info', title: this.t('aboutTitle'), message: this.t('about', { version: app.getVersion(), folder: this.state.dataFolder() }), buttons: [this.t('ok')] });
  }
}
