// The plan editor (issue 14 part 2): the plan's title and short name, its years (changeable), every
// indicator with its fields and targets per year, 新增指标 (AddIndicatorForm); one 调整原因 for the
// changes saved together; 调整记录 (the revisions) and 新规划期 (copy to new years). Layout only:
// state and rules live in usePlanEditor (and useAddIndicator).
import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import { useLang, useT } from '../i18n/context';
import { usePt } from '../i18n/plans-messages';
import { usePa } from '../i18n/plan-add-messages';
import { AddIndicatorForm } from './AddIndicatorForm';
import { IndicatorEditorRow } from './IndicatorEditorRow';
import { NewPeriodForm } from './NewPeriodForm';
import { PlanYearsField } from './PlanYearsField';
import { RevisionsTable } from './RevisionsTable';
import { usePlanEditor } from './use-plan-editor';
import type { IndicatorDeskApi } from '../../../shared/api/contract';

interface PlanEditorProps {
  api: IndicatorDeskApi;
  planId: string;
  /** The plan was changed: the window reloads its plan list and grid. */
  onChanged: () => void;
  /** A plan was made by copying this one to new years: the window shows it (so does the editor). */
  onCreated: (planId: string) => void;
  onClose: () => void;
}

export function PlanEditor({ api, planId, onChanged, onCreated, onClose }: PlanEditorProps): React.JSX.Element {
  const p = usePt();
  const t = useT();
  const lang = useLang();
  const editor = usePlanEditor({ api, planId, lang, onChanged, onCreated });
  const [showRevisions, setShowRevisions] = useState(false);
  const [showNewPeriod, setShowNewPeriod] = useState(false);
  const [showAdd, setShowAdd] = useState(false);
  const a = usePa();
  const { plan, draft, changes } = editor;
  const dirtyIds = new Set([...(changes?.indicators.map((c) => c.indicatorId) ?? []), ...(changes?.targets.map((c) => c.indicatorId) ?? [])]);
  const count = changes ? Object.keys(changes.info).length + changes.indicators.length + changes.targets.length : 0;

  return (
    <Dialog
      title={p('editor.title', { title: plan?.title ?? '' })}
      onClose={onClose}
      wide
      testId="plan-editor"
      footer={
        <>
          <button type="button" onClick={() => setShowRevisions((s) => !s)} aria-pressed={showRevisions} data-testid="plan-revisions-toggle">
            {p('editor.revisions')}
          </button>
          <button type="button" onClick={() => setShowNewPeriod((s) => !s)} aria-pressed={showNewPeriod}>{p('editor.new-period')}</button>
          <span className="footer-note" />
          <button type="button" onClick={onClose}>{t('common.close')}</button>
        </>
      }
    >
      {plan === null || draft === null ? (
        <div className="loading">{t('app.loading')}</div>
      ) : (
        <div className="plan-editor">
          <div className="editor-plan-fields">
            <label htmlFor="plan-title">{p('editor.plan-title')}</label>
            <input id="plan-title" value={draft.title} onChange={(e) => editor.setInfo('title', e.target.value)} data-testid="plan-title" />
            <label htmlFor="plan-short-name">{p('editor.short-name')}</label>
            <input id="plan-short-name" value={draft.shortName} onChange={(e) => editor.setInfo('shortName', e.target.value)} />
            <span>{p('editor.years')}</span>
            <PlanYearsField key={plan.years.join()} years={plan.years} busy={editor.busy} onChange={(a, b) => void editor.changeYears(a, b)} />
          </div>
          <div className="editor-scroll">
            <table className="data-table editor-table" data-testid="plan-editor-table">
              <thead>
                <tr>
                  <th>{p('editor.code')}</th><th>{p('editor.name')}</th><th>{p('editor.unit')}</th><th>{p('editor.kind')}</th>
                  <th>{p('editor.direction')}</th><th>{p('editor.tolerance')}</th><th>{p('editor.lead-unit')}</th><th>{p('editor.co-units')}</th>
                  <th>{p('editor.range-min')}</th><th>{p('editor.range-max')}</th>
                  {plan.years.map((y) => <th key={y} className="num">{y}</th>)}
                  <th></th>
                </tr>
              </thead>
              <tbody>
                {draft.rows.map((row) => <IndicatorEditorRow key={row.id} row={row} years={plan.years} dirty={dirtyIds.has(row.id)} editor={editor} />)}
              </tbody>
            </table>
          </div>
          <p className="hint">
            {p('editor.targets')}
            <button type="button" className="small" disabled={editor.busy} onClick={() => setShowAdd(true)} data-testid="add-indicator-open">{a('add.open')}</button>
          </p>
          {showAdd ? <AddIndicatorForm api={api} plan={plan} onAdded={editor.written} onCancel={() => setShowAdd(false)} /> : null}
          <div className="reason-row">
            <label htmlFor="plan-reason">{p('editor.reason')}</label>
            <input
              id="plan-reason"
              value={editor.reason}
              placeholder={p('editor.reason-placeholder')}
              maxLength={500}
              onChange={(e) => editor.setReason(e.target.value)}
              data-testid="plan-reason"
            />
            <button type="button" className="primary" disabled={editor.busy || count === 0} onClick={() => void editor.save()} data-testid="plan-save">
              {p('editor.apply')}{count > 0 ? `（${count}）` : ''}
            </button>
          </div>
          {editor.message ? (
            <p className={editor.message.kind === 'error' ? 'error-text' : 'hint'} role={editor.message.kind === 'error' ? 'alert' : 'status'} data-testid="plan-editor-message">
              {editor.message.text}
            </p>
          ) : null}
          {showNewPeriod ? <NewPeriodForm years={plan.years} shortName={plan.shortName} busy={editor.busy} onCreate={(a, b, name) => void editor.copyToPeriod(a, b, name)} /> : null}
          {showRevisions ? (
            <section>
              <h3>{p('editor.revisions')}</h3>
              <RevisionsTable revisions={editor.revisions} />
            </section>
          ) : null}
        </div>
      )}
    </Dialog>
  );
}
