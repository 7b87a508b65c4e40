// The dashboard's body, shared by the 看板 dialog and the printable report: the summary line, the
// outlook counts per 领域, the reporting year's completeness per department, and one chart per
// indicator (target path, actuals, projection). Every chart carries its numbers as a table.
import { useMemo } from 'react';
import type { Dashboard } from '../../../shared/api/contract';
import { summaryText } from '../components/progress-model';
import { useLang, useT } from '../i18n/context';
import { ChartFigure } from './ChartFigure';
import { dashboardCharts } from './chart-options';

interface DashboardChartsProps {
  data: Dashboard;
  /** The report writes its own summary above; the dialog shows the one-line counts here. */
  showSummary?: boolean;
  /** Height of each indicator's chart in px (the report's three columns use smaller ones). */
  chartHeight?: number;
}

export function DashboardCharts({ data, showSummary = true, chartHeight = 220 }: DashboardChartsProps): React.JSX.Element {
  const lang = useLang();
  const t = useT();
  const charts = useMemo(() => dashboardCharts(lang, data), [lang, data]);
  const rows = data.indicators.map((i) => i.progress);
  return (
    <div className="dashboard-charts">
      {showSummary ? <p className="progress-summary" data-testid="dashboard-summary">{summaryText(lang, rows)}</p> : null}
      <div className="dashboard-row">
        <section className="dashboard-block" aria-label={charts.domains.title}>
          <h3>{charts.domains.title}</h3>
          <ChartFigure spec={charts.domains} height={50 + 34 * data.domains.length} testId="chart-domains" />
        </section>
        <section className="dashboard-block" aria-label={charts.departments.title}>
          <h3>{charts.departments.title}</h3>
          <ChartFigure spec={charts.departments} height={Math.max(50 + 34 * data.domains.length, 50 + 44 * data.departments.length)} testId="chart-departments" />
        </section>
      </div>
      <section aria-label={t('dashboard.indicators')}>
        <h3>{t('dashboard.indicators')}</h3>
        <div className="dashboard-indicators">
          {charts.indicators.map((spec, i) => (
 
            <ChartFigure key={data.indicators[i]?.indicatorId} spec={spec} height={chartHeight} testId={`chart-indicator-${data.indicators[i]?.indicatorId ?? i}`} className="indicator-chart" caption />
          ))}
        </div>
      </section>
    </div>
  );
}
