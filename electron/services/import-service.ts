// Importing returns: read and interpret each file (no database touched), diff it against the
// database into a preview, then apply every previewed file in ONE transaction with audit rows that
// name the file and its sha256 — or undo a whole applied import.
import { createHash, randomUUID } from 'node:crypto';
import type { ImportChange, ImportFailure, ImportPreview, ImportRecord, TargetDiff, UnmatchedRow } from '../../shared/api/contract';
import type { Plan, Target } from '../../shared/domain/plan';
import { displayName } from '../../shared/domain/plan';
import { fail } from '../../shared/api/result';
import { message } from '../../shared/i18n/messages';
import type { InterpretedWorkbook } from '../workbook/import/interpret';
import { UnreadableWorkbookError } from '../workbook/import/import-messages';
import type { Store, WriteContext } from '../store/store';
import { actualKey, auditValueText } from '../store/repositories/actuals-repo';

export interface PendingImport {
  preview: ImportPreview;
  book: InterpretedWorkbook;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Interpret one file and compare it with the database. Nothing is written. */
export async function previewFile(store: Store, plan: Plan, fileName: string, bytes: Uint8Array): Promise<PendingImport> {
  // Loaded on first import (ExcelJS, SheetJS): the desktop window opens without it (docs/ARCHITECTURE.md §Start-up and packaging).
  const { readAndInterpret } = await import('../workbook/import/interpret');
  const book = await readAndInterpret(bytes, fileName, plan);
  return { book, preview: diffAgainstStore(store, plan, book, fileName, sha256(bytes)) };
}

export function diffAgainstStore(store: Store, plan: Plan, book: InterpretedWorkbook, fileName: string, sha: string): ImportPreview {
  const actuals = store.actuals.forPlan(plan.id);
  const byId = new Map(plan.indicators.map((i) => [i.id, i]));
  const changes: ImportChange[] = [];
  const targetDiffs: TargetDiff[] = [];
  const unmatched: UnmatchedRow[] = [];
  let unchanged = 0;
  for (const row of book.rows) {
    const ind = row.indicatorId ? byId.get(row.indicatorId) : undefined;
    if (!ind) {
      unmatched.push({ sheet: row.sheet, row: row.row, code: row.code, name: row.name });
      continue;
    }
    for (const [yearText, v] of Object.entries(row.values)) {
      const year = Number(yearText);
      if (!plan.years.includes(year)) continue;
      const current = actuals.get(actualKey(ind.id, year));
      const base = { indicatorId: ind.id, code: ind.code, name: displayName(ind), year };
      // A blank in the file never erases what is in the database: only values the file gives count.
      if (book.kind === 'return' && v.actual !== null) {
        if ((current?.value ?? null) === v.actual) unchanged += 1;
        else changes.push({ ...base, field: 'actual', oldValue: auditValueText(current?.value ?? null), newValue: String(v.actual), cell: v.actualCell ?? '' });
      }
      if (book.kind === 'return' && v.note !== null && v.note.trim() !== '') {
        if ((current?.note ?? null) === v.note) unchanged += 1;
        else changes.push({ ...base, field: 'note', oldValue: current?.note ?? null, newValue: v.note, cell: v.noteCell ?? '' });
      }
      if (v.target !== null) {
        const planTarget: Target | undefined = ind.targets[year];
        if (planTarget !== v.target) {
          targetDiffs.push({ ...base, planTarget: planTarget ?? null, fileTarget: v.target, cell: v.targetCell ?? '' });
        }
      }
    }
  }
  return {
    previewId: randomUUID(),
    fileName,
    sha256: sha,
    format: book.format,
    kind: book.kind,
    department: book.department,
    years: book.years,
    changes,
    unchanged,
    targetDiffs,
    unmatched,
    issues: book.issues,
  };
}

export async function previewFiles(
  store: Store,
  plan: Plan,
  files: { name: string; bytes: Uint8Array }[],
  onProgress?: (done: number, total: number, name: string) => void,
): Promise<{ pending: PendingImport[]; failures: ImportFailure[] }> {
  const pending: PendingImport[] = [];
  const failures: ImportFailure[] = [];
  for (const [i, f] of files.entries()) {
    onProgress?.(i, files.length, f.name);
    try {
      pending.push(await previewFile(store, plan, f.name, f.bytes));
    } catch (error) {
      if (error instanceof UnreadableWorkbookError) failures.push({ fileName: f.name, message: error.appMessage });
      else failures.push({ fileName: f.name, message: message('import.unexpected', { detail: error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error) }) });
    }
  }
  onProgress?.(files.length, files.length, '');
  return { pending, failures };
}

/**
 * Apply previewed files in one transaction. Changes are recomputed against the database at apply
 * time, so an edit made after the preview is never overwritten by a stale "old" value.
 */
export function applyImports(store: Store, plan: Plan, pending: PendingImport[], ctx: Omit<WriteContext, 'source'>): ImportRecord {
  const files = pending.map((p) => ({ name: p.preview.fileName, sha256: p.preview.sha256 }));
  const importId = store.transaction(() => {
    const id = store.imports.create(files, 0, { ...ctx, source: 'imported' });
    let count = 0;
    for (const p of pending) {
      const fresh = diffAgainstStore(store, plan, p.book, p.preview.fileName, p.preview.sha256);
      const fileCtx: WriteContext = { ...ctx, source: 'imported', sourceFile: p.preview.fileName, sourceSha256: p.preview.sha256, importId: id };
      for (const c of fresh.changes) {
        const changed =
          c.field === 'actual'
            ? store.actuals.setValue(c.indicatorId, c.year, Number(c.newValue), fileCtx)
            : store.actuals.setNote(c.indicatorId, c.year, c.newValue, fileCtx);
        if (changed) count += 1;
      }
    }
    store.imports.setChangeCount(id, count);
    return id;
  });
  return store.imports.get(importId) as ImportRecord;
}

/**
 * Undo a whole import: every cell it changed goes back to its value before the import. Refused
 * (nothing written) when a cell was edited again after the import, so no later work is lost.
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
      if (e.entity === 'actual') store.actuals.setValue(e.indicatorId as string, e.year as number, e.oldValue === null ? null : Number(e.oldValue), undoCtx);
      else store.actuals.setNote(e.indicatorId as string, e.year as number, e.oldValue, undoCtx);
    }
    store.imports.markUndone(importId, undoCtx);
  });
  return store.imports.get(importId) as ImportRecord;
}
