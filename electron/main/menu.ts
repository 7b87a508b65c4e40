// The native menu in Chinese (default) or English. Pure: it turns commands into a template, and
// main.ts turns the template into Menu.buildFromTemplate(...). Clicks call the given commands only.
import type { MenuItemConstructorOptions } from 'electron';
import type { KeyOf } from '../../shared/i18n/engine';
import { defineCatalogue, render } from '../../shared/i18n/engine';
import type { Lang } from '../../shared/i18n/lang';

export interface MenuCommands {
  importFiles(): void;
  exportWorkbook(): void;
  exportWithEmail(): void;
  printToPdf(): void;
  backupNow(): void;
  restoreFromBackup(): void;
  moveDataFolder(): void;
  openDataFolder(): void;
  about(): void;
}

/** Menu labels; (&F) and & mark Windows/Linux access keys (dropped on macOS). */
export const MENU_LABELS = defineCatalogue(
  'menu',
  {
    file: '文件(&F)',
    import: '导入…',
    export: '导出…',
    exportEmail: '导出并发送邮件…',
    printPdf: '打印为 PDF…',
    backup: '备份数据',
    restore: '从备份恢复…',
    moveData: '移动数据文件夹…',
    quit: '退出',
    edit: '编辑(&E)',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图(&V)',
    reload: '重新加载',
    devTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullScreen: '全屏',
    help: '帮助(&H)',
    about: '关于指标填报台',
    openData: '打开数据文件夹',
  },
  {
    file: '&File',
    import: 'Import…',
    export: 'Export…',
    exportEmail: 'Export and Email…',
    printPdf: 'Print to PDF…',
    backup: 'Back Up Data',
    restore: 'Restore from Backup…',
    moveData: 'Move Data Folder…',
    quit: 'Quit',
    edit: '&Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: '&View',
    reload: 'Reload',
    devTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen',
    help: '&Help',
    about: 'About Indicator Desk',
    openData: 'Open Data Folder',
  },
);

export function buildMenuTemplate(lang: Lang, commands: MenuCommands, options: { isDev: boolean; isMac: boolean }): MenuItemConstructorOptions[] {
  const t = (key: KeyOf<typeof MENU_LABELS>): string => {
    const label = render(MENU_LABELS, lang, key);
    // Access keys (&F) are a Windows/Linux convention; macOS shows the ampersand literally.
    return options.isMac ? label.replace(/\(&\w\)|&/g, '') : label;
  };
  // On Windows/Linux a registered accelerator swallows the key before the page sees it; the grid
  // implements its own Ctrl+Z/Ctrl+C/Ctrl+V, so there the items only show the shortcut. macOS needs
  // the registration for Cmd+C etc. to work in text fields at all.
  const registerAccelerator = options.isMac;
  const view: MenuItemConstructorOptions[] = [
    ...(options.isDev
      ? ([
          { label: t('reload'), role: 'reload' },
          { label: t('devTools'), role: 'toggleDevTools' },
          { type: 'separator' },
        ] satisfies MenuItemConstructorOptions[])
      : []),
    { label: t('resetZoom'), role: 'resetZoom' },
    { label: t('zoomIn'), role: 'zoomIn' },
    { label: t('zoomOut'), role: 'zoomOut' },
    { type: 'separator' },
    { label: t('fullScreen'), role: 'togglefullscreen' },
  ];
  return [
    {
      label: t('file'),
      submenu: [
        { label: t('import'), accelerator: 'CmdOrCtrl+O', click: () => commands.importFiles() },
        { label: t('export'), accelerator: 'CmdOrCtrl+E', click: () => commands.exportWorkbook() },
        { label: t('exportEmail'), click: () => commands.exportWithEmail() },
        { label: t('printPdf'), accelerator: 'CmdOrCtrl+P', click: () => commands.printToPdf() },
        { type: 'separator' },
        { label: t('backup'), click: () => commands.backupNow() },
        { label: t('restore'), click: () => commands.restoreFromBackup() },
        { label: t('moveData'), click: () => commands.moveDataFolder() },
        { type: 'separator' },
        { label: t('quit'), role: 'quit' },
      ],
    },
    {
      label: t('edit'),
      submenu: [
        { label: t('undo'), role: 'undo', registerAccelerator },
        { label: t('redo'), role: 'redo', registerAccelerator },
        { type: 'separator' },
        { label: t('cut'), role: 'cut', registerAccelerator },
        { label: t('copy'), role: 'copy', registerAccelerator },
        { label: t('paste'), role: 'paste', registerAccelerator },
        { label: t('selectAll'), role: 'selectAll', registerAccelerator },
      ],
    },
    { label: t('view'), submenu: view },
    {
      label: t('help'),
      role: 'help',
      submenu: [
        { label: t('about'), click: () => commands.about() },
        { label: t('openData'), click: () => commands.openDataFolder() },
      ],
    },
  ];
}
