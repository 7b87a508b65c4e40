// The coordinating office's plan-level view (docs/ARCHITECTURE.md §Status rule): every indicator of
// the plan, grouped by 领域, with its latest actual, final target, projection, path share and outlook
// badge. Its data comes from useProgressData (called by the window, as for every panel).
import type { ProgressData } from '../app/use-panel-data';
import { displayName } from '../../../shared/domain/plan';
import { useLang, useT } from '../i18n/context';
import { Dialog } from './Dialog';
import { explainProgress, formatShare, formatValue, groupByDomain, outlookLabel, paceText, summaryText } from './progress-model';

interface ProgressPanelProps {
  /** From useProgressData: null while loading. */
  data: ProgressData | null;
  /** Today as "YYYY-MM-DD" (the services' clock). The rows already say which due year is missing. */
  today?: string;
  onClose: () => void;
}

const COLUMNS = 9;

export function ProgressPanel({ data, onClose }: ProgressPanelProps): React.JSX.Element {
  const t = useT();
  const lang = useLang();

  let body: React.JSX.Element;
  if (data === null) {
    body = <div className="loading">{t('app.loading')}</div>;
  } else if ('error' in data) {
    body = <p className="error-text" role="alert">{t('progress.failed', { reason: data.error })}</p>;
  } else {
    const groups = groupByDomain(data.plan, data.rows);
    body = (
      <>
        <p className="progress-summary" data-testid="progress-summary">{summaryText(lang, data.rows)}</p>
        <p className="hint">{t('progress.hint')}</p>
        <table className="data-table progress-table" data-testid="progress-table">
          <thead>
            <tr>
              <th className="nowrap">{t('progress.col.code')}</th>
              <th>{t('progress.col.name')}</th>
              <th>{t('progress.col.lead')}</th>
              <th className="num">{t('progress.col.latest')}</th>
              <th className="num">{t('progress.col.final')}</th>
              <th className="num">{t('progress.col.projected')}</th>
              <th className="num" title={t('progress.col.path-title')}>{t('progress.col.path')}</th>
              <th className="num" title={t('progress.col.pace-title')}>{t('progress.col.pace')}</th>
              <th>{t('progress.col.outlook')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => [
              <tr key={`domain-${group.domain}`} className="progress-domain">
                <th colSpan={COLUMNS}>{group.domain}</th>
              </tr>,
              ...group.items.map(({ indicator, row }) => {
                const explanation = explainProgress(lang, indicator, row);
                const hasPath = row.pathShare !== null && row.timeShare !== null;
                const missing = row.missingYear;
                return (
                  <tr key={indicator.id} data-indicator-id={indicator.id} data-outlook={row.outlook}>
                    <td className="num">{indicator.code}</td>
                    <td>
                      {displayName(indicator)}
                      <span className="progress-why" data-testid="progress-why">{explanation}</span>
                    </td>
                    <td className="nowrap">{indicator.leadUnit}</td>
                    <td className="num nowrap">
                      {row.latestYear !== null && row.latestActual !== null
                        ? t('progress.year-value', { value: formatValue(lang, indicator, row.latestActual), year: row.latestYear })
                        : '—'}
                      {missing !== null ? <span className="progress-missing" data-testid="missing-year">{t('progress.missing-year', { year: missing })}</span> : null}
                    </td>
                    <td className="num nowrap">
                      {row.finalYear !== null && row.finalTarget !== null
                        ? t('progress.year-value', { value: formatValue(lang, indicator, row.finalTarget), year: row.finalYear })
                        : '—'}
                    </td>
                    <td className="num nowrap">{row.projected !== null ? formatValue(lang, indicator, row.projected, 1) : '—'}</td>
                    <td
                      className="num nowrap"
                      title={hasPath ? t('progress.path-title', { path: formatShare(lang, row.pathShare as number), time: formatShare(lang, row.timeShare as number) }) : undefined}
                    >
                      {hasPath ? t('progress.path-value', { path: formatShare(lang, row.pathShare as number), time: formatShare(lang, row.timeShare as number) }) : ''}
                    </td>
                    <td className="num nowrap" data-testid="pace">{paceText(lang, indicator, row)}</td>
                    <td className="nowrap">
                      <span className={`outlook-badge outlook-${row.outlook}`} title={explanation} data-testid="outlook-badge">
                        {outlookLabel(lang, row.outlook)}
                      </span>
                    </td>
                  </tr>
                );
              }),
            ])}
          </tbody>
        </table>
      </>
    );
  }

  return (
    <Dialog
      title={t('progress.title')}
      onClose={onClose}
      wide
      testId="progress-panel"
      footer={<button type="button" onClick={onClose} data-default>{t('common.close')}</button>}
    >
      {body}
    </Dialog>
  );
}
