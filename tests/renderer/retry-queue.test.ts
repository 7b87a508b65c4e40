// The retry queue of unsaved edits and its sessionStorage mirror, against an in-memory Storage
// that behaves like the browser's (strings only, can refuse writes).
import { describe, expect, it } from 'vitest';
import type { PendingEdit, QueueStorage } from '../../renderer/src/grid/retry-queue';
import { pendingStorageKey, RetryQueue } from '../../renderer/src/grid/retry-queue';
import { message } from '../../shared/i18n/messages';

class MemoryStorage implements QueueStorage {
  readonly items = new Map<string, string>();
  full = false;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.full) throw new DOMException('quota', 'QuotaExceededError');
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const offline = message('error.internal', { detail: 'offline' });

function pending(indicatorId: string, text: string, extra: Partial<PendingEdit> = {}): PendingEdit {
  return { indicatorId, year: 2025, field: 'actual', text, source: 'typed', reason: offline, ...extra };
}

describe('retry queue', () => {
  it('keeps one entry per cell field: a newer text replaces the older one and moves to the end', () => {
    const q = new RetryQueue();
    q.put(pending('zyyj-02', '1000'));
    q.put(pending('zyyj-03', '5'));
    q.put(pending('zyyj-02', '1012'));
    q.put(pending('zyyj-02', '备注', { field: 'note' }));
    expect(q.size).toBe(3);
    expect(q.entries().map((e) => `${e.indicatorId}:${e.field}:${e.text}`)).toEqual(['zyyj-03:actual:5', 'zyyj-02:actual:1012', 'zyyj-02:note:备注']);
    expect(q.remove({ indicatorId: 'zyyj-02', year: 2025, field: 'actual' })).toBe(true);
    expect(q.remove({ indicatorId: 'zyyj-02', year: 2025, field: 'actual' })).toBe(false);
    expect(q.get({ indicatorId: 'zyyj-02', year: 2025, field: 'note' })?.text).toBe('备注');
  });

  it('groups what the open grid can resend by source, skipping cells it cannot', () => {
    const q = new RetryQueue([
      pending('zyyj-02', '1012'),
      pending('zyyj-03', '225', { source: 'pasted' }),
      pending('zyyj-04', '6', { source: 'pasted' }),
      pending('zyyj-05', '90', { year: 2024 }),
    ]);
    const batches = q.batches((e) => e.year === 2025 && e.indicatorId !== 'zyyj-04');
    expect(batches).toEqual([
      { source: 'typed', edits: [{ indicatorId: 'zyyj-02', year: 2025, field: 'actual', text: '1012' }] },
      { source: 'pasted', edits: [{ indicatorId: 'zyyj-03', year: 2025, field: 'actual', text: '225' }] },
    ]);
    expect(q.batches(() => false)).toEqual([]);
  });

  it('survives a reload through storage, per plan, and removes the key once empty', () => {
    const storage = new MemoryStorage();
    const q = new RetryQueue([pending('zyyj-02', '1012'), pending('zyyj-03', '不详', { field: 'note', source: 'pasted' })]);
    expect(q.store(storage, 'plan-a')).toBe(true);
    expect(storage.items.has(pendingStorageKey('plan-a'))).toBe(true);

    const reloaded = RetryQueue.load(storage, 'plan-a');
    expect(reloaded.entries()).toEqual(q.entries());
    expect(RetryQueue.load(storage, 'plan-b').size).toBe(0);

    reloaded.remove({ indicatorId: 'zyyj-02', year: 2025, field: 'actual' });
    reloaded.remove({ indicatorId: 'zyyj-03', year: 2025, field: 'note' });
    reloaded.store(storage, 'plan-a');
    expect(storage.items.has(pendingStorageKey('plan-a'))).toBe(false);
  });

  it('reads broken or foreign storage as an empty queue, keeping the well-formed entries', () => {
    const storage = new MemoryStorage();
    storage.setItem(pendingStorageKey('p'), '{not json');
    expect(RetryQueue.load(storage, 'p').size).toBe(0);
    storage.setItem(pendingStorageKey('p'), JSON.stringify({ indicatorId: 'x' }));
    expect(RetryQueue.load(storage, 'p').size).toBe(0);
    const good = pending('zyyj-02', '1012');
    storage.setItem(
      pendingStorageKey('p'),
      JSON.stringify([good, { ...good, indicatorId: 'zyyj-03', field: 'target' }, { ...good, indicatorId: 'zyyj-04', source: 'import' }, null, 7]),
    );
    expect(RetryQueue.load(storage, 'p').entries()).toEqual([good]);
    expect(RetryQueue.load(null, 'p').size).toBe(0);
  });

  it('a storage that refuses the write reports it and the queue in memory is unchanged', () => {
    const storage = new MemoryStorage();
    storage.full = true;
    const q = new RetryQueue([pending('zyyj-02', '1012')]);
    expect(q.store(storage, 'p')).toBe(false);
    expect(q.size).toBe(1);
  });
});
