// The colour-free cue of a 实际值 cell's status (docs/ARCHITECTURE.md §Status without colour): its
// symbol (√ × ≈ / !, shared/domain/status-symbol.ts), drawn by grid.css from data-status-symbol,
// and its status said to screen readers as the cell's aria-description. A tiny non-React cell
// renderer: AG Grid hands it the cell element, and it only runs for the cells on screen.
import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import type { CellStatus } from '../../../shared/domain/status';
import { statusSymbol } from '../../../shared/domain/status-symbol';
import type { Lang } from '../../../shared/i18n/lang';
import { statusLabel } from '../../../shared/i18n/messages';

/** Mark a grid cell element with a status's symbol and accessible description; null clears both. */
export function applyStatusCue(el: HTMLElement, status: CellStatus | null, lang: Lang): void {
  const symbol = status ? statusSymbol(status) : '';
  if (symbol) el.setAttribute('data-status-symbol', symbol);
  else el.removeAttribute('data-status-symbol');
  if (status) el.setAttribute('aria-description', statusLabel(lang, status));
  else el.removeAttribute('aria-description');
}

/** What the 实际值 column hands the renderer (cellRendererParams). */
export interface StatusCueParams {
  lang: Lang;
  statusOf: (p: ICellRendererParams) => CellStatus | null;
}

/**
 * The cell renderer of 实际值: the formatted text as a text node (never HTML: a refused draft is
 * whatever the clerk typed), with the status cue put on the cell element. A plain class with
 * getGui() (not a function, which ag-grid-react would mount as a React component).
 */
export class StatusCueRenderer implements ICellRendererComp {
  private readonly gui = document.createElement('span');

  init(p: ICellRendererParams & StatusCueParams): void {
    this.show(p);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(p: ICellRendererParams & StatusCueParams): boolean {
    this.show(p);
    return true;
  }

  private show(p: ICellRendererParams & StatusCueParams): void {
    if (p.eGridCell) applyStatusCue(p.eGridCell, p.statusOf(p), p.lang);
    this.gui.textContent = p.valueFormatted ?? (p.value === null || p.value === undefined ? '' : String(p.value));
  }
}
