// Messages of the reporting cycle (docs/ARCHITECTURE.md §Reporting cycle): state names, refusals of
// a state change, a submission's problems and the reason a locked cell refuses a change — in Chinese
// and English, rendered by the one engine. Some parameters are themselves words (a state, an action,
// a list of problems): those are passed as {zh, en} pairs and rendered in each language.
import type { AppMessage, KeyOf } from './engine';
import { defineCatalogue, render, renderCount } from './engine';
import type { Lang } from './lang';

export const CYCLE_MESSAGES = defineCatalogue(
  'cycle',
  {
    'state.not-started': '未填报',
    'state.in-progress': '填报中',
    'state.submitted': '已提交',
    'state.returned': '已退回',
    'state.locked': '已锁定',
    'action.submit': '提交',
    'action.send-back': '退回修改',
    'action.lock': '锁定',
    'action.unlock': '解锁',
    'overdue.one': '逾期 {days} 天',
    'overdue.other': '逾期 {days} 天',
    'scope.department': '{department} {year} 年度',
    'scope.year': '{year} 年度（全部单位）',
    'refused.transition': '{scope}当前为“{state}”，不能{action}。未做任何改动',
    'refused.year-locked': '{year} 年度已整体锁定，不能{action}。未做任何改动；如需修改，请先解锁全年',
    'refused.reason-required': '{action}必须填写原因。未做任何改动',
    'refused.department-required': '{action}须指定单位（只有锁定和解锁可以针对全年）。未做任何改动',
    'refused.reason-too-long': '原因过长（最多 {max} 字）。未做任何改动',
    'refused.bad-deadline': '截止日期“{text}”不是有效日期，请写成 YYYY-MM-DD（如 2026-01-31）。未做任何改动',
    'refused.deadline-before-year': '截止日期 {text} 早于 {year} 年度开始，不能作为该年度的报送截止日期。未做任何改动',
    'refused.submit': '{scope}未能提交：{count} 处需要处理——{list}。未达标的指标须在“说明”中写明原因；应填的实际值不能为空',
    'problem.missed-without-note': '{code}.{name}（未达标，缺说明）',
    'problem.empty': '{code}.{name}（实际值未填）',
    'problem.more': '等共 {count} 处',
    locked: '{scope}已于 {at} 由 {who} 锁定{why}，不能修改。如需修改，请先解锁（解锁须填写原因）',
    'locked.why': '（原因：{reason}）',
    'import.locked-cells': '{count} 个单元格已锁定，不会导入：{reason}',
    'import.all-locked': '要导入的 {count} 处数值都属于已锁定的单元格，未导入任何内容。{reason}',
  },
  {
    'state.not-started': 'Not started',
    'state.in-progress': 'In progress',
    'state.submitted': 'Submitted',
    'state.returned': 'Sent back',
    'state.locked': 'Locked',
    'action.submit': 'submit',
    'action.send-back': 'send back',
    'action.lock': 'lock',
    'action.unlock': 'unlock',
    'overdue.one': '{days} day overdue',
    'overdue.other': '{days} days overdue',
    'scope.department': '{department} {year}',
    'scope.year': 'the year {year} (all departments)',
    'refused.transition': '{scope} is "{state}": cannot {action}. Nothing was changed',
    'refused.year-locked': 'The year {year} is locked as a whole: cannot {action}. Nothing was changed; unlock the year first to change it',
    'refused.reason-required': 'To {action} a reason is required. Nothing was changed',
    'refused.department-required': 'To {action}, name a department (only lock and unlock apply to a whole year). Nothing was changed',
    'refused.reason-too-long': 'The reason is too long (at most {max} characters). Nothing was changed',
    'refused.bad-deadline': 'The deadline "{text}" is not a valid date; write it as YYYY-MM-DD (e.g. 2026-01-31). Nothing was changed',
    'refused.deadline-before-year': 'The deadline {text} is before {year} has even begun, so it cannot be that year\'s reporting deadline. Nothing was changed',
    'refused.submit': '{scope} cannot be submitted: {count} to fix — {list}. A missed target needs a note (说明) saying why; a due figure cannot be left empty',
    'problem.missed-without-note': '{code}. {name} (missed, no note)',
    'problem.empty': '{code}. {name} (figure empty)',
    'problem.more': 'and more, {count} in all',
    locked: '{scope} was locked by {who} on {at}{why}; it cannot be changed. Unlock it first (unlocking needs a reason)',
    'locked.why': ' (reason: {reason})',
    'import.locked-cells': '{count} cells are locked and will not be imported: {reason}',
    'import.all-locked': 'All {count} values to import are in locked cells; nothing was imported. {reason}',
  },
);

export type CycleMessageKey = KeyOf<typeof CYCLE_MESSAGES>;

/** A parameter that is itself words: its text in each language. */
export interface Words {
  zh: string;
  en: string;
}

/** A parameter value: as it is (numbers, names), or words per language. */
export type CycleParam = string | number | Words;

/** One cycle message in one language; word parameters take their `lang` text. */
export function cycleText(lang: Lang, key: CycleMessageKey, params: Readonly<Record<string, CycleParam>> = {}): string {
  const flat: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) flat[k] = typeof v === 'object' ? v[lang] : v;
  return render(CYCLE_MESSAGES, lang, key, flat);
}

/** "逾期 3 天" / "1 day overdue" / "3 days overdue": the overdue words by the language's plural rule. */
export function overdueWords(lang: Lang, days: number): string {
  return renderCount(CYCLE_MESSAGES, lang, 'overdue', days, { days });
}

/** Words for a cycle message key, e.g. cycleWords('state.locked') = {zh: '已锁定', en: 'Locked'}. */
export function cycleWords(key: CycleMessageKey, params: Readonly<Record<string, CycleParam>> = {}): Words {
  return { zh: cycleText('zh', key, params), en: cycleText('en', key, params) };
}

/** A cycle message in both languages, ready to cross the boundary (params carry the Chinese words). */
export function cycleMessage(key: CycleMessageKey, params: Readonly<Record<string, CycleParam>> = {}): AppMessage {
  const flat: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) flat[k] = typeof v === 'object' ? v.zh : v;
  return { key: `cycle.${key}`, params: flat, zh: cycleText('zh', key, params), en: cycleText('en', key, params) };
}

/** "区住建局 2025 年度" / "2025 年度（全部单位）" in both languages. */
export function scopeWords(year: number, department: string | null): Words {
  return department === null ? cycleWords('scope.year', { year }) : cycleWords('scope.department', { department, year });
}

/** The reason a locked cell refuses typing, paste, import and target changes (who locked it, when, why). */
export function lockedMessage(lock: { year: number; department: string | null; at: string; who: string; reason: string | null }): AppMessage {
  const why: Words = lock.reason ? cycleWords('locked.why', { reason: lock.reason }) : { zh: '', en: '' };
  return cycleMessage('locked', { scope: scopeWords(lock.year, lock.department), at: lock.at.slice(0, 10), who: lock.who, why });
}
