// How the grid writes numbers, percentages, units and the "why this colour" tooltip, in either
// language. Pure functions so the bench and unit tests can check them without a browser.
import type { Target } from '../../../shared/domain/plan';
import { isPercentUnit, NO_TARGET } from '../../../shared/domain/plan';
import type { CellStatus } from '../../../shared/domain/status';
import type { Lang } from '../../../shared/i18n/lang';
import { formatNumber, formatPercent } from '../../../shared/i18n/engine';
import { gridText } from './grid-messages';

/** A number in the indicator's unit as the grid shows it: grouped, at most two decimals ("1,050", "87.5"). */
export function formatGridNumber(value: number, lang: Lang): string {
  return formatNumber(lang, value, 2);
}

/** A target: "/" stays "/"; no entry in the plan shows nothing. */
export function formatTarget(target: Target | null | undefined, lang: Lang): string {
  if (target === NO_TARGET) return NO_TARGET;
  if (target === null || target === undefined) return '';
  return formatGridNumber(target, lang);
}

export function formatActual(actual: number | null | undefined, lang: Lang): string {
  return actual === null || actual === undefined ? '' : formatGridNumber(actual, lang);
}

/** Completion ratio (1 = on target) as a percentage, one decimal: 0.9638 → "96.4%". */
export function formatCompletion(completion: number | null | undefined, lang: Lang): string {
  return completion === null || completion === undefined ? '' : formatPercent(lang, completion, 1);
}

/** A value with its unit where the unit is a percent sign (11 → "11%"); other units go unsaid. */
function withUnit(value: number, unit: string, lang: Lang): string {
  const text = formatGridNumber(value, lang);
  return isPercentUnit(unit) ? `${text}%` : text;
}

/** 责任单位 as printed in the plan: the lead unit first, marked *, then the co-units. */
export function formatUnits(leadUnit: string, coUnits: readonly string[], lang: Lang): string {
  const sep = lang === 'zh' ? '、' : ', ';
  return [`*${leadUnit}`, ...coUnits.filter((u) => u !== leadUnit)].join(sep);
}

export interface StatusExplainInput {
  status: CellStatus;
  year: number;
  target: Target | null | undefined;
  actual: number | null;
  gap: number | null;
  completion: number | null;
  unit: string;
  tolerance: number | null;
}

/** Why a cell has its colour, e.g. "未达标：目标 1,050，实际 1,012，差 38（96.4%）". */
export function explainStatus(lang: Lang, input: StatusExplainInput): string {
  const { status, year, target, actual, gap, completion, unit, tolerance } = input;
  switch (status) {
    case 'no-target':
      return actual === null
        ? gridText(lang, 'tip.no-target', { year })
        : gridText(lang, 'tip.no-target.actual', { year, actual: withUnit(actual, unit, lang) });
    case 'not-reported':
      return gridText(lang, 'tip.not-reported', { year });
    case 'pending':
      return gridText(lang, 'tip.pending', { year });
    default: {
      const params = {
        target: typeof target === 'number' ? withUnit(target, unit, lang) : '',
        actual: actual === null ? '' : withUnit(actual, unit, lang),
        gap: gap === null ? '' : withUnit(Math.abs(gap), unit, lang),
        pct: completion === null ? '—' : formatCompletion(completion, lang),
        tolerance: tolerance === null ? '' : formatCompletion(tolerance, lang),
      };
      if (status === 'met') return gridText(lang, gap === 0 || gap === null ? 'tip.met.exact' : 'tip.met', params);
      return gridText(lang, status === 'near' ? 'tip.near' : 'tip.missed', params);
    }
  }
}
