// The window's words for the reporting cycle (the state bar, its reason dialog, locked cells): a
// catalogue on the one message engine. State names and refusals come from shared/i18n/cycle-messages.
import type { KeyOf, Params } from '../../../shared/i18n/engine';
import { defineCatalogue, translatorFor } from '../../../shared/i18n/engine';

export const CYCLE_UI_MESSAGES = defineCatalogue(
  'cycle-ui',
  {
    'bar.label': '报送状态',
    'bar.state': '{scope}：{state}',
    'bar.deadline': '截止 {date}',
    'bar.deadline-default': '（默认）',
    'bar.locked-by': '{who} 于 {at} 锁定',
    'bar.last-reason': '原因：{reason}',
    'bar.year-open': '{year} 年度（全部单位）：未整体锁定',
    'button.submit': '提交',
    'button.send-back': '退回修改',
    'button.lock': '锁定',
    'button.unlock': '解锁',
    'button.lock-year': '锁定全年',
    'button.unlock-year': '解锁全年',
    'reason.title.send-back': '退回修改：{scope}',
    'reason.title.unlock': '解锁：{scope}',
    'reason.title.lock': '锁定：{scope}',
    'reason.label': '原因',
    'reason.required': '必须填写原因',
    'reason.optional': '原因（可不填）',
    'done.submit': '{scope}已提交',
    'done.send-back': '{scope}已退回修改',
    'done.lock': '{scope}已锁定',
    'done.unlock': '{scope}已解锁',
    'cell.locked': '已锁定：{reason}',
  },
  {
    'bar.label': 'Reporting state',
    'bar.state': '{scope}: {state}',
    'bar.deadline': 'deadline {date}',
    'bar.deadline-default': ' (default)',
    'bar.locked-by': 'locked by {who} on {at}',
    'bar.last-reason': 'reason: {reason}',
    'bar.year-open': 'The year {year} (all departments): not locked as a whole',
    'button.submit': 'Submit',
    'button.send-back': 'Send back',
    'button.lock': 'Lock',
    'button.unlock': 'Unlock',
    'button.lock-year': 'Lock the year',
    'button.unlock-year': 'Unlock the year',
    'reason.title.send-back': 'Send back: {scope}',
    'reason.title.unlock': 'Unlock: {scope}',
    'reason.title.lock': 'Lock: {scope}',
    'reason.label': 'Reason',
    'reason.required': 'A reason is required',
    'reason.optional': 'Reason (optional)',
    'done.submit': '{scope} submitted',
    'done.send-back': '{scope} sent back for correction',
    'done.lock': '{scope} locked',
    'done.unlock': '{scope} unlocked',
    'cell.locked': 'Locked: {reason}',
  },
);

export type CycleUiKey = KeyOf<typeof CYCLE_UI_MESSAGES>;
export const cycleUi: (lang: 'zh' | 'en', key: CycleUiKey, params?: Params) => string = translatorFor(CYCLE_UI_MESSAGES);
