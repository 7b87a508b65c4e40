// The reporting-cycle bar above the grid: the viewed department-year's state (未填报 … 已锁定), its
// deadline and 逾期 N 天, who locked it and why, and the buttons 提交 / 退回修改 / 锁定 / 解锁 —
// send-back and unlock ask for a reason in a dialog. For all departments it locks or unlocks the
// whole year. Layout only: the state and the calls are useReportingState's.
import { useState } from 'react';
import type { CycleAction } from '../../../shared/domain/reporting-cycle';
import { REASON_REQUIRED, MAX_REASON_LENGTH } from '../../../shared/domain/reporting-cycle';
import { cycleText, overdueWords, scopeWords } from '../../../shared/i18n/cycle-messages';
import { formatDate } from '../../../shared/i18n/engine';
import type { Lang } from '../../../shared/i18n/lang';
import type { ReportingView } from '../app/use-reporting-state';
import { cycleUi } from '../i18n/cycle-ui-messages';
import { useT } from '../i18n/context';
import { Dialog } from './Dialog';
import type { NoticeText } from './Notice';
import { inBothLanguages } from '../app/notice-text';
import './reporting-state-bar.css';

interface Props {
  view: ReportingView;
  year: number;
  department: string | null;
  lang: Lang;
  /** Show the outcome: done (info) or the refusal (error), in both languages. */
  notify: (kind: 'info' | 'error', text: NoticeText) => void;
}

export function ReportingStateBar({ view, year, department, lang, notify }: Props): React.JSX.Element | null {
  const [asking, setAsking] = useState<CycleAction | null>(null);
  const scope = scopeWords(year, department)[lang];
  const { state, yearLocked } = view;

  const run = async (action: CycleAction, reason: string | null): Promise<boolean> => {
    const refused = await view.change(action, reason);
    if (refused) notify('error', refused);
    else notify('info', inBothLanguages((l) => cycleUi(l, `done.${action}`, { scope: scopeWords(year, department)[l] })));
    return refused === null;
  };
  const ask = (action: CycleAction) => (REASON_REQUIRED.includes(action) || action === 'lock' ? setAsking(action) : void run(action, null));

  const button = (action: CycleAction, label: string, enabled: boolean) => (
    <button type="button" className="small" data-testid={`cycle-${action}`} disabled={!enabled || view.busy} onClick={() => ask(action)}>
      {label}
    </button>
  );

  let body: React.JSX.Element;
  if (department === null) {
    if (yearLocked === null) return null;
    body = (
      <>
        <span className={`cycle-state cycle-${yearLocked ? 'locked' : 'open'}`}>
          {yearLocked ? cycleUi(lang, 'bar.state', { scope, state: cycleText(lang, 'state.locked') }) : cycleUi(lang, 'bar.year-open', { year })}
        </span>
        <span className="cycle-buttons">
          {button('lock', cycleUi(lang, 'button.lock-year'), !yearLocked)}
          {button('unlock', cycleUi(lang, 'button.unlock-year'), yearLocked)}
        </span>
      </>
    );
  } else {
    if (state === null) return null;
    const s = state.state;
    const lock = state.lock;
    const reason = lock ? lock.reason : s === 'returned' ? (state.lastChange?.reason ?? null) : null;
    body = (
      <>
        <span className={`cycle-state cycle-${s}`} data-testid="cycle-state">
          {cycleUi(lang, 'bar.state', { scope, state: cycleText(lang, `state.${s}`) })}
        </span>
        <span className="cycle-deadline">
          {cycleUi(lang, 'bar.deadline', { date: formatDate(lang, state.deadline) })}
          {state.deadlineIsDefault ? cycleUi(lang, 'bar.deadline-default') : ''}
        </span>
        {state.overdueDays !== null ? <span className="cycle-overdue" data-testid="cycle-overdue">{overdueWords(lang, state.overdueDays)}</span> : null}
        {lock ? <span className="cycle-detail">{cycleUi(lang, 'bar.locked-by', { who: lock.who, at: lock.at.slice(0, 10) })}</span> : null}
        {reason ? <span className="cycle-detail" title={reason}>{cycleUi(lang, 'bar.last-reason', { reason })}</span> : null}
        <span className="cycle-buttons">
          {button('submit', cycleUi(lang, 'button.submit'), s === 'not-started' || s === 'in-progress' || s === 'returned')}
          {button('send-back', cycleUi(lang, 'button.send-back'), s === 'submitted')}
          {button('lock', cycleUi(lang, 'button.lock'), s !== 'locked')}
          {button('unlock', cycleUi(lang, 'button.unlock'), s === 'locked' && lock?.department !== null)}
        </span>
      </>
    );
  }
  return (
    <div className="cycle-bar" role="region" aria-label={cycleUi(lang, 'bar.label')} data-testid="reporting-state-bar">
      {body}
      {asking ? <ReasonDialog action={asking} scope={scope} lang={lang} busy={view.busy} onClose={() => setAsking(null)} onConfirm={(r) => run(asking, r)} /> : null}
    </div>
  );
}

/** Asks for the reason of a send-back or unlock (required) or a lock (optional). */
function ReasonDialog(props: { action: CycleAction; scope: string; lang: Lang; busy: boolean; onClose: () => void; onConfirm: (reason: string | null) => Promise<boolean> }): React.JSX.Element {
  const { action, scope, lang, busy, onClose, onConfirm } = props;
  const t = useT();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const required = REASON_REQUIRED.includes(action);
  const confirm = async () => {
    const text = reason.trim();
    if (required && text === '') {
      setMissing(true);
      return;
    }
    if (await onConfirm(text === '' ? null : text)) onClose();
  };
  const title = cycleUi(lang, action === 'send-back' ? 'reason.title.send-back' : action === 'unlock' ? 'reason.title.unlock' : 'reason.title.lock', { scope });
  return (
    <Dialog
      title={title}
      onClose={onClose}
      testId="cycle-reason-dialog"
      footer={
        <>
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="button" className="primary" disabled={busy} data-testid="cycle-reason-confirm" onClick={() => void confirm()}>
            {cycleUi(lang, `button.${action === 'send-back' ? 'send-back' : action === 'unlock' ? 'unlock' : 'lock'}`)}
          </button>
        </>
      }
    >
      <label className="cycle-reason">
        <span>{cycleUi(lang, required ? 'reason.label' : 'reason.optional')}</span>
        {/* Focus starts here: the reason is what the dialog asks for (Ctrl+Enter confirms). */}
        <textarea autoFocus value={reason} maxLength={MAX_REASON_LENGTH} rows={3} data-testid="cycle-reason" onChange={(e) => setReason(e.target.value)} />
      </label>
      {missing ? <p className="error-text" role="alert">{cycleUi(lang, 'reason.required')}</p> : null}
    </Dialog>
  );
}
