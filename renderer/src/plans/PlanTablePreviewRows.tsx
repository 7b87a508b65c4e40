// The indicator rows of 导入规划表's preview: every indicator of the table with 序号, 领域 (one cell
// over its rows, as merged in the table), name, unit, kind, direction, lead unit and each year's
// target ("/" shown as /), what was inferred marked beside it (推断：名称含“累计”), and inputs to
// correct name, unit, kind, direction and lead unit. Layout only: the rows come from the model.
import type { IndicatorDraft } from '../../../shared/domain/plan-draft';
import { usePi } from '../i18n/plan-import-messages';
import { usePt } from '../i18n/plans-messages';
import type { CorrectableField, PreviewRow } from './plan-table-import-model';

interface PlanTablePreviewRowsProps {
  rows: PreviewRow[];
  years: number[];
  disabled: boolean;
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

export function PlanTablePreviewRows({ rows, years, disabled, changed, onField }: PlanTablePreviewRowsProps): React.JSX.Element {
  const p = usePt();
  const i = usePi();
  const spans = domainSpans(rows);
  const hint = (text: string, testId: string) => <span className="inferred-hint" data-testid={testId}>{text}</span>;
  return (
    <table className="data-table plan-import-table" data-testid="plan-import-rows">
      <thead>
        <tr>
          <th>{p('editor.code')}</th>
          <th>{i('domain')}</th>
          <th>{p('editor.name')}</th>
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
            <td className="num">{row.code}</td>
            {spans[n] ? <td rowSpan={spans[n]} className="domain">{row.domain}</td> : null}
            <td>
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
            {row.targets.map((t) => (
              <td key={t.year} className={changed?.has(`${row.code}|${t.year}`) ? 'num changed' : 'num'} data-year={t.year}>{t.text}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
