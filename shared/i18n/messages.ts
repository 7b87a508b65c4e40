// Messages that cross layers (parse refusals, status names, import issues, API errors), in Chinese
// and English: the words every layer shares. Rendered by the one engine (./engine); the UI, grid,
// importer, shell, menu and backups keep their own catalogues made the same way.
import type { ParseRefusalCode } from '../domain/parse-number';
import type { CellStatus } from '../domain/status';
import type { AppMessage, KeyOf, Params } from './engine';
import { bilingual, defineCatalogue, translatorFor } from './engine';
import type { Lang } from './lang';

export const SHARED_MESSAGES = defineCatalogue(
  'shared',
  {
    'parse.not-a-number': '“{text}”不是数字，请输入数字，如 1050 或 87.5',
    'parse.approximate': '“{text}”是约数，请填写确切数字',
    'parse.chinese-magnitude': '“{text}”含有“万”“千”等单位字，请写成完整数字（如 16000）',
    'parse.several-decimal-points': '“{text}”有多个小数点',
    'parse.bad-thousands-separator': '“{text}”的千位分隔符位置不对',
    'parse.space-inside': '“{text}”的数字中间有空格，看不出是一个数还是几个数，请重新输入（不要空格）',
    'parse.negative-count': '“{text}”是负数，数量类指标不能为负',
    'parse.not-finite': '“{text}”超出可表示的数字范围',
    'status.met': '达标',
    'status.missed': '未达标',
    'status.near': '接近',
    'status.no-target': '无目标',
    'status.not-reported': '未填报',
    'status.pending': '未到期',
    'error.unknown-indicator': '找不到指标“{id}”',
    'error.unknown-year': '{year} 年不在规划年度范围内',
    'error.unknown-plan': '找不到规划“{id}”',
    'error.not-our-database': '文件“{path}”不是指标填报台的数据库，未做任何改动',
    'error.corrupt-database': '数据库文件“{path}”已损坏，无法打开。未做任何改动，请从备份恢复',
    'error.newer-database': '数据库由较新版本（结构版本 {version}）创建，请升级本软件',
    'error.invalid-request': '请求格式不正确：{detail}',
    'error.internal': '内部错误：{detail}',
    'error.note-too-long': '说明过长（最多 {max} 字）',
    'error.unknown-department': '找不到单位“{name}”',
    'error.department-not-in-plan': '单位“{name}”在规划“{plan}”中没有任何指标，未做任何操作。该规划的单位：{departments}',
    'error.report-pdf-unavailable': '此运行方式无法生成 PDF 报告（找不到可用的 Chromium 浏览器）',
    'error.network': '无法连接本机服务（{detail}）。请确认“指标填报台”仍在运行，然后刷新页面。',
    'error.token': '访问口令无效或已过期。请使用启动时显示的完整地址重新打开本页。',
    'import.unexpected': '读取文件时出错：{detail}',
    'import.not-found': '找不到第 {id} 次导入',
    'import.already-undone': '第 {id} 次导入已经撤销过了',
    'import.changed-since': '导入后单元格（{cell}）又被修改过，为免丢失后来的修改，未撤销。请手工处理',
    'import.preview-expired': '导入预览已失效，请重新选择文件',
    'import.other-plan-nothing': '文件属于另一规划：{plan}，在当前规划中不会写入任何数值，因此未导入，也未记为已收到。请切换到该规划后再导入',
    'error.untrusted-sender': '请求来自未知页面，已拒绝',
    'import.two-departments': '“{file}”写了两个填报单位（“{first}”和“{second}”），无法确定是哪个单位的报表，未导入。请改正后再导入',
    'import.unknown-department': '填报单位“{name}”不在规划的单位名单中，已按“未指定单位”读取。可在“设置”中为它添加别名',
    'import.no-department': '报表未写明填报单位，已按“未指定单位”导入。可在预览中选择单位',
    'import.unknown-department-chosen': '填报单位“{name}”不在规划的单位名单中，已按所选单位“{chosen}”读取。如两者是同一单位，可在“设置”中为“{name}”添加别名',
    'import.not-a-conflict': '单元格（{cell}）没有冲突，不能为它指定取值；未写入任何内容',
    'import.bad-pick': '单元格（{cell}）的取值“{take}”不是该冲突的任何一方；未写入任何内容',
    'import.not-other-unit': '单元格（{cell}）不是“非本单位指标”的数值；未写入任何内容',
    'import.file-missing': '第 {id} 次导入的文件“{file}”已不在导入文件夹中，无法重新打开',
    'error.bad-alias': '别名“{alias}”指向的“{name}”不是规划中的单位',
    'export.no-folder': '导出的文件夹不存在：{folder}',
    'export.is-database': '“{name}”是正在使用的数据库，不能用导出的工作簿覆盖它；请换一个文件名',
    'export.is-sqlite': '“{name}”是一个数据库文件，不能用导出的工作簿覆盖它；请换一个文件名',
    'export.not-a-file': '“{name}”是文件夹，不能写入；请换一个文件名',
    'export.exists': '“{name}”已存在；要覆盖请确认（命令行加 --force），或换一个文件名',
    'report.render-timeout': '报告页面在 {seconds} 秒内没有画完，未生成 PDF；请重试，或改为导出 .xlsx 报告',
    'db.locked': '数据库“{path}”正被另一个程序独占使用（已锁定）。数据没有问题：请关闭另一个正在使用它的指标填报台窗口、浏览器模式或命令行，然后重试',
    'db.read-only': '数据库“{path}”所在的位置只能读、不能写（只读文件夹、只读文件或只读磁盘）。数据没有问题：已以只读方式打开；要修改，请把数据文件夹移到可写的位置，或请管理员开放写权限',
    'db.unwritable': '无法在“{path}”创建或写入数据库（{detail}）。数据没有问题：请检查该位置是否是文件夹、是否可写，或选择其他数据文件夹',
    'db.unreadable': '无法读取数据库“{path}”（没有读取权限）。请检查文件权限，或请管理员处理',
    'db.io-error': '读写数据库“{path}”时磁盘出错（可能是网络盘断开、U 盘拔出或磁盘故障）。请检查磁盘或网络连接后重试；数据库本身未被判定为损坏',
    'db.disk-full': '磁盘已满，数据库“{path}”无法写入。请腾出空间后重试；未做任何改动',
    'db.broken-install': '程序的数据库组件无法加载（{detail}）：指标填报台的安装已损坏，或组件是为另一个运行环境编译的。数据库“{path}”没有问题，请不要从备份恢复。请用原安装包重新安装指标填报台；从源代码运行时，请在项目文件夹中运行 npm rebuild better-sqlite3',
    'error.too-large': '请求过大：{method} 最多接受 {limit}，未做任何处理。导入时请一次选择较小的文件',
  },
  {
    'parse.not-a-number': '"{text}" is not a number; type a number such as 1050 or 87.5',
    'parse.approximate': '"{text}" is an approximation; enter the exact figure',
    'parse.chinese-magnitude': '"{text}" uses a Chinese magnitude word (万, 千…); write the full number (e.g. 16000)',
    'parse.several-decimal-points': '"{text}" has more than one decimal point',
    'parse.bad-thousands-separator': '"{text}" has thousands separators in the wrong places',
    'parse.space-inside': '"{text}" has spaces between its digits, so it is unclear whether it is one number or several; type it again without spaces',
    'parse.negative-count': '"{text}" is negative; a count cannot be negative',
    'parse.not-finite': '"{text}" is out of range',
    'status.met': 'Met',
    'status.missed': 'Missed',
    'status.near': 'Near',
    'status.no-target': 'No target',
    'status.not-reported': 'Not reported',
    'status.pending': 'Not yet due',
    'error.unknown-indicator': 'No indicator "{id}"',
    'error.unknown-year': '{year} is not a year of the plan',
    'error.unknown-plan': 'No plan "{id}"',
    'error.not-our-database': '"{path}" is not an Indicator Desk database; nothing was changed',
    'error.corrupt-database': 'The database "{path}" is damaged and cannot be opened. Nothing was changed; restore it from a backup',
    'error.newer-database': 'The database was made by a newer version (schema {version}); please update the app',
    'error.invalid-request': 'Malformed request: {detail}',
    'error.internal': 'Internal error: {detail}',
    'error.note-too-long': 'The note is too long (at most {max} characters)',
    'error.unknown-department': 'No department "{name}"',
    'error.department-not-in-plan': 'Department "{name}" has no indicator in plan "{plan}"; nothing was done. The plan\'s departments: {departments}',
    'error.report-pdf-unavailable': 'This mode cannot make the PDF report (no usable Chromium browser found)',
    'error.network': 'Cannot reach the local service ({detail}). Check that Indicator Desk is still running, then reload the page.',
    'error.token': 'The access token is missing or out of date. Open this page again with the full address printed at start-up.',
    'import.unexpected': 'Could not read the file: {detail}',
    'import.not-found': 'No import number {id}',
    'import.already-undone': 'Import {id} has already been undone',
    'import.changed-since': 'A cell ({cell}) was changed after the import; to keep that later change, nothing was undone. Please fix it by hand',
    'import.preview-expired': 'The import preview has expired; please choose the files again',
    'import.other-plan-nothing': 'The file belongs to another plan, {plan}, and would write nothing in the current one, so it was neither imported nor recorded as received. Switch to that plan and import it there',
    'error.untrusted-sender': 'The request came from an unknown page and was refused',
    'import.two-departments': '"{file}" names two departments ("{first}" and "{second}"), so whose return it is cannot be told; nothing was imported. Correct it and import again',
    'import.unknown-department': 'The department "{name}" is not one of the plan\'s departments; the return was read as "unspecified department". You can add an alias in Settings',
    'import.no-department': 'The return does not name its department; it is imported as "unspecified department". You can choose one in the preview',
    'import.unknown-department-chosen': 'The department "{name}" is not one of the plan\'s departments; the return was read as the chosen department "{chosen}". If they are the same, you can add "{name}" as an alias in Settings',
    'import.not-a-conflict': 'The cell ({cell}) is not in conflict, so no side can be picked for it; nothing was written',
    'import.bad-pick': 'The pick "{take}" for the cell ({cell}) is not a side of its conflict; nothing was written',
    'import.not-other-unit': 'The cell ({cell}) is not an other-department value; nothing was written',
    'import.file-missing': 'The file "{file}" of import {id} is no longer in the imports folder; it cannot be reopened',
    'error.bad-alias': 'The alias "{alias}" points to "{name}", which is not a department of the plan',
    'export.no-folder': 'The folder to export into does not exist: {folder}',
    'export.is-database': '"{name}" is the database in use; an exported workbook cannot replace it. Choose another file name',
    'export.is-sqlite': '"{name}" is a database file; an exported workbook cannot replace it. Choose another file name',
    'export.not-a-file': '"{name}" is a folder and cannot be written; choose another file name',
    'export.exists': '"{name}" already exists; confirm to replace it (--force on the command line) or choose another file name',
    'report.render-timeout': 'The report page did not finish drawing within {seconds} seconds, so no PDF was made; try again, or export the .xlsx report instead',
    'db.locked': 'The database "{path}" is held exclusively by another program (locked). The data is fine: close the other Indicator Desk window, browser mode or command line using it, then try again',
    'db.read-only': 'The database "{path}" is in a place that can be read but not written (read-only folder, file or disk). The data is fine: it was opened read-only; to make changes, move the data folder somewhere writable or ask an administrator for write access',
    'db.unwritable': 'Cannot create or write the database at "{path}" ({detail}). The data is fine: check that the place is a folder and writable, or choose another data folder',
    'db.unreadable': 'Cannot read the database "{path}" (no permission to read it). Check the file permissions or ask an administrator',
    'db.io-error': 'A disk error occurred reading or writing the database "{path}" (a network drive disconnected, a USB stick removed or a failing disk). Check the disk or connection and try again; the database itself was not found damaged',
    'db.disk-full': 'The disk is full; the database "{path}" cannot be written. Free some space and try again; nothing was changed',
    'db.broken-install': 'The program\'s database component cannot be loaded ({detail}): the Indicator Desk installation is damaged or the component was built for another runtime. The database "{path}" is fine; do not restore a backup. Reinstall Indicator Desk from its installer; when running from source, run npm rebuild better-sqlite3 in the project folder',
    'error.too-large': 'Request too large: {method} accepts at most {limit}; nothing was done. When importing, choose smaller files',
  },
);

/** A key of the shared catalogue (parse.*, status.*, error.*, import.*). */
export type SharedMessageKey = KeyOf<typeof SHARED_MESSAGES>;

/** A shared message in one language: translate(lang, key, params). */
export const translate = translatorFor(SHARED_MESSAGES);

/** A shared message in both languages, ready to cross the process boundary. */
export function message(key: SharedMessageKey, params: Params = {}): AppMessage {
  return bilingual(SHARED_MESSAGES, key, params);
}

export function parseRefusalMessage(code: ParseRefusalCode, text: string): AppMessage {
  return message(`parse.${code}`, { text: text.trim() });
}

/** 达标 / Met …: one set of status names for the grid, the workbook, the mail draft and the CLI. */
export function statusLabel(lang: Lang, status: CellStatus): string {
  return translate(lang, `status.${status}`);
}
