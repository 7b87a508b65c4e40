// The indicator rows of 导入规划表's preview: every indicator of the table with 序号, 领域 (one cell
// over its rows, as merged in the table), name, unit, kind, direction, lead unit and each year's
// target ("/" shown as /), what was inferred marked beside it (推断：名称含“累计”), and inputs to
// correct name, unit, kind, direction and lead unit. Enter in one of those moves to the same field of
// the next row (Shift+Enter: the row above), as in Excel: it never presses the dialog's main button.
// Read-only (plain text) when the table revises a plan: a revision changes targets only.
// Layout only: the rows come from the model.
import type { IndicatorDraft } from '../../../shared/domain/plan-draft';
import { usePi } from '../i18n/plan-import-messages';
import { usePt } from '../i18n/plans-messages';
import type { CorrectableField, PreviewRow } from './plan-table-import-model';

interface PlanTablePreviewRowsProps {
  rows: PreviewRow[];
  years: number[];
  disabled: boolean;
  /** The table revises a plan already there: its indicators are shown, not edited (targets only change). */
  readOnly?: boolean;
  /** Targets the table gives differently from the plan it matches, as "序号|year": shown marked. */
  changed?: ReadonlySet<string>;
  onField: <K extends CorrectableField>(index: number, field: K, value: IndicatorDraft[K]) => void;
}

/** How many rows each domain cell spans, on the first row of its run (0 on the others). */
function domainSpans(rows: PreviewRow[]): number[] {
  return rows.map((row, i) => {
    if (i > 0 && rows[i - 1]?.domain === row.domain) return 0;
    let n = 1;
    while (rows[i + n]?.domain === row.domain) n++;
    return n;
  });
}

/**
 * Enter in a row's field (data-field) moves the focus to the same field of the next row, Shift+Enter
 * to the row above; on the last row it stays. Handled here (preventDefault) so the dialog's Enter
 * (useModalFocus: press the default button) never creates or revises from a correction being typed.
 * An input method's Enter (composing) is left alone.
 */
function enterMovesDown(e: React.KeyboardEvent<HTMLTableElement>): void {
  if (e.key !== 'Enter' || e.nativeEvent.isComposing || !(e.target instanceof HTMLElement)) return;
  const name = e.target.getAttribute('data-field');
  if (name === null) return;
  e.preventDefault();
  const row = e.target.closest('tr');
  const next = e.shiftKey ? row?.previousElementSibling : row?.nextElementSibling;
  const field = next?.querySelector<HTMLElement>(`[data-field="${name}"]`);
  if (!field) return;
  field.focus();
  if (field instanceof HTMLInputElement) field.select();
}

/** One indicator's fields shown as text (a revision changes targets only). */
function ReadOnlyFields({ row }: { row: PreviewRow }): React.JSX.Element {
  const p = usePt();
  const i = usePi();
  return (
    <>
      <td className="pin-name"><span data-field="name">{row.name}</span></td>
      <td><span data-field="unit">{row.unit}</span></td>
      <td><span data-field="kind">{p(`editor.kind.${row.kind}`)}</span></td>
      <td><span data-field="direction">{p(`editor.direction.${row.direction}`)}</span></td>
      <td>
        <span data-field="leadUnit">{row.leadUnit}</span>
        {row.coUnits.length > 0 ? <span className="inferred-hint">{i('co-units', { units: row.coUnits.join('、') })}</span> : null}
      </td>
    </>
  );
}

export function PlanTablePreviewRows({ rows, years, disabled, readOnly, changed, onField }: PlanTablePreviewRowsProps): React.JSX.Element {
  const p = usePt();
  const i = usePi();
  const spans = domainSpans(rows);
  const hint = (text: string, testId: string) => <span className="inferred-hint" data-testid={testId}>{text}</span>;
  return (
    <table className="data-table plan-import-table" data-testid="plan-import-rows" data-readonly={readOnly ? 'true' : undefined} onKeyDown={enterMovesDown}>
      <thead>
        <tr>
          <th className="pin-code">{p('editor.code')}</th>
          <th>{i('domain')}</th>
          <th className="pin-name">{p('editor.name')}</th>
          <th>{p('editor.unit')}</th>
          <th>{p('editor.kind')}</th>
          <th>{p('editor.direction')}</th>
          <th>{p('editor.lead-unit')}</th>
          {years.map((y) => <th key={y} className="num">{y}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, n) => (
          <tr key={row.index} data-code={row.code} className={row.corrected.length > 0 ? 'dirty' : ''} title={row.nameCell ?? undefined}>
            <td className="num pin-code">{row.code}</td>
            {spans[n] ? <td rowSpan={spans[n]} className="domain">{row.domain}</td> : null}
            {readOnly ? (
              <ReadOnlyFields row={row} />
            ) : (
              <>
                <td className="pin-name">
                  <input value={row.name} disabled={disabled} aria-label={`${row.code} ${p('editor.name')}`} data-field="name" onChange={(e) => onField(row.index, 'name', e.target.value)} />
                </td>
                <td>
                  <input value={row.unit} disabled={disabled} className="narrow" aria-label={`${row.code} ${p('editor.unit')}`} data-field="unit" onChange={(e) => onField(row.index, 'unit', e.target.value)} />
                </td>
                <td>
                  <select value={row.kind} disabled={disabled} aria-label={`${row.code} ${p('editor.kind')}`} data-field="kind" onChange={(e) => onField(row.index, 'kind', e.target.value as IndicatorDraft['kind'])}>
                    {(['cumulative', 'stock', 'rate'] as const).map((k) => <option key={k} value={k}>{p(`editor.kind.${k}`)}</option>)}
                  </select>
                  {row.kindReason ? hint(i('inferred', { reason: i(`reason.${row.kindReason}`) }), 'kind-reason') : hint(i('corrected'), 'kind-corrected')}
                </td>
                <td>
                  <select value={row.direction} disabled={disabled} aria-label={`${row.code} ${p('editor.direction')}`} data-field="direction" onChange={(e) => onField(row.index, 'direction', e.target.value as IndicatorDraft['direction'])}>
                    {(['higher', 'lower'] as const).map((d) => <option key={d} value={d}>{p(`editor.direction.${d}`)}</option>)}
                  </select>
                  {row.directionReason ? hint(i('inferred', { reason: i(`reason.${row.directionReason}`) }), 'direction-reason') : hint(i('corrected'), 'direction-corrected')}
                </td>
                <td>
                  <input value={row.leadUnit} disabled={disabled} aria-label={`${row.code} ${p('editor.lead-unit')}`} data-field="leadUnit" onChange={(e) => onField(row.index, 'leadUnit', e.target.value)} />
                  {row.leadFromTable ? null : hint(i('no-lead'), 'lead-missing')}
                  {row.coUnits.length > 0 ? <span className="inferred-hint">{i('co-units', { units: row.coUnits.join('、') })}</span> : null}
                </td>
              </>
            )}
            {row.targets.map((t) => (
              <td key={t.year} className={changed?.has(`${row.code}|${t.year}`) ? 'num changed' : 'num'} data-year={t.year}>{t.text}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
