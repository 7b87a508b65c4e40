// The shell's own words (dialogs, notices) in Chinese and English. Domain and API messages come
// from shared/i18n; these exist only in the desktop shell.
export type Lang = 'zh' | 'en';

const TEXTS = {
  ok: { zh: '确定', en: 'OK' },
  cancel: { zh: '取消', en: 'Cancel' },
  quit: { zh: '退出', en: 'Quit' },
  workbooks: { zh: 'Excel 工作簿', en: 'Excel workbooks' },
  pdf: { zh: 'PDF 文件', en: 'PDF files' },
  databases: { zh: '指标填报台备份', en: 'Indicator Desk backups' },
  importTitle: { zh: '选择要导入的填报表', en: 'Choose returns to import' },
  exportTitle: { zh: '导出填报表', en: 'Export the return' },
  exported: { zh: '已导出：{path}', en: 'Exported: {path}' },
  showInFolder: { zh: '在文件夹中显示', en: 'Show in Folder' },
  emailFolderTitle: { zh: '选择保存工作簿和邮件草稿的文件夹', en: 'Choose a folder for the workbook and the email draft' },
  emailWritten: {
    zh: '已生成工作簿和邮件草稿：\n{workbook}\n{eml}\n\n邮件草稿已用默认邮件程序打开；如未打开，请在文件夹中双击 .eml 文件，或把工作簿作为附件手动发送。',
    en: 'The workbook and an email draft were written:\n{workbook}\n{eml}\n\nThe draft was opened in your mail program; if nothing opened, double-click the .eml file or attach the workbook by hand.',
  },
  noView: { zh: '没有可导出的规划。', en: 'There is no plan to export.' },
  pdfTitle: { zh: '打印为 PDF', en: 'Print to PDF' },
  backupDone: { zh: '已备份到：{path}', en: 'Backed up to: {path}' },
  restoreTitle: { zh: '选择要恢复的备份', en: 'Choose a backup to restore' },
  restoreConfirm: {
    zh: '用备份“{name}”替换当前数据？\n\n当前数据会先自动备份，之后仍可恢复。',
    en: 'Replace the current data with the backup "{name}"?\n\nThe current data is backed up first, so this can be undone.',
  },
  restoreButton: { zh: '恢复', en: 'Restore' },
  restored: { zh: '已从备份恢复。恢复前的数据已保存为：{path}', en: 'Restored. The data from before the restore was saved as: {path}' },
  moveTitle: { zh: '选择新的数据文件夹', en: 'Choose the new data folder' },
  moveConfirm: {
    zh: '把数据库复制到“{folder}”并改用该文件夹？\n\n原文件夹中的数据库不会删除。',
    en: 'Copy the database to "{folder}" and use that folder from now on?\n\nThe database in the old folder is not deleted.',
  },
  moveButton: { zh: '移动', en: 'Move' },
  moved: { zh: '数据文件夹已改为：{folder}', en: 'The data folder is now: {folder}' },
  about: {
    zh: '指标填报台 {version}\n五年规划指标年度填报、核对与汇总。\n\n数据文件夹：{folder}',
    en: 'Indicator Desk {version}\nAnnual returns against five-year plan targets.\n\nData folder: {folder}',
  },
  aboutTitle: { zh: '关于指标填报台', en: 'About Indicator Desk' },
  failed: { zh: '操作未完成：{detail}', en: 'The action did not complete: {detail}' },
  openFailed: { zh: '数据库无法打开：{detail}', en: 'The database cannot be opened: {detail}' },
  openFailedRestore: { zh: '从备份恢复…', en: 'Restore from Backup…' },
  openRetry: { zh: '重试', en: 'Try Again' },
  openFailedUnknown: { zh: '未知原因，详情见日志', en: 'unknown reason; see the log for details' },
  skippedFiles: { zh: '以下文件无法读取，未导入：\n{files}', en: 'These files could not be read and were not imported:\n{files}' },
} as const;

export type TextKey = keyof typeof TEXTS;

export function text(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  return TEXTS[key][lang].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
