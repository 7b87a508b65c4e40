// The programme view (issue 14 part 3): every plan of the database on one line with its indicators
// counted by outlook, side by side, as the progress panel counts them; 打开 switches to a plan.
import { OUTLOOKS } from '../../../shared/domain/progress';
import { formatNumber } from '../../../shared/i18n/engine';
import { Dialog } from '../components/Dialog';
import { outlookLabel } from '../components/progress-model';
import { useLang } from '../i18n/context';
import { usePt } from '../i18n/plans-messages';
import type { ProgrammeLine } from './use-programme';

interface ProgrammeViewProps {
  /** From useProgramme: null while loading. */
  lines: ProgrammeLine[] | null;
  currentPlanId: string;
  onOpenPlan: (planId: string) => void;
  onClose: () => void;
}

export function ProgrammeView({ lines, currentPlanId, onOpenPlan, onClose }: ProgrammeViewProps): React.JSX.Element {
  const p = usePt();
  const lang = useLang();
  return (
    <Dialog title={p('programme.title')} onClose={onClose} wide testId="programme-view">
      <p className="hint">{p('programme.hint')}</p>
      {lines === null ? (
        <div className="loading">{p('programme.loading')}</div>
      ) : (
        <table className="data-table programme-table" data-testid="programme-table">
          <thead>
            <tr>
              <th>{p('programme.plan')}</th>
              <th className="nowrap">{p('programme.years')}</th>
              <th className="num">{p('programme.indicators')}</th>
              {OUTLOOKS.map((o) => <th key={o} className={`num outlook-head outlook-${o}`}>{outlookLabel(lang, o)}</th>)}
              <th></th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.plan.id} data-plan-id={line.plan.id} className={line.plan.id === currentPlanId ? 'current' : ''}>
                <td>
                  {/* The short name first: plans imported from one table share its title (学有优教, 学有优教（2）). */}
                  <strong data-testid="programme-short-name">{line.plan.shortName}</strong> <span className="muted">{line.plan.title}</span>
                  {line.plan.id === currentPlanId ? <span className="muted">{p('programme.current')}</span> : null}
                </td>
                <td className="nowrap">{line.plan.years[0]}–{line.plan.years[line.plan.years.length - 1]}</td>
                {'error' in line ? (
                  <td colSpan={OUTLOOKS.length + 1} className="error-text">{p('programme.failed', { reason: line.error })}</td>
                ) : (
                  <>
                    <td className="num">{formatNumber(lang, line.indicators)}</td>
                    {OUTLOOKS.map((o) => <td key={o} className="num" data-outlook={o}>{formatNumber(lang, line.counts[o])}</td>)}
                  </>
                )}
                <td>
                  <button type="button" className="small" disabled={line.plan.id === currentPlanId} onClick={() => onOpenPlan(line.plan.id)}>
                    {p('programme.open-plan')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
