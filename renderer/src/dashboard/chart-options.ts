// The dashboard's three kinds of chart as plain data: an ECharts option and the same numbers as a
// table (the chart's text alternative, read by screen readers, the e2e test and the report). Pure
// functions of the dashboard figures (shared/domain/dashboard.ts); nothing here touches the DOM.
import type { EChartsCoreOption } from 'echarts/core';
import type { DashboardData, DepartmentCompleteness, DomainOutlooks, IndicatorSeries } from '../../../shared/domain/dashboard';
import { OUTLOOKS } from '../../../shared/domain/progress';
import { cellStatus } from '../../../shared/domain/status';
import type { Lang } from '../../../shared/i18n/lang';
import { formatValue, outlookLabel } from '../components/progress-model';
import { t } from '../i18n/catalogue';
import { OUTLOOK_COLOURS, STATUS_COLOURS, TARGET_COLOUR } from './colours';
import { departmentAxisLabel, overdueText, stateLabelStyles, stateText } from './department-state';

export interface ChartTable {
  head: string[];
  rows: string[][];
}

export interface ChartSpec {
  /** What the chart shows; the figure's caption (indicators) or its section heading. */
  title: string;
  option: EChartsCoreOption;
  table: ChartTable;
}

// The app's font stack (app.css), so charts print in the same CJK face as the tables.
const FONT = { fontFamily: "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif", fontSize: 12, color: '#202124' };
const BASE = { animation: false, textStyle: FONT, tooltip: { trigger: 'axis' } } as const;

function actualColour(series: IndicatorSeries, i: number): string {
  const target = series.targets[i] ?? undefined;
  const status = cellStatus({ indicator: series, year: 0, target, actual: series.actuals[i] ?? null, today: new Date(0) }).status;
  if (status === 'met') return STATUS_COLOURS.met;
  if (status === 'missed') return STATUS_COLOURS.missed;
  if (status === 'near') return STATUS_COLOURS.near;
  return STATUS_COLOURS.none;
}

/** Per indicator: the target path, the actuals (points in their status colour) and the dashed projection. */
export function indicatorChart(lang: Lang, years: number[], s: IndicatorSeries): ChartSpec {
  const fmt = (v: number | null, digits?: number): string => (v === null ? '—' : formatValue(lang, s, v, digits));
  const title = `${s.code}. ${s.name}（${s.unit}）`;
  const names = { target: t(lang, 'dashboard.series.target'), actual: t(lang, 'dashboard.series.actual'), projection: t(lang, 'dashboard.series.projection') };
  const option: EChartsCoreOption = {
    ...BASE,
    // The title is the figure's HTML caption (it wraps; a canvas title would be clipped in print).
    legend: { top: 0, left: 0, itemWidth: 18, data: [names.target, names.actual, names.projection] },
    grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map((y) => String(y)), boundaryGap: false, axisLabel: { interval: 0, fontSize: 11 } },
    // The unit is in the title; a percent axis never runs past 100 (a rate cannot).
    yAxis: { type: 'value', scale: true, ...(s.unit === '%' ? { max: (v: { max: number }) => (v.max >= 100 ? 100 : null) } : {}) },
    series: [
      { name: names.target, type: 'line', data: s.targets, connectNulls: true, lineStyle: { color: TARGET_COLOUR, width: 2 }, itemStyle: { color: TARGET_COLOUR }, symbol: 'rect', symbolSize: 6 },
      {
        name: names.actual,
        type: 'line',
        data: s.actuals.map((v, i) => (v === null ? null : { value: v, itemStyle: { color: actualColour(s, i) } })),
        connectNulls: true,
        lineStyle: { color: '#3c4043', width: 2 },
        itemStyle: { color: '#3c4043' },
        symbol: 'circle',
        symbolSize: 9,
      },
      { name: names.projection, type: 'line', data: s.projection, lineStyle: { type: 'dashed', color: OUTLOOK_COLOURS[s.progress.outlook], width: 2 }, itemStyle: { color: OUTLOOK_COLOURS[s.progress.outlook] }, symbol: 'none' },
    ],
  };
  const table: ChartTable = {
    head: [t(lang, 'dashboard.col.year'), names.target, names.actual, names.projection],
    rows: years.map((y, i) => [String(y), fmt(s.targets[i] ?? null), fmt(s.actuals[i] ?? null), fmt(s.projection[i] ?? null, 1)]),
  };
  return { title, option, table };
}

/** Per 领域: how many indicators have each outlook (stacked bars in the outlook colours). */
export function domainChart(lang: Lang, domains: DomainOutlooks[]): ChartSpec {
  const title = t(lang, 'dashboard.domains');
  const option: EChartsCoreOption = {
    ...BASE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, left: 0, itemWidth: 14, itemGap: 8 },
    grid: { left: 8, right: 24, top: 8, bottom: 30, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: domains.map((d) => d.domain), inverse: true },
    series: OUTLOOKS.map((o) => ({
      name: outlookLabel(lang, o),
      type: 'bar',
      stack: 'outlook',
      data: domains.map((d) => d.counts[o]),
      itemStyle: { color: OUTLOOK_COLOURS[o] },
      label: { show: true, formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : ''), color: '#fff', fontWeight: 600 },
    })),
  };
  const table: ChartTable = {
    head: [t(lang, 'dashboard.col.domain'), ...OUTLOOKS.map((o) => outlookLabel(lang, o))],
    rows: domains.map((d) => [d.domain, ...OUTLOOKS.map((o) => String(d.counts[o]))]),
  };
  return { title, option, table };
}

/**
 * Per department: reported and not yet reported indicators of the reporting year (stacked bars),
 * each department labelled with its reporting-cycle state (and 逾期 N 天) in the cycle bar's colours.
 * The table: department, reported / expected, state, 逾期 N 天 / 逾期 N 天提交 ('—' when neither).
 */
export function departmentChart(lang: Lang, year: number, departments: DepartmentCompleteness[]): ChartSpec {
  const title = t(lang, 'dashboard.departments', { year });
  const option: EChartsCoreOption = {
    ...BASE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, left: 0, itemWidth: 14 },
    grid: { left: 8, right: 24, top: 8, bottom: 30, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: departments.map((d) => d.department),
      inverse: true,
      axisLabel: { formatter: (_: string, i: number) => departmentAxisLabel(lang, departments[i]?.department ?? '', departments[i]?.cycle ?? null), rich: stateLabelStyles() },
    },
    series: [
      { name: t(lang, 'dashboard.reported'), type: 'bar', stack: 'n', data: departments.map((d) => d.reported), itemStyle: { color: STATUS_COLOURS.met }, label: { show: true, color: '#fff', formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : '') } },
      { name: t(lang, 'dashboard.unreported'), type: 'bar', stack: 'n', data: departments.map((d) => d.expected - d.reported), itemStyle: { color: STATUS_COLOURS.missed }, label: { show: true, color: '#fff', formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : '') } },
    ],
  };
  const table: ChartTable = {
    head: [t(lang, 'dashboard.col.department'), t(lang, 'dashboard.col.reported'), t(lang, 'dashboard.col.state'), t(lang, 'dashboard.col.overdue')],
    rows: departments.map((d) => [d.department, `${d.reported} / ${d.expected}`, stateText(lang, d.cycle), overdueText(lang, d.cycle) || '—']),
  };
  return { title, option, table };
}

/** Every chart of the dashboard, in reading order: areas, departments, then each indicator. */
export function dashboardCharts(lang: Lang, data: DashboardData): { domains: ChartSpec; departments: ChartSpec; indicators: ChartSpec[] } {
  return {
    domains: domainChart(lang, data.domains),
    departments: departmentChart(lang, data.year, data.departments),
    indicators: data.indicators.map((s) => indicatorChart(lang, data.years, s)),
  };
}
