// The UI words of 导入规划表 (issue 14 part 1, the window's side): the preview of a plan table, what
// was inferred for each indicator and why, the table's problems, the plan it matches (apply as a
// revision with a reason, or create a new plan anyway). A catalogue of its own on the one message
// engine (typed keys, Chinese and English, {name} placeholders). The kind/direction names and the
// 调整原因 words are the plan editor's (plans-messages.ts), not repeated here.
import type { KeyOf, Params } from '../../../shared/i18n/engine';
import { defineCatalogue, translatorFor } from '../../../shared/i18n/engine';
import { useLang } from './context';

export const PLAN_IMPORT_MESSAGES = defineCatalogue('plan-import', {
  'open': '导入规划表',
  'open-title': '从规划目标表（.xlsx / .xls）新建规划',
  'title': '导入规划表：{file}',
  'reading': '正在读取规划表…',
  'read-failed': '无法读取规划表：{reason}',
  'summary': '工作表“{sheet}”：{first}—{last} 年，{count} 个指标。请核对推断的单位、类型和方向，需要时直接改正。',
  'short-name': '规划简称',
  'short-name-hint': '默认取表格标题中的名称',
  'plan-title': '规划名称',
  'domain': '领域',
  'rows': '表中的指标',
  'inferred': '推断：{reason}',
  'corrected': '已改正',
  'no-lead': '表中未列牵头单位',
  'co-units': '配合单位：{units}',
  'reason.cumulative-word': '名称含“累计”',
  'reason.percent-unit': '单位为 %',
  'reason.rate-word': '名称以“率/比例”结尾',
  'reason.default-stock': '默认存量',
  'reason.upper-bound': '目标写作 ≤N / N以内',
  'reason.falling-to': '目标写作“降至N”',
  'reason.falling-targets': '目标逐年下降',
  'reason.default-higher': '默认越高越好',
  'reason.from-file': '按文件记录',
  'issues': '表格问题',
  'issues-blocking': '表格有错误，不能创建规划。请在 Excel/WPS 中改正后重新导入。',
  'issue-warning': '提示',
  'issue-error': '错误',
  'match': '这张规划表与已有规划《{name}》的指标相同（不会悄悄重复创建）。',
  'match-same-targets': '各年目标也完全相同，无需调整。',
  'match-changes': '有 {count} 个目标与《{name}》不同：',
  'match-change': '{code} {name} {year} 年：{from} → {to}',
  'revise': '按表调整目标',
  'as-new': '仍作为新规划创建',
  'create': '创建规划',
  'created': '已创建规划“{name}”（{count} 个指标），现在显示的就是它。',
  'revised': '已按表调整《{name}》的 {count} 个目标，已记入调整记录。',
  'problem.short-name': '请填写规划简称。',
  'problem.field': '第 {code} 项的{field}不能为空。',
  'from-return-import': '（这里只与当前规划比对目标；要用它新建规划或按表调整目标，请用规划旁的“导入规划表”）',
  'revision-readonly': '按表调整只改目标（写入《{name}》并记入调整记录）：下列指标的名称、单位、类型、方向和牵头单位以《{name}》为准，这里只供核对。',
  'discard.title': '放弃已做的修改？',
  'discard.body': '关闭后，在这里做的改正、修改的名称和填写的调整原因都不会保留，也不会创建或调整任何规划。',
  'discard.confirm': '放弃修改',
  'discard.keep': '继续编辑',
}, {
  'open': 'Import plan table',
  'open-title': 'Create a plan from a plan target table (.xlsx / .xls)',
  'title': 'Import plan table: {file}',
  'reading': 'Reading the plan table…',
  'read-failed': 'Cannot read the plan table: {reason}',
  'summary': 'Sheet "{sheet}": {first}–{last}, {count} indicators. Check the inferred units, kinds and directions and correct them here if needed.',
  'short-name': 'Short name',
  'short-name-hint': 'Taken from the table title by default',
  'plan-title': 'Plan title',
  'domain': 'Area',
  'rows': 'Indicators of the table',
  'inferred': 'Inferred: {reason}',
  'corrected': 'corrected',
  'no-lead': 'no lead unit in the table',
  'co-units': 'Co-units: {units}',
  'reason.cumulative-word': 'name says 累计 (cumulative)',
  'reason.percent-unit': 'unit is %',
  'reason.rate-word': 'name ends in 率/比例 (rate)',
  'reason.default-stock': 'stock by default',
  'reason.upper-bound': 'targets written ≤N / N以内',
  'reason.falling-to': 'targets written 降至N (fall to N)',
  'reason.falling-targets': 'targets fall year on year',
  'reason.default-higher': 'higher by default',
  'reason.from-file': 'as recorded in the file',
  'issues': 'Problems in the table',
  'issues-blocking': 'The table has errors, so no plan can be created. Correct it in Excel/WPS and import it again.',
  'issue-warning': 'Note',
  'issue-error': 'Error',
  'match': 'This plan table has the same indicators as the plan "{name}" already in the database (it is never duplicated silently).',
  'match-same-targets': 'Its targets are the same too: nothing to revise.',
  'match-changes': '{count} targets differ from "{name}":',
  'match-change': '{code} {name} {year}: {from} → {to}',
  'revise': 'Apply targets as revision',
  'as-new': 'Create as a new plan anyway',
  'create': 'Create plan',
  'created': 'Plan "{name}" created ({count} indicators); it is the plan on screen now.',
  'revised': 'Revised {count} targets of "{name}" from the table; listed in 调整记录 (revisions).',
  'problem.short-name': 'Give the plan a short name.',
  'problem.field': 'Indicator {code}: {field} cannot be empty.',
  'from-return-import': ' (here its targets are only compared with the plan; to create a plan from it or apply its targets, use "Import plan table" beside the plan)',
  'revision-readonly': 'A revision changes targets only (written into "{name}" and listed in 调整记录, revisions): the names, units, kinds, directions and lead units below stay as they are in "{name}"; they are shown here to check.',
  'discard.title': 'Discard your changes?',
  'discard.body': 'If you close now, the corrections, names and 调整原因 (reason) you typed here are not kept, and no plan is created or revised.',
  'discard.confirm': 'Discard changes',
  'discard.keep': 'Keep editing',
});

export type PlanImportKey = KeyOf<typeof PLAN_IMPORT_MESSAGES>;

/** A 导入规划表 label in the given language: pi(lang, key, params). */
export const pi = translatorFor(PLAN_IMPORT_MESSAGES);

/** The translator bound to the current UI language. */
export function usePi(): (key: PlanImportKey, params?: Params) => string {
  const lang = useLang();
  return (key, params) => pi(lang, key, params);
}
