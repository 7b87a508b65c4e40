// Undoing an applied import (docs/ARCHITECTURE.md §Import pipeline): the audit rows the import
// wrote are walked back in one IMMEDIATE transaction, each cell to the value and source it had.
import type { ImportRecord } from '../../shared/api/contract';
import { fail } from '../../shared/api/result';
import type { Store, WriteContext } from '../store/store';
import { auditValueText } from '../store/repositories/actuals-repo';

/**
 * Undo a whole import: every cell it changed goes back to its value before the import, with the
 * source that value had. Refused (nothing written) when a cell was edited again after the import,
 * so no later work is lost.
 */
export function undoImport(store: Store, importId: number, ctx: Omit<WriteContext, 'source'>): ImportRecord {
  const record = store.imports.get(importId);
  if (!record) fail('not-found', 'import.not-found', { id: importId });
  if (record.undone) fail('conflict', 'import.already-undone', { id: importId });
  const entries = store.audit.forImport(importId).filter((e) => (e.entity === 'actual' || e.entity === 'note') && e.indicatorId && e.year !== null);
  store.transaction(() => {
    const undoCtx: WriteContext = { ...ctx, source: 'import-undone', importId };
    for (const e of [...entries].reverse()) {
      const current = store.actuals.get(e.indicatorId as string, e.year as number);
      const now = e.entity === 'actual' ? auditValueText(current.value) : current.note;
      if (now !== e.newValue) fail('conflict', 'import.changed-since', { cell: `${e.indicatorId} ${e.year}` });
      if (e.entity === 'actual') {
        const before = store.audit.valueSourceBefore(e.indicatorId as string, e.year as number, e.id);
        store.actuals.setValue(e.indicatorId as string, e.year as number, e.oldValue === null ? null : Number(e.oldValue), undoCtx, before ?? undoCtx);
      } else store.actuals.setNote(e.indicatorId as string, e.year as number, e.oldValue, undoCtx);
    }
    store.imports.markUndone(importId, undoCtx);
  });
  return store.imports.get(importId) as ImportRecord;
}
