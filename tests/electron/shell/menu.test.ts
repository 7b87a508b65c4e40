// The native menu template (Chinese default, English), with commands recorded.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommands } from '../../../electron/main/menu';
import { buildMenuTemplate } from '../../../electron/main/menu';

function recorder() {
  const calls: string[] = [];
  const names: (keyof MenuCommands)[] = ['importFiles', 'exportWorkbook', 'exportWithEmail', 'printToPdf', 'backupNow', 'restoreFromBackup', 'moveDataFolder', 'openDataFolder', 'about'];
  const commands = Object.fromEntries(names.map((n) => [n, () => calls.push(n)])) as unknown as MenuCommands;
  return { calls, commands };
}

const items = (menu: MenuItemConstructorOptions | undefined) => (menu?.submenu ?? []) as MenuItemConstructorOptions[];
const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as unknown as (() => void) | undefined)?.();

describe('menu template', () => {
  it('Chinese: 文件 / 编辑 / 视图 / 帮助 with the clerk-facing commands', () => {
    const { calls, commands } = recorder();
    const menu = buildMenuTemplate('zh', commands, { isDev: false, isMac: false });
    expect(menu.map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    const file = items(menu[0]).filter((i) => i.type !== 'separator');
    expect(file.map((i) => i.label)).toEqual(['导入…', '导出…', '导出并发送邮件…', '打印为 PDF…', '备份数据', '从备份恢复…', '移动数据文件夹…', '退出']);
    expect(file.at(-1)?.role).toBe('quit');
    for (const item of file.slice(0, -1)) click(item);
    expect(calls).toEqual(['importFiles', 'exportWorkbook', 'exportWithEmail', 'printToPdf', 'backupNow', 'restoreFromBackup', 'moveDataFolder']);
    expect(items(menu[1]).filter((i) => i.role).map((i) => i.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    const help = items(menu[3]);
    expect(help.map((i) => i.label)).toEqual(['关于指标填报台', '打开数据文件夹']);
    click(help[0]);
    click(help[1]);
    expect(calls.slice(-2)).toEqual(['about', 'openDataFolder']);
  });

  it('reload and developer tools only in development', () => {
    const { commands } = recorder();
    const roles = (isDev: boolean) => items(buildMenuTemplate('zh', commands, { isDev, isMac: false })[2]).map((i) => i.role).filter(Boolean);
    expect(roles(false)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(true)).toEqual(['reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('English labels; macOS drops the access keys and registers edit shortcuts', () => {
    const { commands } = recorder();
    const en = buildMenuTemplate('en', commands, { isDev: false, isMac: false });
    expect(en.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(items(en[0]).map((i) => i.label)).toContain('Export and Email…');
    expect(items(en[1]).every((i) => i.type === 'separator' || i.registerAccelerator === false)).toBe(true);
    const mac = buildMenuTemplate('zh', commands, { isDev: false, isMac: true });
    expect(mac.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(items(mac[1]).every((i) => i.type === 'separator' || i.registerAccelerator === true)).toBe(true);
  });
});
