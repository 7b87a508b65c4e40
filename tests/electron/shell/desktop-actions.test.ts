// The menu commands with Electron's dialogs and shell replaced by scripted answers; the state,
// services, SQLite files, workbooks, drafts and backups underneath are real.
import type { BrowserWindow } from 'electron';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../helpers/tmp';

const ui = vi.hoisted(() => ({
  open: [] as { canceled: boolean; filePaths: string[] }[],
  save: [] as { canceled: boolean; filePath?: string }[],
  saveOptions: [] as { properties?: string[] }[],
  answers: [] as number[],
  boxes: [] as { type?: string; message: string }[],
  opened: [] as string[],
  shown: [] as string[],
  recent: [] as string[],
}));

vi.mock('electron', () => ({
  app: { getPath: () => '/tmp', getVersion: () => '1.2.3', addRecentDocument: (p: string) => ui.recent.push(p) },
  dialog: {
    showOpenDialog: async () => ui.open.shift() ?? { canceled: true, filePaths: [] },
    showSaveDialog: async (_win: unknown, options: { properties?: string[] }) => {
      ui.saveOptions.push(options);
      return ui.save.shift() ?? { canceled: true };
    },
    showMessageBox: async (_win: unknown, options: { type?: string; message: string }) => {
      ui.boxes.push(options);
      return { response: ui.answers.shift() ?? 0 };
    },
  },
  shell: {
    openPath: async (p: string) => {
      ui.opened.push(p);
      return '';
    },
    showItemInFolder: (p: string) => ui.shown.push(p),
  },
}));

import { listBackups } from '../../../electron/backup/backups';
import { readShellSettings } from '../../../electron/main/data-folder';
import { DesktopActions } from '../../../electron/main/desktop-actions';
import { DesktopState } from '../../../electron/main/desktop-state';

const NOW = new Date('2026-03-01T08:00:00Z');
let tmp: ReturnType<typeof makeTempDir>;
let state: DesktopState;
let actions: DesktopActions;
let planId: string;
const sent: { channel: string; payload: unknown }[] = [];
let reloads = 0;

const fakeWindow = {
  webContents: {
    send: (channel: string, payload: unknown) => sent.push({ channel, payload }),
    reload: () => {
      reloads += 1;
    },
  },
} as unknown as BrowserWindow;

async function actual(): Promise<number | null> {
  const grid = await state.handlers().getGrid({ planId, year: 2024, department: '区住建局' });
  return grid.rows.find((r) => r.indicatorId === 'zyyj-03')?.cells['2024']?.actual ?? null;
}
async function type(text: string): Promise<void> {
  await state.handlers().saveCells({ planId, source: 'typed', edits: [{ indicatorId: 'zyyj-03', year: 2024, field: 'actual', text }] });
}

beforeEach(async () => {
  tmp = makeTempDir();
  Object.assign(ui, { open: [], save: [], saveOptions: [], answers: [], boxes: [], opened: [], shown: [], recent: [] });
  sent.length = 0;
  reloads = 0;
  state = new DesktopState({ userData: join(tmp.dir, 'userData'), appVersion: '1.2.3', now: () => NOW });
  state.openServices();
  actions = new DesktopActions(state, () => fakeWindow);
  planId = (await state.handlers().getBootstrap({})).plans[0]?.id ?? '';
  // The page shows 区住建局's 2024 return.
  await state.handlers().getGrid({ planId, year: 2024, department: '区住建局' });
});
afterEach(() => {
  state.closeServices();
  tmp.cleanup();
  vi.restoreAllMocks();
});

describe('DesktopActions', () => {
  it('导出: saves the workbook of the page’s current view where the clerk chose', async () => {
    const target = join(tmp.dir, '导出.xlsx');
    ui.save.push({ canceled: false, filePath: target });
    ui.answers.push(1);
    await actions.guard(() => actions.exportWorkbook());
    const expected = await state.handlers().exportWorkbook({ planId, year: 2024, department: '区住建局' });
    expect(readFileSync(target).equals(Buffer.from(expected.base64, 'base64'))).toBe(true);
    expect(ui.recent).toEqual([target]);
    expect(ui.shown).toEqual([target]);
  });

  it('导出 never writes over the database or another SQLite file; the save dialog asks before replacing a file', async () => {
    const dbPath = state.dbPath();
    const before = readFileSync(dbPath);
    ui.save.push({ canceled: false, filePath: dbPath });
    ui.answers.push(0);
    await actions.guard(() => actions.exportWorkbook());
    expect(ui.saveOptions[0]?.properties).toContain('showOverwriteConfirmation');
    expect(ui.boxes.map((b) => b.type)).toEqual(['error']);
    expect(ui.boxes[0]?.message).toMatch(/正在使用的数据库|database in use/);
    expect(readFileSync(dbPath).subarray(0, 16).equals(before.subarray(0, 16))).toBe(true);
    expect(ui.recent).toEqual([]);
  });

  it('导出并发送邮件: workbook and draft side by side, the draft opened in the mail program', async () => {
    await type('230');
    const folder = join(tmp.dir, '邮件');
    ui.open.push({ canceled: false, filePaths: [folder] });
    ui.answers.push(0);
    await actions.guard(() => actions.exportWithEmail());
    expect(ui.boxes.map((b) => b.type)).toEqual(['info']);
    const eml = ui.opened[0] ?? '';
    expect(eml.startsWith(folder) && eml.endsWith('.eml')).toBe(true);
    const text = readFileSync(eml, 'latin1');
    expect(text).toContain('X-Unsent: 1');
    expect(existsSync(eml.replace(/\.eml$/, '.xlsx'))).toBe(true);
  });

  it('从备份恢复: after confirmation, restores and reloads; cancelling changes nothing', async () => {
    await type('205');
    await actions.guard(() => actions.backupNow());
    const manual = listBackups(state.backupFolder()).find((b) => b.reason === 'manual');
    expect(manual).toBeDefined();
    await type('999');

    ui.open.push({ canceled: false, filePaths: [manual?.path ?? ''] });
    ui.answers.push(0); // 取消
    await actions.guard(() => actions.restoreFromBackup());
    expect(await actual()).toBe(999);

    ui.open.push({ canceled: false, filePaths: [manual?.path ?? ''] });
    ui.answers.push(1); // 恢复
    await actions.guard(() => actions.restoreFromBackup());
    expect(state.isOpen()).toBe(true);
    expect(await actual()).toBe(205);
    expect(reloads).toBe(1);
    expect(listBackups(state.backupFolder()).some((b) => b.reason === 'before-restore')).toBe(true);
  });

  it('从备份恢复 with a file that is not a backup: says so, changes nothing, keeps working', async () => {
    await type('205');
    const bogus = join(tmp.dir, 'not-a-backup.sqlite');
    writeFileSync(bogus, 'hello');
    ui.open.push({ canceled: false, filePaths: [bogus] });
    ui.answers.push(1);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await actions.guard(() => actions.restoreFromBackup());
    expect(ui.boxes.at(-1)?.type).toBe('error');
    expect(ui.boxes.at(-1)?.message).toMatch(/不是指标填报台的数据库或备份，未做任何改动/);
    expect(state.isOpen()).toBe(true);
    expect(await actual()).toBe(205);
  });

  it('移动数据文件夹: copies, switches and records the folder', async () => {
    await type('241');
    const folder = join(tmp.dir, '新文件夹');
    ui.open.push({ canceled: false, filePaths: [folder] });
    ui.answers.push(1, 0);
    await actions.guard(() => actions.moveDataFolder());
    expect(state.dataFolder()).toBe(folder);
    expect(readShellSettings(join(tmp.dir, 'userData')).dataFolder).toBe(folder);
    expect(await actual()).toBe(241);
  });

  it('导入: sends the chosen workbooks to the page and names the unreadable ones', async () => {
    const good = join(tmp.dir, '甲.xlsx');
    writeFileSync(good, Buffer.from('PK\u0003\u0004'));
    ui.open.push({ canceled: false, filePaths: [good, join(tmp.dir, '缺失.xlsx')] });
    await actions.guard(() => actions.importFiles());
    expect(sent).toHaveLength(1);
    expect(sent[0]?.channel).toBe('indicator-desk:menu');
    expect((sent[0]?.payload as { files: { name: string }[] }).files.map((f) => f.name)).toEqual(['甲.xlsx']);
    expect(ui.boxes.at(-1)?.message).toContain('缺失.xlsx');
  });
});
