// What the progress panel shows, as pure functions: indicators grouped by 领域 with their progress
// rows, the outlook counts of the summary line, and the one-line explanation of each outlook.
// The outlook itself is decided by shared/domain/progress.ts (indicatorProgress), never here.
import type { ProgressRow } from '../../../shared/api/contract';
import type { Indicator, Plan } from '../../../shared/domain/plan';
import { isPercentUnit } from '../../../shared/domain/plan';
import type { Outlook } from '../../../shared/domain/progress';
import { OUTLOOKS, lastDueYear } from '../../../shared/domain/progress';
import type { Lang } from '../../../shared/i18n/lang';
import { formatNumber } from '../../../shared/i18n/engine';
import { t, tCount } from '../i18n/catalogue';

export interface ProgressItem {
  indicator: Indicator;
  row: ProgressRow;
}

export interface DomainGroup {
  domain: string;
  items: ProgressItem[];
}

/** Indicators with their rows, grouped by 领域 in the plan's order (indicators in plan order). */
export function groupByDomain(plan: Pick<Plan, 'domains' | 'indicators'>, rows: ProgressRow[]): DomainGroup[] {
  const byId = new Map(rows.map((r) => [r.indicatorId, r]));
  const order = [...plan.domains];
  for (const ind of plan.indicators) if (!order.includes(ind.domain)) order.push(ind.domain);
  const groups: DomainGroup[] = [];
  for (const domain of order) {
    const items: ProgressItem[] = [];
    for (const indicator of plan.indicators) {
      const row = byId.get(indicator.id);
      if (indicator.domain === domain && row) items.push({ indicator, row });
    }
    if (items.length > 0) groups.push({ domain, items });
  }
  return groups;
}

export function countOutlooks(rows: Pick<ProgressRow, 'outlook'>[]): Record<Outlook, number> {
  const counts = Object.fromEntries(OUTLOOKS.map((o) => [o, 0])) as Record<Outlook, number>;
  for (const r of rows) counts[r.outlook] += 1;
  return counts;
}

/**
 * The last plan year that has ended (today: "YYYY-MM-DD") when the indicator's latest actual is
 * older than it, else null. The rule itself (shared lastDueYear) also lowers the outlook and sets
 * the row's missingYear; this is the same answer for callers that only have a date string.
 */
export function missingDueYear(years: number[], latestYear: number | null, today: string): number | null {
  if (latestYear === null) return null;
  const lastDue = lastDueYear(years, new Date(`${today}T12:00:00`));
  return lastDue !== null && latestYear < lastDue ? lastDue : null;
}

/** "13 项指标：超前 2，正常 6，滞后 3，有风险 1，无数据 1". */
export function summaryText(lang: Lang, rows: Pick<ProgressRow, 'outlook'>[]): string {
  const c = countOutlooks(rows);
  return tCount(lang, 'progress.summary', rows.length, {
    count: formatNumber(lang, rows.length),
    ahead: formatNumber(lang, c.ahead),
    onTrack: formatNumber(lang, c['on-track']),
    behind: formatNumber(lang, c.behind),
    atRisk: formatNumber(lang, c['at-risk']),
    noData: formatNumber(lang, c['no-data']),
  });
}

export function outlookLabel(lang: Lang, outlook: Outlook): string {
  return t(lang, `progress.outlook.${outlook}`);
}

/** A value in the indicator's unit: "1,012", "87.5%". Projections are shown to one decimal. */
export function formatValue(lang: Lang, indicator: Pick<Indicator, 'unit'>, value: number, maxFractionDigits = 4): string {
  const text = formatNumber(lang, value, maxFractionDigits);
  return isPercentUnit(indicator.unit) ? `${text}%` : text;
}

/** A share as a whole percentage: 0.869 → "87%". */
export function formatShare(lang: Lang, share: number): string {
  return `${formatNumber(lang, Math.round(share * 100), 0)}%`;
}

/** A yearly step with its sign: "+180", "−4.5", "+0.3%"; one decimal at most. */
export function formatPace(lang: Lang, indicator: Pick<Indicator, 'unit'>, pace: number): string {
  const rounded = Math.round(pace * 10) / 10;
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '';
  return `${sign}${formatValue(lang, indicator, Math.abs(rounded), 1)}`;
}

/** "+180 / +44": the pace so far next to the pace still needed ("—" where there is none). */
export function paceText(lang: Lang, indicator: Pick<Indicator, 'unit'>, row: Pick<ProgressRow, 'paceSoFar' | 'paceNeeded'>): string {
  if (row.paceSoFar === null && row.paceNeeded === null) return '';
  const soFar = row.paceSoFar === null ? '—' : formatPace(lang, indicator, row.paceSoFar);
  const needed = row.paceNeeded === null ? '—' : formatPace(lang, indicator, row.paceNeeded);
  return t(lang, 'progress.pace-value', { soFar, needed });
}

/**
 * One line saying why the badge is what it is, built from the rule's reasons, e.g. "2025年实际
 * 1,012，低于当年目标 1,050（差 38）；但五年任务已完成 87%，时间过去 60%，进度快于时间；按目前速度，
 * 2027年预计 1,372，可达到目标 1,100". Below/above follow the indicator's direction.
 */
export function explainProgress(lang: Lang, indicator: Pick<Indicator, 'unit' | 'direction'>, row: ProgressRow): string {
  if (row.outlook === 'no-data' || row.latestYear === null || row.latestActual === null) return t(lang, 'progress.explain.no-data');
  const v = (n: number, digits?: number): string => formatValue(lang, indicator, n, digits);
  const parts: string[] = [];
  const year = row.latestYear;
  const actual = v(row.latestActual);
  const missed = row.reasons.includes('year-missed') || row.reasons.includes('year-missed-explained');
  if (row.latestTarget === null) {
    parts.push(t(lang, 'progress.explain.no-target', { year, actual }));
  } else if (!missed) {
    parts.push(t(lang, 'progress.explain.year-met', { year, actual, target: v(row.latestTarget) }));
  } else {
    const key = indicator.direction === 'higher' ? 'progress.explain.year-below' : 'progress.explain.year-above';
    parts.push(t(lang, key, { year, actual, target: v(row.latestTarget), gap: v(Math.abs(row.latestActual - row.latestTarget)) }));
    if (row.reasons.includes('year-missed-explained') && row.pathShare !== null && row.timeShare !== null) {
      parts.push(t(lang, 'progress.explain.path-ahead', { path: formatShare(lang, row.pathShare), time: formatShare(lang, row.timeShare) }));
    }
    if (row.reasons.includes('big-miss')) parts.push(t(lang, 'progress.explain.big-gap'));
  }
  if (row.finalYear !== null && row.finalTarget !== null) {
    const final = { year: row.finalYear, target: v(row.finalTarget) };
    if (row.reasons.includes('final-reached')) {
      parts.push(t(lang, 'progress.explain.final-reached', final));
    } else if (year < row.finalYear && row.projected === null) {
      parts.push(t(lang, 'progress.explain.no-trend'));
    } else if (row.projected !== null && year < row.finalYear) {
      const projected = v(row.projected, 1);
      const key = !row.reasons.includes('projection-misses')
        ? 'progress.explain.projection-meets'
        : indicator.direction === 'higher' ? 'progress.explain.projection-below' : 'progress.explain.projection-above';
      parts.push(t(lang, key, { ...final, projected }));
    }
  }
  if (row.missingYear !== null) parts.push(t(lang, 'progress.explain.due-missing', { year: row.missingYear }));
  return parts.join(t(lang, 'progress.explain.separator'));
}
