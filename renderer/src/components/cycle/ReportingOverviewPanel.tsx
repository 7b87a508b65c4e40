// 报送情况: departments × the reporting year — state, deadline and days overdue, cells filled / due,
// misses without a note, last import — and the button that drafts the reminders.
import { useMemo } from 'react';
import { formatDate, formatDateTime } from '../../../../shared/i18n/engine';
import { getApi } from '../../api';
import { useLang } from '../../i18n/context';
import { cyCount, useCy } from '../../i18n/overview-messages';
import { Dialog } from '../Dialog';
import { useReportingOverview } from './use-reporting-overview';

interface ReportingOverviewPanelProps {
  planId: string;
  year: number;
  onClose: () => void;
}

export function ReportingOverviewPanel({ planId, year, onClose }: ReportingOverviewPanelProps): React.JSX.Element {
  const c = useCy();
  const lang = useLang();
  const api = useMemo(() => getApi(), []);
  const { state, remind, remindText } = useReportingOverview(api, planId, year, lang);

  return (
    <Dialog title={c('overview.title', { year })} onClose={onClose} wide testId="reporting-overview">
      {state.kind === 'loading' ? <p className="muted">{c('overview.loading')}</p> : null}
      {state.kind === 'error' ? <p className="error-text" role="alert">{state.text}</p> : null}
      {state.kind === 'ready' ? (
        <>
          <p className="hint">{c('overview.as-of', { date: formatDate(lang, state.overview.today) })}</p>
          <table className="data-table" data-testid="overview-table">
            <thead>
              <tr>
                <th>{c('overview.col.department')}</th>
                <th>{c('overview.col.state')}</th>
                <th>{c('overview.col.deadline')}</th>
                <th>{c('overview.col.overdue')}</th>
                <th>{c('overview.col.filled')}</th>
                <th>{c('overview.col.misses')}</th>
                <th>{c('overview.col.last-import')}</th>
              </tr>
            </thead>
            <tbody>
              {state.overview.rows.map((r) => (
                <tr key={r.department} data-testid="overview-row" data-department={r.department} className={r.overdue ? 'overdue' : undefined}>
                  <td>{r.department}</td>
                  <td data-testid="overview-state">{c(`state.${r.state}`)}</td>
                  <td>{formatDate(lang, r.deadline)}</td>
                  <td data-testid="overview-overdue">{r.overdue ? cyCount(lang, 'overview.overdue-days', r.daysOverdue, { days: r.daysOverdue }) : r.lateDays > 0 ? cyCount(lang, 'overview.late-days', r.lateDays, { days: r.lateDays }) : c('overview.not-overdue')}</td>
                  <td data-testid="overview-filled">{`${r.filled} / ${r.due}`}</td>
                  <td data-testid="overview-misses">{r.missesWithoutNote}</td>
                  <td>{r.lastImport ? `${r.lastImport.fileName}（${formatDateTime(lang, r.lastImport.at)}）` : c('overview.no-import')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="alias-actions">
            <button type="button" onClick={() => void remind()} data-testid="overview-remind">{c('overview.remind')}</button>
            {remindText ? <span className="hint" role="status" data-testid="overview-remind-status">{remindText}</span> : null}
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
