// The indicator grid: one row per indicator, a column group per year (目标值 | 实际值 | 完成率) and
// the reporting year's 说明, with spreadsheet habits (Enter down, Tab right, type to edit, Delete
// clears, Ctrl+C/V as TSV, Ctrl+Z/Y) and every edit saved at once through props.save.
//
// This component is the AG Grid wiring only. The behaviour lives in hooks: useCellSaves (save,
// retry queue, drafts, undo), useRangeClipboard (selection, copy, cut, paste, clear), useGridKeys
// (keys on the container); they reach the grid through a GridPort (grid-port.ts).
import type { JSX, Ref } from 'react';
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import type {
  CellEditRequestEvent,
  CellFocusedEvent,
  ColDef,
  FirstDataRenderedEvent,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  SuppressKeyboardEventParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import type { CellEdit, CellEditResult, EditSource, Grid } from '../../../shared/api/contract';
import type { Lang } from '../../../shared/i18n/lang';
import { buildColumnDefs } from './column-defs';
import { editTarget, yearOfColumn } from './columns';
import { gridText } from './grid-messages';
import type { GridPort } from './grid-port';
import { agGridPort } from './grid-port';
import { gridThemeFor, scaleColumnDefs } from './grid-theme';
import type { IndicatorRowData } from './row-model';
import { cellOf, fieldText } from './row-model';
import type { SaveStateKind } from './use-cell-saves';
import { useCellSaves } from './use-cell-saves';
import { PlausibleConfirmDialog } from './PlausibleConfirmDialog';
import { usePlausibleConfirm } from './use-plausible-confirm';
import { useGridKeys } from './use-grid-keys';
import { startAgGridEditingWith, useImeEntry } from './use-ime-entry';
import { usePrintLayout } from './use-print-layout';
import { useRangeClipboard } from './use-range-clipboard';
import { useLockedCellRefusal } from './locked-cells';
import './ag-grid-modules';
import './grid.css';

export interface IndicatorGridHandle {
  /** Focus the first editable cell (first row's 实际值 of the reporting year). False when there are no rows. */
  focusFirstEditableCell: () => boolean;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

export interface IndicatorGridProps {
  /** Rows (one per indicator) with cells keyed by year string; grid.year = reporting year; grid.today ISO date. */
  grid: Grid;
  lang: Lang;
  /** Save edits through the API (one call per user action). ok=false edits carry error {zh,en} and were NOT saved. */
  save: (edits: CellEdit[], source: EditSource) => Promise<CellEditResult[]>;
  onCellFocused?: (cell: { indicatorId: string; year: number } | null) => void;
  onSaveStateChange?: (state: SaveStateKind, message?: string) => void;
  /** Optional imperative handle: focus the first editable cell, undo, redo. */
  handleRef?: Ref<IndicatorGridHandle>;
  /** The clerk's text size as a scale (1 = 100%, 1.5 = 150%): font, row heights and column widths follow. */
  textScale?: number;
}

export function IndicatorGrid(props: IndicatorGridProps): JSX.Element {
  const { grid, lang, handleRef, textScale = 1 } = props;
  // Callbacks handed to AG Grid are created once; they read the latest props from here.
  const latest = useRef(props);
  latest.current = props;
  const apiRef = useRef<GridApi<IndicatorRowData> | null>(null);
  const port = useRef<GridPort | null>(null);
  usePrintLayout(apiRef);

  const saves = useCellSaves({ grid, lang, save: props.save, onSaveStateChange: props.onSaveStateChange, port });
  const { runSave, undo, redo } = saves;
  // Typed and pasted values pass the plausibility check first (a confirm); undo, redo and retries do not.
  const plausible = usePlausibleConfirm({ port, runSave, lang, onSaveStateChange: props.onSaveStateChange });
  const { checkedSave } = plausible;
  const range = useRangeClipboard({
    grid, lang, port, runSave: checkedSave, discardDrafts: saves.discardDrafts, onSaveStateChange: props.onSaveStateChange,
  });
  const { isInRange, focusMoved } = range;
  const keys = useGridKeys({
    port, undo, redo, clearSelection: range.clearSelection, discardSelection: range.discardSelection, setExtending: range.setExtending,
  });

  // Input-method text typed on a selected cell opens its editor (use-ime-entry.ts).
  const containerRef = useRef<HTMLDivElement | null>(null);
  const isEditing = useCallback(() => port.current?.isEditing() ?? false, []);
  const startEditingWith = useCallback((cell: HTMLElement, text: string) => {
    if (apiRef.current) startAgGridEditingWith(apiRef.current, cell, text);
  }, []);
  useImeEntry({ container: containerRef, isEditing, startEditingWith });

  const yearsKey = grid.years.join(',');
  const columnDefs = useMemo(
    () => scaleColumnDefs(buildColumnDefs({ years: yearsKey.split(',').map(Number), reportingYear: grid.year, lang }), textScale),
    [yearsKey, grid.year, lang, textScale],
  );

  const focusFirstEditableCell = useCallback((): boolean => {
    const view = port.current;
    if (!view || view.rowCount() === 0) return false;
    view.focusCell(0, `actual-${latest.current.grid.year}`);
    return true;
  }, []);

  useImperativeHandle(handleRef, () => ({ focusFirstEditableCell, undo, redo }), [focusFirstEditableCell, undo, redo]);

  const defaultColDef = useMemo<ColDef<IndicatorRowData>>(
    () => ({
      sortable: false,
      suppressMovable: true,
      resizable: true,
      cellDataType: false,
      suppressHeaderMenuButton: true,
      cellClassRules: {
        'cell-in-range': (p) => isInRange(p.node.rowIndex, p.column.getColId()),
      },
      // Delete/Backspace on an editable cell clears it (useGridKeys), as in Excel, instead of AG
      // Grid's "start editing with an empty value".
      suppressKeyboardEvent: (p: SuppressKeyboardEventParams<IndicatorRowData>) => {
        if (p.editing) return false;
        const key = p.event.key;
        if (key !== 'Delete' && key !== 'Backspace') return false;
        return editTarget(p.column.getColId(), latest.current.grid.year) !== null;
      },
    }),
    [isInRange],
  );

  const onGridReady = useCallback((e: GridReadyEvent<IndicatorRowData>) => {
    apiRef.current = e.api;
    port.current = agGridPort(e.api);
  }, []);

  // The reporting year's 实际值 is what the clerk came for: scroll its year group into view on
  // opening (the grid is remounted for another year), so no horizontal scrolling is needed first.
  const onFirstDataRendered = useCallback((e: FirstDataRenderedEvent<IndicatorRowData>) => {
    e.api.ensureColumnVisible(`actual-${latest.current.grid.year}`, 'middle');
  }, []);
  // …and again when the text size changes: the columns widen and would push it out of view (on the
  // next frame, once the grid has applied the new widths).
  useEffect(() => {
    const frame = requestAnimationFrame(() => apiRef.current?.ensureColumnVisible(`actual-${grid.year}`, 'middle'));
    return () => cancelAnimationFrame(frame);
  }, [grid.year, textScale]);

  const onCellEditRequest = useCallback(
    (e: CellEditRequestEvent<IndicatorRowData>) => {
      const target = editTarget(e.column.getColId(), latest.current.grid.year);
      if (!target || !e.data) return;
      const text = e.newValue === null || e.newValue === undefined ? '' : String(e.newValue);
      const colId = e.column.getColId();
      // Over a draft, even the saved value's text is an edit: it replaces the draft.
      if (e.data.ui[colId]?.draft === undefined && text === fieldText(cellOf(e.data, target.year), target.field)) return;
      void checkedSave([{ indicatorId: e.data.indicatorId, year: target.year, field: target.field, text }], 'typed', true);
    },
    [checkedSave],
  );

  const onCellFocused = useCallback(
    (e: CellFocusedEvent<IndicatorRowData>) => {
      const colId = e.column && typeof e.column !== 'string' ? e.column.getColId() : typeof e.column === 'string' ? e.column : null;
      if (!port.current || e.rowIndex === null || e.rowIndex === undefined || colId === null) {
        latest.current.onCellFocused?.(null);
        return;
      }
      focusMoved({ rowIndex: e.rowIndex, colId });
      const id = e.api.getDisplayedRowAtIndex(e.rowIndex)?.id;
      latest.current.onCellFocused?.(id ? { indicatorId: id, year: yearOfColumn(colId, latest.current.grid.year) } : null);
    },
    [focusMoved],
  );

  // Typing into (or double-clicking) a locked cell: refused, with the lock's reason (locked-cells.ts).
  const latestProps = useCallback(() => latest.current, []);
  const { onCellKeyDown, onCellDoubleClicked } = useLockedCellRefusal(latestProps);

  const getRowId = useCallback((p: GetRowIdParams<IndicatorRowData>) => p.data.indicatorId, []);
  const localeText = useMemo(() => ({ noRowsToShow: gridText(lang, 'grid.no-rows') }), [lang]);

  return (
    <>
      <div
        ref={containerRef}
        className="indicator-grid"
        role="region"
        aria-label={gridText(lang, 'grid.label')}
        onKeyDownCapture={keys.onKeyDownCapture}
        onKeyDown={keys.onKeyDown}
        onMouseDownCapture={keys.onMouseDownCapture}
        onCopy={range.onCopy}
        onCut={range.onCut}
        onPaste={range.onPaste}
      >
        <AgGridReact<IndicatorRowData>
          theme={gridThemeFor(textScale)}
          rowData={saves.rowData}
          columnDefs={columnDefs}
          defaultColDef={defaultColDef}
          getRowId={getRowId}
          enableCellSpan
          readOnlyEdit
          singleClickEdit={false}
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          stopEditingWhenCellsLoseFocus
          undoRedoCellEditing={false}
          enableBrowserTooltips
          suppressDragLeaveHidesColumns
          localeText={localeText}
          onGridReady={onGridReady}
          onFirstDataRendered={onFirstDataRendered}
          onCellEditRequest={onCellEditRequest}
          onCellFocused={onCellFocused}
          onCellKeyDown={onCellKeyDown}
          onCellDoubleClicked={onCellDoubleClicked}
        />
      </div>
      {plausible.pending ? (
        <PlausibleConfirmDialog pending={plausible.pending} lang={lang} onConfirm={plausible.confirm} onCancel={plausible.cancel} />
      ) : null}
    </>
  );
}
