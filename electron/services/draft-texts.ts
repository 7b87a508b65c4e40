// The reporting cycle's words (annotated reply, reminders, 报送情况) in Chinese and English, made with
// the one message engine (docs/ARCHITECTURE.md §Message engine). The comments written INTO a
// sender's workbook are Chinese only (the sender reads Chinese); these are the mail texts and the
// refusals the clerk sees.
import type { AppMessage, KeyOf, Params } from '../../shared/i18n/engine';
import { bilingual, defineCatalogue } from '../../shared/i18n/engine';
import { ApiFailure } from '../../shared/api/result';
import type { ApiErrorCode } from '../../shared/api/result';

export const DRAFT_TEXTS = defineCatalogue(
  'cycle-drafts',
  {
    'reply.not-imported': '“{file}”从未导入（导入记录中没有内容相同的文件），无法生成批注回复：请先导入该文件，再生成回复',
    'reply.no-problems': '“{file}”没有发现需要退回修改的问题，未生成批注回复',
    'reply.file-missing': '第 {id} 次导入的文件“{file}”的留存副本已不在数据文件夹的 imports 中，无法生成批注回复',
    'reply.not-in-import': '第 {id} 次导入中没有文件“{file}”',
    'reply.subject': '关于{department}《{plan}》{year}年度填报表的修改意见',
    'reply.greeting': '您好：',
    'reply.found': '贵单位报送的“{file}”经核对发现 {count} 处问题，已在附件“{reply}”中逐一标注（单元格填色并加批注），全部问题另见其中的“问题清单”工作表：',
    'reply.more': '……另有 {count} 处，见“问题清单”工作表。',
    'reply.ask': '请修改后重新报送。',
    'reply.legacy': '说明：原文件为旧版 .xls 格式，本软件不能写入该格式，回复已按原表的内容、合并单元格和数字格式重建为 .xlsx 文件，字体、边框和颜色可能与原表不同。',
    'reply.rebuilt': '说明：原文件无法原样打开标注，回复已按原表的内容、合并单元格和数字格式重建为 .xlsx 文件，字体、边框和颜色可能与原表不同。',
    'reply.signature': '（本邮件草稿由指标填报台生成）',
    'reply.clerk': '联系人：{name}{phone}',
    'remind.subject': '请报送{department}《{plan}》{year}年度指标完成情况（截止 {deadline}）',
    'remind.greeting': '您好：',
    'remind.ask': '《{plan}》{year}年度指标完成情况的报送截止日期为 {deadline}{overdue}，贵单位尚未提交。附件“{file}”是贵单位的填报模板，已预填目前掌握的数据。',
    'remind.overdue': '（已逾期 {days} 天）',
    'remind.ask-returned': '贵单位报送的《{plan}》{year}年度报表已于 {date} 退回，退回原因：{reason}。报送截止日期为 {deadline}{overdue}。附件“{file}”是贵单位的填报模板，已预填目前掌握的数据，请按退回原因修改后重新提交。',
    'remind.close-overdue': '截止日期已过，请尽快填好模板并报送。',
    'remind.missing-head': '尚缺以下内容（共 {count} 项）：',
    'remind.due-empty': '{code} {name}：{year}年实际值未填写',
    'remind.miss-no-note': '{code} {name}：{year}年实际值 {actual} 未达到目标 {target}，请在“说明”栏填写原因',
    'remind.nothing-missing': '各项数据已齐全，请核对后提交。',
    'remind.close': '请在截止日期前填好模板并报送。',
    'remind.close-returned': '请在截止日期前重新报送。',
    'remind.close-returned-overdue': '截止日期已过，请尽快重新报送。',
    'remind.no-address': '{department} 没有联系邮箱（设置 → 单位联系人），未生成催报邮件',
    'remind.bad-address': '“{address}”不是有效的邮箱地址（{department}）',
    'remind.written': '已生成催报邮件：{path}',
    'remind.none': '{year} 年度各单位均已提交，无需催报',
    'reply.written': '已生成批注回复：{workbook}（{count} 处问题）和邮件草稿 {eml}',
    'state.not-started': '未填报',
    'state.in-progress': '填报中',
    'state.submitted': '已提交',
    'state.returned': '已退回',
    'state.locked': '已锁定',
    'overview.title': '{year} 年度报送情况（截至 {today}）',
    'overview.line': '{department}  {state}  截止 {deadline}{overdue}  已填 {filled}/{due}  未达标缺说明 {misses}  最近导入 {last}',
    'overview.overdue': '（逾期 {days} 天）',
    'overview.late': '（逾期 {days} 天提交）',
    'overview.no-import': '无',
  },
  {
    'reply.not-imported': '"{file}" was never imported (no import holds a file with the same content), so no annotated reply can be made: import it first, then draft the reply',
    'reply.no-problems': 'No problems to send back were found in "{file}"; no annotated reply was made',
    'reply.file-missing': 'The kept copy of "{file}" from import #{id} is no longer in the data folder\'s imports, so no annotated reply can be made',
    'reply.not-in-import': 'Import #{id} has no file "{file}"',
    'reply.subject': '{department}: corrections to the {plan} return for {year}',
    'reply.greeting': 'Hello,',
    'reply.found': 'We checked "{file}" and found {count} problems. Each is marked in the attached "{reply}" (cell filled and commented); the 问题清单 sheet lists them all:',
    'reply.more': '... and {count} more, see the 问题清单 sheet.',
    'reply.ask': 'Please correct the return and send it again.',
    'reply.legacy': 'Note: the original is a legacy .xls file, which this app cannot write; the reply was rebuilt as .xlsx from the original\'s contents, merged cells and number formats, so fonts, borders and colours may differ.',
    'reply.rebuilt': 'Note: the original could not be marked up as it is; the reply was rebuilt as .xlsx from its contents, merged cells and number formats, so fonts, borders and colours may differ.',
    'reply.signature': '(Drafted by Indicator Desk)',
    'reply.clerk': 'Contact: {name}{phone}',
    'remind.subject': '{department}: please send the {plan} return for {year} (due {deadline})',
    'remind.greeting': 'Hello,',
    'remind.ask': 'The {year} return for "{plan}" is due on {deadline}{overdue} and your department has not submitted it yet. The attached "{file}" is your template, pre-filled with what we have.',
    'remind.overdue': ' ({days} days overdue)',
    'remind.ask-returned': 'The {year} return for "{plan}" was sent back to your department on {date}. Reason: {reason}. It is due on {deadline}{overdue}. The attached "{file}" is your template, pre-filled with what we have; please correct it as the reason says and submit it again.',
    'remind.close-overdue': 'The deadline has passed; please fill in the template and send it as soon as you can.',
    'remind.missing-head': 'Still missing ({count}):',
    'remind.due-empty': '{code} {name}: no actual for {year}',
    'remind.miss-no-note': '{code} {name}: {year} actual {actual} misses the target {target}; please explain in the note (说明) column',
    'remind.nothing-missing': 'Everything is filled in; please check and submit.',
    'remind.close': 'Please fill in the template and send it before the deadline.',
    'remind.close-returned': 'Please send it again before the deadline.',
    'remind.close-returned-overdue': 'The deadline has passed; please send it again as soon as you can.',
    'remind.no-address': '{department} has no email address (Settings → department contacts); no reminder was drafted',
    'remind.bad-address': '"{address}" is not a valid email address ({department})',
    'remind.written': 'Reminder drafted: {path}',
    'remind.none': 'Every department has submitted for {year}; no reminders needed',
    'reply.written': 'Annotated reply written: {workbook} ({count} problems) and mail draft {eml}',
    'state.not-started': 'Not started',
    'state.in-progress': 'In progress',
    'state.submitted': 'Submitted',
    'state.returned': 'Sent back',
    'state.locked': 'Locked',
    'overview.title': 'Who has reported for {year} (as of {today})',
    'overview.line': '{department}  {state}  due {deadline}{overdue}  filled {filled}/{due}  misses without a note {misses}  last import {last}',
    'overview.overdue': ' ({days} days overdue)',
    'overview.late': ' (submitted {days} days late)',
    'overview.no-import': 'none',
  },
);

export type DraftTextKey = KeyOf<typeof DRAFT_TEXTS>;

/** A bilingual message of this catalogue. */
export function draftMessage(key: DraftTextKey, params: Params = {}): AppMessage {
  return bilingual(DRAFT_TEXTS, key, params);
}

/** Throw an expected refusal with a message of this catalogue (shown in the clerk's language, no stack). */
export function draftFail(code: ApiErrorCode, key: DraftTextKey, params: Params = {}): never {
  throw new ApiFailure(code, draftMessage(key, params));
}
