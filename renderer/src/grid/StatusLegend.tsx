// The colour legend for the grid's 实际值 cells, in the grid's language. Swatch classes
// (.legend-met …) live in grid.css so the app can reuse them elsewhere.
import type { JSX } from 'react';
import type { CellStatus } from '../../../shared/domain/status';
import { CELL_STATUSES } from '../../../shared/domain/status';
import type { Lang } from '../../../shared/i18n/lang';
import { statusLabel } from '../../../shared/i18n/messages';
import { plausibleMessage } from '../../../shared/domain/plausible';
import { gridText } from './grid-messages';
import './grid.css';

export interface StatusLegendProps {
  lang: Lang;
  /** Statuses to show; all six by default. */
  statuses?: readonly CellStatus[];
  /** Also explain the mark of a value outside the plausible range (the grid's legend does). */
  withPlausibleMark?: boolean;
}

export function StatusLegend({ lang, statuses = CELL_STATUSES, withPlausibleMark = true }: StatusLegendProps): JSX.Element {
  return (
    <div className="status-legend" role="list" aria-label={gridText(lang, 'legend.title')}>
      {statuses.map((s) => (
        <span key={s} className="status-legend-item" role="listitem">
          <span className={`legend-swatch legend-${s}`} aria-hidden="true" />
          {statusLabel(lang, s)}
        </span>
      ))}
      {withPlausibleMark ? (
        <span className="status-legend-item" role="listitem">
          <span className="legend-swatch legend-implausible" aria-hidden="true">!</span>
          {plausibleMessage('plausible.legend')[lang]}
        </span>
      ) : null}
    </div>
  );
}
