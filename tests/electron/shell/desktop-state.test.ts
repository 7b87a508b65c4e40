// The desktop app's state outside the window (data folder, services, language, current view), on
// real SQLite files in a temporary userData folder. No Electron involved.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyDatabaseTo, listBackups } from '../../../electron/backup/backups';
import { SHELL_SETTINGS_FILE, readShellSettings, resolveDataFolder, writeShellSettings } from '../../../electron/main/data-folder';
import { DesktopState } from '../../../electron/main/desktop-state';
import { makeTempDir } from '../../helpers/tmp';

const NOW = new Date('2026-03-01T08:00:00Z');
let tmp: ReturnType<typeof makeTempDir>;
let userData: string;

beforeEach(() => {
  tmp = makeTempDir();
  userData = join(tmp.dir, 'userData');
});
afterEach(() => tmp.cleanup());

describe('DesktopState', () => {
  it('opens the database in userData, backs up daily, tracks the view and the language', async () => {
    const langs: string[] = [];
    const state = new DesktopState({ userData, appVersion: '9.9.9', now: () => NOW, onLangChange: (l) => langs.push(l) });
    state.openServices();
    expect(state.dbPath()).toBe(join(userData, 'indicator-desk.sqlite'));
    expect(existsSync(state.dbPath())).toBe(true);

    const made = await state.dailyBackup();
    expect(made?.reason).toBe('daily');
    expect(await state.dailyBackup()).toBeNull();
    expect(listBackups(state.backupFolder())).toHaveLength(1);

    const bootstrap = await state.handlers().getBootstrap({});
    const planId = bootstrap.plans[0]?.id ?? '';
    // Before the page showed a grid: first plan, the year the window opens on (2025, the last year
    // that has ended: defaultReportingYear), the clerk's department (none).
    expect(await state.currentView()).toEqual({ planId, year: 2025, department: null });
    await state.handlers().getGrid({ planId, year: 2024, department: '区住建局' });
    expect(await state.currentView()).toEqual({ planId, year: 2024, department: '区住建局' });

    await state.handlers().saveSettings({ ...bootstrap.settings, lang: 'en' });
    expect(state.lang()).toBe('en');
    expect(langs).toEqual(['en']);
    state.closeServices();
    expect(state.isOpen()).toBe(false);
  });

  it('moves the data folder: copy, record, reopen there; a later start finds it', async () => {
    const state = new DesktopState({ userData, appVersion: '9.9.9', now: () => NOW });
    state.openServices();
    const planId = (await state.handlers().getBootstrap({})).plans[0]?.id ?? '';
    await state.handlers().saveCells({ planId, source: 'typed', edits: [{ indicatorId: 'zyyj-03', year: 2024, field: 'actual', text: '233' }] });

    const target = join(tmp.dir, '数据');
    const moved = await copyDatabaseTo(state.services().store, 'indicator-desk.sqlite', target);
    state.switchDataFolder(target, moved);
    expect(state.dataFolder()).toBe(target);
    expect(readShellSettings(userData)).toEqual({ dataFolder: target });
    state.closeServices();

    const later = new DesktopState({ userData, appVersion: '9.9.9', now: () => NOW });
    later.openServices();
    expect(later.dbPath()).toBe(moved);
    const grid = await later.handlers().getGrid({ planId, year: 2024, department: null });
    expect(grid.rows.find((r) => r.indicatorId === 'zyyj-03')?.cells['2024']?.actual).toBe(233);
    later.closeServices();
  });
});

describe('INDICATOR_DESK_DB', () => {
  it('wins over the data folder, as in the CLI and browser mode', () => {
    const dbPath = join(tmp.dir, 'elsewhere', 'desk.sqlite');
    const state = new DesktopState({ userData, appVersion: '9.9.9', env: { INDICATOR_DESK_DB: dbPath } });
    state.openServices();
    expect(state.dbPath()).toBe(dbPath);
    expect(existsSync(dbPath)).toBe(true);
    expect(existsSync(join(userData, 'indicator-desk.sqlite'))).toBe(false);
    state.closeServices();
  });
});

describe('shell settings file', () => {
  it('falls back to userData when the file is missing, damaged or names a relative folder', () => {
    expect(resolveDataFolder(userData)).toBe(userData);
    writeShellSettings(userData, { dataFolder: join(tmp.dir, 'x'), keepBackups: 30 });
    expect(readShellSettings(userData)).toEqual({ dataFolder: join(tmp.dir, 'x'), keepBackups: 30 });
    writeFileSync(join(userData, SHELL_SETTINGS_FILE), '{ "dataFolder": ');
    expect(resolveDataFolder(userData)).toBe(userData);
    writeFileSync(join(userData, SHELL_SETTINGS_FILE), JSON.stringify({ dataFolder: 'relative/folder', keepBackups: -1 }));
    expect(readShellSettings(userData)).toEqual({});
  });
});
