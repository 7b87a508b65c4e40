// The UI words of the reporting cycle (报送情况 panel, department contacts, reminders, annotated
// replies): a catalogue on the one message engine (typed keys, Chinese and English, {name} placeholders).
import type { KeyOf, Params, PluralBase } from '../../../shared/i18n/engine';
import type { Lang } from '../../../shared/i18n/lang';
import { defineCatalogue, renderCount, translatorFor } from '../../../shared/i18n/engine';
import { useLang } from './context';

export const OVERVIEW_UI_MESSAGES = defineCatalogue(
  'overview-ui',
  {
    'overview.open': '报送情况',
    'overview.title': '{year} 年度报送情况',
    'overview.as-of': '截至 {date}',
    'overview.loading': '正在统计…',
    'overview.failed': '无法读取报送情况：{reason}',
    'overview.col.department': '单位',
    'overview.col.state': '状态',
    'overview.col.deadline': '截止日期',
    'overview.col.overdue': '逾期',
    'overview.col.filled': '已填 / 应填',
    'overview.col.misses': '未达标缺说明',
    'overview.col.last-import': '最近导入',
    'overview.overdue-days.one': '逾期 {days} 天',
    'overview.overdue-days.other': '逾期 {days} 天',
    'overview.late-days.one': '逾期 {days} 天提交',
    'overview.late-days.other': '逾期 {days} 天提交',
    'overview.not-overdue': '—',
    'overview.no-import': '无',
    'overview.remind': '生成催报邮件',
    'overview.reminding': '正在生成催报邮件…',
    'overview.reminded.one': '已生成 {count} 封催报邮件',
    'overview.reminded.other': '已生成 {count} 封催报邮件',
    'overview.no-address': '以下单位没有联系邮箱，未生成催报邮件（设置 → 单位联系邮箱）：{departments}',
    'overview.none-owed': '各单位均已提交，无需催报',
    'state.not-started': '未填报',
    'state.in-progress': '填报中',
    'state.submitted': '已提交',
    'state.returned': '已退回',
    'state.locked': '已锁定',
    'contacts.title': '单位联系邮箱',
    'contacts.hint': '催报邮件和批注回复寄往这些地址。留空表示没有地址。',
    'contacts.save': '更新联系邮箱',
    'contacts.saved': '联系邮箱已更新',
    'reply.button': '生成批注回复',
    'reply.working': '正在生成批注回复…',
    'reply.done.one': '已生成批注回复“{name}”（{count} 处问题）',
    'reply.done.other': '已生成批注回复“{name}”（{count} 处问题）',
  },
  {
    'overview.open': 'Who has reported',
    'overview.title': 'Who has reported for {year}',
    'overview.as-of': 'As of {date}',
    'overview.loading': 'Counting…',
    'overview.failed': 'Could not read who has reported: {reason}',
    'overview.col.department': 'Department',
    'overview.col.state': 'State',
    'overview.col.deadline': 'Deadline',
    'overview.col.overdue': 'Overdue',
    'overview.col.filled': 'Filled / due',
    'overview.col.misses': 'Misses without a note',
    'overview.col.last-import': 'Last import',
    'overview.overdue-days.one': '{days} day overdue',
    'overview.overdue-days.other': '{days} days overdue',
    'overview.late-days.one': 'submitted {days} day late',
    'overview.late-days.other': 'submitted {days} days late',
    'overview.not-overdue': '—',
    'overview.no-import': 'none',
    'overview.remind': 'Draft reminders',
    'overview.reminding': 'Drafting reminders…',
    'overview.reminded.one': '{count} reminder drafted',
    'overview.reminded.other': '{count} reminders drafted',
    'overview.no-address': 'No email address, so no reminder for (Settings → department email addresses): {departments}',
    'overview.none-owed': 'Every department has submitted; no reminders needed',
    'state.not-started': 'Not started',
    'state.in-progress': 'In progress',
    'state.submitted': 'Submitted',
    'state.returned': 'Sent back',
    'state.locked': 'Locked',
    'contacts.title': 'Department email addresses',
    'contacts.hint': 'Reminders and annotated replies are addressed to these. Leave blank for none.',
    'contacts.save': 'Update addresses',
    'contacts.saved': 'Addresses updated',
    'reply.button': 'Annotated reply',
    'reply.working': 'Drafting the annotated reply…',
    'reply.done.one': 'Annotated reply "{name}" drafted ({count} problem)',
    'reply.done.other': 'Annotated reply "{name}" drafted ({count} problems)',
  },
);

export type CycleUiKey = KeyOf<typeof OVERVIEW_UI_MESSAGES>;

export const cy = translatorFor(OVERVIEW_UI_MESSAGES);

/** A counted cycle label (`base.one` / `base.other` by the plural rule): "1 day overdue" / "3 days overdue". */
export function cyCount(lang: Lang, base: PluralBase<CycleUiKey>, count: number, params: Params = {}): string {
  return renderCount(OVERVIEW_UI_MESSAGES, lang, base, count, params);
}

export function useCy(): (key: CycleUiKey, params?: Params) => string {
  const lang = useLang();
  return (key, params) => cy(lang, key, params);
}
