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
