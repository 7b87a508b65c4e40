// The grid's own undo/redo history (AG Grid's undo stays off: it knows nothing of saving).
// One entry per user action — a typed value, a Delete, a paste block — holding the old and new
// text of every cell it changed, so undo and redo are each one save call.
import type { CellEdit } from '../../../shared/api/contract';

export interface CellChange {
  indicatorId: string;
  year: number;
  field: CellEdit['field'];
  /** The cell's text before the action ("" = empty); saved again by undo. */
  oldText: string;
  /** The cell's text after the action; saved again by redo. */
  newText: string;
}

export interface UndoEntry {
  changes: CellChange[];
}

export const DEFAULT_UNDO_LIMIT = 200;

export class UndoStack {
  private readonly done: UndoEntry[] = [];
  private readonly undone: UndoEntry[] = [];

  constructor(private readonly limit: number = DEFAULT_UNDO_LIMIT) {}

  /**
   * Record a completed action. Changes that changed nothing are dropped, and an action that
   * changed nothing is not recorded. A new action clears the redo history, as in Excel.
   */
  push(changes: readonly CellChange[]): boolean {
    const real = changes.filter((c) => c.oldText !== c.newText).map((c) => ({ ...c }));
    if (real.length === 0) return false;
    this.done.push({ changes: real });
    if (this.done.length > this.limit) this.done.splice(0, this.done.length - this.limit);
    this.undone.length = 0;
    return true;
  }

  /** Take the latest action for undoing; it moves to the redo history. Null when there is none. */
  undo(): UndoEntry | null {
    const entry = this.done.pop();
    if (!entry) return null;
    this.undone.push(entry);
    return entry;
  }

  /** Take the latest undone action for redoing; it moves back to the undo history. */
  redo(): UndoEntry | null {
    const entry = this.undone.pop();
    if (!entry) return null;
    this.done.push(entry);
    return entry;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  get size(): number {
    return this.done.length;
  }

  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
  }
}

/** The edits that undo an entry: every cell back to its old text. */
export function undoEdits(entry: UndoEntry): CellEdit[] {
  return entry.changes.map((c) => ({ indicatorId: c.indicatorId, year: c.year, field: c.field, text: c.oldText }));
}

/** The edits that redo an entry: every cell to its new text again. */
export function redoEdits(entry: UndoEntry): CellEdit[] {
  return entry.changes.map((c) => ({ indicatorId: c.indicatorId, year: c.year, field: c.field, text: c.newText }));
}
