// THE plausibility rule (docs/ARCHITECTURE.md §Status rule, "Plausible ranges"; issue 14 part 5):
// whether an actual value is believable for its indicator, as DHIS2's min–max value check. A value
// outside is never refused — clerks sometimes do report odd figures — but it is never accepted
// silently either: typing asks to confirm and the cell is marked, the import preview and the CLI's
// inspect list it as a warning. The grid, the preview and inspect all call implausibleReason().
import type { AppMessage, KeyOf } from '../i18n/engine';
import { bilingual, defineCatalogue, render } from '../i18n/engine';
import type { ParsedNumber } from './parse-number';
import type { Indicator, PlausibleRange } from './plan';
import { isPercentUnit, NO_TARGET } from './plan';
import { STATUS_EPSILON } from './status';

export const PLAUSIBLE_MESSAGES = defineCatalogue(
  'plausible',
  {
    'plausible.below-min': '{value} 低于本指标设定的合理下限 {min}',
    'plausible.above-max': '{value} 高于本指标设定的合理上限 {max}',
    'plausible.rate-below-0': '比率 {value}% 低于 0%',
    'plausible.rate-above-100': '比率 {value}% 超过 100%（本指标的目标和合理范围都不超过 100%）',
    'plausible.count-negative': '以“{unit}”计的数量不能为负，{value} 不合理',
    'plausible.count-not-whole': '以“{unit}”计的数量应为整数，{value} 不是整数',
    'plausible.cumulative-below-previous': '累计数 {value} 低于 {previousYear} 年的实际 {previous}，累计数不应减少',
    'plausible.confirm.title': '数值需要核实',
    'plausible.confirm.body.one': '以下 {count} 个数值超出合理范围或与单位不符，确认仍要保存吗？超出合理范围的单元格保存后会加标记。',
    'plausible.confirm.body.other': '以下 {count} 个数值超出合理范围或与单位不符，确认仍要保存吗？超出合理范围的单元格保存后会加标记。',
    'plausible.confirm.save': '仍然保存',
    'plausible.confirm.cancel': '取消，不保存',
    'plausible.mark': '超出合理范围（已保存，请核实）：{reason}',
    'plausible.confirm.row': '{indicator}，{year}年：{value}',
    'plausible.cancelled': '未保存：超出合理范围的数值已取消',
    'plausible.legend': '超出合理范围',
    'plausible.value-warning': '{indicator}，{year}年实际值 {value} 超出合理范围：{reason}',
    'plausible.percent-sign': '“{text}”带有百分号，但本指标以“{unit}”计，不是百分比：按 {value} {unit}计，请核实',
  },
  {
    'plausible.below-min': '{value} is below this indicator\'s plausible minimum {min}',
    'plausible.above-max': '{value} is above this indicator\'s plausible maximum {max}',
    'plausible.rate-below-0': 'A rate of {value}% is below 0%',
    'plausible.rate-above-100': 'A rate of {value}% is above 100% (neither the targets nor the range of this indicator go above 100%)',
    'plausible.count-negative': 'A count in "{unit}" cannot be negative; {value} is not plausible',
    'plausible.count-not-whole': 'A count in "{unit}" is a whole number; {value} is not',
    'plausible.cumulative-below-previous': 'The cumulative figure {value} is below {previousYear}\'s actual {previous}; a cumulative count does not fall',
    'plausible.confirm.title': 'Values to check',
    'plausible.confirm.body.one': 'The {count} value below is outside the plausible range or does not fit the unit. Save it anyway? A cell outside the plausible range will be marked.',
    'plausible.confirm.body.other': 'The {count} values below are outside the plausible range or do not fit the unit. Save them anyway? Cells outside the plausible range will be marked.',
    'plausible.confirm.save': 'Save anyway',
    'plausible.confirm.cancel': 'Cancel, do not save',
    'plausible.mark': 'Outside the plausible range (saved; please check): {reason}',
    'plausible.confirm.row': '{indicator}, {year}: {value}',
    'plausible.cancelled': 'Not saved: the value outside the plausible range was cancelled',
    'plausible.legend': 'Outside plausible range',
    'plausible.value-warning': '{indicator}, {year}: the actual {value} is outside the plausible range: {reason}',
    'plausible.percent-sign': '"{text}" has a % sign, but this indicator counts in "{unit}", not a percent: taken as {value} {unit}; please check',
  },
);
export type PlausibleMessageKey = KeyOf<typeof PLAUSIBLE_MESSAGES>;

/** One of this rule's messages in both languages (dialog texts and marks included). */
export function plausibleMessage(key: PlausibleMessageKey, params: Record<string, string | number> = {}): AppMessage {
  return bilingual(PLAUSIBLE_MESSAGES, key, params);
}

/**
 * A warning naming the indicator, year and value with the rule's reason in each language (the
 * import preview and the CLI's inspect list it with its cell).
 */
export function plausibleValueWarning(indicator: string, year: number, value: number, reason: AppMessage): AppMessage {
  const params = { indicator, year, value };
  return {
    key: 'plausible.value-warning',
    params: { ...params, reason: reason.key },
    zh: render(PLAUSIBLE_MESSAGES, 'zh', 'plausible.value-warning', { ...params, reason: reason.zh }),
    en: render(PLAUSIBLE_MESSAGES, 'en', 'plausible.value-warning', { ...params, reason: reason.en }),
  };
}

/**
 * Units whose figures are counts of whole things (个 estates, 套 dwellings, 台 lifts, 户 households,
 * 人 people): such a figure is a whole number and never negative.
 */
export const COUNT_UNITS: readonly string[] = ['个', '套', '台', '户', '人'];

/** True when the unit counts whole things (see COUNT_UNITS). */
export function isCountUnit(unit: string): boolean {
  return COUNT_UNITS.includes(unit.trim());
}

/** What the rule needs to know of an indicator (the grid builds it from a row; see targetsOfCells). */
export type PlausibleSubject = Pick<Indicator, 'unit' | 'kind' | 'targets' | 'plausible'>;

/** The nearest earlier year with an actual, for the cumulative check. */
export interface PreviousActual {
  year: number;
  value: number;
}

/**
 * The bounds a value is checked against, in the indicator's unit (percent units: 87.5 = 87.5%);
 * null = unbounded on that side. `min`/`max` come from the indicator's own range when it sets that
 * side, else from the defaults: a percentage is within 0–100, except that a plan whose targets go
 * above 100 (say 105%) lifts the upper default; a count (COUNT_UNITS) is not below 0.
 */
export function plausibleBounds(indicator: PlausibleSubject): PlausibleRange {
  const own = indicator.plausible ?? { min: null, max: null };
  let min = own.min;
  let max = own.max;
  if (isPercentUnit(indicator.unit)) {
    min ??= 0;
    if (max === null && !targetsAbove100(indicator)) max = 100;
  } else if (isCountUnit(indicator.unit)) {
    min = Math.max(min ?? 0, 0);
  }
  return { min, max };
}

function targetsAbove100(indicator: Pick<Indicator, 'targets'>): boolean {
  return Object.values(indicator.targets).some((t) => t !== NO_TARGET && t > 100 + STATUS_EPSILON);
}

function isWhole(value: number): boolean {
  return Math.abs(value - Math.round(value)) < STATUS_EPSILON;
}

/**
 * Why `value` (an actual in the indicator's unit) is implausible, or null when it is plausible.
 * Checked in this order, the first failing check is the reason:
 * 1. the indicator's own range (`plausible.min` / `plausible.max`), bounds included;
 * 2. a percentage (unit %) within 0–100 — unless the indicator allows more: its own range sets that
 *    side, or one of its targets is above 100 (then there is no default upper bound);
 * 3. a count (unit 个/套/台/户/人) is not negative and is a whole number;
 * 4. a cumulative indicator is not below the nearest earlier year's actual (`previous`).
 * Differences below STATUS_EPSILON (floating-point noise from workbooks) are not violations.
 * Source: the DHIS2-like min–max value check asked for in issue 14 (part 5).
 */
export function implausibleReason(indicator: PlausibleSubject, value: number, previous: PreviousActual | null = null): AppMessage | null {
  const own = indicator.plausible;
  if (own?.min != null && value < own.min - STATUS_EPSILON) return plausibleMessage('plausible.below-min', { value, min: own.min });
  if (own?.max != null && value > own.max + STATUS_EPSILON) return plausibleMessage('plausible.above-max', { value, max: own.max });
  if (isPercentUnit(indicator.unit)) {
    const bounds = plausibleBounds(indicator);
    if (bounds.min !== null && value < bounds.min - STATUS_EPSILON) return plausibleMessage('plausible.rate-below-0', { value });
    if (bounds.max !== null && value > bounds.max + STATUS_EPSILON) return plausibleMessage('plausible.rate-above-100', { value });
  }
  if (isCountUnit(indicator.unit)) {
    const unit = indicator.unit.trim();
    if (value < -STATUS_EPSILON) return plausibleMessage('plausible.count-negative', { value, unit });
    if (!isWhole(value)) return plausibleMessage('plausible.count-not-whole', { value, unit });
  }
  if (indicator.kind === 'cumulative' && previous !== null && value < previous.value - STATUS_EPSILON) {
    return plausibleMessage('plausible.cumulative-below-previous', { value, previous: previous.value, previousYear: previous.year });
  }
  return null;
}

/**
 * Why a figure written with a "%" sign (typed "12%", or the text "12%" in a workbook cell) is not to
 * be taken silently, or null when it may be: the parser drops the sign (`fromPercent`), so for an
 * indicator whose unit is not a percent (套, 个, 户, 万元 …) "12%" would become 12 of that unit
 * without a word. Percent units (% / ％) take the sign as meant. Never a refusal: the grid asks to
 * confirm (plausible-cells.ts), the importer warns at the cell (read-value-cell.ts). `text` is what
 * was typed or written; `parsed` is parseNumberInput's reading of it.
 */
export function percentSignReason(unit: string, text: string, parsed: ParsedNumber): AppMessage | null {
  if (!parsed.ok || parsed.kind !== 'number' || !parsed.fromPercent || isPercentUnit(unit)) return null;
  return plausibleMessage('plausible.percent-sign', { text: text.trim(), unit: unit.trim(), value: parsed.value });
}

/**
 * The nearest year before `year` with an actual, from actuals by year (absent or null = none);
 * null when there is none.
 */
export function previousActual(actuals: Readonly<Record<number, number | null | undefined>>, year: number): PreviousActual | null {
  let best: PreviousActual | null = null;
  for (const [y, v] of Object.entries(actuals)) {
    const yr = Number(y);
    if (v === null || v === undefined || yr >= year) continue;
    if (best === null || yr > best.year) best = { year: yr, value: v };
  }
  return best;
}
