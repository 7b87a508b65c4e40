// The desktop app's live state outside any window: which data folder, the open services (database),
// the clerk's language, and the view the page shows. No Electron here, so it is tested with real
// SQLite files; restore and "move data folder" swap the services through it.
import { dirname, join, resolve } from 'node:path';
import type { ApiHandlers } from '../../shared/api/contract';
import { BACKUP_FOLDER_NAME, DEFAULT_KEEP, ensureDailyBackup } from '../backup/backups';
import type { BackupInfo } from '../backup/backups';
import { createServices } from '../services/create-services';
import type { Services, ServicesOptions } from '../services/create-services';
import { DB_ENV, DB_FILE_NAME } from '../services/paths';
import { workerJobs } from '../workbook/jobs/worker-jobs';
import { databasePathIn, readShellSettings, resolveDataFolder, writeShellSettings } from './data-folder';
import type { Lang } from '../../shared/i18n/lang';
import type { GridView, ViewTracker } from './view-tracker';
import { defaultView, trackViews } from './view-tracker';

export interface DesktopStateOptions {
  userData: string;
  appVersion: string;
  now?: () => Date;
  /** Called when the clerk switches language in the page's settings (the menu is rebuilt). */
  onLangChange?: (lang: Lang) => void;
  /** Environment to read INDICATOR_DESK_DB from (as the CLI and browser mode do); main passes process.env. */
  env?: NodeJS.ProcessEnv;
  /** The PDF report printer (Electron's printToPDF of the report view); see ServicesOptions. */
  renderReportPdf?: ServicesOptions['renderReportPdf'];
}

export class DesktopState {
  private current: { services: Services; tracker: ViewTracker } | null = null;
  private currentLang: Lang = 'zh';

  /** Exports and imports run on a worker thread (the bundled workbook-worker.cjs next to main.cjs), so the window never stalls. */
  private readonly workbooks = workerJobs(new URL('./workbook-worker.cjs', import.meta.url));

  constructor(private readonly options: DesktopStateOptions) {}

  /** Where the database is when nothing else is said: INDICATOR_DESK_DB, else the data folder. */
  defaultDbPath(): string {
    const fromEnv = this.options.env?.[DB_ENV];
    return fromEnv ? resolve(fromEnv) : databasePathIn(resolveDataFolder(this.options.userData));
  }

  /** Open the database (default: defaultDbPath()). Throws DatabaseOpenError. */
  openServices(dbPath: string = this.defaultDbPath()): void {
    this.closeServices();
    const services = createServices({
      dbPath,
      mode: 'desktop',
      appVersion: this.options.appVersion,
      now: this.options.now,
      workbooks: this.workbooks,
      ...(this.options.renderReportPdf ? { renderReportPdf: this.options.renderReportPdf } : {}),
      importBackups: { folder: join(dirname(dbPath), BACKUP_FOLDER_NAME), keep: () => this.keepBackups() },
    });
    const tracker = trackViews(services.handlers, (lang) => {
      if (lang !== this.currentLang) {
        this.currentLang = lang;
        this.options.onLangChange?.(lang);
      }
    });
    this.current = { services, tracker };
    void Promise.resolve(services.handlers.getBootstrap({})).then(
      (b) => {
        this.currentLang = b.settings.lang;
      },
      () => {},
    );
  }

  closeServices(): void {
    this.current?.services.close();
    this.current = null;
  }

  isOpen(): boolean {
    return this.current !== null;
  }

  services(): Services {
    if (!this.current) throw new Error('the database is not open');
    return this.current.services;
  }

  /** The handlers the IPC channel serves: the services' own, with view tracking. */
  handlers(): ApiHandlers {
    if (!this.current) throw new Error('the database is not open');
    return this.current.tracker.handlers;
  }

  lang(): Lang {
    return this.currentLang;
  }

  lastView(): GridView | null {
    return this.current?.tracker.lastView() ?? null;
  }

  async currentView(): Promise<GridView | null> {
    return this.lastView() ?? defaultView(await this.handlers().getBootstrap({}));
  }

  dbPath(): string {
    return this.current?.services.dbPath ?? this.defaultDbPath();
  }

  dataFolder(): string {
    return dirname(this.dbPath());
  }

  backupFolder(): string {
    return join(this.dataFolder(), BACKUP_FOLDER_NAME);
  }

  keepBackups(): number {
    return readShellSettings(this.options.userData).keepBackups ?? DEFAULT_KEEP;
  }

  /** The automatic backup on start: one per day, the newest `keepBackups()` kept. */
  dailyBackup(): Promise<BackupInfo | null> {
    return ensureDailyBackup(this.services().store, this.backupFolder(), {
      now: this.options.now?.(),
      keep: this.keepBackups(),
      dbFileName: DB_FILE_NAME,
    });
  }

  /** After the database was copied and verified in `folder`: record the folder and reopen there. */
  switchDataFolder(folder: string, newDbPath: string): void {
    const settings = readShellSettings(this.options.userData);
    this.closeServices();
    writeShellSettings(this.options.userData, { ...settings, dataFolder: folder });
    this.openServices(newDbPath);
  }
}
