// The importer's own messages (zh + en), rendered by the one engine into AppMessages (which carry
// both languages), and the error for a file that cannot be read at all.
import { ApiFailure } from '../../../shared/errors';
import type { AppMessage, KeyOf, Params, PluralBase } from '../../../shared/i18n/engine';
import { bilingual, bilingualCount, defineCatalogue } from '../../../shared/i18n/engine';

export const IMPORT_MESSAGES = defineCatalogue(
  'import',
  {
    'import.not-a-workbook': '“{file}”不是 Excel 工作簿（.xlsx 或 .xls），无法导入：请确认选对了文件，或在 Excel/WPS 中打开后另存为 .xlsx 再导入',
    'import.zip-archive': '“{file}”是压缩包，里面有 {names}：请先解压，再导入其中的表格',
    'import.damaged': '“{file}”已损坏或不完整（可能下载或复制时被截断），请重新获取文件后再导入',
    'import.encrypted': '“{file}”设置了打开密码，没有密码无法读取：请向发文件的人要密码，在 Excel/WPS 中用密码打开，取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后保存，再导入',
    'import.encryption-unsupported': '“{file}”使用了本软件无法解开的加密方式：请在 Excel/WPS 中打开，取消加密后另存为 .xlsx，再导入',
    'import.unsupported-format': '“{file}”是 {format} 格式的文件，不能直接导入：请在 WPS/Excel 中打开它，“另存为” Excel 工作簿（.xlsx）后再导入',
    'import.too-large': '“{file}”太大（{size} MB，上限 {max} MB），不是正常的填报表',
    'import.too-large-uncompressed': '“{file}”解压后太大（{size} MB，上限 {max} MB），不是正常的填报表',
    'import.zip-bomb': '“{file}”内容异常（压缩比异常，疑似恶意文件），已拒绝导入',
    'import.too-many-rows': '“{file}”的工作表“{sheet}”声称有 {rows} 行（上限 {max} 行），不是正常的填报表',
    'import.read-failed': '无法读取“{file}”：文件内容不是有效的工作簿（可能已损坏，或由不规范的软件生成）。请在 Excel/WPS 中打开，另存为 .xlsx 后再导入',
    'import.no-table': '在“{file}”中找不到指标表：需要一行表头，含“指标”列和年度的“目标值”或“实际值”列（如“2025年实际值”）。请对照本软件导出的填报模板补上表头，或直接用模板填报',
    'import.hidden-row': '第 {row} 行是隐藏行，仍已读取，请确认其中的数据',
    'import.hidden-column': '{column} 列是隐藏列，仍已读取，请确认其中的数据',
    'import.hidden-sheet': '工作表“{sheet}”是隐藏的，仍已读取',
    'import.total-row': '第 {row} 行“{name}”是合计行，已跳过',
    'import.unmatched-row': '第 {row} 行“{name}”在规划中找不到对应指标，未导入',
    'import.code-name-mismatch': '第 {row} 行：序号 {code} 与指标名称“{name}”不一致，已按名称匹配到指标 {planCode}',
    'import.unit-mismatch': '第 {row} 行“{name}”的单位“{unit}”与规划的单位“{planUnit}”不同，请核对数值',
    'import.superseded-column': '“{header}”有两列：{used} 列可见，已采用；隐藏的 {hidden} 列未读取，请确认它只是旧稿',
    'import.ambiguous-columns': '“{header}”有多列都填了数（{columns}），无法判断该用哪一列，均未读取：请删除或隐藏不用的列后再导入',
    'import.ambiguous-hidden-columns': '“{header}”有多列都填了数（{columns}），且都是隐藏列，无法判断该用哪一列，均未读取：请取消隐藏要用的那一列，删除其余的列后再导入',
    'import.unused-empty-column': '“{header}”有两列：{hidden} 列（“{otherHeader}”）没有填任何数，未使用；已读取 {used} 列',
    'import.note-too-long': '说明有 {length} 字，超过上限 {max} 字，未读取：请精简后再导入（详细材料请另附）',
    'import.other-period-only': '{column} 列（“{header}”）是另一期间的数字（一年中的部分月份、预计等），不是全年的{actual}，未读取；表中没有“{actual}”列。如果这些就是全年数，请把表头改为“{actual}”后再导入',
    'import.other-period-title': '标题或工作表名“{title}”说明表中是一年中部分期间的数字，{column} 列（“{header}”）因此未作为全年的{actual}读取。如果这些就是全年数，请把表头改为“{actual}”（或改正标题）后再导入',
    'import.unknown-figures-column': '{column} 列（“{header}”）填了数，但表头没有写明是目标值还是实际值，未读取；表中没有“{actual}”列。如果这些是{actual}，请把表头改为“{actual}”后再导入',
    'import.column-without-year': '{column} 列（“{header}”）填了数，但表头、工作表名和标题都没有写明是哪一年，未读取：请把表头改为如“{example}”后再导入',
    'import.title-period-read': '标题或工作表名“{title}”说的是一年中的部分期间，但 {column} 列的表头“{header}”写的是全年，已按全年读取：如果这些是部分期间的数字，请改正后再导入',
    'import.note-column-figures': '{column} 列的表头是“{header}”（说明），填的却是数字，已按说明读取：如果这些是实际值，请把表头改为如“2025年实际值”后再导入',
    'import.formula-shows-nothing': '该单元格是公式（={formula}），文件中保存的结果是空的，已按未填读取：如果在 Excel/WPS 中它显示一个数，说明文件由程序生成且未计算过，请用 Excel/WPS 打开、保存后再导入',
    'import.stored-not-a-number': '文件中该单元格存的不是有效数字（{text}），文件可能由程序生成有误：请在 Excel/WPS 中重新输入该数值并保存后再导入',
    'import.notes-too-long': '本行的说明写在 {cells} 几列中，合起来有 {length} 字，超过上限 {max} 字，均未读取：请精简或合并到一列后再导入',
    'import.mark-no-value': '实际值填的是“{text}”，按“未填”读取（不是 0）：如果实际是 0，请填 0；如果暂无数据，请留空并在“说明”中写明原因',
    'import.invisible-stripped': '“{text}”中有看不见的字符（{chars}，多见于从网页或聊天软件复制），已去掉后按 {value} 读取，请核对',
    'import.invisible-not-a-number': '“{text}”含有看不见的字符（{chars}），去掉后仍不是数字，请重新输入该数值',
    'import.formula-uncalculated': '该单元格是公式（={formula}），但文件中没有保存计算结果（文件可能由程序生成，从未在 Excel 或 WPS 中计算过）。请用 Excel 或 WPS 打开、保存后再导入，或直接填写数值',
    'import.ambiguous-value': '指标 {code} 的 {year} 年数据在 {first} 和 {second} 填得不一样（{firstValue}；{secondValue}），无法判断该用哪个，均未读取：请删除不用的行或工作表（或把它隐藏）后再导入',
    'import.superseded-row': '指标 {code} 的 {year} 年数据在 {used} 和隐藏的 {hidden} 都有，已采用可见的 {used}；隐藏的未读取，请确认它只是旧稿',
    'import.superseded-sheet.one': '隐藏的工作表“{sheet}”中有 {count} 个数与可见的工作表“{used}”不同（如 {examples}），已采用可见的；隐藏的未读取，请确认它只是旧稿',
    'import.superseded-sheet.other': '隐藏的工作表“{sheet}”中有 {count} 个数与可见的工作表“{used}”不同（如 {examples}），已采用可见的；隐藏的未读取，请确认它只是旧稿',
    'import.filled-from-row': '指标 {code} 的 {year} 年数据在 {blank} 空着、在 {used} 填了，已读取 {used}：请确认它是最终数据',
    'import.filled-from-sheet.one': '工作表“{sheet}”填了工作表“{blank}”中空着的 {count} 个数（如 {examples}），已一并读取：请确认两张表中的数都是最终数据',
    'import.filled-from-sheet.other': '工作表“{sheet}”填了工作表“{blank}”中空着的 {count} 个数（如 {examples}），已一并读取：请确认两张表中的数都是最终数据',
    'import.values-without-name': '第 {row} 行有数值但没有指标名称，已跳过',
    'import.percent-not-rate': '单元格按百分比显示（{shown}），但该指标单位是“{unit}”，已按单元格实际数值 {value} 读取',
    'import.not-a-number-cell': '“{text}”不是数字',
    'import.other-plan': '文件导出自另一规划：{plan}；当前规划：{current}。已按指标名称匹配',
    'import.unknown-indicator-id': '第 {row} 行的指标ID“{id}”不在当前规划中，已按名称匹配',
    'import.code-page-gbk': '这是旧版 .xls（BIFF{biff}），文字未声明为简体中文编码（文件所写代码页：{declared}）；按 GBK（代码页 {gbk}）读取才与规划的表头和指标名称对得上，已按 GBK 读取，请核对文字',
    'import.code-page-assumed': '这是旧版 .xls（BIFF{biff}），文字按代码页 {used} 读取（文件所写代码页：{declared}），按 GBK（{gbk}）读取也对不上规划的指标名称；如文字显示为乱码，请在 Excel/WPS 中打开并另存为 .xlsx 后再导入',
    // Package and reader faults (issue 10, reader-faults branch).
    'import.duplicate-part': '“{file}”已损坏：压缩包里“{first}”和“{second}”是同一个部件，内容却不同，无法确定哪个是真的。请向发文件的人重新要一份，或在 Excel/WPS 中打开后另存为 .xlsx 再导入',
    'import.too-many-entries': '“{file}”里有 {count} 个内部文件（上限 {max} 个），正常的填报表只有几十个，已拒绝导入',
    // Stored values no spreadsheet can hold (issue 10, reader-values branch).
    'import.outside-grid': '工作表“{sheet}”中有单元格的位置超出了 Excel 表格的范围（{cells}；表格最多到 XFD 列、第 1048576 行），任何表格软件都显示不出它们，文件可能由程序生成有误，这些单元格未读取；其余内容已照常读取。如果那里本应有数值，请向发文件的人核实，并重新要一份文件',
    'import.outside-grid-unreadable': '“{file}”已损坏：工作表“{sheet}”中有单元格的位置超出了 Excel 表格的范围（{cells}；表格最多到 XFD 列、第 1048576 行），文件可能由程序生成有误，无法读取。请在 Excel/WPS 中打开（按提示修复）后另存为 .xlsx 再导入，或向发文件的人重新要一份',
    'import.row-past-grid': '“{file}”已损坏：工作表“{sheet}”写到了第 {row} 行，超出了 Excel 表格的最后一行（第 1048576 行），文件可能由程序生成有误，无法读取。请在 Excel/WPS 中打开（按提示修复）后另存为 .xlsx 再导入，或向发文件的人重新要一份',
  },
  {
    'import.not-a-workbook': '"{file}" is not an Excel workbook (.xlsx or .xls) and cannot be imported: check you chose the right file, or open it in Excel/WPS, save it as .xlsx and import that',
    'import.zip-archive': '"{file}" is a zip archive holding {names}: unpack it first, then import the workbooks inside',
    'import.damaged': '"{file}" is damaged or incomplete (perhaps cut short while downloading or copying); get the file again and re-import',
    'import.encrypted': '"{file}" has a password to open and cannot be read without it: ask the sender for the password, open the file with it in Excel/WPS, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it), save, and import again',
    'import.encryption-unsupported': '"{file}" is encrypted in a way this app cannot undo: open it in Excel/WPS, remove the encryption, save it as .xlsx, and import again',
    'import.unsupported-format': '"{file}" is in {format} format and cannot be imported directly: open it in WPS/Excel, use "Save As" Excel workbook (.xlsx), then import',
    'import.too-large': '"{file}" is too large ({size} MB, limit {max} MB) to be a return',
    'import.too-large-uncompressed': '"{file}" unpacks to too much data ({size} MB, limit {max} MB) to be a return',
    'import.zip-bomb': '"{file}" has abnormal content (an impossible compression ratio, possibly malicious) and was refused',
    'import.too-many-rows': 'Sheet "{sheet}" of "{file}" claims {rows} rows (limit {max}); it is not a return',
    'import.read-failed': 'Cannot read "{file}": its content is not a valid workbook (damaged, or written by non-conforming software). Open it in Excel/WPS, save it as .xlsx, and import again',
    'import.no-table': 'No indicator table found in "{file}": a header row needs an indicator (指标) column and target or actual columns per year (such as 2025年实际值). Add the header as in the template this app exports, or fill in that template instead',
    'import.hidden-row': 'Row {row} is hidden; it was read anyway, please check its data',
    'import.hidden-column': 'Column {column} is hidden; it was read anyway, please check its data',
    'import.hidden-sheet': 'Sheet "{sheet}" is hidden; it was read anyway',
    'import.total-row': 'Row {row} "{name}" is a totals row and was skipped',
    'import.unmatched-row': 'Row {row} "{name}" matches no indicator of the plan and was not imported',
    'import.code-name-mismatch': 'Row {row}: number {code} disagrees with the name "{name}"; matched by name to indicator {planCode}',
    'import.unit-mismatch': 'Row {row} "{name}": unit "{unit}" differs from the plan\'s "{planUnit}"; check the figures',
    'import.superseded-column': '"{header}" is in two columns: visible column {used} was used; hidden column {hidden} was not read, please check it is only a draft',
    'import.ambiguous-columns': '"{header}" is in several columns that all hold figures ({columns}) and none was read, since it is unclear which holds the figures: delete or hide the unused ones and import again',
    'import.ambiguous-hidden-columns': '"{header}" is in several columns that all hold figures ({columns}), all of them hidden, and none was read: unhide the one to use, delete the others and import again',
    'import.unused-empty-column': '"{header}" is in two columns: column {hidden} ("{otherHeader}") holds no figures and was not used; column {used} was read',
    'import.note-too-long': 'The note has {length} characters, more than the limit of {max}, and was not read: shorten it and import again (send longer material separately)',
    'import.other-period-only': 'Column {column} ("{header}") holds another period\'s figures (part of the year, a forecast), not the full-year {actual}, and was not read; the table has no "{actual}" column. If these are the full-year figures, rename the header to "{actual}" and import again',
    'import.other-period-title': 'The title or sheet name "{title}" says the table holds figures for part of the year, so column {column} ("{header}") was not read as the full-year {actual}. If these are the full-year figures, rename the header to "{actual}" (or correct the title) and import again',
    'import.unknown-figures-column': 'Column {column} ("{header}") holds figures, but its header says neither target nor actual, and it was not read; the table has no "{actual}" column. If these are the {actual} figures, rename the header to "{actual}" and import again',
    'import.column-without-year': 'Column {column} ("{header}") holds figures, but neither its header, the sheet name nor the title says which year, and it was not read: rename the header (e.g. "{example}") and import again',
    'import.title-period-read': 'The title or sheet name "{title}" speaks of part of the year, but the header of column {column} ("{header}") names the whole year, and it was read as the year: if these are part-year figures, correct them and import again',
    'import.note-column-figures': 'Column {column} is headed "{header}" (a note) but holds figures; they were read as notes: if they are the actuals, rename the header (e.g. "2025年实际值") and import again',
    'import.formula-shows-nothing': 'The cell is a formula (={formula}) whose stored result is empty; it was read as not given: if Excel/WPS shows a figure there, the file was written by a program and never calculated: open it in Excel/WPS, save, and import again',
    'import.stored-not-a-number': 'The file stores no valid number in this cell ({text}); a program may have written it wrongly: type the figure again in Excel/WPS, save, and import again',
    'import.notes-too-long': 'This row\'s note is written in {cells}; together it has {length} characters, more than the limit of {max}, and none was read: shorten it or keep it in one column and import again',
    'import.mark-no-value': 'The actual is "{text}", read as not given (not 0): if the figure is 0, type 0; if there is no figure yet, leave it empty and say why in the note',
    'import.invisible-stripped': '"{text}" had invisible characters ({chars}, usually pasted from a web page or chat); they were removed and it was read as {value}, please check',
    'import.invisible-not-a-number': '"{text}" contains invisible characters ({chars}) and is not a number even without them; please type the figure again',
    'import.formula-uncalculated': 'This cell is a formula (={formula}) but the file holds no calculated result (a program wrote it and it was never calculated in Excel or WPS). Open and save it in Excel or WPS before importing, or type the figure',
    'import.ambiguous-value': 'Indicator {code}, {year}: {first} and {second} hold different values ({firstValue}; {secondValue}) and neither was read, since it is unclear which is right: delete the unused row or sheet (or hide it) and import again',
    'import.superseded-row': 'Indicator {code}, {year}: filled in at both {used} and the hidden {hidden}; the visible {used} was used and the hidden one was not read, please check it is only a draft',
    'import.superseded-sheet.one': 'The hidden sheet "{sheet}" holds {count} value that differs from the visible sheet "{used}" ({examples}); the visible one was used and the hidden one not read, please check it is only a draft',
    'import.superseded-sheet.other': 'The hidden sheet "{sheet}" holds {count} values that differ from the visible sheet "{used}" (e.g. {examples}); the visible ones were used and the hidden ones not read, please check it is only a draft',
    'import.filled-from-row': 'Indicator {code}, {year}: blank at {blank} and filled in at {used}; {used} was read, please check it is the final figure',
    'import.filled-from-sheet.one': 'Sheet "{sheet}" fills {count} cell left blank in sheet "{blank}" ({examples}); it was read too, please check both sheets hold final figures',
    'import.filled-from-sheet.other': 'Sheet "{sheet}" fills {count} cells left blank in sheet "{blank}" (e.g. {examples}); they were read too, please check both sheets hold final figures',
    'import.values-without-name': 'Row {row} has figures but no indicator name and was skipped',
    'import.percent-not-rate': 'The cell is shown as a percentage ({shown}) but the indicator\'s unit is "{unit}"; read as its stored value {value}',
    'import.not-a-number-cell': '"{text}" is not a number',
    'import.other-plan': 'The file was exported from another plan, {plan}; the current plan is {current}. Rows were matched by indicator name',
    'import.unknown-indicator-id': 'Row {row}: indicator id "{id}" is not in the current plan; matched by name',
    'import.code-page-gbk': 'This is a legacy .xls (BIFF{biff}) whose text is not declared as simplified Chinese (code page in the file: {declared}); only read as GBK (code page {gbk}) do its header and indicator names fit the plan, so it was read as GBK; please check the text',
    'import.code-page-assumed': 'This is a legacy .xls (BIFF{biff}); its text was read in code page {used} (code page in the file: {declared}), and read as GBK ({gbk}) its names match the plan no better; if the text looks garbled, open it in Excel/WPS, save it as .xlsx and import that',
    // Package and reader faults (issue 10, reader-faults branch).
    'import.duplicate-part': '"{file}" is damaged: its entries "{first}" and "{second}" are the same part with different contents, so which is real cannot be told. Ask the sender for the file again, or open it in Excel/WPS, save it as .xlsx and import that',
    'import.too-many-entries': '"{file}" was refused: the number of files inside it ({count}, limit {max}) is far beyond a real return\'s few dozen',
    // Stored values no spreadsheet can hold (issue 10, reader-values branch).
    'import.outside-grid': 'Sheet "{sheet}" has cells placed outside an Excel sheet ({cells}; a sheet ends at column XFD and row 1,048,576). No spreadsheet program can show them, so a program probably wrote the file wrongly; they were not read, and the rest was read as usual. If a figure belonged there, check with the sender and ask for the file again',
    'import.outside-grid-unreadable': '"{file}" is damaged: sheet "{sheet}" has cells placed outside an Excel sheet ({cells}; a sheet ends at column XFD and row 1,048,576), probably written wrongly by a program, and it cannot be read. Open it in Excel/WPS (let it repair the file), save it as .xlsx and import that, or ask the sender for the file again',
    'import.row-past-grid': '"{file}" is damaged: sheet "{sheet}" reaches row {row}, beyond the last row of an Excel sheet (1,048,576); a program probably wrote it wrongly, and it cannot be read. Open it in Excel/WPS (let it repair the file), save it as .xlsx and import that, or ask the sender for the file again',
  },
);

export type ImportMessageKey = KeyOf<typeof IMPORT_MESSAGES>;

export function importMessage(key: ImportMessageKey, params: Params = {}): AppMessage {
  return bilingual(IMPORT_MESSAGES, key, params);
}

/** A counted importer message ("1 value" / "13 values"): its key is the base, its params carry {count}. */
export function importCountMessage(base: PluralBase<ImportMessageKey>, count: number, params: Params = {}): AppMessage {
  return bilingualCount(IMPORT_MESSAGES, base, count, params);
}

/**
 * A file that cannot be read as a workbook at all: one clear line, no stack trace for the user. An
 * API failure of its own kind ('unreadable-file'), so any call that reads a file (a return, a plan
 * table) answers with this line in the clerk's language, never as an internal error.
 */
export class UnreadableWorkbookError extends ApiFailure {
  constructor(appMessage: AppMessage, options?: { cause?: unknown }) {
    super('unreadable-file', appMessage, options);
  }
}

export function unreadable(key: ImportMessageKey, params: Params, cause?: unknown): UnreadableWorkbookError {
  return new UnreadableWorkbookError(importMessage(key, params), cause === undefined ? undefined : { cause });
}
