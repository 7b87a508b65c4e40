// One indicator of the plan editor as a table row of inputs: 序号, name, unit, kind, direction,
// tolerance, lead and co-units, plausible range, a target per year, and 停用 (retire: an indicator
// is never deleted, its actuals stay). A retired indicator is shown struck through, read-only, with
// 恢复 to bring it back. A changed input marks its row.
import type { IndicatorDraftRow } from './editor-model';
import type { PlanEditor } from './use-plan-editor';
import { usePt } from '../i18n/plans-messages';

interface IndicatorEditorRowProps {
  row: IndicatorDraftRow;
  years: number[];
  dirty: boolean;
  editor: Pick<PlanEditor, 'setField' | 'setTarget' | 'setRetired' | 'busy'>;
}

export function IndicatorEditorRow({ row, years, dirty, editor }: IndicatorEditorRowProps): React.JSX.Element {
  const p = usePt();
  const off = row.retired;
  const text = (key: 'code' | 'name' | 'unit' | 'tolerance' | 'leadUnit' | 'coUnits' | 'min' | 'max', className?: string) => (
    <input
      value={row[key]}
      disabled={off}
      className={className}
      aria-label={`${row.code} ${p(`editor.${key === 'leadUnit' ? 'lead-unit' : key === 'coUnits' ? 'co-units' : key === 'min' ? 'range-min' : key === 'max' ? 'range-max' : key}`)}`}
      data-field={key}
      onChange={(e) => editor.setField(row.id, key, e.target.value)}
    />
  );
  return (
    <tr data-indicator-id={row.id} className={off ? 'retired' : dirty ? 'dirty' : ''}>
      <td>{text('code', 'narrow')}</td>
      <td>{text('name')}</td>
      <td>{text('unit', 'narrow')}</td>
      <td>
        <select value={row.kind} disabled={off} aria-label={`${row.code} ${p('editor.kind')}`} data-field="kind" onChange={(e) => editor.setField(row.id, 'kind', e.target.value)}>
          {(['cumulative', 'stock', 'rate'] as const).map((k) => <option key={k} value={k}>{p(`editor.kind.${k}`)}</option>)}
        </select>
      </td>
      <td>
        <select value={row.direction} disabled={off} aria-label={`${row.code} ${p('editor.direction')}`} data-field="direction" onChange={(e) => editor.setField(row.id, 'direction', e.target.value)}>
          {(['higher', 'lower'] as const).map((d) => <option key={d} value={d}>{p(`editor.direction.${d}`)}</option>)}
        </select>
      </td>
      <td>{text('tolerance', 'narrow')}</td>
      <td>{text('leadUnit')}</td>
      <td>{text('coUnits')}</td>
      <td>{text('min', 'narrow')}</td>
      <td>{text('max', 'narrow')}</td>
      {years.map((y) => (
        <td key={y}>
          <input
            className="target"
            value={row.targets[String(y)] ?? ''}
            disabled={off}
            aria-label={`${row.code} ${y}`}
            data-year={y}
            onChange={(e) => editor.setTarget(row.id, y, e.target.value)}
          />
        </td>
      ))}
      <td className="nowrap">
        {off ? (
          <>
            <span className="tag">{p('editor.retired')}</span>
            <button type="button" className="small" disabled={editor.busy} onClick={() => void editor.setRetired(row.id, false)}>{p('editor.restore')}</button>
          </>
        ) : (
          <button type="button" className="small" disabled={editor.busy} onClick={() => void editor.setRetired(row.id, true)} data-testid="retire">{p('editor.retire')}</button>
        )}
      </td>
    </tr>
  );
}
