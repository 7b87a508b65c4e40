// Import previews waiting to be applied, held in memory with bounds (issue 9: 200 never-applied
// previews once took a server from 122 MB to 2.9 GB). A preview is freed when it is applied or
// discarded (dialog cancelled), when it has not been used for `idleMs` (an open dialog keeps its
// previews alive by touching them), and the least recently used are dropped when more than
// `maxEntries` previews or `maxRows` interpreted rows in total are held — never those just added.

export interface PreviewCacheOptions {
  /** Most previews held at once (default 200: one full batch of the contract's previewImport). */
  maxEntries?: number;
  /** Most interpreted rows held over all previews (default 250,000), the memory that matters. */
  maxRows?: number;
  /** Unused previews expire after this many milliseconds (default 30 minutes). */
  idleMs?: number;
  /** Clock in milliseconds; tests move it. */
  now?: () => number;
}

interface Entry<T> {
  value: T;
  rows: number;
  lastUsed: number;
}

/** Bounded, expiring map previewId → pending preview. Map order = least recently used first. */
export class PreviewCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly maxEntries: number;
  private readonly maxRows: number;
  private readonly idleMs: number;
  private readonly now: () => number;

  constructor(options: PreviewCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 200;
    this.maxRows = options.maxRows ?? 250_000;
    this.idleMs = options.idleMs ?? 30 * 60 * 1000;
    this.now = options.now ?? (() => Date.now());
  }

  /** Previews held now (after dropping expired ones). */
  get size(): number {
    this.sweep();
    return this.entries.size;
  }

  /** Hold a batch of new previews; `rows` = its interpreted row count. Older ones may be dropped. */
  add(batch: readonly { id: string; value: T; rows: number }[]): void {
    this.sweep();
    const at = this.now();
    for (const b of batch) this.entries.set(b.id, { value: b.value, rows: b.rows, lastUsed: at });
    const fresh = new Set(batch.map((b) => b.id));
    let rows = 0;
    for (const e of this.entries.values()) rows += e.rows;
    for (const [id, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && rows <= this.maxRows) break;
      if (fresh.has(id)) continue;
      this.entries.delete(id);
      rows -= e.rows;
    }
  }

  /** Mark previews as in use (an open dialog); returns the ids still held. */
  touch(ids: readonly string[]): string[] {
    this.sweep();
    const at = this.now();
    const alive: string[] = [];
    for (const id of ids) {
      const e = this.entries.get(id);
      if (!e) continue;
      e.lastUsed = at;
      this.entries.delete(id);
      this.entries.set(id, e);
      alive.push(id);
    }
    return alive;
  }

  /** The previews for `ids`, or null if any is gone (expired, dropped, applied). Removes nothing. */
  get(ids: readonly string[]): T[] | null {
    this.sweep();
    const values: T[] = [];
    for (const id of ids) {
      const e = this.entries.get(id);
      if (!e) return null;
      values.push(e.value);
    }
    return values;
  }

  /** Free previews (applied or cancelled). Unknown ids are ignored. */
  discard(ids: readonly string[]): void {
    for (const id of ids) this.entries.delete(id);
  }

  /** Drop previews unused for longer than idleMs. */
  sweep(): void {
    const cutoff = this.now() - this.idleMs;
    for (const [id, e] of this.entries) if (e.lastUsed < cutoff) this.entries.delete(id);
  }
}
