// Values a return gives for indicators its department neither leads nor co-reports: listed apart,
// unticked; only ticked ones are applied.
import type { ImportPreview } from '../../../../shared/api/contract';
import { formatNumber } from '../../../../shared/i18n/engine';
import { useLang } from '../../i18n/context';
import { useCt } from '../../i18n/consolidation-messages';
import type { ImportChoices } from './useImportChoices';
import { tickKey } from './useImportChoices';

export function OtherUnitsTable({ preview, choices }: { preview: ImportPreview; choices: ImportChoices }): React.JSX.Element | null {
  const c = useCt();
  const lang = useLang();
  if (preview.otherUnits.length === 0) return null;
  const show = (v: string | null): string => (v === null ? '—' : /^-?\d+(\.\d+)?$/.test(v) ? formatNumber(lang, Number(v)) : v);
  return (
    <section data-testid="import-other-units">
      <h3>{c('other.title', { count: preview.otherUnits.length, department: preview.department ?? '' })}</h3>
      <table className="data-table">
        <tbody>
          {preview.otherUnits.map((x) => (
            <tr key={tickKey(preview.previewId, x)}>
              <td>
                <input
                  type="checkbox"
                  checked={choices.ticks.has(tickKey(preview.previewId, x))}
                  aria-label={`${c('other.include')}: ${x.code}. ${x.name} ${x.year}`}
                  onChange={() => choices.toggleTick(preview.previewId, x)}
                />
              </td>
              <td>{x.code}. {x.name}</td>
              <td className="nowrap">{x.year}</td>
              <td className="num old">{show(x.oldValue)}</td>
              <td className="arrow">→</td>
              <td className="num new">{show(x.newValue)}</td>
              <td className="cellref">{x.cell}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
