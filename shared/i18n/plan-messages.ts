// Messages of plans as data (creating, revising, copying plans; reading a plan table), in Chinese
// and English, rendered by the one engine (./engine). Used by the store, the services and the CLI.
import { ApiFailure } from '../api/result';
import type { ApiErrorCode } from '../api/result';
import type { AppMessage, KeyOf, Params } from './engine';
import { bilingual, defineCatalogue } from './engine';

export const PLAN_MESSAGES = defineCatalogue(
  'plan',
  {
    'plan.reason-required': '请填写调整原因：规划的每一处修改都要说明原因',
    'plan.reason-too-long': '调整原因太长（{length} 字，上限 {max} 字）',
    'plan.unknown-year': '{year} 年不在规划“{plan}”的年度范围内',
    'plan.bad-years': '规划年度须是连续递增的年份（如 2028—2032），收到的是：{years}',
    'plan.bad-range': '合理范围的下限 {min} 大于上限 {max}',
    'plan.bad-tolerance': '容差须是 0 到 1 之间的小数（0.02 表示 2%），收到的是 {value}',
    'plan.empty-field': '“{field}”不能为空',
    'plan.short-name-taken': '已有名为“{name}”的规划，请换一个简称',
    'plan.no-indicators': '规划中没有指标，未创建',
    'plan.duplicate-indicator': '规划中有两个指标都叫“{name}”',
    'plan.already-retired': '指标“{name}”已于 {at} 停用',
    'plan.not-retired': '指标“{name}”未停用',
    'plan.nothing-changed': '没有任何改动',
    'plan.same-as-existing': '数据库中已有指标完全相同的规划“{name}”（{id}），未重复创建。如目标有调整，请作为修订导入（--revise --reason 原因）；确需另建，请选“作为新规划导入”（--as-new）',
    'plan.not-same-indicators': '表中的指标与规划“{name}”的指标不一致，不能作为该规划的修订导入',
    'plan.other-years': '表中的年度（{tableYears}）与规划“{name}”的年度（{planYears}）不同，不能作为该规划的修订导入；如是另一期规划，请作为新规划导入',
    'plan.short-name-in-use': '已有名为“{name}”的规划（{years}），这张表与它不是同一规划；创建前请换一个简称',
    'plan.indicator-not-in-plan': '指标“{id}”不属于规划“{plan}”',
    'table.no-table': '在“{file}”中找不到规划目标表：需要一行表头，含“指标”列和各年度“目标值”列（如“2023年 目标值”）',
    'table.empty': '工作表“{sheet}”的目标表（表头在第 {row} 行）下面没有任何指标，未创建规划',
    'table.duplicate-code': '序号“{code}”重复：第 {first} 行和第 {row} 行都是 {code}，请改正后再导入',
    'table.years-out-of-order': '表头的年度顺序不对：{cell} 是 {year} 年，排在 {previous} 年之后，年度应从左到右逐年递增',
    'table.years-gap': '表头的年度不连续：{cell} 是 {year} 年，前一列是 {previous} 年',
    'table.text-target': '第 {row} 行“{name}”的 {year} 年目标“{text}”不是数字：请写成数字（可带 ≤、控制在…以内、降至… 等写法），或用“/”表示不设目标',
    'table.empty-target': '第 {row} 行“{name}”的 {year} 年目标为空，该年不设目标条目（如不设目标请填“/”）',
    'table.values-without-name': '第 {row} 行有目标值但没有指标名称，请补上名称或删去该行',
    'table.actual-columns': '表中有“实际值”列（{columns}），导入规划时只读取目标值',
    'table.no-lead-unit': '表中没有牵头单位列，各指标的牵头单位暂记为“{lead}”，请在规划编辑中改正',
    'table.no-name': '表格标题没有写明规划名称（如“学有优教”），请用 --name 指定',
  },
  {
    'plan.reason-required': 'Give a reason for the change (调整原因): every change to a plan says why',
    'plan.reason-too-long': 'The reason is too long ({length} characters, at most {max})',
    'plan.unknown-year': '{year} is not a year of the plan "{plan}"',
    'plan.bad-years': 'A plan\'s years must be consecutive and increasing (e.g. 2028–2032); got: {years}',
    'plan.bad-range': 'The plausible range\'s minimum {min} is above its maximum {max}',
    'plan.bad-tolerance': 'The tolerance must be a fraction between 0 and 1 (0.02 means 2%); got {value}',
    'plan.empty-field': '"{field}" cannot be empty',
    'plan.short-name-taken': 'A plan named "{name}" already exists; choose another short name',
    'plan.no-indicators': 'The plan has no indicators; nothing was created',
    'plan.duplicate-indicator': 'Two indicators of the plan are both called "{name}"',
    'plan.already-retired': 'The indicator "{name}" was retired on {at}',
    'plan.not-retired': 'The indicator "{name}" is not retired',
    'plan.nothing-changed': 'Nothing was changed',
    'plan.same-as-existing': 'The database already has a plan with exactly these indicators, "{name}" ({id}); it was not created twice. To apply changed targets, import it as a revision (--revise --reason …); to create another plan anyway, import it as new (--as-new)',
    'plan.not-same-indicators': 'The table\'s indicators differ from those of the plan "{name}", so it cannot be applied as a revision of it',
    'plan.other-years': 'The table\'s years ({tableYears}) differ from those of the plan "{name}" ({planYears}), so it cannot be applied as a revision of it; if it is another period, import it as a new plan',
    'plan.short-name-in-use': 'A plan named "{name}" ({years}) already exists and this table is not the same plan; choose another short name before creating it',
    'plan.indicator-not-in-plan': 'The indicator "{id}" is not in the plan "{plan}"',
    'table.no-table': 'No plan table found in "{file}": it needs a header row with an 指标 (indicator) column and a 目标值 (target) column per year (e.g. "2023年 目标值")',
    'table.empty': 'The plan table on sheet "{sheet}" (header in row {row}) has no indicators under it; no plan was created',
    'table.duplicate-code': '序号 "{code}" appears twice, in rows {first} and {row}; correct it and import again',
    'table.years-out-of-order': 'The header\'s years are out of order: {cell} is {year}, after {previous}; years must increase from left to right',
    'table.years-gap': 'The header\'s years are not consecutive: {cell} is {year}, the column before is {previous}',
    'table.text-target': 'Row {row} "{name}": the {year} target "{text}" is not a number; write a number (≤N, 控制在N以内, 降至N are understood) or "/" for no target',
    'table.empty-target': 'Row {row} "{name}": the {year} target is empty, so the year gets no target entry (write "/" for no target)',
    'table.values-without-name': 'Row {row} has targets but no indicator name; add the name or delete the row',
    'table.actual-columns': 'The table has actual-value columns ({columns}); importing a plan reads only the targets',
    'table.no-lead-unit': 'The table has no 牵头单位 (lead unit) column; each indicator\'s lead unit is recorded as "{lead}" for now — correct it in the plan editor',
    'table.no-name': 'The table\'s title names no plan (such as 学有优教); give one with --name',
  },
);

export type PlanMessageKey = KeyOf<typeof PLAN_MESSAGES>;

/** A plan message in both languages. */
export function planMessage(key: PlanMessageKey, params: Params = {}): AppMessage {
  return bilingual(PLAN_MESSAGES, key, params);
}

/** Throw an ApiFailure carrying a plan message (the boundary turns it into {ok:false}). */
export function planFail(code: ApiErrorCode, key: PlanMessageKey, params: Params = {}): never {
  throw new ApiFailure(code, planMessage(key, params));
}
