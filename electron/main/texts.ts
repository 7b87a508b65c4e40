// The desktop shell's own words (dialogs, notices) in Chinese and English, rendered by the one
// message engine. Domain and API messages come from shared/i18n; these exist only in the shell.
import type { KeyOf, Params } from '../../shared/i18n/engine';
import { defineCatalogue, render } from '../../shared/i18n/engine';
import type { Lang } from '../../shared/i18n/lang';

export const SHELL_TEXTS = defineCatalogue(
  'shell',
  {
    ok: '确定',
    cancel: '取消',
    quit: '退出',
    workbooks: 'Excel 工作簿',
    pdf: 'PDF 文件',
    databases: '指标填报台备份',
    importTitle: '选择要导入的填报表',
    exportTitle: '导出填报表',
    exported: '已导出：{path}',
    showInFolder: '在文件夹中显示',
    emailFolderTitle: '选择保存工作簿和邮件草稿的文件夹',
    emailWritten: '已生成工作簿和邮件草稿：\n{workbook}\n{eml}\n\n邮件草稿已用默认邮件程序打开；如未打开，请在文件夹中双击 .eml 文件，或把工作簿作为附件手动发送。',
    noView: '没有可导出的规划。',
    pdfTitle: '打印为 PDF',
    backupDone: '已备份到：{path}',
    restoreTitle: '选择要恢复的备份',
    restoreConfirm: '用备份“{name}”替换当前数据？\n\n当前数据会先自动备份，之后仍可恢复。',
    restoreButton: '恢复',
    restored: '已从备份恢复。恢复前的数据已保存为：{path}',
    moveTitle: '选择新的数据文件夹',
    moveConfirm: '把数据库复制到“{folder}”并改用该文件夹？\n\n原文件夹中的数据库不会删除。',
    moveButton: '移动',
    moved: '数据文件夹已改为：{folder}',
    about: '指标填报台 {version}\n五年规划指标年度填报、核对与汇总。\n\n数据文件夹：{folder}',
    aboutTitle: '关于指标填报台',
    failed: '操作未完成：{detail}',
    openFailed: '数据库无法打开：{detail}',
    openFailedRestore: '从备份恢复…',
    skippedFiles: '以下文件无法读取，未导入：\n{files}',
  },
  {
    ok: 'OK',
    cancel: 'Cancel',
    quit: 'Quit',
    workbooks: 'Excel workbooks',
    pdf: 'PDF files',
    databases: 'Indicator Desk backups',
    importTitle: 'Choose returns to import',
    exportTitle: 'Export the return',
    exported: 'Exported: {path}',
    showInFolder: 'Show in Folder',
    emailFolderTitle: 'Choose a folder for the workbook and the email draft',
    emailWritten: 'The workbook and an email draft were written:\n{workbook}\n{eml}\n\nThe draft was opened in your mail program; if nothing opened, double-click the .eml file or attach the workbook by hand.',
    noView: 'There is no plan to export.',
    pdfTitle: 'Print to PDF',
    backupDone: 'Backed up to: {path}',
    restoreTitle: 'Choose a backup to restore',
    restoreConfirm: 'Replace the current data with the backup "{name}"?\n\nThe current data is backed up first, so this can be undone.',
    restoreButton: 'Restore',
    restored: 'Restored. The data from before the restore was saved as: {path}',
    moveTitle: 'Choose the new data folder',
    moveConfirm: 'Copy the database to "{folder}" and use that folder from now on?\n\nThe database in the old folder is not deleted.',
    moveButton: 'Move',
    moved: 'The data folder is now: {folder}',
    about: 'Indicator Desk {version}\nAnnual returns against five-year plan targets.\n\nData folder: {folder}',
    aboutTitle: 'About Indicator Desk',
    failed: 'The action did not complete: {detail}',
    openFailed: 'The database cannot be opened: {detail}',
    openFailedRestore: 'Restore from Backup…',
    skippedFiles: 'These files could not be read and were not imported:\n{files}',
  },
);

export type TextKey = KeyOf<typeof SHELL_TEXTS>;

export function text(lang: Lang, key: TextKey, params: Params = {}): string {
  return render(SHELL_TEXTS, lang, key, params);
}
