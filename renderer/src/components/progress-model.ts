// What the progress panel shows, as pure functions: indicators grouped by 领域 with their progress
// rows, the outlook counts of the summary line, and the one-line explanation of each outlook.
// The outlook itself is decided by shared/domain/progress.ts (indicatorProgress), never here.
import type { ProgressRow } from '../../../shared/api/contract';
import type { Indicator, Plan } from '../../../shared/domain/plan';
import { isPercentUnit } from '../../../shared/domain/plan';
import type { Outlook } from '../../../shared/domain/progress';
import { BIG_MISS_SHARE, OUTLOOKS } from '../../../shared/domain/progress';
import { meetsTarget } from '../../../shared/domain/status';
import type { Lang } from '../../../shared/i18n/lang';
import { formatNumber } from '../../../shared/i18n/engine';
import { t } from '../i18n/catalogue';

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
 * older than it, else null. The outlook judges the latest reported year only, so the panel has to
 * say that a due year is still missing (indicator 8 "正常" on 2024 while 2025 is due).
 */
export function missingDueYear(years: number[], latestYear: number | null, today: string): number | null {
  if (latestYear === null) return null;
  const current = Number(today.slice(0, 4));
  const due = years.filter((y) => y < current);
  const lastDue = due.length > 0 ? Math.max(...due) : null;
  return lastDue !== null && latestYear < lastDue ? lastDue : null;
}

/** "13 项指标：超前 2，正常 6，滞后 3，有风险 1，无数据 1". */
export function summaryText(lang: Lang, rows: Pick<ProgressRow, 'outlook'>[]): string {
  const c = countOutlooks(rows);
  return t(lang, 'progress.summary', {
    total: formatNumber(lang, rows.length),
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


/**
 * One line saying why the badge is what it is, e.g. "2025年实际 1,012，低于当年目标 1,050；按目前
 * 速度，2027年预计 1,372，可达到目标 1,100". Below/above follow the indicator's direction.
 */
export function explainProgress(lang: Lang, indicator: Pick<Indicator, 'unit' | 'direction' | 'kind'>, row: ProgressRow): string {
  if (row.outlook === 'no-data' || row.latestYear === null || row.latestActual === null) return t(lang, 'progress.explain.no-data');
  const v = (n: number, digits?: number): string => formatValue(lang, indicator, n, digits);
  const parts: string[] = [];
  const year = row.latestYear;
  const actual = v(row.latestActual);
  if (row.latestTarget === null) {
    parts.push(t(lang, 'progress.explain.no-target', { year, actual }));
  } else if (meetsTarget(indicator.direction, row.latestTarget, row.latestActual)) {
    parts.push(t(lang, 'progress.explain.year-met', { year, actual, target: v(row.latestTarget) }));
  } else {
    const key = indicator.direction === 'higher' ? 'progress.explain.year-below' : 'progress.explain.year-above';
    parts.push(t(lang, key, { year, actual, target: v(row.latestTarget) }));
    const bigGap = Math.abs(row.latestActual - row.latestTarget) > Math.abs(row.latestTarget) * BIG_MISS_SHARE;
    if (row.outlook === 'at-risk' && indicator.kind !== 'cumulative' && bigGap) parts.push(t(lang, 'progress.explain.big-gap'));
  }
  if (row.finalYear !== null && row.finalTarget !== null) {
    const final = { year: row.finalYear, target: v(row.finalTarget) };
    if (row.outlook === 'ahead') {
      parts.push(t(lang, 'progress.explain.final-reached', final));
    } else if (row.projected !== null && year < row.finalYear) {
      const projected = v(row.projected, 1);
      const key = meetsTarget(indicator.direction, row.finalTarget, row.projected)
        ? 'progress.explain.projection-meets'
        : indicator.direction === 'higher' ? 'progress.explain.projection-below' : 'progress.explain.projection-above';
      parts.push(t(lang, key, { ...final, projected }));
    }
  }
  return parts.join(t(lang, 'progress.explain.separator'));
}
