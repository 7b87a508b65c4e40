// The UI words of consolidation (departments of returns, provenance, conflicts, import history): a
// catalogue on the one message engine (typed keys, Chinese and English, {name} placeholders).
import type { Provenance } from '../../../shared/api/contract';
import type { KeyOf, Params, PluralBase } from '../../../shared/i18n/engine';
import { defineCatalogue, formatDateTime, renderCount, translatorFor } from '../../../shared/i18n/engine';
import type { Lang } from '../../../shared/i18n/lang';
import { useLang } from './context';

export const CONSOLIDATION_MESSAGES = defineCatalogue('consolidation', {
  'dept.unspecified': '未指定单位',
  'dept.from.meta': '（模板）',
  'dept.from.line': '（表内“填报单位”）',
  'dept.from.chosen': '（已选择）',
  'dept.choose': '选择单位…',
  'dept.choose-label': '为此报表选择填报单位',
  'conflicts.title': '冲突（{count}）：同一单元格的数值不一致，请逐项选择',
  'conflicts.hint': '冲突单元格在选择之前不会写入；其余修改照常导入。',
  'conflicts.current': '当前值',
  'conflicts.none-current': '（无）',
  'conflicts.take-all': '全部采用“{file}”',
  'conflicts.keep-all': '全部保留当前值',
  'conflicts.unresolved.one': '{count} 处冲突尚未选择，将不会写入',
  'conflicts.unresolved.other': '{count} 处冲突尚未选择，将不会写入',
  'other.title': '非本单位指标的数值（{count}）：{department}既不牵头也不配合，勾选后才会导入',
  'other.include': '导入此数值',
  'prov.typed': '{who} 手工录入',
  'prov.pasted': '{who} 粘贴',
  'prov.imported': '导入自“{file}”',
  'prov.other': '{source}（{who}）',
  'prov.department': '，{department}',
  'prov.at': '，{at}',
  'prov.tooltip': '来源：{text}',
  'history.file-line': '{name}（{department}）：{changed}，{conflicts}，{skipped}',
  'history.n-changed.one': '{count} 处修改',
  'history.n-changed.other': '{count} 处修改',
  'history.n-conflicts.one': '{count} 处冲突未处理',
  'history.n-conflicts.other': '{count} 处冲突未处理',
  'history.n-skipped.one': '{count} 个非本单位数值未导入',
  'history.n-skipped.other': '{count} 个非本单位数值未导入',
  'history.reopen': '重新打开',
  'history.department': '单位：{department}',
  'aliases.title': '单位别名',
  'aliases.hint': '报表上写的单位名称（全称、旧称）对应规划中的哪个单位。常见全称（如 区住房和城乡建设局 = 区住建局）已内置。',
  'aliases.alias': '报表上的写法',
  'aliases.department': '规划中的单位',
  'aliases.add': '添加别名',
  'aliases.remove': '删除',
  'aliases.save': '更新别名',
  'aliases.saved': '别名已更新',
}, {
  'dept.unspecified': 'Unspecified department',
  'dept.from.meta': ' (template)',
  'dept.from.line': ' (the return\'s 填报单位 line)',
  'dept.from.chosen': ' (chosen)',
  'dept.choose': 'Choose a department…',
  'dept.choose-label': 'Department of this return',
  'conflicts.title': 'Conflicts ({count}): sources disagree on these cells; pick one for each',
  'conflicts.hint': 'A conflicting cell is not written until you pick a side; the other changes import as usual.',
  'conflicts.current': 'Current',
  'conflicts.none-current': '(none)',
  'conflicts.take-all': 'Take all from "{file}"',
  'conflicts.keep-all': 'Keep all current values',
  'conflicts.unresolved.one': '{count} conflict not picked; it will not be written',
  'conflicts.unresolved.other': '{count} conflicts not picked; they will not be written',
  'other.title': 'Values for other departments\' indicators ({count}): {department} neither leads nor co-reports them; tick to import',
  'other.include': 'Import this value',
  'prov.typed': 'typed by {who}',
  'prov.pasted': 'pasted by {who}',
  'prov.imported': 'imported from "{file}"',
  'prov.other': '{source} ({who})',
  'prov.department': ', {department}',
  'prov.at': ', {at}',
  'prov.tooltip': 'Source: {text}',
  'history.file-line': '{name} ({department}): {changed}, {conflicts}, {skipped}',
  'history.n-changed.one': '{count} change',
  'history.n-changed.other': '{count} changes',
  'history.n-conflicts.one': '{count} conflict left',
  'history.n-conflicts.other': '{count} conflicts left',
  'history.n-skipped.one': '{count} other-department value skipped',
  'history.n-skipped.other': '{count} other-department values skipped',
  'history.reopen': 'Reopen',
  'history.department': 'Department: {department}',
  'aliases.title': 'Department aliases',
  'aliases.hint': 'How returns name a department (full or old names) and which plan department that is. Common full names (e.g. 区住房和城乡建设局 = 区住建局) are built in.',
  'aliases.alias': 'Name on the return',
  'aliases.department': 'Plan department',
  'aliases.add': 'Add alias',
  'aliases.remove': 'Remove',
  'aliases.save': 'Update aliases',
  'aliases.saved': 'Aliases updated',
});

export type ConsolidationKey = KeyOf<typeof CONSOLIDATION_MESSAGES>;

export const ct = translatorFor(CONSOLIDATION_MESSAGES);

/** A counted consolidation message ("1 change" / "2 changes"), by the language's plural rule (renderCount). */
export function ctCount(lang: Lang, base: PluralBase<ConsolidationKey>, count: number): string {
  return renderCount(CONSOLIDATION_MESSAGES, lang, base, count);
}

export function useCt(): (key: ConsolidationKey, params?: Params) => string {
  const lang = useLang();
  return (key, params) => ct(lang, key, params);
}

/** "imported from "住建局.xlsx", 区住建局, 2026/03/15 09:00" — one line for a value's source. */
export function provenanceText(lang: Lang, p: Provenance): string {
  const who = p.who;
  const head =
    p.source === 'typed' ? ct(lang, 'prov.typed', { who })
    : p.source === 'pasted' ? ct(lang, 'prov.pasted', { who })
    : p.source === 'imported' && p.fileName ? ct(lang, 'prov.imported', { file: p.fileName })
    : ct(lang, 'prov.other', { source: p.source, who });
  return `${head}${p.department ? ct(lang, 'prov.department', { department: p.department }) : ''}${ct(lang, 'prov.at', { at: formatDateTime(lang, p.at) })}`;
}
