// The native menu in Chinese (default) or English. Pure: it turns commands into a template, and
// main.ts turns the template into Menu.buildFromTemplate(...). Clicks call the given commands only.
import type { MenuItemConstructorOptions } from 'electron';

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

type Lang = 'zh' | 'en';

const LABELS = {
  file: { zh: '文件(&F)', en: '&File' },
  import: { zh: '导入…', en: 'Import…' },
  export: { zh: '导出…', en: 'Export…' },
  exportEmail: { zh: '导出并发送邮件…', en: 'Export and Email…' },
  printPdf: { zh: '打印为 PDF…', en: 'Print to PDF…' },
  backup: { zh: '备份数据', en: 'Back Up Data' },
  restore: { zh: '从备份恢复…', en: 'Restore from Backup…' },
  moveData: { zh: '移动数据文件夹…', en: 'Move Data Folder…' },
  quit: { zh: '退出', en: 'Quit' },
  edit: { zh: '编辑(&E)', en: '&Edit' },
  undo: { zh: '撤销', en: 'Undo' },
  redo: { zh: '重做', en: 'Redo' },
  cut: { zh: '剪切', en: 'Cut' },
  copy: { zh: '复制', en: 'Copy' },
  paste: { zh: '粘贴', en: 'Paste' },
  selectAll: { zh: '全选', en: 'Select All' },
  view: { zh: '视图(&V)', en: '&View' },
  reload: { zh: '重新加载', en: 'Reload' },
  devTools: { zh: '开发者工具', en: 'Developer Tools' },
  resetZoom: { zh: '实际大小', en: 'Actual Size' },
  zoomIn: { zh: '放大', en: 'Zoom In' },
  zoomOut: { zh: '缩小', en: 'Zoom Out' },
  fullScreen: { zh: '全屏', en: 'Full Screen' },
  help: { zh: '帮助(&H)', en: '&Help' },
  about: { zh: '关于指标填报台', en: 'About Indicator Desk' },
  openData: { zh: '打开数据文件夹', en: 'Open Data Folder' },
} as const;

export function buildMenuTemplate(lang: Lang, commands: MenuCommands, options: { isDev: boolean; isMac: boolean }): MenuItemConstructorOptions[] {
  const t = (key: keyof typeof LABELS): string => {
    const label = LABELS[key][lang];
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
