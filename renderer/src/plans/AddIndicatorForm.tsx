// 新增指标: the plan editor's form for a new indicator (issue 14 part 2) — 领域 (pick one of the
// plan's or type a new one), 序号 (after the last), name, unit, kind, direction, tolerance, lead and
// co-units, plausible range, a target per year (a number or "/"), and the 调整原因 every change needs.
// A dialog over the editor, so the keyboard works as in Excel: Enter adds, Esc cancels (and leaves
// the editor open). Problems show beside their fields. State and rules: useAddIndicator.
import { useId } from 'react';
import type { ReactNode } from 'react';
import { Dialog } from '../components/Dialog';
import { useLang } from '../i18n/context';
import { usePa } from '../i18n/plan-add-messages';
import { usePt } from '../i18n/plans-messages';
import type { IndicatorDeskApi } from '../../../shared/api/contract';
import type { EditablePlan } from '../../../shared/api/plan-schemas';
import type { NewIndicatorField } from './new-indicator-model';
import { planDomains, planUnits } from './new-indicator-model';
import { useAddIndicator } from './use-add-indicator';

interface AddIndicatorFormProps {
  api: IndicatorDeskApi;
  plan: EditablePlan;
  onAdded: (text: string) => Promise<void>;
  onCancel: () => void;
}

export function AddIndicatorForm({ api, plan, onAdded, onCancel }: AddIndicatorFormProps): React.JSX.Element {
  const p = usePt();
  const a = usePa();
  const lang = useLang();
  const id = useId();
  const add = useAddIndicator({ api, plan, lang, onAdded: async (text) => { await onAdded(text); onCancel(); } });
  const { form } = add;

  /** A labelled input with its problem beside it (aria-invalid, described by the problem). */
  const field = (name: NewIndicatorField, label: string, input: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string; 'data-field': string }) => ReactNode, wide = false) => {
    const problem = add.problem(name);
    const inputId = `${id}-${name}`;
    return (
      <label key={name} className={wide ? 'field wide' : 'field'} htmlFor={inputId}>
        <span>{label}</span>
        {input({ id: inputId, 'aria-invalid': problem !== null, ...(problem ? { 'aria-describedby': `${inputId}-problem` } : {}), 'data-field': name })}
        {problem ? <span className="field-problem" id={`${inputId}-problem`}>{problem}</span> : null}
      </label>
    );
  };
  const text = (name: Exclude<keyof typeof form, 'targets' | 'kind' | 'direction'>, label: string, wide = false, list?: string) =>
    field(name, label, (props) => <input {...props} value={form[name]} list={list} onChange={(e) => add.set(name, e.target.value)} />, wide);

  return (
    <Dialog
      title={a('add.title')}
      onClose={onCancel}
      testId="add-indicator"
      footer={
        <>
          <span className="footer-note" />
          <button type="button" onClick={onCancel} data-testid="add-indicator-cancel">{a('add.cancel')}</button>
          <button type="button" className="primary" disabled={add.busy} onClick={() => void add.submit()} data-testid="add-indicator-submit">{a('add.submit')}</button>
        </>
      }
    >
      <div className="add-indicator">
        <p className="hint">{a('add.hint')}</p>
        <div className="add-indicator-fields">
          {text('domain', `${a('add.domain')} ${a('add.domain-new')}`, true, `${id}-domains`)}
          {text('code', p('editor.code'))}
          {text('name', p('editor.name'), true)}
          {text('unit', p('editor.unit'))}
          {field('kind', p('editor.kind'), (props) => (
            <select {...props} value={form.kind} onChange={(e) => add.set('kind', e.target.value as typeof form.kind)}>
              {(['cumulative', 'stock', 'rate'] as const).map((k) => <option key={k} value={k}>{p(`editor.kind.${k}`)}</option>)}
            </select>
          ))}
          {field('direction', p('editor.direction'), (props) => (
            <select {...props} value={form.direction} onChange={(e) => add.set('direction', e.target.value as typeof form.direction)}>
              {(['higher', 'lower'] as const).map((d) => <option key={d} value={d}>{p(`editor.direction.${d}`)}</option>)}
            </select>
          ))}
          {text('tolerance', p('editor.tolerance'))}
          {text('leadUnit', p('editor.lead-unit'), false, `${id}-units`)}
          {text('coUnits', p('editor.co-units'), true)}
          {text('min', p('editor.range-min'))}
          {text('max', p('editor.range-max'))}
        </div>
        <fieldset className="add-indicator-targets">
          <legend>{p('editor.targets')}</legend>
          {plan.years.map((y) =>
            field(`target-${y}`, String(y), (props) => (
              <input {...props} className="target" value={form.targets[String(y)] ?? ''} data-year={y} onChange={(e) => add.setTarget(y, e.target.value)} />
            )),
          )}
        </fieldset>
        {text('reason', p('editor.reason'), true)}
        {add.message ? <p className="error-text" role="alert" data-testid="add-indicator-message">{add.message}</p> : null}
        <datalist id={`${id}-domains`}>{planDomains(plan).map((d) => <option key={d} value={d} />)}</datalist>
        <datalist id={`${id}-units`}>{planUnits(plan).map((u) => <option key={u} value={u} />)}</datalist>
      </div>
    </Dialog>
  );
}
