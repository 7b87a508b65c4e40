// Messages of changing an existing plan's years and adding an indicator to it (issue 14 part 2), in
// Chinese and English, on the one engine (./engine). Used by the store and the services; the window
// shows the language the clerk chose.
import { ApiFailure } from '../api/result';
import type { ApiErrorCode } from '../api/result';
import type { KeyOf, Params } from './engine';
import { bilingual, defineCatalogue } from './engine';

export const PLAN_YEARS_MESSAGES = defineCatalogue(
  'plan-years',
  {
    'years.bad-span': '规划年度须为连续的年份，起始年不晚于结束年，最多 {max} 年；收到的是 {first}—{last}，未作任何修改',
    'years.has-actuals': '不能删去 {year} 年：该年已填报 {count} 项实际值（含说明），已填的数据不会丢弃。未作任何修改',
    'years.locked': '不能删去 {year} 年：该年的填报已锁定（{who}，{at}）。请先解锁，未作任何修改',
    'indicator.duplicate': '规划中已有指标“{name}”（单位“{unit}”），未添加',
    'indicator.duplicate-code': '序号“{code}”已被指标“{name}”使用，未添加',
  },
  {
    'years.bad-span': 'A plan\'s years must be consecutive, the first not after the last, at most {max} of them; got {first}–{last}. Nothing was changed',
    'years.has-actuals': 'Cannot remove {year}: it holds {count} actual value(s) or notes, and typed data is never discarded. Nothing was changed',
    'years.locked': 'Cannot remove {year}: its reporting is locked ({who}, {at}). Unlock it first. Nothing was changed',
    'indicator.duplicate': 'The plan already has the indicator "{name}" (unit "{unit}"); nothing was added',
    'indicator.duplicate-code': '序号 "{code}" is already used by the indicator "{name}"; nothing was added',
  },
);

export type PlanYearsMessageKey = KeyOf<typeof PLAN_YEARS_MESSAGES>;

/** Throw an ApiFailure carrying one of these messages (the boundary turns it into {ok:false}). */
export function planYearsFail(code: ApiErrorCode, key: PlanYearsMessageKey, params: Params = {}): never {
  throw new ApiFailure(code, bilingual(PLAN_YEARS_MESSAGES, key, params));
}
