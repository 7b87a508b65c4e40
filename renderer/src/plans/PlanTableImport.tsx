// 导入规划表 (issue 14 part 1, the window's side): the preview of a picked plan table — its short
// name and title (editable), years, every indicator with what was inferred (PlanTablePreviewRows),
// the table's problems with their cells — and the way out the preview allows: 创建规划; for a table
// whose indicators match a plan already there, said plainly with its differing targets (from → to),
// 按表调整目标 with a required 调整原因 (the rows shown read-only: a revision changes targets only),
// or 仍作为新规划创建; or cancel (Esc, ×, 取消), which asks first when the clerk has changed anything
// (DiscardChangesConfirm). Nothing is created while the table has errors. The body keeps the names on
// top and the 调整原因 row at the bottom in view; between them the table scrolls both ways
// (docs/ARCHITECTURE.md §The plan-table preview keeps typed work).
// Layout only: state in usePlanTableImport, rules in the model.
import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import { useLang, useT } from '../i18n/context';
import { usePi } from '../i18n/plan-import-messages';
import { usePt } from '../i18n/plans-messages';
import type { IndicatorDeskApi } from '../../../shared/api/contract';
import { DiscardChangesConfirm } from './DiscardChangesConfirm';
import { changeTargetText } from './plan-table-import-model';
import { PlanTablePreviewRows } from './PlanTablePreviewRows';
import { usePlanTableImport } from './use-plan-table-import';

interface PlanTableImportProps {
  api: IndicatorDeskApi;
  file: File;
  onCreated: (planId: string, text: string) => void;
  onRevised: (planId: string, text: string) => void;
  onClose: () => void;
}

/**
 * Enter in the name or title field presses nothing: a clerk finishing a word with Enter must not
 * create a plan (or a second copy of one) before the rows are checked. An IME's Enter is left alone.
 */
function keepEnter(e: React.KeyboardEvent<HTMLInputElement>): void {
  if (e.key === 'Enter' && !e.nativeEvent.isComposing) e.preventDefault();
}

export function PlanTableImport({ api, file, onCreated, onRevised, onClose }: PlanTableImportProps): React.JSX.Element {
  const lang = useLang();
  const t = useT();
  const p = usePt();
  const i = usePi();
  const flow = usePlanTableImport({ api, file, lang, onCreated, onRevised });
  const { preview, choice, busy } = flow;
  const draft = preview?.draft ?? null;
  const match = choice?.kind === 'match' ? choice : null;
  const changedCells = new Set(match?.changes.map((c) => `${c.code}|${c.year}`));
  // Esc, × and 取消 close at once when nothing was changed; otherwise they ask first.
  const [asking, setAsking] = useState(false);
  const requestClose = (): void => {
    if (flow.dirty) setAsking(true);
    else onClose();
  };

  const problemLine = flow.problem ? <p className="error-text" role="alert" data-testid="plan-import-problem">{flow.problem}</p> : null;
  const footer = (
    <>
      <span className="footer-note" />
      {choice?.kind === 'create' ? (
        <button type="button" className="primary" disabled={busy || flow.nameMissing} onClick={() => void flow.create(false)} data-testid="plan-import-create">{i('create')}</button>
      ) : null}
      {match ? (
        <button type="button" className={match.changes.length === 0 ? 'primary' : ''} disabled={busy || flow.nameMissing} onClick={() => void flow.create(true)} data-testid="plan-import-as-new">{i('as-new')}</button>
      ) : null}
      <button type="button" onClick={requestClose} data-testid="plan-import-cancel">{t('common.cancel')}</button>
    </>
  );

  return (
    <>
      <Dialog title={i('title', { file: file.name })} onClose={requestClose} wide testId="plan-table-import" footer={footer}>
        {preview === null ? (
          (problemLine ?? <div className="loading">{i('reading')}</div>)
        ) : (
          <div className="plan-import">
            {draft ? (
              <div className="plan-import-head">
                <div className="plan-import-fields">
                  <label htmlFor="plan-import-short-name">{i('short-name')}</label>
                  <input id="plan-import-short-name" value={flow.shortName} maxLength={500} title={i('short-name-hint')} required aria-invalid={flow.nameMissing} aria-describedby={flow.nameMissing ? 'plan-import-name-problem' : undefined} disabled={busy} onChange={(e) => flow.setShortName(e.target.value)} onKeyDown={keepEnter} data-testid="plan-import-name" />
                  <label htmlFor="plan-import-title">{i('plan-title')}</label>
                  <input id="plan-import-title" value={flow.title} maxLength={2000} disabled={busy} onChange={(e) => flow.setTitle(e.target.value)} onKeyDown={keepEnter} data-testid="plan-import-title" />
                </div>
                {flow.nameMissing ? <p className="error-text" id="plan-import-name-problem" role="alert" data-testid="plan-import-name-problem">{i('problem.short-name')}</p> : null}
                <p className="hint" data-testid="plan-import-summary">
                  {i('summary', { sheet: preview.sheet ?? '', first: draft.years[0] ?? '', last: draft.years[draft.years.length - 1] ?? '', count: draft.indicators.length })}
                </p>
              </div>
            ) : null}
            <div className="plan-import-scroll" tabIndex={0} role="region" aria-label={i('rows')} data-testid="plan-import-scroll">
              {preview.issues.length > 0 ? (
                <section className="plan-import-issues" aria-label={i('issues')} data-testid="plan-import-issues">
                  {choice?.kind === 'blocked' ? <p className="error-text" role="alert">{i('issues-blocking')}</p> : null}
                  <ul>
                    {preview.issues.map((issue, n) => (
                      <li key={n} className={issue.severity === 'error' ? 'error-text' : 'warn-text'} data-cell={issue.cell}>
                        <strong>{i(issue.severity === 'error' ? 'issue-error' : 'issue-warning')}</strong> {issue.sheet}!{issue.cell}{lang === 'zh' ? '：' : ': '}{issue.message[lang]}
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
              {match ? (
                <section className="plan-import-match" data-testid="plan-import-match">
                  <p><strong>{i('match', { name: match.name })}</strong></p>
                  {match.changes.length === 0 ? (
                    <p>{i('match-same-targets')}</p>
                  ) : (
                    <>
                      <p>{i('match-changes', { count: match.changes.length, name: match.name })}</p>
                      <ul className="plan-import-changes" data-testid="plan-import-changes">
                        {match.changes.map((c) => (
                          <li key={`${c.indicatorId}-${c.year}`}>
                            {i('match-change', { code: c.code, name: c.name, year: c.year, from: changeTargetText(c.from, lang), to: changeTargetText(c.to, lang) })}
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </section>
              ) : null}
              {match && draft ? <p className="hint" data-testid="plan-import-readonly">{i('revision-readonly', { name: match.name })}</p> : null}
              {draft ? (
                <PlanTablePreviewRows rows={flow.rows} years={draft.years} disabled={busy} readOnly={match !== null} changed={changedCells} onField={flow.setField} />
              ) : null}
            </div>
            <div className="plan-import-foot">
              {match && match.changes.length > 0 ? (
                <div className="reason-row">
                  <label htmlFor="plan-import-reason">{p('editor.reason')}</label>
                  <input id="plan-import-reason" value={flow.reason} maxLength={500} placeholder={p('editor.reason-placeholder')} disabled={busy} onChange={(e) => flow.setReason(e.target.value)} data-testid="plan-import-reason" />
                  <button type="button" className="primary" disabled={busy} onClick={() => void flow.revise()} data-default data-testid="plan-import-revise">{i('revise')}</button>
                </div>
              ) : null}
              {problemLine}
            </div>
          </div>
        )}
      </Dialog>
      {asking ? <DiscardChangesConfirm onKeep={() => setAsking(false)} onDiscard={onClose} /> : null}
    </>
  );
}
