// AG Grid column definitions for the indicator grid, built from the plain column model. Plain
// cells use valueGetter/valueFormatter/cellClass only (no React cell renderers): the grid must stay
// smooth at 10,000 rows. Build once per (years, reporting year, language) and memoise.
import { ct, provenanceText } from '../i18n/consolidation-messages';
import type { CellClassParams, ColDef, ColGroupDef, ITooltipParams, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community';
import type { GridCell } from '../../../shared/api/contract';
import { displayName } from '../../../shared/domain/plan';
import type { Lang } from '../../../shared/i18n/lang';
import { columnId, PINNED_COLUMNS } from './columns';
import { explainStatus, formatActual, formatCompletion, formatTarget, formatUnits } from './format';
import { gridText } from './grid-messages';
import { cycleUi } from '../i18n/cycle-ui-messages';
import type { IndicatorRowData } from './row-model';
import { cellOf } from './row-model';
import { cellImplausibility } from './plausible-cells';
import { plausibleMessage } from '../../../shared/domain/plausible';

export type IndicatorColDef = ColDef<IndicatorRowData>;
export type IndicatorColumnDef = IndicatorColDef | ColGroupDef<IndicatorRowData>;

export interface ColumnDefsOptions {
  years: readonly number[];
  reportingYear: number;
  lang: Lang;
}

type Getter = ValueGetterParams<IndicatorRowData>;

function cellAt(params: { data?: IndicatorRowData | undefined }, year: number): GridCell | null {
  return params.data ? cellOf(params.data, year) : null;
}

/** The tooltip of a cell holding a draft: why it is not saved and what the clerk can do. */
function draftTip(lang: Lang, data: IndicatorRowData | undefined, colId: string): string | null {
  const ui = data?.ui[colId];
  if (ui?.refused) return `${gridText(lang, 'tip.refused', { reason: ui.refused[lang] })}\n${gridText(lang, 'tip.refused.fix')}`;
  if (ui?.unsaved) return gridText(lang, 'tip.unsaved', { reason: ui.unsaved[lang] });
  return null;
}

/** The tooltip of a locked cell: why it is read-only (who locked it, when, why), then its own text. */
function lockedTip(lang: Lang, cell: GridCell | null, own?: string | null): string | null {
  if (!cell?.locked) return null;
  const why = cycleUi(lang, 'cell.locked', { reason: cell.locked[lang] });
  return own ? `${why}\n${own}` : why;
}

/** Classes every editable cell gets from its UI state: saving, refused, or unsaved (waiting for a retry). */
function editStateClasses(data: IndicatorRowData | undefined, colId: string): string[] {
  const ui = data?.ui[colId];
  // ag-cell-editable: AG Grid sets no such class itself; the bench and tests select editable cells by it.
  const out = ['cell-editable', 'ag-cell-editable'];
  if (ui?.saving) out.push('cell-saving');
  if (ui?.refused) out.push('cell-refused');
  if (ui?.unsaved) out.push('cell-unsaved');
  return out;
}

function fixedColumn(id: string, headerName: string, width: number, extra: Partial<IndicatorColDef> = {}): IndicatorColDef {
  return {
    colId: id,
    headerName,
    width,
    pinned: (PINNED_COLUMNS as readonly string[]).includes(id) ? 'left' : null,
    lockPinned: true,
    cellClass: `cell-${id}`,
    ...extra,
  };
}

function yearGroup(year: number, opts: ColumnDefsOptions): ColGroupDef<IndicatorRowData> {
  const { lang, reportingYear } = opts;
  const current = year === reportingYear;
  const yearClass = current ? 'year-current' : 'year-other';
  const targetId = columnId({ kind: 'target', year });
  const actualId = columnId({ kind: 'actual', year });
  const completionId = columnId({ kind: 'completion', year });

  const target: IndicatorColDef = {
    colId: targetId,
    headerName: gridText(lang, 'col.target'),
    headerClass: yearClass,
    width: 86,
    valueGetter: (p: Getter) => cellAt(p, year)?.target ?? null,
    valueFormatter: (p: ValueFormatterParams<IndicatorRowData>) => formatTarget(cellAt(p, year)?.target, lang),
    cellClass: (p: CellClassParams<IndicatorRowData>) => {
      const t = cellAt(p, year)?.target;
      return ['cell-num', yearClass, t === '/' ? 'target-none' : 'target-set'];
    },
  };

  const actual: IndicatorColDef = {
    colId: actualId,
    headerName: gridText(lang, 'col.actual'),
    headerClass: current ? [yearClass, 'header-editable'] : yearClass,
    width: 94,
    // A locked department-year is read-only (its tooltip says why; typing says so too: IndicatorGrid).
    editable: current ? (p) => !cellAt(p, year)?.locked : false,
    cellEditor: 'agTextCellEditor',
    cellEditorParams: { maxLength: 200 },
    // A draft (refused or unsaved text) is what the cell shows and what F2 starts editing from.
    valueGetter: (p: Getter) => (current ? p.data?.ui[actualId]?.draft : undefined) ?? cellAt(p, year)?.actual ?? null,
    valueFormatter: (p: ValueFormatterParams<IndicatorRowData>) =>
      (current ? p.data?.ui[actualId]?.draft : undefined) ?? formatActual(cellAt(p, year)?.actual, lang),
    cellClass: (p: CellClassParams<IndicatorRowData>) => {
      const cell = cellAt(p, year);
      const classes = ['cell-num', 'cell-actual', yearClass];
      if (cell) classes.push(`status-${cell.status}`);
      // A saved value outside the plausible range (shared rule) keeps a visible mark; the tooltip says why.
      if (cell && p.data && cellImplausibility(p.data, year, cell.actual)) classes.push('cell-implausible');
      if (current && cell?.locked) classes.push('cell-locked');
      else if (current) classes.push(...editStateClasses(p.data, actualId));
      return classes;
    },
    tooltipValueGetter: (p: ITooltipParams<IndicatorRowData>) => {
      const lockTip = current ? lockedTip(lang, cellAt(p, year)) : null;
      const draft = draftTip(lang, p.data, actualId);
      if (draft) return draft;
      if (p.data?.ui[actualId]?.saving) return gridText(lang, 'tip.saving');
      const cell = cellAt(p, year);
      if (!cell || !p.data) return lockTip;
      // The value's source (typed by whom, or imported from which file and department) on its own line.
      const source = cell.provenance ? `\n${ct(lang, 'prov.tooltip', { text: provenanceText(lang, cell.provenance) })}` : '';
      const odd = cellImplausibility(p.data, year, cell.actual);
      const mark = odd ? `${plausibleMessage('plausible.mark', { reason: odd[lang] })[lang]}\n` : '';
      const explained = mark + explainStatus(lang, {
        status: cell.status,
        year,
        target: cell.target,
        actual: cell.actual,
        gap: cell.gap,
        completion: cell.completion,
        unit: p.data.unit,
        tolerance: p.data.tolerance,
      }) + source;
      return lockTip ? `${lockTip}\n${explained}` : explained;
    },
  };

  const completion: IndicatorColDef = {
    colId: completionId,
    headerName: gridText(lang, 'col.completion'),
    headerClass: yearClass,
    width: 86,
    valueGetter: (p: Getter) => cellAt(p, year)?.completion ?? null,
    valueFormatter: (p: ValueFormatterParams<IndicatorRowData>) => formatCompletion(cellAt(p, year)?.completion, lang),
    cellClass: (p: CellClassParams<IndicatorRowData>) => {
      const cell = cellAt(p, year);
      return ['cell-num', 'cell-completion', yearClass, cell ? `completion-${cell.status}` : ''];
    },
  };

  return {
    groupId: `year-${year}`,
    headerName: gridText(lang, 'col.year', { year }),
    headerClass: ['year-group', yearClass],
    marryChildren: true,
    children: [target, actual, completion],
  };
}

export function buildColumnDefs(opts: ColumnDefsOptions): IndicatorColumnDef[] {
  const { lang, reportingYear } = opts;
  const noteId = 'note';
  const defs: IndicatorColumnDef[] = [
    fixedColumn('domain', gridText(lang, 'col.domain'), 96, {
      valueGetter: (p: Getter) => p.data?.domain ?? '',
      spanRows: true,
    }),
    fixedColumn('code', gridText(lang, 'col.code'), 62, { valueGetter: (p: Getter) => p.data?.code ?? '' }),
    fixedColumn('name', gridText(lang, 'col.name'), 260, {
      valueGetter: (p: Getter) => p.data?.name ?? '',
      tooltipValueGetter: (p: ITooltipParams<IndicatorRowData>) => (p.data ? displayName(p.data) : null),
    }),
    fixedColumn('unit', gridText(lang, 'col.unit'), 62, { valueGetter: (p: Getter) => p.data?.unit ?? '' }),
    fixedColumn('units', gridText(lang, 'col.units'), 170, {
      valueGetter: (p: Getter) => (p.data ? formatUnits(p.data.leadUnit, p.data.coUnits, lang) : ''),
      tooltipValueGetter: (p: ITooltipParams<IndicatorRowData>) =>
        p.data ? `${gridText(lang, 'tip.lead', { lead: p.data.leadUnit })}\n${formatUnits(p.data.leadUnit, p.data.coUnits, lang)}` : null,
    }),
    ...opts.years.map((year) => yearGroup(year, opts)),
    {
      colId: noteId,
      headerName: gridText(lang, 'col.note'),
      headerTooltip: gridText(lang, 'col.note.year', { year: reportingYear }),
      headerClass: ['year-current', 'header-editable'],
      width: 240,
      editable: (p) => !cellAt(p, reportingYear)?.locked,
      cellEditor: 'agTextCellEditor',
      cellEditorParams: { maxLength: 2000 },
      valueGetter: (p: Getter) => p.data?.ui[noteId]?.draft ?? cellAt(p, reportingYear)?.note ?? '',
      cellClass: (p: CellClassParams<IndicatorRowData>) =>
        cellAt(p, reportingYear)?.locked ? ['cell-note', 'cell-locked'] : ['cell-note', ...editStateClasses(p.data, noteId)],
      tooltipValueGetter: (p: ITooltipParams<IndicatorRowData>) =>
        draftTip(lang, p.data, noteId) ??
        lockedTip(lang, cellAt(p, reportingYear), cellAt(p, reportingYear)?.note) ??
        (p.data?.ui[noteId]?.saving ? gridText(lang, 'tip.saving') : (cellAt(p, reportingYear)?.note ?? null)),
    },
  ];
  return defs;
}

