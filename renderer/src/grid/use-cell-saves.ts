// Saving the grid's edits: one save call per user action, optimistic rows, refused drafts, the
// retry queue of unsaved edits (mirrored to sessionStorage, retried every 5 s) and undo/redo.
//
// Flow of one user action: edits → optimistic rows (colour from the shared cellStatus()) → ONE
// save call → per edit: the saved cell; or, refused, the typed text kept as a draft with the reason
// (F2 corrects it, Esc/Delete drops it); or, not saved (service unreachable), the typed text kept
// marked unsaved in a retry queue and retried → the action's saved cells recorded as one undo
// entry (a draft is not an undo entry until it is saved).
import type { RefObject } from 'react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { CellEdit, CellEditResult, EditSource, Grid, GridCell } from '../../../shared/api/contract';
import type { AppMessage } from '../../../shared/i18n/engine';
import type { Lang } from '../../../shared/i18n/lang';
import { columnIdForEdit, editTarget } from './columns';
import { gridCount, gridText } from './grid-messages';
import type { GridPort } from './grid-port';
import type { IndicatorRowData } from './row-model';
import {
  cellOf, fieldText, parseIsoDate, toRowData, withOptimisticEdit, withoutDraft, withRefusedEdit, withSavedEdit, withUnsavedEdit,
} from './row-model';
import type { QueueStorage } from './retry-queue';
import { RetryQueue } from './retry-queue';
import { outcomeOf } from './save-outcome';
import type { CellChange } from './undo-stack';
import { redoEdits, undoEdits, UndoStack } from './undo-stack';

/** How often unsaved edits are sent again while any wait in the queue. */
export const RETRY_INTERVAL_MS = 5000;

export type SaveStateKind = 'idle' | 'saving' | 'saved' | 'error';

export interface CellSavesOptions {
  /** The grid as the API sent it: rows, grid.year = reporting year, grid.today ISO date, grid.planId. */
  grid: Grid;
  lang: Lang;
  /** Save edits through the API (one call per user action). ok=false edits carry error {zh,en} and were NOT saved. */
  save: (edits: CellEdit[], source: EditSource) => Promise<CellEditResult[]>;
  /** Told the save state after each step, with a message in `lang`. */
  onSaveStateChange?: (state: SaveStateKind, message?: string) => void;
  /** The grid widget (null until it is ready). */
  port: RefObject<GridPort | null>;
}

/** A cell named by its row and leaf column id (what a selection yields). */
export interface RowCell {
  row: IndicatorRowData;
  colId: string;
}

export interface CellSaves {
  /** Rows as the API sent them, with any queued unsaved edit of the reporting year shown on top. */
  rowData: IndicatorRowData[];
  /**
   * Save one user action's edits in one call. `record` puts the saved cells on the undo stack
   * (typed and pasted actions; undo and redo move along the stack instead). `doneMessage`
   * replaces the "saved" message.
   */
  runSave: (edits: CellEdit[], source: EditSource, record: boolean, doneMessage?: string) => Promise<void>;
  /** Drop the drafts of the given cells (the saved value shows again); returns how many were dropped. */
  discardDrafts: (cells: RowCell[]) => number;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

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

export function useCellSaves(options: CellSavesOptions): CellSaves {
  const { grid, port } = options;
  // Callbacks handed to AG Grid are created once; they read the latest options from here.
  const latest = useRef(options);
  latest.current = options;

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
  }, [grid, queueFor]);

  const report = useCallback((state: SaveStateKind, message?: string) => {
    latest.current.onSaveStateChange?.(state, message);
  }, []);

  const runSaveNow = useCallback(
    async (edits: CellEdit[], source: EditSource, record: boolean, doneMessage?: string): Promise<void> => {
      const view = port.current;
      if (!view || edits.length === 0) return;
      const { year: reportingYear, planId } = latest.current.grid;
      const queue = queueFor(planId);
      const now = todayRef.current;

      // 1. Optimistic rows: the typed value and its colour at once, marked as saving.
      const rows = new Map<string, IndicatorRowData>();
      const oldTexts = new Map<string, string>();
      const mySeq = new Map<string, number>();
      const sent: CellEdit[] = [];
      for (const edit of edits) {
        const row = rows.get(edit.indicatorId) ?? view.row(edit.indicatorId);
        if (!row || edit.year !== reportingYear) continue;
        const ui = row.ui[columnIdForEdit(edit.field, edit.year)];
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
      view.applyRows([...rows.values()]);
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
      const liveView = port.current;
      if (!liveView) return;

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
        const row = updated.get(edit.indicatorId) ?? liveView.row(edit.indicatorId);
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
            // A cell the grid already shows as locked keeps no draft: its tooltip gives the reason.
            const known = cellOf(row, edit.year).locked !== undefined;
            updated.set(edit.indicatorId, known ? withoutDraft(row, edit, back) : withRefusedEdit(row, edit, back, outcome.reason));
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
      liveView.applyRows([...updated.values()]);
      if (record) undoStack.current.push(changes);

      // 4. Tell the app: the first refusal's reason, the unsaved count, or saved once nothing is in flight.
      const l = latest.current.lang;
      const firstRefusal = refusals[0];
      const firstUnsaved = unsaved[0];
      if (firstRefusal) {
        report('error', gridCount(l, 'state.refused', refusals.length, { reason: firstRefusal[l] }));
      } else if (firstUnsaved) {
        report('error', gridCount(l, 'state.unsaved', Math.max(queue.size, unsaved.length), { reason: firstUnsaved[l] }));
      } else if (inFlight.current === 0) {
        report('saved', doneMessage ?? (sent.length > 1 ? gridText(l, 'state.saved.count', { count: sent.length }) : gridText(l, 'state.saved')));
      }
      // The service answers again: send what is still waiting at once instead of at the next tick.
      if (savedCount > 0 && unsaved.length === 0 && queue.size > 0) {
        setTimeout(() => void retryRef.current(), 0);
      }
    },
    [persistQueue, port, queueFor, report],
  );

  /** Saves on their way; an undo or redo waits for them (step). */
  const saves = useRef(new Set<Promise<void>>());
  const runSave = useCallback(
    (edits: CellEdit[], source: EditSource, record: boolean, doneMessage?: string): Promise<void> => {
      const save = runSaveNow(edits, source, record, doneMessage);
      saves.current.add(save);
      const settled = () => void saves.current.delete(save);
      save.then(settled, settled);
      return save;
    },
    [runSaveNow],
  );

  /** Send the queued unsaved edits of the open grid again (one call per source). */
  const retryPending = useCallback(async (): Promise<void> => {
    const view = port.current;
    // Not while an editor is open: repainting its row could disturb what the clerk is typing.
    if (!view || retrying.current || view.isEditing()) return;
    const { planId, year } = latest.current.grid;
    const queue = queueFor(planId);
    if (queue.size === 0) return;
    const batches = queue.batches((e) => {
      if (e.year !== year) return false;
      const row = view.row(e.indicatorId);
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
  }, [port, queueFor, runSave]);
  retryRef.current = retryPending;

  useEffect(() => {
    const timer = setInterval(() => void retryRef.current(), RETRY_INTERVAL_MS);
    return () => clearInterval(timer);
  }, []);

  const discardDrafts = useCallback(
    (cells: RowCell[]): number => {
      const view = port.current;
      if (!view) return 0;
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
      view.applyRows([...rows.values()]);
      report('idle', gridCount(latest.current.lang, 'state.discarded', count));
      return count;
    },
    [persistQueue, port, queueFor, report],
  );

  const focusCellOf = useCallback((edit: Pick<CellEdit, 'indicatorId' | 'year' | 'field'>) => {
    const view = port.current;
    const rowIndex = view?.rowIndexOf(edit.indicatorId) ?? null;
    if (!view || rowIndex === null) return;
    view.focusCell(rowIndex, columnIdForEdit(edit.field, edit.year));
  }, [port]);

  /** Move one step along the undo stack: focus its first cell and save its edits. */
  const step = useCallback(
    async (direction: 'undo' | 'redo'): Promise<void> => {
      // Ctrl+Z right after Enter undoes that entry, as in Excel: its save becomes an undo entry
      // only when it has its answer, so wait for the saves on their way (one step at a time).
      if (saves.current.size > 0) await Promise.allSettled([...saves.current]);
      const entry = direction === 'undo' ? undoStack.current.undo() : undoStack.current.redo();
      const l = latest.current.lang;
      if (!entry) {
        report('idle', gridText(l, direction === 'undo' ? 'state.undo.nothing' : 'state.redo.nothing'));
        return;
      }
      const first = entry.changes[0];
      if (first) focusCellOf(first);
      const edits = direction === 'undo' ? undoEdits(entry) : redoEdits(entry);
      const done = gridCount(l, direction === 'undo' ? 'state.undone' : 'state.redone', entry.changes.length);
      await runSave(edits, direction, false, done);
    },
    [focusCellOf, report, runSave],
  );
  const undo = useCallback(() => step('undo'), [step]);
  const redo = useCallback(() => step('redo'), [step]);

  return { rowData, runSave, discardDrafts, undo, redo };
}
