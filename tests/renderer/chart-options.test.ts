// The dashboard's chart options and their text alternatives (issue 15): the same numbers in the
// ECharts series and the table, Chinese labels, outlook and status colours as the grid's.
import { describe, expect, it } from 'vitest';
import { buildDashboard } from '../../shared/domain/dashboard';
import type { DepartmentCycle } from '../../shared/domain/dashboard';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';
import { DEMO_ACTUALS } from '../../scripts/demo-actuals';
import { departmentChart, domainChart, indicatorChart } from '../../renderer/src/dashboard/chart-options';
import { OUTLOOK_COLOURS, OVERDUE_COLOURS, REPORTING_STATE_COLOURS, STATUS_COLOURS } from '../../renderer/src/dashboard/colours';
import { reportParams } from '../../renderer/src/dashboard/report-params';

const NOW = new Date('2026-03-15T09:00:00+08:00');
const data = buildDashboard(SEED_PLAN, (id, y) => {
  const v = DEMO_ACTUALS[id]?.[y - 2023];
  return v === undefined || v === null ? undefined : { value: v, note: null };
}, 2025, ['区住建局', '市住房公积金洞头分中心'], NOW);

type Series = { name: string; data: unknown[]; itemStyle?: { color: string } };

describe('chart options', () => {
  it('indicator 2: target, actual (points in status colours) and projection; the table has the same numbers', () => {
    const s = data.indicators.find((i) => i.indicatorId === 'zyyj-02');
    if (!s) throw new Error('no indicator 2');
    const spec = indicatorChart('zh', data.years, s);
    expect(spec.title).toBe('2. 保障性租赁住房累计建设筹集套（间）数（套）');
    const series = spec.option.series as Series[];
    expect(series.map((x) => x.name)).toEqual(['目标', '实际', '预计']);
    expect(series[0]?.data).toEqual([637, 847, 1050, 1060, 1100]);
    expect(series[1]?.data).toEqual([
      { value: 652, itemStyle: { color: STATUS_COLOURS.met } },
      { value: 861, itemStyle: { color: STATUS_COLOURS.met } },
      { value: 1012, itemStyle: { color: STATUS_COLOURS.missed } }, // 38 short of 1,050
      null,
      null,
    ]);
    expect(series[2]?.data).toEqual([null, null, 1012, 1192, 1372]);
    expect(series[2]?.itemStyle?.color).toBe(OUTLOOK_COLOURS['on-track']);
    expect(spec.table.head).toEqual(['年度', '目标', '实际', '预计']);
    expect(spec.table.rows[2]).toEqual(['2025', '1,050', '1,012', '1,012']);
    expect(spec.table.rows[4]).toEqual(['2027', '1,100', '—', '1,372']);
  });

  it('per 领域: one stacked series per outlook in the outlook colours, table in the same order', () => {
    const spec = domainChart('zh', data.domains);
    const series = spec.option.series as Series[];
    expect(series.map((x) => x.name)).toEqual(['超前', '正常', '滞后', '有风险', '无数据']);
    expect(series.map((x) => x.itemStyle?.color)).toEqual([OUTLOOK_COLOURS.ahead, OUTLOOK_COLOURS['on-track'], OUTLOOK_COLOURS.behind, OUTLOOK_COLOURS['at-risk'], OUTLOOK_COLOURS['no-data']]);
    expect(series[3]?.data).toEqual([1, 3, 0, 1]);
    expect(spec.table.rows).toEqual([
      ['住房保障', '0', '3', '0', '1', '0'],
      ['住房品质', '0', '2', '1', '3', '0'],
      ['住房安全', '0', '2', '0', '0', '0'],
      ['住房市场', '0', '0', '0', '1', '0'],
    ]);
    expect(domainChart('en', data.domains).table.head[0]).toBe('Area');
  });

  it('per department: reported and not reported for the year', () => {
    const spec = departmentChart('zh', 2025, data.departments);
    expect(spec.title).toBe('各单位2025年度填报完整度与报送状态');
    const series = spec.option.series as Series[];
    expect(series[0]?.data).toEqual([10, 0]);
    expect(series[1]?.data).toEqual([2, 1]);
    // No states given (cycle null): the state columns say so with '—'.
    expect(spec.table.rows).toEqual([['区住建局', '10 / 12', '—', '—'], ['市住房公积金洞头分中心', '0 / 1', '—', '—']]);
  });

  it('per department: each one’s reporting state and days overdue, in the label (cycle bar colours) and the table', () => {
    const cycles: Record<string, DepartmentCycle> = {
      区住建局: { state: 'returned', deadline: '2026-01-31', overdueDays: 43, submittedLateDays: null },
      市住房公积金洞头分中心: { state: 'submitted', deadline: '2026-01-31', overdueDays: null, submittedLateDays: 5 },
    };
    const withStates = buildDashboard(SEED_PLAN, () => undefined, 2025, ['区住建局', '市住房公积金洞头分中心'], NOW, (d) => cycles[d]);
    const spec = departmentChart('zh', 2025, withStates.departments);
    expect(spec.table.head).toEqual(['单位', '已填报 / 应填报', '报送状态', '逾期']);
    expect(spec.table.rows).toEqual([['区住建局', '0 / 12', '已退回', '逾期 43 天'], ['市住房公积金洞头分中心', '0 / 1', '已提交', '逾期 5 天提交']]);
    const axis = spec.option.yAxis as { axisLabel: { formatter: (v: string, i: number) => string; rich: Record<string, { color: string; backgroundColor: string }> } };
    const returned = axis.axisLabel.formatter('区住建局', 0);
    expect(returned).toMatch(/^区住建局\n\{(state\d)\|已退回\} \{overdue\|逾期 43 天\}$/);
    const style = /\{(state\d)\|/.exec(returned)?.[1] ?? '';
    expect(axis.axisLabel.rich[style]).toMatchObject({ color: REPORTING_STATE_COLOURS.returned.fg, backgroundColor: REPORTING_STATE_COLOURS.returned.bg });
    expect(axis.axisLabel.rich.overdue).toMatchObject({ backgroundColor: OVERDUE_COLOURS.bg });
    // Submitted, but after the deadline: the lateness stays, in the amber of a warning.
    expect(axis.axisLabel.formatter('', 1)).toMatch(/^市住房公积金洞头分中心\n\{state\d\|已提交\} \{late\|逾期 5 天提交\}$/);
    expect(axis.axisLabel.rich.late).toMatchObject({ backgroundColor: REPORTING_STATE_COLOURS['in-progress'].bg });
    const en = departmentChart('en', 2025, withStates.departments).table.rows;
    expect(en).toEqual([['区住建局', '0 / 12', 'Sent back', '43 days overdue'], ['市住房公积金洞头分中心', '0 / 1', 'Submitted', 'submitted 5 days late']]);
  });

  it('the state colours are the cycle bar’s', async () => {
    const { readFileSync } = await import('node:fs');
    const css = readFileSync(new URL('../../renderer/src/components/reporting-state-bar.css', import.meta.url), 'utf8');
    for (const [state, c] of Object.entries(REPORTING_STATE_COLOURS)) {
      expect(css.replace(/#555(?![0-9a-f])/i, '#555555')).toContain(`.cycle-${state} { background: ${c.bg}; color: ${c.fg}; }`);
    }
  });

  it('the grid’s status colours are the ones in grid.css', async () => {
    const { readFileSync } = await import('node:fs');
    const css = readFileSync(new URL('../../renderer/src/grid/grid.css', import.meta.url), 'utf8');
    expect(css).toContain(`--status-met-fg: ${STATUS_COLOURS.met}`);
    expect(css).toContain(`--status-missed-fg: ${STATUS_COLOURS.missed}`);
  });

  it('the report view is chosen by ?view=report&year=…', () => {
    expect(reportParams('?view=report&year=2025&lang=en')).toEqual({ year: 2025, lang: 'en' });
    expect(reportParams('?view=report&year=2025')).toEqual({ year: 2025, lang: 'zh' });
    expect(reportParams('?year=2025')).toBeNull();
    expect(reportParams('?view=report')).toBeNull();
  });
});
