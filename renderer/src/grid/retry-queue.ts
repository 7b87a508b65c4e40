// Edits that could not be saved (service unreachable, internal error) wait here until a retry
// saves them. The queue is per plan and mirrored to sessionStorage, so a reload of the page (or a
// grid remount on another year or department) does not lose what the clerk typed.
import type { CellEdit, EditSource } from '../../../shared/api/contract';
import type { AppMessage } from '../../../shared/i18n/engine';

export interface PendingEdit extends CellEdit {
  /** How the edit was made: a retry saves it with the same source (audit trail, undo). */
  source: EditSource;
  /** Why the last attempt failed, shown on the cell. */
  reason: AppMessage;
}

/** The storage a queue is mirrored to: window.sessionStorage in the app, a Map-backed fake in tests. */
export type QueueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function pendingKey(e: Pick<CellEdit, 'indicatorId' | 'year' | 'field'>): string {
  return `${e.indicatorId}|${e.year}|${e.field}`;
}

export function pendingStorageKey(planId: string): string {
  return `indicator-desk.unsaved.${planId}`;
}

const SOURCES: readonly string[] = ['typed', 'pasted', 'undo', 'redo'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** One stored entry, or null when it is not a well-formed pending edit (old or foreign data). */
function asPendingEdit(v: unknown): PendingEdit | null {
  if (!isRecord(v)) return null;
  const { indicatorId, year, field, text, source, reason } = v;
  if (typeof indicatorId !== 'string' || typeof year !== 'number' || !Number.isInteger(year)) return null;
  if (field !== 'actual' && field !== 'note') return null;
  if (typeof text !== 'string' || typeof source !== 'string' || !SOURCES.includes(source)) return null;
  if (!isRecord(reason) || typeof reason.key !== 'string' || typeof reason.zh !== 'string' || typeof reason.en !== 'string') return null;
  const params = isRecord(reason.params) ? (reason.params as AppMessage['params']) : {};
  return {
    indicatorId,
    year,
    field,
    text,
    source: source as EditSource,
    reason: { key: reason.key, params, zh: reason.zh, en: reason.en },
  };
}

export class RetryQueue {
  private readonly byKey = new Map<string, PendingEdit>();

  constructor(entries: readonly PendingEdit[] = []) {
    for (const e of entries) this.put(e);
  }

  /** Queue an edit; a newer edit of the same cell field replaces the older one. */
  put(edit: PendingEdit): void {
    const key = pendingKey(edit);
    this.byKey.delete(key); // re-insert: the queue keeps the order edits were made in
    this.byKey.set(key, { ...edit });
  }

  remove(edit: Pick<CellEdit, 'indicatorId' | 'year' | 'field'>): boolean {
    return this.byKey.delete(pendingKey(edit));
  }

  get(edit: Pick<CellEdit, 'indicatorId' | 'year' | 'field'>): PendingEdit | undefined {
    return this.byKey.get(pendingKey(edit));
  }

  entries(): PendingEdit[] {
    return [...this.byKey.values()].map((e) => ({ ...e }));
  }

  get size(): number {
    return this.byKey.size;
  }

  /**
   * The queued edits the open grid can send again, one batch per source (a save call has one
   * source). `isOpen` says whether an edit's cell is in the open grid and not being saved now.
   */
  batches(isOpen: (e: PendingEdit) => boolean): { source: EditSource; edits: CellEdit[] }[] {
    const out = new Map<EditSource, CellEdit[]>();
    for (const e of this.byKey.values()) {
      if (!isOpen(e)) continue;
      const list = out.get(e.source) ?? [];
      list.push({ indicatorId: e.indicatorId, year: e.year, field: e.field, text: e.text });
      out.set(e.source, list);
    }
    return [...out].map(([source, edits]) => ({ source, edits }));
  }

  /** Read a plan's queue; unreadable or malformed storage gives an empty queue, never an error. */
  static load(storage: QueueStorage | null, planId: string): RetryQueue {
    if (!storage) return new RetryQueue();
    let raw: string | null;
    try {
      raw = storage.getItem(pendingStorageKey(planId));
    } catch {
      return new RetryQueue();
    }
    if (!raw) return new RetryQueue();
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return new RetryQueue();
    }
    const list = Array.isArray(parsed) ? parsed : [];
    return new RetryQueue(list.map(asPendingEdit).filter((e): e is PendingEdit => e !== null));
  }

  /** Mirror the queue to storage (removing the key when empty). False when storage refused it. */
  store(storage: QueueStorage | null, planId: string): boolean {
    if (!storage) return false;
    try {
      const key = pendingStorageKey(planId);
      if (this.byKey.size === 0) storage.removeItem(key);
      else storage.setItem(key, JSON.stringify(this.entries()));
      return true;
    } catch {
      return false; // quota or privacy mode: the in-memory queue still retries
    }
  }
}
