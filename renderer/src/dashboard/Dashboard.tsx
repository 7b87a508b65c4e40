// The 看板 dialog (issue 15): the plan at a glance in charts for the reporting year, with print and
// the leadership report (PDF, consolidated workbook). Loaded lazily with ECharts (LazyDashboard.tsx).
import type { IndicatorDeskApi } from '../../../shared/api/contract';
import { Dialog } from '../components/Dialog';
import { useT } from '../i18n/context';
import { DashboardCharts } from './DashboardCharts';
import { useDashboardData } from './use-dashboard-data';
import { useReportExport } from './use-report-export';
import './dashboard.css';

export interface DashboardProps {
  api: IndicatorDeskApi;
  planId: string;
  year: number;
  onClose: () => void;
}

export default function Dashboard({ api, planId, year, onClose }: DashboardProps): React.JSX.Element {
  const t = useT();
  const state = useDashboardData(api, planId, year);
  const report = useReportExport(api, planId, year);
  let body: React.JSX.Element;
  if (state.status === 'loading') body = <div className="loading">{t('app.loading')}</div>;
  else if (state.status === 'error') body = <p className="error-text" role="alert">{t('progress.failed', { reason: state.message })}</p>;
  else body = <DashboardCharts data={state.data} />;
  return (
    <Dialog
      title={t('dashboard.title')}
      onClose={onClose}
      wide
      testId="dashboard"
      footer={
        <>
          {report.message ? <span className="dashboard-report-message" role="status" data-testid="report-message">{report.message}</span> : null}
          <button type="button" onClick={() => window.print()}>{t('dashboard.print')}</button>
          <button type="button" disabled={report.busy} onClick={() => report.run('pdf')} data-testid="report-pdf">{t('dashboard.report-pdf')}</button>
          <button type="button" disabled={report.busy} onClick={() => report.run('xlsx')} data-testid="report-xlsx">{t('dashboard.report-xlsx')}</button>
          <button type="button" onClick={onClose} data-default>{t('common.close')}</button>
        </>
      }
    >
      <div className="dashboard" data-ready={state.status === 'ready' ? 'true' : 'false'}>{body}</div>
    </Dialog>
  );
}
