// The leadership report as one printable A4 document (issue 15): title, date and data source, the
// summary, the charts, and the table of indicators with their outlook and the notes explaining
// misses. Opened as the page's `?view=report&year=Y&lang=zh` view and printed to PDF by Chromium
// (page.pdf) or Electron (printToPDF); data-report-ready="true" tells the printer it may print.
import { useEffect, useMemo, useState } from 'react';
import type { Bootstrap, IndicatorDeskApi } from '../../../shared/api/contract';
import { explainProgress, formatValue, outlookLabel, paceText, summaryText } from '../components/progress-model';
import { formatDate } from '../../../shared/i18n/engine';
import { t } from '../i18n/catalogue';
import { LangContext } from '../i18n/context';
import { DashboardCharts } from './DashboardCharts';
import { ReportDepartments } from './ReportDepartments';
import type { ReportParams } from './report-params';
import { useDashboardData } from './use-dashboard-data';
import { defaultPlanId } from '../../../shared/domain/default-plan';
import './dashboard.css';

function ReportBody({ api, boot, params }: { api: IndicatorDeskApi; boot: Bootstrap; params: ReportParams }): React.JSX.Element {
  const { lang, year } = params;
  const plan = boot.plans.find((p) => p.id === (params.planId ?? (boot.plans.length > 0 ? defaultPlanId(boot.plans) : '')));
  const state = useDashboardData(api, plan?.id ?? '', year);
  const notesYear = useMemo(() => (state.status === 'ready' ? state.data.years.indexOf(year) : -1), [state, year]);
  const [drawn, setDrawn] = useState(false);
  // Children's effects (the charts' init) run before this one: once it runs, everything is drawn.
  useEffect(() => {
    if (state.status === 'ready') setDrawn(true);
  }, [state.status]);
  if (!plan) return <p>{t(lang, 'app.load-failed')}</p>;
  if (state.status !== 'ready') return <p>{state.status === 'error' ? state.message : t(lang, 'app.loading')}</p>;
  const data = state.data;
  const concerns = (['at-risk', 'behind'] as const)
    .map((o) => [o, data.indicators.filter((s) => s.progress.outlook === o).map((s) => `${s.code}. ${s.name}`).join('；')] as const)
    .filter(([, names]) => names !== '');
  const source = boot.mode === 'browser' ? t(lang, 'status.mode-browser') : t(lang, 'status.mode-desktop');
  return (
    <article className="report" data-testid="report" data-report-ready={drawn ? 'true' : 'false'}>
      <h1>{t(lang, 'report.title', { plan: data.planTitle })}</h1>
      <p className="report-meta">{t(lang, 'report.meta', { date: formatDate(lang, boot.today), source: `${source} ${boot.appVersion}`, year })}</p>
      <h2>{t(lang, 'report.summary')}</h2>
      <p className="progress-summary" data-testid="report-summary">{summaryText(lang, data.indicators.map((s) => s.progress))}</p>
      {concerns.map(([o, names]) => (
        <p key={o} className="report-concern">{`${outlookLabel(lang, o)}：${names}`}</p>
      ))}
      <ReportDepartments lang={lang} data={data} />
      <h2 className="report-charts-heading">{t(lang, 'report.charts')}</h2>
      <DashboardCharts data={data} showSummary={false} chartHeight={190} />
      <h2 className="report-table-heading">{t(lang, 'report.table')}</h2>
      <table className="report-table" data-testid="report-table">
        <thead>
          <tr>
            <th>{t(lang, 'progress.col.code')}</th>
            <th>{t(lang, 'progress.col.name')}</th>
            <th>{t(lang, 'progress.col.lead')}</th>
            <th>{t(lang, 'progress.col.latest')}</th>
            <th>{t(lang, 'progress.col.final')}</th>
            <th>{t(lang, 'progress.col.pace')}</th>
            <th>{t(lang, 'progress.col.outlook')}</th>
            <th>{t(lang, 'report.col.notes')}</th>
          </tr>
        </thead>
        <tbody>
          {data.indicators.map((s) => {
            const p = s.progress;
            const note = notesYear >= 0 ? s.notes[notesYear] : null;
            return (
              <tr key={s.indicatorId} data-indicator-id={s.indicatorId}>
                <td className="nowrap">{s.code}</td>
                <td>{s.name}（{s.unit}）</td>
                <td>{s.leadUnit}</td>
                <td className="num">{p.latestActual === null ? '—' : t(lang, 'progress.year-value', { value: formatValue(lang, s, p.latestActual), year: p.latestYear ?? '' })}</td>
                <td className="num">{p.finalTarget === null ? '—' : t(lang, 'progress.year-value', { value: formatValue(lang, s, p.finalTarget), year: p.finalYear ?? '' })}</td>
                <td className="num">{paceText(lang, s, p)}</td>
                <td className="nowrap"><span className={`outlook-badge outlook-${p.outlook}`}>{outlookLabel(lang, p.outlook)}</span></td>
                <td className="report-notes">
                  {explainProgress(lang, s, { indicatorId: s.indicatorId, ...p })}
                  {note ? <span className="report-clerk-note">{`${year}：${note}`}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
}

/** The report view: loads the bootstrap, then the body; flags readiness once the charts are drawn. */
export default function ReportPage({ api, params }: { api: IndicatorDeskApi; params: ReportParams }): React.JSX.Element {
  const [boot, setBoot] = useState<Bootstrap | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.getBootstrap({}).then((r) => (r.ok ? setBoot(r.value) : setError(r.error.message[params.lang])));
  }, [api, params.lang]);
  useEffect(() => {
    document.documentElement.lang = params.lang === 'zh' ? 'zh-CN' : 'en';
  }, [params.lang]);
  return (
    <LangContext.Provider value={params.lang}>
      <div className="report-page">
        {error ? <p role="alert">{error}</p> : boot ? <ReportBody api={api} boot={boot} params={params} /> : null}
      </div>
    </LangContext.Provider>
  );
}
