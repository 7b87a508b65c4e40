// The UI words of the plan editor's last two parts (issue 14 part 2): changing the plan's years and
// the 新增指标 (add an indicator) form with its validation messages. A catalogue of its own on the
// one message engine (typed keys, Chinese and English, {name} placeholders).
import type { KeyOf, Params } from '../../../shared/i18n/engine';
import { defineCatalogue, translatorFor } from '../../../shared/i18n/engine';
import { useLang } from './context';

export const PLAN_ADD_MESSAGES = defineCatalogue('plan-add', {
  'years.first': '起始年',
  'years.last': '结束年',
  'years.apply': '更改年度',
  'years.hint': '延长：新年度没有目标；缩短：已填报实际值的年度不能删去，删去年度的目标保留在调整记录中。',
  'years.bad': '年度须为连续的年份，起始年不晚于结束年，最多 {max} 年。',
  'years.unchanged': '年度没有变化。',
  'years.save-first': '请先保存（或撤销）表中其他修改，再更改年度。',
  'years.done': '规划年度已改为 {span}，已记入调整记录。',
  'years.done-removed': '规划年度已改为 {span}；删去年度的 {count} 个目标已记入调整记录。',
  'add.open': '新增指标',
  'add.title': '新增指标',
  'add.hint': '新指标排在最后，序号接续上一个；每年目标填数字或“/”（不设目标），留空表示该年没有目标条目。',
  'add.domain': '领域',
  'add.domain-new': '（可选已有领域，或输入新领域）',
  'add.submit': '添加',
  'add.cancel': '取消',
  'add.done': '已新增指标“{name}”，已记入调整记录。',
  'add.problems': '请先改正标出的 {count} 处问题。',
  'problem.required': '必填',
  'problem.number': '须为数字',
  'problem.tolerance': '容差须在 0 到 100（%）之间',
  'problem.range': '下限不能大于上限',
  'problem.target': '须为数字或“/”',
  'problem.duplicate': '已有同名同单位的指标',
  'problem.code-taken': '序号已被“{name}”使用',
  'problem.reason': '请填写调整原因',
}, {
  'years.first': 'First year',
  'years.last': 'Last year',
  'years.apply': 'Change years',
  'years.hint': 'Extending: new years have no targets. Shrinking: a year with actuals cannot be removed; the targets of a removed year stay in the revisions.',
  'years.bad': 'The years must be consecutive, the first not after the last, at most {max} of them.',
  'years.unchanged': 'The years are unchanged.',
  'years.save-first': 'Save (or undo) the other changes in the table before changing the years.',
  'years.done': 'The plan now runs {span}; recorded in the revisions.',
  'years.done-removed': 'The plan now runs {span}; the {count} targets of the removed years are kept in the revisions.',
  'add.open': 'Add indicator',
  'add.title': 'Add an indicator',
  'add.hint': 'The new indicator goes last, numbered after the last one. Targets per year: a number or "/" (no target); blank means no target entry for that year.',
  'add.domain': 'Domain',
  'add.domain-new': '(pick a domain or type a new one)',
  'add.submit': 'Add',
  'add.cancel': 'Cancel',
  'add.done': 'Added the indicator "{name}"; recorded in the revisions.',
  'add.problems': 'Correct the {count} marked problem(s) first.',
  'problem.required': 'Required',
  'problem.number': 'Must be a number',
  'problem.tolerance': 'The tolerance must be within 0–100 (%)',
  'problem.range': 'The minimum cannot be above the maximum',
  'problem.target': 'A number or "/"',
  'problem.duplicate': 'An indicator with this name and unit exists',
  'problem.code-taken': 'This 序号 is used by "{name}"',
  'problem.reason': 'Give a reason for the change',
});

export type PlanAddKey = KeyOf<typeof PLAN_ADD_MESSAGES>;

/** A label of the years field or the add-indicator form in the given language. */
export const pa = translatorFor(PLAN_ADD_MESSAGES);

/** The translator bound to the current UI language. */
export function usePa(): (key: PlanAddKey, params?: Params) => string {
  const lang = useLang();
  return (key, params) => pa(lang, key, params);
}
