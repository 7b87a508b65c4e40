// The grid's selection and clipboard: a shift+arrow / shift+click rectangle from an anchor cell,
// Ctrl+C as TSV, Ctrl+X, Ctrl+V of a TSV block (planned by planPaste), and the Delete / Esc
// actions on the selection (clear cells, drop drafts). Saving goes through useCellSaves.
import type { RefObject } from 'react';
import { useCallback, useEffect, useRef } from 'react';
import type { CellEdit, EditSource, Grid } from '../../../shared/api/contract';
import type { Lang } from '../../../shared/i18n/lang';
import { editTarget } from './columns';
import { copyBlock } from './copy-text';
import { gridCount, gridText } from './grid-messages';
import type { CellPosition, GridPort } from './grid-port';
import { planPaste } from './paste-plan';
import type { IndicatorRowData } from './row-model';
import { cellOf, fieldText } from './row-model';
import { parseTsv, toTsv } from './tsv';
import type { RowCell, SaveStateKind } from './use-cell-saves';

/** A shift+arrow / shift+click rectangle: from the anchor cell to the focused one. */
export interface CellRange {
  anchor: CellPosition;
  focus: CellPosition;
}

/** A range as display row indexes (inclusive) and the leaf column ids it spans. */
export interface RangeBox {
  top: number;
  bottom: number;
  colIds: string[];
}

/** The part of a clipboard event the hook uses (React's ClipboardEvent has it). */
export interface ClipboardLike {
  clipboardData: Pick<DataTransfer, 'getData' | 'setData'>;
  preventDefault(): void;
}

export interface RangeClipboardOptions {
  grid: Grid;
  lang: Lang;
  port: RefObject<GridPort | null>;
  runSave: (edits: CellEdit[], source: EditSource, record: boolean, doneMessage?: string) => Promise<void>;
  discardDrafts: (cells: RowCell[]) => number;
  onSaveStateChange?: (state: SaveStateKind, message?: string) => void;
}

export interface RangeClipboard {
  /** Whether a cell is inside the shift-selected rectangle (for the cell-in-range class). */
  isInRange: (rowIndex: number | null, colId: string) => boolean;
  /** The focus moved to a cell: extend the range when a shift key or click asked for it, else start anew. */
  focusMoved: (here: CellPosition) => void;
  /** Whether the next focus move extends the range (shift+arrow, shift+click). */
  setExtending: (extending: boolean) => void;
  /** Delete, Backspace, Ctrl+X: drop drafts in the selection and empty its other editable cells. */
  clearSelection: () => boolean;
  /** Esc: drop the drafts in the selection. */
  discardSelection: () => boolean;
  onCopy: (e: ClipboardLike) => void;
  onCut: (e: ClipboardLike) => void;
  onPaste: (e: ClipboardLike) => void;
}

/** The rectangle between anchor and focus in the displayed columns, or null for a single cell. */
export function boxOf(range: CellRange, columnIds: string[]): RangeBox | null {
  if (range.anchor.rowIndex === range.focus.rowIndex && range.anchor.colId === range.focus.colId) return null;
  const a = columnIds.indexOf(range.anchor.colId);
  const b = columnIds.indexOf(range.focus.colId);
  if (a < 0 || b < 0) return null;
  return {
    top: Math.min(range.anchor.rowIndex, range.focus.rowIndex),
    bottom: Math.max(range.anchor.rowIndex, range.focus.rowIndex),
    colIds: columnIds.slice(Math.min(a, b), Math.max(a, b) + 1),
  };
}

function indexes(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i += 1) out.push(i);
  return out;
}

export function useRangeClipboard(options: RangeClipboardOptions): RangeClipboard {
  const { grid, port, runSave, discardDrafts } = options;
  const latest = useRef(options);
  latest.current = options;
  const rangeRef = useRef<CellRange | null>(null);
  const boxRef = useRef<RangeBox | null>(null);
  const extending = useRef(false);

  // A new grid starts without a selection.
  useEffect(() => {
    rangeRef.current = null;
    boxRef.current = null;
  }, [grid]);

  const setRange = useCallback((range: CellRange | null) => {
    const view = port.current;
    const hadBox = boxRef.current !== null;
    rangeRef.current = range;
    boxRef.current = range && view ? boxOf(range, view.columnIds()) : null;
    if (view && (hadBox || boxRef.current)) view.repaint();
  }, [port]);

  const isInRange = useCallback((rowIndex: number | null, colId: string): boolean => {
    const box = boxRef.current;
    return box !== null && rowIndex !== null && rowIndex >= box.top && rowIndex <= box.bottom && box.colIds.includes(colId);
  }, []);

  const focusMoved = useCallback((here: CellPosition) => {
    const current = rangeRef.current;
    // AG Grid reports a cell again when the browser focus follows; that must not drop the range.
    const same = current !== null && current.focus.rowIndex === here.rowIndex && current.focus.colId === here.colId;
    if (!same) {
      if (extending.current && current) setRange({ anchor: current.anchor, focus: here });
      else setRange({ anchor: here, focus: here });
    }
    extending.current = false;
  }, [setRange]);

  const setExtending = useCallback((value: boolean) => {
    extending.current = value;
  }, []);

  /** The cells an action applies to: the shift-selected range, or else the focused cell. */
  const selectedCells = useCallback((): { rows: IndicatorRowData[]; colIds: string[] } | null => {
    const view = port.current;
    const focused = view?.focusedCell();
    if (!view || !focused) return null;
    const box = boxRef.current;
    const rowsIdx = box ? indexes(box.top, box.bottom) : [focused.rowIndex];
    const colIds = box ? box.colIds : [focused.colId];
    const rows = rowsIdx.map((i) => view.rowAt(i)).filter((d): d is IndicatorRowData => !!d);
    return { rows, colIds };
  }, [port]);

  const discardSelection = useCallback((): boolean => {
    const sel = selectedCells();
    if (!sel) return false;
    return discardDrafts(sel.rows.flatMap((row) => sel.colIds.map((colId) => ({ row, colId })))) > 0;
  }, [discardDrafts, selectedCells]);

  // A cell holding a draft drops the draft (the saved value shows again); every other editable,
  // non-empty cell of the selection is emptied — in one action.
  const clearSelection = useCallback((): boolean => {
    const sel = selectedCells();
    if (!sel) return false;
    const reportingYear = latest.current.grid.year;
    const edits: CellEdit[] = [];
    const drafts: RowCell[] = [];
    for (const row of sel.rows) {
      for (const colId of sel.colIds) {
        const target = editTarget(colId, reportingYear);
        if (!target) continue;
        if (row.ui[colId]?.draft !== undefined) {
          drafts.push({ row, colId });
          continue;
        }
        if (fieldText(cellOf(row, target.year), target.field) === '') continue;
        edits.push({ indicatorId: row.indicatorId, year: target.year, field: target.field, text: '' });
      }
    }
    const discarded = discardDrafts(drafts);
    if (edits.length > 0) void runSave(edits, 'typed', true);
    return discarded > 0 || edits.length > 0;
  }, [discardDrafts, runSave, selectedCells]);

  const copySelection = useCallback((e: ClipboardLike): boolean => {
    const sel = selectedCells();
    if (!sel || port.current?.isEditing()) return false;
    const { grid: g, lang: l } = latest.current;
    e.clipboardData.setData('text/plain', toTsv(copyBlock(sel.rows, sel.colIds, g.year, l)));
    e.preventDefault();
    return true;
  }, [port, selectedCells]);

  const onCopy = useCallback((e: ClipboardLike) => void copySelection(e), [copySelection]);

  const onCut = useCallback((e: ClipboardLike) => {
    if (copySelection(e)) clearSelection();
  }, [clearSelection, copySelection]);

  const onPaste = useCallback((e: ClipboardLike) => {
    const view = port.current;
    if (!view) return;
    const block = parseTsv(e.clipboardData.getData('text/plain'));
    const single = block.length <= 1 && (block[0]?.length ?? 0) <= 1;
    // Inside an editor a single value goes into the input as usual; a block ends the edit and is
    // pasted as a block from that cell.
    if (view.isEditing()) {
      if (single) return;
      view.cancelEditing();
    }
    const focused = view.focusedCell();
    if (!focused || block.length === 0) return;
    e.preventDefault();
    const box = boxRef.current;
    const { grid: g, lang: l, onSaveStateChange } = latest.current;
    const plan = planPaste(block, {
      startRow: box ? box.top : focused.rowIndex,
      rowCount: view.rowCount(),
      rowIdAt: (i) => view.rowAt(i)?.indicatorId,
      columnIds: view.columnIds(),
      startColumnId: box ? (box.colIds[0] ?? focused.colId) : focused.colId,
      reportingYear: g.year,
    });
    if (plan.noEditableColumn) {
      onSaveStateChange?.('error', gridText(l, 'state.paste.nothing'));
      return;
    }
    const done = plan.clipped > 0 ? gridCount(l, 'state.paste.clipped', plan.edits.length, { clipped: plan.clipped }) : undefined;
    void runSave(plan.edits, 'pasted', true, done);
  }, [port, runSave]);

  return { isInRange, focusMoved, setExtending, clearSelection, discardSelection, onCopy, onCut, onPaste };
}
