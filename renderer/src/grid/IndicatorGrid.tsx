// The indicator grid: one row per indicator, a column group per year (目标值 | 实际值 | 完成率) and
// the reporting year's 说明, with spreadsheet habits (Enter down, Tab right, type to edit, Delete
// clears, Ctrl+C/V as TSV, Ctrl+Z/Y) and every edit saved at once through props.save.
//
// Flow of one user action: edits → optimistic rows (colour from the shared cellStatus()) → ONE
// save call → per edit: the saved cell; or, refused, the typed text kept as a draft with the reason
// (F2 corrects it, Esc/Delete drops it); or, not saved (service unreachable), the typed text kept
// marked unsaved in a retry queue mirrored to sessionStorage and retried every 5 s → the action's
// saved cells recorded as one undo entry (a draft is not an undo entry until it is saved).
import type { ClipboardEvent as ReactClipboardEvent, JSX, KeyboardEvent as ReactKeyboardEvent, MouseEvent as ReactMouseEvent, Ref } from 'react';
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import type {
  CellEditRequestEvent,
  CellFocusedEvent,
  ColDef,
  FirstDataRenderedEvent,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  IRowNode,
  SuppressKeyboardEventParams,
} from 'ag-grid-community';
import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import type { CellEdit, CellEditResult, EditSource, Grid, GridCell } from '../../../shared/api/contract';
import type { AppMessage } from '../../../shared/i18n/engine';
import type { Lang } from '../../../shared/i18n/lang';
import { buildColumnDefs } from './column-defs';
import { columnIdForEdit, editTarget, yearOfColumn } from './columns';
import { copyBlock } from './copy-text';
import { gridText } from './grid-messages';
import { planPaste } from './paste-plan';
import type { IndicatorRowData } from './row-model';
import {
  cellOf,
  fieldText,
  parseIsoDate,
  toRowData,
  withOptimisticEdit,
  withoutDraft,
  withRefusedEdit,
  withSavedEdit,
  withUnsavedEdit,
} from './row-model';
import type { QueueStorage } from './retry-queue';
import { RetryQueue } from './retry-queue';
import { outcomeOf } from './save-outcome';
import { parseTsv, toTsv } from './tsv';
import type { CellChange } from './undo-stack';
import { redoEdits, undoEdits, UndoStack } from './undo-stack';
import './grid.css';

ModuleRegistry.registerModules([AllCommunityModule]);

const gridTheme = themeQuartz.withParams({
  fontFamily: ['"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans CJK SC"', '"Source Han Sans SC"', 'sans-serif'],
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  spacing: 5,
  rowHeight: 32,
  headerHeight: 34,
  wrapperBorderRadius: 4,
  headerBackgroundColor: '#f3f5f7',
  columnBorder: { style: 'solid', width: 1, color: '#e3e6ea' },
  headerColumnBorder: { style: 'solid', width: 1, color: '#d5d9de' },
  accentColor: '#1a73e8',
});

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
  onSaveStateChange?: (state: 'idle' | 'saving' | 'saved' | 'error', message?: string) => void;
  /** Optional imperative handle: focus the first editable cell, undo, redo. */
  handleRef?: Ref<IndicatorGridHandle>;
}

/** A shift+arrow / shift+click rectangle: display row indexes and leaf column ids. */
interface CellRange {
  anchor: { rowIndex: number; colId: string };
  focus: { rowIndex: number; colId: string };
}

interface RangeBox {
  top: number;
  bottom: number;
  colIds: string[];
}

const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);
/** How often unsaved edits are sent again while any wait in the queue. */
export const RETRY_INTERVAL_MS = 5000;

/** sessionStorage, or null where it cannot be used (privacy mode, tests without a DOM). */
function sessionStore(): QueueStorage | null {
  try {
    return typeof window !== 'undefined' ? window.sessionStorage : null;
  } catch {
    return null;
  }
}

function cellKey(indicatorId: string, year: number): string {
  return `${indicatorId}|${year}`;
}

function editKey(e: Pick<CellEdit, 'indicatorId' | 'year' | 'field'>): string {
  return `${e.indicatorId}|${e.year}|${e.field}`;
}

/** A refusal for edits whose save call itself failed (no per-edit answer came back). */
function failureMessage(reason: string): AppMessage {
  return {
    key: 'grid.save-failed',
    params: { reason },
    zh: gridText('zh', 'state.failed', { reason }),
    en: gridText('en', 'state.failed', { reason }),
  };
}

export function IndicatorGrid(props: IndicatorGridProps): JSX.Element {
  const { grid, lang, handleRef } = props;
  // Callbacks handed to AG Grid are created once; they read the latest props from here.
  const latest = useRef(props);
  latest.current = props;

  const apiRef = useRef<GridApi<IndicatorRowData> | null>(null);
  const undoStack = useRef(new UndoStack());
  /** Last cell the API confirmed per (indicator, year): what a refusal puts back. */
  const confirmed = useRef(new Map<string, GridCell>());
  /** Latest edit sequence per (indicator, year, field): older answers must not overwrite newer edits. */
  const editSeq = useRef(new Map<string, number>());
  const seqCounter = useRef(0);
  const inFlight = useRef(0);
  /** Unsaved edits of this plan (all years and departments), mirrored to sessionStorage. */
  const queueRef = useRef<{ planId: string; queue: RetryQueue } | null>(null);
  const retrying = useRef(false);
  /** The latest retryPending (a save that succeeds starts a retry; runSave is defined before it). */
  const retryRef = useRef<() => Promise<void>>(() => Promise.resolve());
  /** Whether an editor was open when the current key went down (Esc then only cancels the edit). */
  const editingAtKeyDown = useRef(false);
  const rangeRef = useRef<CellRange | null>(null);
  const boxRef = useRef<RangeBox | null>(null);
  const extending = useRef(false);

  const today = useMemo(() => parseIsoDate(grid.today), [grid.today]);
  const todayRef = useRef(today);
  todayRef.current = today;

  const queueFor = useCallback((planId: string): RetryQueue => {
    if (queueRef.current?.planId !== planId) queueRef.current = { planId, queue: RetryQueue.load(sessionStore(), planId) };
    return queueRef.current.queue;
  }, []);
  const persistQueue = useCallback(() => {
    const q = queueRef.current;
    if (q) q.queue.store(sessionStore(), q.planId);
  }, []);

  // Rows as the API sent them, with any queued unsaved edit of the reporting year shown on top.
  const rowData = useMemo(() => {
    const pending = queueFor(grid.planId)
      .entries()
      .filter((e) => e.year === grid.year);
    const rows = grid.rows.map(toRowData);
    if (pending.length === 0) return rows;
    const byId = new Map(rows.map((r) => [r.indicatorId, r]));
    for (const e of pending) {
      const row = byId.get(e.indicatorId);
      if (row) byId.set(e.indicatorId, withUnsavedEdit(row, e, e.reason, today));
    }
    return rows.map((r) => byId.get(r.indicatorId) ?? r);
  }, [grid.rows, grid.planId, grid.year, queueFor, today]);
  const yearsKey = grid.years.join(',');
  const columnDefs = useMemo(
    () => buildColumnDefs({ years: yearsKey.split(',').map(Number), reportingYear: grid.year, lang }),
    [yearsKey, grid.year, lang],
  );

  // A new grid (another plan, year or department, or a reload) starts a fresh history.
  useEffect(() => {
    undoStack.current.clear();
    confirmed.current.clear();
    editSeq.current.clear();
    // Cells shown with a queued draft: what a discard puts back is the value the API sent.
    for (const e of queueFor(grid.planId).entries()) {
      const row = grid.rows.find((r) => r.indicatorId === e.indicatorId);
      if (row && e.year === grid.year) confirmed.current.set(cellKey(e.indicatorId, e.year), cellOf(row, e.year));
    }
    rangeRef.current = null;
    boxRef.current = null;
  }, [grid, queueFor]);

  const report = useCallback((state: 'idle' | 'saving' | 'saved' | 'error', message?: string) => {
    latest.current.onSaveStateChange?.(state, message);
  }, []);

  const displayedColumnIds = useCallback((): string[] => {
    const api = apiRef.current;
    return api ? api.getAllDisplayedColumns().map((c) => c.getColId()) : [];
  }, []);

  /**
   * Save one user action's edits in one call. `record` puts the saved cells on the undo stack
   * (typed and pasted actions; undo and redo move along the stack instead).
   */
  const runSave = useCallback(
    async (edits: CellEdit[], source: EditSource, record: boolean, doneMessage?: string): Promise<void> => {
      const api = apiRef.current;
      if (!api || edits.length === 0) return;
      const { year: reportingYear, planId } = latest.current.grid;
      const queue = queueFor(planId);
      const now = todayRef.current;

      // 1. Optimistic rows: the typed value and its colour at once, marked as saving.
      const rows = new Map<string, IndicatorRowData>();
      const oldTexts = new Map<string, string>();
      const mySeq = new Map<string, number>();
      const sent: CellEdit[] = [];
      for (const edit of edits) {
        const row = rows.get(edit.indicatorId) ?? api.getRowNode(edit.indicatorId)?.data;
        if (!row || edit.year !== reportingYear) continue;
        const colId = columnIdForEdit(edit.field, edit.year);
        const ui = row.ui[colId];
        const hasDraft = ui?.draft !== undefined;
        // A value that is already there (not being saved, no draft over it) is not an edit: no save, no audit row.
        if (!ui?.saving && !hasDraft && edit.text === fieldText(cellOf(row, edit.year), edit.field)) continue;
        const ck = cellKey(edit.indicatorId, edit.year);
        // The value before this cell's first unsaved edit is what a refusal puts back.
        if (!confirmed.current.has(ck) && !ui?.saving && !hasDraft) {
          confirmed.current.set(ck, cellOf(row, edit.year));
        }
        // A draft was never saved: the undo entry starts from the last saved value.
        const before = hasDraft ? (confirmed.current.get(ck) ?? cellOf(row, edit.year)) : cellOf(row, edit.year);
        oldTexts.set(editKey(edit), fieldText(before, edit.field));
        seqCounter.current += 1;
        editSeq.current.set(editKey(edit), seqCounter.current);
        mySeq.set(editKey(edit), seqCounter.current);
        rows.set(edit.indicatorId, withOptimisticEdit(row, edit, now));
        // This edit supersedes a queued one of the same cell; if it fails it is queued again.
        queue.remove(edit);
        sent.push(edit);
      }
      if (sent.length === 0) return;
      persistQueue();
      applyRows(api, [...rows.values()]);
      inFlight.current += 1;
      report('saving', gridText(latest.current.lang, 'state.saving'));

      // 2. One save call; a call that throws leaves every edit in it unsaved (kept and retried).
      let results: CellEditResult[];
      let callFailure = failureMessage('—');
      try {
        results = await latest.current.save(sent, source);
      } catch (err) {
        callFailure = failureMessage(err instanceof Error ? err.message : String(err));
        results = [];
      }
      inFlight.current -= 1;
      const liveApi = apiRef.current;
      if (!liveApi) return;

      // 3. Per edit: the saved cell; a refused draft; or an unsaved draft, queued for a retry.
      const byKey = new Map(results.map((r) => [editKey(r), r]));
      const updated = new Map<string, IndicatorRowData>();
      const changes: CellChange[] = [];
      const refusals: AppMessage[] = [];
      const unsaved: AppMessage[] = [];
      let savedCount = 0;
      for (const edit of sent) {
        const key = editKey(edit);
        const ck = cellKey(edit.indicatorId, edit.year);
        const outcome = outcomeOf(byKey.get(key), callFailure);
        const isLatest = editSeq.current.get(key) === mySeq.get(key);
        const row = updated.get(edit.indicatorId) ?? liveApi.getRowNode(edit.indicatorId)?.data;
        if (!row) continue;
        if (outcome.kind === 'saved') {
          savedCount += 1;
          confirmed.current.set(ck, outcome.cell);
          changes.push({
            indicatorId: edit.indicatorId,
            year: edit.year,
            field: edit.field,
            oldText: oldTexts.get(key) ?? '',
            newText: fieldText(outcome.cell, edit.field),
          });
          if (isLatest) updated.set(edit.indicatorId, withSavedEdit(row, edit, outcome.cell));
        } else if (outcome.kind === 'refused') {
          refusals.push(outcome.reason);
          if (isLatest) {
            const back = confirmed.current.get(ck) ?? cellOf(row, edit.year);
            updated.set(edit.indicatorId, withRefusedEdit(row, edit, back, outcome.reason));
          }
        } else {
          unsaved.push(outcome.reason);
          // Only the newest text of a cell waits for a retry; an older one was superseded.
          if (isLatest) {
            queue.put({ ...edit, source, reason: outcome.reason });
            updated.set(edit.indicatorId, withUnsavedEdit(row, edit, outcome.reason, now));
          }
        }
        if (isLatest) editSeq.current.delete(key);
      }
      persistQueue();
      applyRows(liveApi, [...updated.values()]);
      if (record) undoStack.current.push(changes);

      // 4. Tell the app: the first refusal's reason, the unsaved count, or saved once nothing is in flight.
      const l = latest.current.lang;
      const firstRefusal = refusals[0];
      const firstUnsaved = unsaved[0];
      if (firstRefusal) {
        report('error', gridText(l, 'state.refused', { count: refusals.length, reason: firstRefusal[l] }));
      } else if (firstUnsaved) {
        report('error', gridText(l, 'state.unsaved', { count: Math.max(queue.size, unsaved.length), reason: firstUnsaved[l] }));
      } else if (inFlight.current === 0) {
        report('saved', doneMessage ?? (sent.length > 1 ? gridText(l, 'state.saved.count', { count: sent.length }) : gridText(l, 'state.saved')));
      }
      // The service answers again: send what is still waiting at once instead of at the next tick.
      if (savedCount > 0 && unsaved.length === 0 && queue.size > 0) {
        setTimeout(() => void retryRef.current(), 0);
      }
    },
    [persistQueue, queueFor, report],
  );

  /** Send the queued unsaved edits of the open grid again (one call per source). */
  const retryPending = useCallback(async (): Promise<void> => {
    const api = apiRef.current;
    // Not while an editor is open: repainting its row could disturb what the clerk is typing.
    if (!api || retrying.current || api.getEditingCells().length > 0) return;
    const { planId, year } = latest.current.grid;
    const queue = queueFor(planId);
    if (queue.size === 0) return;
    const batches = queue.batches((e) => {
      if (e.year !== year) return false;
      const row = api.getRowNode(e.indicatorId)?.data;
      return row !== undefined && !row.ui[columnIdForEdit(e.field, e.year)]?.saving;
    });
    if (batches.length === 0) return;
    retrying.current = true;
    try {
      for (const b of batches) {
        // Typed and pasted edits become undo entries once saved; a retried undo/redo already moved the stack.
        await runSave(b.edits, b.source, b.source === 'typed' || b.source === 'pasted');
      }
    } finally {
      retrying.current = false;
    }
  }, [queueFor, runSave]);
  retryRef.current = retryPending;

  useEffect(() => {
    const timer = setInterval(() => void retryRef.current(), RETRY_INTERVAL_MS);
    return () => clearInterval(timer);
  }, []);

  /**
   * Drop the drafts (refused or unsaved text) of the given cells: the saved value shows again and
   * an unsaved edit leaves the queue. Returns how many drafts were dropped.
   */
  const discardDrafts = useCallback(
    (cells: { row: IndicatorRowData; colId: string }[]): number => {
      const api = apiRef.current;
      if (!api) return 0;
      const { year: reportingYear, planId } = latest.current.grid;
      const queue = queueFor(planId);
      const rows = new Map<string, IndicatorRowData>();
      let count = 0;
      for (const { row: given, colId } of cells) {
        const target = editTarget(colId, reportingYear);
        const row = rows.get(given.indicatorId) ?? given;
        if (!target || row.ui[colId]?.draft === undefined) continue;
        const edit = { indicatorId: row.indicatorId, ...target };
        queue.remove(edit);
        // An answer still on its way for this cell must not bring the draft back.
        seqCounter.current += 1;
        editSeq.current.set(editKey(edit), seqCounter.current);
        const back = confirmed.current.get(cellKey(row.indicatorId, target.year)) ?? cellOf(row, target.year);
        rows.set(row.indicatorId, withoutDraft(row, target, back));
        count += 1;
      }
      if (count === 0) return 0;
      persistQueue();
      applyRows(api, [...rows.values()]);
      report('idle', gridText(latest.current.lang, 'state.discarded', { count }));
      return count;
    },
    [persistQueue, queueFor, report],
  );

  const isEditing = useCallback((): boolean => (apiRef.current?.getEditingCells().length ?? 0) > 0, []);

  const focusCellOf = useCallback((edit: Pick<CellEdit, 'indicatorId' | 'year' | 'field'>) => {
    const api = apiRef.current;
    const node = api?.getRowNode(edit.indicatorId);
    if (!api || !node || node.rowIndex === null) return;
    const colId = columnIdForEdit(edit.field, edit.year);
    api.ensureIndexVisible(node.rowIndex);
    api.ensureColumnVisible(colId);
    api.setFocusedCell(node.rowIndex, colId);
  }, []);

  const undo = useCallback(async () => {
    const entry = undoStack.current.undo();
    const l = latest.current.lang;
    if (!entry) {
      report('idle', gridText(l, 'state.undo.nothing'));
      return;
    }
    const first = entry.changes[0];
    if (first) focusCellOf(first);
    await runSave(undoEdits(entry), 'undo', false, gridText(l, 'state.undone', { count: entry.changes.length }));
  }, [focusCellOf, report, runSave]);

  const redo = useCallback(async () => {
    const entry = undoStack.current.redo();
    const l = latest.current.lang;
    if (!entry) {
      report('idle', gridText(l, 'state.redo.nothing'));
      return;
    }
    const first = entry.changes[0];
    if (first) focusCellOf(first);
    await runSave(redoEdits(entry), 'redo', false, gridText(l, 'state.redone', { count: entry.changes.length }));
  }, [focusCellOf, report, runSave]);

  const focusFirstEditableCell = useCallback((): boolean => {
    const api = apiRef.current;
    if (!api || api.getDisplayedRowCount() === 0) return false;
    const colId = `actual-${latest.current.grid.year}`;
    api.ensureIndexVisible(0);
    api.ensureColumnVisible(colId);
    api.setFocusedCell(0, colId);
    return true;
  }, []);

  useImperativeHandle(handleRef, () => ({ focusFirstEditableCell, undo, redo }), [focusFirstEditableCell, undo, redo]);

  // ---- range (shift+arrow, shift+click) for copying ----

  const setRange = useCallback((range: CellRange | null) => {
    const api = apiRef.current;
    const hadBox = boxRef.current !== null;
    rangeRef.current = range;
    boxRef.current = null;
    if (range && (range.anchor.rowIndex !== range.focus.rowIndex || range.anchor.colId !== range.focus.colId)) {
      const cols = displayedColumnIds();
      const a = cols.indexOf(range.anchor.colId);
      const b = cols.indexOf(range.focus.colId);
      if (a >= 0 && b >= 0) {
        boxRef.current = {
          top: Math.min(range.anchor.rowIndex, range.focus.rowIndex),
          bottom: Math.max(range.anchor.rowIndex, range.focus.rowIndex),
          colIds: cols.slice(Math.min(a, b), Math.max(a, b) + 1),
        };
      }
    }
    // Only rendered cells are refreshed, so this stays cheap at any row count.
    if (api && (hadBox || boxRef.current)) api.refreshCells({ force: true });
  }, [displayedColumnIds]);

  const defaultColDef = useMemo<ColDef<IndicatorRowData>>(
    () => ({
      sortable: false,
      suppressMovable: true,
      resizable: true,
      cellDataType: false,
      suppressHeaderMenuButton: true,
      cellClassRules: {
        'cell-in-range': (p) => {
          const box = boxRef.current;
          const i = p.node.rowIndex;
          return box !== null && i !== null && i >= box.top && i <= box.bottom && box.colIds.includes(p.column.getColId());
        },
      },
      // Delete/Backspace on an editable cell clears it (handled in onKeyDown), as in Excel, instead
      // of AG Grid's "start editing with an empty value".
      suppressKeyboardEvent: (p: SuppressKeyboardEventParams<IndicatorRowData>) => {
        if (p.editing) return false;
        const key = p.event.key;
        if (key !== 'Delete' && key !== 'Backspace') return false;
        return editTarget(p.column.getColId(), latest.current.grid.year) !== null;
      },
    }),
    [],
  );

  // ---- AG Grid events ----

  const onGridReady = useCallback((e: GridReadyEvent<IndicatorRowData>) => {
    apiRef.current = e.api;
  }, []);

  // The reporting year's 实际值 is what the clerk came for: scroll its year group into view on
  // opening (the grid is remounted for another year), so no horizontal scrolling is needed first.
  const onFirstDataRendered = useCallback((e: FirstDataRenderedEvent<IndicatorRowData>) => {
    e.api.ensureColumnVisible(`actual-${latest.current.grid.year}`, 'middle');
  }, []);
  useEffect(() => {
    apiRef.current?.ensureColumnVisible(`actual-${grid.year}`, 'middle');
  }, [grid.year]);

  const onCellEditRequest = useCallback(
    (e: CellEditRequestEvent<IndicatorRowData>) => {
      const target = editTarget(e.column.getColId(), latest.current.grid.year);
      if (!target || !e.data) return;
      const text = e.newValue === null || e.newValue === undefined ? '' : String(e.newValue);
      const colId = e.column.getColId();
      // Over a draft, even the saved value's text is an edit: it replaces the draft.
      if (e.data.ui[colId]?.draft === undefined && text === fieldText(cellOf(e.data, target.year), target.field)) return;
      void runSave([{ indicatorId: e.data.indicatorId, year: target.year, field: target.field, text }], 'typed', true);
    },
    [runSave],
  );

  const onCellFocusedEvent = useCallback(
    (e: CellFocusedEvent<IndicatorRowData>) => {
      const api = apiRef.current;
      const colId = e.column && typeof e.column !== 'string' ? e.column.getColId() : typeof e.column === 'string' ? e.column : null;
      if (!api || e.rowIndex === null || e.rowIndex === undefined || colId === null) {
        latest.current.onCellFocused?.(null);
        return;
      }
      const here = { rowIndex: e.rowIndex, colId };
      const current = rangeRef.current;
      // AG Grid reports a cell again when the browser focus follows; that must not drop the range.
      const same = current !== null && current.focus.rowIndex === here.rowIndex && current.focus.colId === here.colId;
      if (!same) {
        if (extending.current && current) setRange({ anchor: current.anchor, focus: here });
        else setRange({ anchor: here, focus: here });
      }
      extending.current = false;
      const node = api.getDisplayedRowAtIndex(e.rowIndex);
      const id = node?.id;
      latest.current.onCellFocused?.(id ? { indicatorId: id, year: yearOfColumn(colId, latest.current.grid.year) } : null);
    },
    [setRange],
  );

  // ---- keyboard, copy and paste on the grid's container ----

  const onKeyDownCapture = useCallback(
    (e: ReactKeyboardEvent<HTMLDivElement>) => {
      editingAtKeyDown.current = isEditing();
      if (editingAtKeyDown.current) return; // the editor's own input handles its keys (its own undo, its own paste)
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && !e.altKey && (key === 'z' || key === 'y')) {
        e.preventDefault();
        e.stopPropagation();
        if (key === 'y' || e.shiftKey) void redo();
        else void undo();
        return;
      }
      // A shift+arrow extends the copy range from its anchor; any other key starts a new one.
      extending.current = ARROWS.has(e.key) && e.shiftKey && !mod;
    },
    [isEditing, redo, undo],
  );

  const onMouseDownCapture = useCallback((e: ReactMouseEvent<HTMLDivElement>) => {
    extending.current = e.shiftKey;
  }, []);

  /** The cells an action applies to: the shift-selected range, or else the focused cell. */
  const selectedCells = useCallback((): { rows: IndicatorRowData[]; colIds: string[] } | null => {
    const api = apiRef.current;
    const focused = api?.getFocusedCell();
    if (!api || !focused) return null;
    const box = boxRef.current;
    const rowsIdx = box ? range(box.top, box.bottom) : [focused.rowIndex];
    const colIds = box ? box.colIds : [focused.column.getColId()];
    const rows = rowsIdx.map((i) => api.getDisplayedRowAtIndex(i)?.data).filter((d): d is IndicatorRowData => !!d);
    return { rows, colIds };
  }, []);

  /** Drop the drafts in the selection (Esc): refused or unsaved text gives way to the saved value. */
  const discardSelection = useCallback((): boolean => {
    const sel = selectedCells();
    if (!sel) return false;
    return discardDrafts(sel.rows.flatMap((row) => sel.colIds.map((colId) => ({ row, colId })))) > 0;
  }, [discardDrafts, selectedCells]);

  /**
   * Delete, Backspace, Ctrl+X in one action: a cell holding a draft drops the draft (the saved
   * value shows again); every other editable, non-empty cell of the selection is emptied.
   */
  const clearSelection = useCallback((): boolean => {
    const sel = selectedCells();
    if (!sel) return false;
    const reportingYear = latest.current.grid.year;
    const edits: CellEdit[] = [];
    const drafts: { row: IndicatorRowData; colId: string }[] = [];
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

  const onKeyDown = useCallback(
    (e: ReactKeyboardEvent<HTMLDivElement>) => {
      // Esc that closed an editor only cancels that edit; a second Esc drops the draft.
      if (e.key === 'Escape') {
        if (!editingAtKeyDown.current && !isEditing() && discardSelection()) e.preventDefault();
        return;
      }
      if (e.key !== 'Delete' && e.key !== 'Backspace') return;
      if (isEditing()) return;
      if (clearSelection()) e.preventDefault();
    },
    [clearSelection, discardSelection, isEditing],
  );

  const copySelection = useCallback(
    (e: ReactClipboardEvent<HTMLDivElement>): boolean => {
      const sel = selectedCells();
      if (!sel || isEditing()) return false;
      const { grid: g, lang: l } = latest.current;
      e.clipboardData.setData('text/plain', toTsv(copyBlock(sel.rows, sel.colIds, g.year, l)));
      e.preventDefault();
      return true;
    },
    [isEditing, selectedCells],
  );

  const onCopy = useCallback((e: ReactClipboardEvent<HTMLDivElement>) => void copySelection(e), [copySelection]);

  const onCut = useCallback(
    (e: ReactClipboardEvent<HTMLDivElement>) => {
      if (copySelection(e)) clearSelection();
    },
    [clearSelection, copySelection],
  );

  const onPaste = useCallback(
    (e: ReactClipboardEvent<HTMLDivElement>) => {
      const api = apiRef.current;
      if (!api) return;
      const text = e.clipboardData.getData('text/plain');
      const block = parseTsv(text);
      const single = block.length <= 1 && (block[0]?.length ?? 0) <= 1;
      // Inside an editor a single value goes into the input as usual; a block ends the edit and is
      // pasted as a block from that cell.
      if (isEditing()) {
        if (single) return;
        api.stopEditing(true);
      }
      const focused = api.getFocusedCell();
      if (!focused || block.length === 0) return;
      e.preventDefault();
      const box = boxRef.current;
      const { grid: g, lang: l } = latest.current;
      const plan = planPaste(block, {
        startRow: box ? box.top : focused.rowIndex,
        rowCount: api.getDisplayedRowCount(),
        rowIdAt: (i) => api.getDisplayedRowAtIndex(i)?.id,
        columnIds: displayedColumnIds(),
        startColumnId: box ? (box.colIds[0] ?? focused.column.getColId()) : focused.column.getColId(),
        reportingYear: g.year,
      });
      if (plan.noEditableColumn) {
        report('error', gridText(l, 'state.paste.nothing'));
        return;
      }
      const done = plan.clipped > 0 ? gridText(l, 'state.paste.clipped', { count: plan.edits.length, clipped: plan.clipped }) : undefined;
      void runSave(plan.edits, 'pasted', true, done);
    },
    [displayedColumnIds, isEditing, report, runSave],
  );

  const getRowId = useCallback((p: GetRowIdParams<IndicatorRowData>) => p.data.indicatorId, []);
  const localeText = useMemo(() => ({ noRowsToShow: gridText(lang, 'grid.no-rows') }), [lang]);

  return (
    <div
      className="indicator-grid"
      role="region"
      aria-label={gridText(lang, 'grid.label')}
      onKeyDownCapture={onKeyDownCapture}
      onKeyDown={onKeyDown}
      onMouseDownCapture={onMouseDownCapture}
      onCopy={onCopy}
      onCut={onCut}
      onPaste={onPaste}
    >
      <AgGridReact<IndicatorRowData>
        theme={gridTheme}
        rowData={rowData}
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
        onCellFocused={onCellFocusedEvent}
      />
    </div>
  );
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i += 1) out.push(i);
  return out;
}

/** Replace rows by id and repaint them: classes (saving, refused, status) change even when the value does not. */
function applyRows(api: GridApi<IndicatorRowData>, rows: IndicatorRowData[]): void {
  if (rows.length === 0) return;
  const res = api.applyTransaction({ update: rows });
  const nodes: IRowNode<IndicatorRowData>[] = res?.update ?? [];
  if (nodes.length > 0) api.refreshCells({ rowNodes: nodes, force: true });
}
