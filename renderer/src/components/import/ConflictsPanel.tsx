// The conflicts of an import batch, side by side: for each cell the current value (with its source
// and time) and every file's value (with file, department and cell); the clerk picks one side per
// cell, or takes every conflict from one file, or keeps all current values.
import type { ConflictSide, ImportConflict, ImportPreview } from '../../../../shared/api/contract';
import { formatNumber } from '../../../../shared/i18n/engine';
import { useLang } from '../../i18n/context';
import { ct, ctCount, provenanceText, useCt } from '../../i18n/consolidation-messages';
import type { ImportChoices } from './useImportChoices';
import { conflictKey } from './useImportChoices';

interface ConflictsPanelProps {
  conflicts: ImportConflict[];
  previews: ImportPreview[];
  choices: ImportChoices;
}

function Side({ conflict, side, choices }: { conflict: ImportConflict; side: ConflictSide; choices: ImportChoices }): React.JSX.Element {
  const lang = useLang();
  const take = side.previewId ?? 'current';
  const checked = choices.picks.get(conflictKey(conflict)) === take;
  const value = side.value === null ? '—' : formatNumber(lang, side.value);
  const where = side.previewId === null ? ct(lang, 'conflicts.current') : (side.provenance?.fileName ?? '');
  return (
    <label className={`conflict-side${checked ? ' picked' : ''}`} data-testid="conflict-side">
      <input
        type="radio"
        name={`conflict-${conflictKey(conflict)}`}
        checked={checked}
        aria-label={`${conflict.code}. ${conflict.name} ${conflict.year}: ${where} ${value}`}
        onChange={() => choices.pick(conflict, take)}
      />
      <span className="conflict-value">{value}</span>
      <span className="conflict-source">
        {where}
        {side.cell ? <span className="cellref"> {side.cell}</span> : null}
        <br />
        <span className="muted">{side.provenance ? provenanceText(lang, side.provenance) : ''}</span>
      </span>
    </label>
  );
}

export function ConflictsPanel({ conflicts, previews, choices }: ConflictsPanelProps): React.JSX.Element | null {
  const c = useCt();
  const lang = useLang();
  if (conflicts.length === 0) return null;
  const involved = previews.filter((p) => conflicts.some((x) => x.incoming.some((s) => s.previewId === p.previewId)));
  const open = choices.unresolved(conflicts);
  return (
    <section className="conflicts" data-testid="import-conflicts">
      <h3>{c('conflicts.title', { count: conflicts.length })}</h3>
      <p className="hint">{c('conflicts.hint')}</p>
      <div className="conflict-actions">
        {involved.map((p) => (
          <button key={p.previewId} type="button" className="small" onClick={() => choices.takeAllFrom(p.previewId, conflicts)}>
            {c('conflicts.take-all', { file: p.fileName })}
          </button>
        ))}
        {conflicts.some((x) => x.current !== null) ? (
          <button type="button" className="small" onClick={() => choices.keepAllCurrent(conflicts)}>{c('conflicts.keep-all')}</button>
        ) : null}
      </div>
      <table className="data-table conflict-table">
        <tbody>
          {conflicts.map((x) => (
            <tr key={conflictKey(x)} data-testid="conflict-row">
              <td>{x.code}. {x.name}</td>
              <td className="nowrap">{x.year}</td>
              <td className="conflict-sides">
                {x.current ? <Side conflict={x} side={x.current} choices={choices} /> : <span className="muted">{c('conflicts.current')} {c('conflicts.none-current')}</span>}
                {x.incoming.map((s) => <Side key={s.previewId} conflict={x} side={s} choices={choices} />)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open > 0 ? <p className="hint warn" data-testid="conflicts-open">{ctCount(lang, 'conflicts.unresolved', open)}</p> : null}
    </section>
  );
}
