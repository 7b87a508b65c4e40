// `--plan` for every command that touches a plan (inspect, import, export, status, report): a plan's
// id, or its name — its short name (学有优教) or its title. Absent: the only plan, else the embedded
// one (the first plan of every database), else the first listed. A name that fits no plan, or fits
// several, is refused with the plans listed (CliError: exit 2, nothing done; args.ts EXIT).
import { bilingual, defineCatalogue } from '../../shared/i18n/engine';
import { defaultPlanId } from '../../shared/domain/default-plan';
import type { OptionValues } from './args';
import { stringOption } from './args';
import { CliError } from './db-option';

const PLAN_OPTION_TEXTS = defineCatalogue('cli-plan-option', {
  'plan.unknown': '--plan 无此项：{given}；可选：{list}',
  'plan.ambiguous': '--plan “{given}”对应多个规划，请改用编号：{list}',
  'plan.none': '数据库中没有规划',
}, {
  'plan.unknown': '--plan: no such value {given}; choose one of: {list}',
  'plan.ambiguous': '--plan "{given}" names several plans; give the id instead: {list}',
  'plan.none': 'the database holds no plan',
});

/** What a plan is called by: its id, short name and title (as listPlans returns them). */
export interface PlanName {
  id: string;
  shortName: string;
  title: string;
}

function listing(plans: readonly PlanName[]): string {
  return plans.map((p) => `${p.id} (${p.shortName})`).join(', ');
}

function refuse(key: 'plan.unknown' | 'plan.ambiguous' | 'plan.none', params: Record<string, string>): never {
  const m = bilingual(PLAN_OPTION_TEXTS, key, params);
  throw new CliError(m.zh, m.en);
}

/**
 * The id of the plan `given` names among `plans` (null = the default plan, as above). An exact id
 * wins; then a short name or title (spaces around it ignored). Throws CliError as above.
 */
export function resolvePlanName(given: string | null, plans: readonly PlanName[]): string {
  if (plans.length === 0) refuse('plan.none', {});
  if (given === null) return defaultPlanId(plans);
  const text = given.trim();
  const byId = plans.find((p) => p.id === text);
  if (byId) return byId.id;
  const byName = plans.filter((p) => p.shortName.trim() === text || p.title.trim() === text);
  if (byName.length === 1) return (byName[0] as PlanName).id;
  if (byName.length > 1) refuse('plan.ambiguous', { given: text, list: listing(byName) });
  return refuse('plan.unknown', { given: text, list: listing(plans) });
}

/** `--plan` of a command line resolved against `plans` (see resolvePlanName). */
export function planOption(values: OptionValues, plans: readonly PlanName[]): string {
  return resolvePlanName(stringOption(values, 'plan'), plans);
}
