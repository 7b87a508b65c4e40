// @vitest-environment happy-dom
// The colour-free status cue of 实际值 cells: the renderer marks the real cell element with the
// status's symbol (data-status-symbol, drawn by grid.css) and its name as aria-description, for
// real seed rows through the real column definitions; a draft's text stays text, never HTML.
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { buildColumnDefs } from '../../renderer/src/grid/column-defs';
import type { IndicatorRowData } from '../../renderer/src/grid/row-model';
import { toRowData } from '../../renderer/src/grid/row-model';
import type { StatusCueParams , StatusCueRenderer } from '../../renderer/src/grid/status-cue';
import { applyStatusCue } from '../../renderer/src/grid/status-cue';
import { CELL_STATUSES } from '../../shared/domain/status';
import { STATUS_SYMBOL } from '../../shared/domain/status-symbol';
import type { Lang } from '../../shared/i18n/lang';
import { statusLabel } from '../../shared/i18n/messages';
import { seedRow } from './grid-fixtures';

type Def = ColDef<IndicatorRowData>;

function actualDef(lang: Lang): Def {
  const defs = buildColumnDefs({ years: [2023, 2024, 2025, 2026, 2027], reportingYear: 2025, lang });
  const leaves = defs.flatMap((d) => ('children' in d ? (d.children as Def[]) : [d as Def]));
  const def = leaves.find((d) => d.colId === 'actual-2025');
  if (!def) throw new Error('no actual-2025');
  return def;
}

/** Renders a cell the way AG Grid does: the column's renderer class, its params and the cell element. */
function render(lang: Lang, data: IndicatorRowData, valueFormatted: string): { cell: HTMLElement; content: HTMLElement } {
  const cell = document.createElement('div');
  const def = actualDef(lang);
  const Renderer = def.cellRenderer as new () => StatusCueRenderer;
  const renderer = new Renderer();
  const params = { ...(def.cellRendererParams as StatusCueParams), data, eGridCell: cell, valueFormatted, value: valueFormatted };
  renderer.init(params as unknown as ICellRendererParams & StatusCueParams);
  return { cell, content: renderer.getGui() };
}

describe('status cue', () => {
  it('gives each status its symbol and its name as the accessible description (pending: the name only)', () => {
    for (const status of CELL_STATUSES) {
      const el = document.createElement('div');
      applyStatusCue(el, status, 'zh');
      expect(el.getAttribute('aria-description')).toBe(statusLabel('zh', status));
      expect(el.getAttribute('data-status-symbol')).toBe(status === 'pending' ? null : STATUS_SYMBOL[status]);
    }
    // One symbol per status: no two alike.
    const symbols = CELL_STATUSES.map((s) => STATUS_SYMBOL[s]).filter((s) => s !== '');
    expect(new Set(symbols).size).toBe(symbols.length);
  });

  it('marks a missed, a met and a not-reported 实际值 cell of seed rows, in both languages', () => {
    const missed = toRowData(seedRow('zyyj-02', { 2025: 1012 }));
    const met = toRowData(seedRow('zyyj-02', { 2025: 1100 }));
    const empty = toRowData(seedRow('zyyj-04', {}));
    const a = render('zh', missed, '1,012');
    expect(a.cell.getAttribute('aria-description')).toBe('未达标');
    expect(a.cell.getAttribute('data-status-symbol')).toBe('×');
    expect(a.content.textContent).toBe('1,012');
    expect(render('en', met, '1,100').cell.getAttribute('aria-description')).toBe('Met');
    const b = render('zh', empty, '');
    expect(b.cell.getAttribute('aria-description')).toBe('未填报');
    expect(b.cell.getAttribute('data-status-symbol')).toBe('?');
  });

  it('writes a draft as text, not markup', () => {
    const row = toRowData(seedRow('zyyj-02', {}));
    const { content } = render('zh', row, '<img src=x onerror=alert(1)>');
    expect(content.querySelector('img')).toBeNull();
    expect(content.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
