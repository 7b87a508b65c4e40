// Importing returns: read and interpret each file (no database touched), find each return's
// department, diff it against the database into a preview and find the batch's conflicts; then
// apply the previewed files in ONE transaction with audit rows naming the file, its sha256 and its
// department — skipping unresolved conflicts and unticked other-unit values — or undo a whole import.
// Values for locked cells (reporting cycle) are set apart in the preview and never applied.
import { inProcessJobs } from '../workbook/jobs/jobs';
import { createHash, randomUUID } from 'node:crypto';
import type {
  ConflictResolution,
  ImportChange,
  ImportConflict,
  ImportFailure,
  ImportPreview,
  ImportRecord,
  ImportedFile,
  TargetDiff,
  UnmatchedRow,
} from '../../shared/api/contract';
import type { Plan, Target } from '../../shared/domain/plan';
import { displayName } from '../../shared/domain/plan';
import { ApiFailure, fail } from '../../shared/api/result';
import { planLabel } from '../../shared/domain/plan-label';
import type { CycleLock } from '../../shared/domain/reporting-cycle';
import type { Words } from '../../shared/i18n/cycle-messages';
import { cycleMessage, lockedMessage } from '../../shared/i18n/cycle-messages';
import { message } from '../../shared/i18n/messages';
import type { InterpretedWorkbook } from '../workbook/import/interpret';
import { UnreadableWorkbookError } from '../workbook/import/import-messages';
import type { Store, WriteContext } from '../store/store';
import { actualKey, auditValueText } from '../store/repositories/actuals-repo';
import type { BatchFile } from './import-batch';
import { cellLabel, departmentOfReturn, findConflicts, splitOtherUnits } from './import-batch';
import { planOfBook } from './plan-match';
import { namePlansFromStore } from './import-plan-names';
import { implausibleValueIssues } from '../workbook/import/plausible-issues';

export interface PendingImport {
  preview: ImportPreview;
  book: InterpretedWorkbook;
  /** The file's bytes, kept in the data folder's imports/ when the import is applied. */
  bytes?: Uint8Array;
  /**
   * The issues of finding the file's department (listed first in the preview), kept apart so a
   * preview compared again (refreshPreview) lists each issue once. Absent: none.
   */
  departmentIssues?: ImportPreview['issues'];
}

/** One file to preview; `department` is the one chosen for it (used only when the file names none). */
export interface ImportFileInput {
  name: string;
  bytes: Uint8Array;
  department?: string | null;
}

export interface PreviewOptions {
  /** Department chosen for files that name none (a file's own `department` wins). */
  department?: string | null;
  /** alias → plan department (settings). */
  aliases?: Readonly<Record<string, string>>;
  /** ISO time and who, for the incoming side of conflicts. */
  at?: string;
  who?: string;
  onProgress?: (done: number, total: number, name: string) => void;
}

/** Reads and interprets one file: in this process by default (loaded on first import), or a worker's (WorkbookJobs.readAndInterpret). */
export type ReadWorkbookJob = (bytes: Uint8Array, fileName: string, plan: Plan) => Promise<InterpretedWorkbook>;

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Interpret one file and compare it with the database. Nothing is written. */
export async function previewFile(
  store: Store,
  plan: Plan,
  fileName: string,
  bytes: Uint8Array,
  department: string | null = null,
  aliases: Readonly<Record<string, string>> = {},
  read: ReadWorkbookJob = inProcessJobs.readAndInterpret,
): Promise<PendingImport> {
  // The file's plan named as the database holds it (an old return's _meta names only its id).
  const book = namePlansFromStore(await read(bytes, fileName, plan), plan, store.plans.listPlans());
  const dept = departmentOfReturn(book, fileName, store.plans.listDepartments(), aliases, department);
  const preview = diffAgainstStore(store, plan, book, fileName, sha256(bytes), dept.department, dept.from);
  preview.issues = [...dept.issues, ...preview.issues];
  preview.plan = planOfBook(book, store.plans.listPlans().map((p) => (p.id === plan.id ? plan : store.plans.getPlan(p.id))));
  return { book, bytes, preview, departmentIssues: dept.issues };
}

/** The file's changes against the database, its own and other units' apart. Conflicts are not removed here. */
export function diffAgainstStore(
  store: Store,
  plan: Plan,
  book: InterpretedWorkbook,
  fileName: string,
  sha: string,
  department: string | null = null,
  departmentFrom: ImportPreview['departmentFrom'] = 'none',
): ImportPreview {
  const actuals = store.actuals.forPlan(plan.id);
  const byId = new Map(plan.indicators.map((i) => [i.id, i]));
  const changes: ImportChange[] = [];
  const targetDiffs: TargetDiff[] = [];
  const unmatched: UnmatchedRow[] = [];
  let unchanged = 0;
  for (const row of book.rows) {
    const ind = row.indicatorId ? byId.get(row.indicatorId) : undefined;
    if (!ind) {
      unmatched.push({ sheet: row.sheet, row: row.row, cell: row.nameCell, code: row.code, name: row.name });
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
  const { open, locked, issues: lockIssues } = withoutLockedCells(store, plan, changes);
  const split = splitOtherUnits(plan, department, open);
  const preview: ImportPreview = {
    previewId: randomUUID(),
    fileName,
    sha256: sha,
    format: book.format,
    kind: book.kind,
    department,
    departmentFrom,
    otherUnits: split.other,
    years: book.years,
    changes: split.own,
    unchanged,
    targetDiffs,
    unmatched,
    // Values outside the plausible range are warned at their cell (never applied silently).
    issues: [...lockIssues, ...book.issues, ...implausibleValueIssues(book, plan, (id, year) => actuals.get(actualKey(id, year))?.value ?? null)],
  };
  if (locked.length > 0) preview.locked = locked;
  return preview;
}

/**
 * Changes to locked cells (ReportingRepo.lockOf for the indicator's lead unit and year) set apart:
 * the preview marks them and apply never writes them. One warning per lock, with its reason.
 */
function withoutLockedCells(store: Store, plan: Plan, changes: ImportChange[]): { open: ImportChange[]; locked: ImportChange[]; issues: ImportPreview['issues'] } {
  const byId = new Map(plan.indicators.map((i) => [i.id, i]));
  const locks = new Map<string, CycleLock | null>();
  const counts = new Map<CycleLock, number>();
  const open: ImportChange[] = [];
  const locked: ImportChange[] = [];
  for (const c of changes) {
    const dept = byId.get(c.indicatorId)?.leadUnit ?? '';
    const key = `${dept}|${c.year}`;
    if (!locks.has(key)) locks.set(key, store.reporting.lockOf(plan.id, c.year, dept));
    const lock = locks.get(key) ?? null;
    if (lock) {
      locked.push(c);
      counts.set(lock, (counts.get(lock) ?? 0) + 1);
    } else open.push(c);
  }
  const issues = [...counts].map(([lock, count]) => ({ severity: 'warning' as const, sheet: '', cell: '', message: cycleMessage('import.locked-cells', { count, reason: wordsOf(lockedMessage(lock)) }) }));
  return { open, locked, issues };
}

function wordsOf(m: { zh: string; en: string }): Words {
  return { zh: m.zh, en: m.en };
}

/** The actual values a file gives for its own department's indicators, for conflict detection. */
function batchFile(plan: Plan, p: PendingImport): BatchFile {
  const values = new Map<string, { value: number; cell: string }>();
  if (p.book.kind === 'return') {
    // Other units' values and locked cells are not this file's to give: they never conflict.
    const other = new Set([...p.preview.otherUnits, ...(p.preview.locked ?? [])].filter((c) => c.field === 'actual').map((c) => actualKey(c.indicatorId, c.year)));
    const ids = new Set(plan.indicators.map((i) => i.id));
    for (const row of p.book.rows) {
      if (!row.indicatorId || !ids.has(row.indicatorId)) continue;
      for (const [yearText, v] of Object.entries(row.values)) {
        const key = actualKey(row.indicatorId, Number(yearText));
        if (v.actual === null || !plan.years.includes(Number(yearText)) || other.has(key)) continue;
        values.set(key, { value: v.actual, cell: v.actualCell ?? '' });
      }
    }
  }
  return { previewId: p.preview.previewId, fileName: p.preview.fileName, sha256: p.preview.sha256, department: p.preview.department, values };
}

/**
 * The conflicts of a batch, and each preview's `changes` without the conflicting actuals (so
 * `changes` is exactly what applies when nothing is picked).
 */
export function detectConflicts(store: Store, plan: Plan, pending: PendingImport[], at: string, who: string): ImportConflict[] {
  const conflicts = findConflicts(plan, pending.map((p) => batchFile(plan, p)), store.actuals.forPlan(plan.id), at, who);
  const keys = new Set(conflicts.map((c) => actualKey(c.indicatorId, c.year)));
  for (const p of pending) p.preview.changes = p.preview.changes.filter((c) => c.field !== 'actual' || !keys.has(actualKey(c.indicatorId, c.year)));
  return conflicts;
}

/**
 * A previewed file compared with the database again, keeping its previewId; `department` (chosen)
 * replaces the department only of a file that names none.
 */
export function refreshPreview(store: Store, plan: Plan, item: PendingImport, department?: string | null): PendingImport {
  const p = item.preview;
  const canChoose = p.departmentFrom === 'none' || p.departmentFrom === 'chosen';
  const dept = department !== undefined && canChoose ? department : p.department;
  const from: ImportPreview['departmentFrom'] = department !== undefined && canChoose ? (department === null ? 'none' : 'chosen') : p.departmentFrom;
  const fresh = diffAgainstStore(store, plan, item.book, p.fileName, p.sha256, dept, from);
  // Department issues come first in a preview: keep them, but drop "names no department" once one is
  // chosen. They are kept apart (departmentIssues): the preview's other issues are all made afresh.
  const deptIssues = (item.departmentIssues ?? []).filter((i) => from !== 'chosen' || i.message.key !== 'import.no-department');
  fresh.issues = [...deptIssues, ...fresh.issues];
  return { ...item, preview: { ...fresh, previewId: p.previewId, plan: p.plan } };
}

export async function previewFiles(
  store: Store,
  plan: Plan,
  files: ImportFileInput[],
  options: PreviewOptions | ((done: number, total: number, name: string) => void) = {},
  read: ReadWorkbookJob = inProcessJobs.readAndInterpret,
): Promise<{ pending: PendingImport[]; failures: ImportFailure[]; conflicts: ImportConflict[] }> {
  const opts: PreviewOptions = typeof options === 'function' ? { onProgress: options } : options;
  const pending: PendingImport[] = [];
  const failures: ImportFailure[] = [];
  for (const [i, f] of files.entries()) {
    opts.onProgress?.(i, files.length, f.name);
    try {
      pending.push(await previewFile(store, plan, f.name, f.bytes, f.department ?? opts.department ?? null, opts.aliases, read));
    } catch (error) {
      if (error instanceof UnreadableWorkbookError) failures.push({ fileName: f.name, message: error.appMessage });
      else failures.push({ fileName: f.name, message: message('import.unexpected', { detail: error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error) }) });
    }
  }
  opts.onProgress?.(files.length, files.length, '');
  const conflicts = detectConflicts(store, plan, pending, opts.at ?? new Date().toISOString(), opts.who ?? '');
  return { pending, failures, conflicts };
}

export interface ApplyOptions {
  /** The side picked for conflicting cells; a cell not picked is left as it is. */
  resolutions?: ConflictResolution[];
  /** Other-unit values to apply after all (the user ticked them). */
  includeOtherUnits?: { previewId: string; indicatorId: string; year: number; field: 'actual' | 'note' }[];
  /** Keep each file's bytes (imports/ by sha256), once the transaction has committed. */
  keepFile?: (p: PendingImport) => void;
}

/**
 * Apply previewed files in one transaction. Changes and conflicts are recomputed against the
 * database at apply time, so an edit made after the preview is never overwritten by a stale "old"
 * value. A pick for a cell that is not (or no longer) in conflict, or a tick for a value that is not
 * an other-unit value, refuses the whole import (ApiFailure), nothing written.
 */
export function applyImports(store: Store, plan: Plan, all: PendingImport[], ctx: Omit<WriteContext, 'source'>, options: ApplyOptions = {}): ImportRecord {
  const pending = leaveOutOtherPlansWritingNothing(store, plan, all, options);
  const importId = store.transaction(() => {
    const fresh = pending.map((p) => {
      const preview = diffAgainstStore(store, plan, p.book, p.preview.fileName, p.preview.sha256, p.preview.department, p.preview.departmentFrom);
      return { book: p.book, preview: { ...preview, previewId: p.preview.previewId } };
    });
    const conflicts = detectConflicts(store, plan, fresh, ctx.at, ctx.who);
    const picks = checkResolutions(conflicts, options.resolutions ?? []);
    const ticked = checkTicks(fresh, options.includeOtherUnits ?? []);
    refuseWhenAllLocked(fresh.map((p) => p.preview), picks.size + ticked.size);
    const files: ImportedFile[] = fresh.map((p) => ({ name: p.preview.fileName, sha256: p.preview.sha256, department: p.preview.department, changed: 0, conflicts: 0, skipped: 0 }));
    const id = store.imports.create(files, 0, { ...ctx, source: 'imported' });
    const fileCtx = (i: number): WriteContext => {
      const p = fresh[i]?.preview as ImportPreview;
      return { ...ctx, source: 'imported', sourceFile: p.fileName, sourceSha256: p.sha256, sourceDepartment: p.department, importId: id };
    };
    const write = (i: number, c: ImportChange): void => {
      const changed =
        c.field === 'actual' ? store.actuals.setValue(c.indicatorId, c.year, Number(c.newValue), fileCtx(i)) : store.actuals.setNote(c.indicatorId, c.year, c.newValue, fileCtx(i));
      if (changed) (files[i] as ImportedFile).changed = ((files[i] as ImportedFile).changed ?? 0) + 1;
    };
    fresh.forEach((p, i) => {
      for (const c of p.preview.changes) write(i, c);
      for (const c of p.preview.otherUnits) {
        if (ticked.has(`${p.preview.previewId}|${c.indicatorId}|${c.year}|${c.field}`)) write(i, c);
        else (files[i] as ImportedFile).skipped = ((files[i] as ImportedFile).skipped ?? 0) + 1;
      }
    });
    for (const conflict of conflicts) {
      const take = picks.get(actualKey(conflict.indicatorId, conflict.year));
      const index = take === undefined || take === 'current' ? -1 : fresh.findIndex((p) => p.preview.previewId === take);
      if (take === undefined)
        for (const side of conflict.incoming) {
          const f = files[fresh.findIndex((p) => p.preview.previewId === side.previewId)] as ImportedFile;
          f.conflicts = (f.conflicts ?? 0) + 1;
        }
      if (index < 0) continue;
      const side = conflict.incoming.find((s) => s.previewId === take);
      const changed = store.actuals.setValue(conflict.indicatorId, conflict.year, side?.value ?? null, fileCtx(index));
      if (changed) (files[index] as ImportedFile).changed = ((files[index] as ImportedFile).changed ?? 0) + 1;
    }
    store.imports.setFiles(id, files, files.reduce((n, f) => n + (f.changed ?? 0), 0));
    return id;
  });
  // After the commit: a refused import leaves nothing behind, not even a kept file.
  for (const p of pending) options.keepFile?.(p);
  return store.imports.get(importId) as ImportRecord;
}

/**
 * A file of another plan (its preview's `plan`: by _meta or by names) that would write nothing here
 * is not recorded under this plan: it is not this plan's return, and its record would show as the
 * department's last import (docs/ARCHITECTURE.md §The import preview). When every file is such a
 * file the import is refused (zh+en, nothing written). One of another plan whose rows match this
 * plan by name and change figures is applied as before (§Which plan).
 */
function leaveOutOtherPlansWritingNothing(store: Store, plan: Plan, pending: PendingImport[], options: ApplyOptions): PendingImport[] {
  const writes = (p: PendingImport): boolean => {
    const id = p.preview.previewId;
    if (diffAgainstStore(store, plan, p.book, p.preview.fileName, p.preview.sha256, p.preview.department, p.preview.departmentFrom).changes.length > 0) return true;
    if ((options.includeOtherUnits ?? []).some((t) => t.previewId === id)) return true;
    return (options.resolutions ?? []).some((r) => r.take === id);
  };
  const other = (p: PendingImport): boolean => p.preview.plan != null && p.preview.plan.planId !== plan.id;
  const kept = pending.filter((p) => !other(p) || writes(p));
  if (kept.length === 0 && pending.length > 0) {
    const first = pending[0]?.preview.plan;
    fail('refused', 'import.other-plan-nothing', { plan: first ? planLabel({ id: first.planId, shortName: first.shortName, title: first.title }) : '' });
  }
  return kept;
}

/**
 * An import whose every value falls in locked cells is refused (zh+en, nothing written — not even
 * an import record), so "imported 0 changes" never hides that the year is locked.
 */
function refuseWhenAllLocked(previews: ImportPreview[], picked: number): void {
  const locked = previews.flatMap((p) => p.locked ?? []);
  if (locked.length === 0 || picked > 0 || previews.some((p) => p.changes.length > 0)) return;
  const warning = previews.flatMap((p) => p.issues).find((i) => i.message.key === 'cycle.import.locked-cells');
  const reason: Words = warning ? wordsOf(warning.message) : { zh: '', en: '' };
  throw new ApiFailure('refused', cycleMessage('import.all-locked', { count: locked.length, reason }));
}

function checkResolutions(conflicts: ImportConflict[], resolutions: ConflictResolution[]): Map<string, string> {
  const byKey = new Map(conflicts.map((c) => [actualKey(c.indicatorId, c.year), c]));
  const picks = new Map<string, string>();
  for (const r of resolutions) {
    const conflict = byKey.get(actualKey(r.indicatorId, r.year));
    if (!conflict) fail('refused', 'import.not-a-conflict', { cell: cellLabel(r.indicatorId, r.year) });
    if (r.take !== 'current' && !conflict.incoming.some((s) => s.previewId === r.take)) fail('refused', 'import.bad-pick', { cell: cellLabel(r.indicatorId, r.year), take: r.take });
    picks.set(actualKey(r.indicatorId, r.year), r.take);
  }
  return picks;
}

function checkTicks(fresh: { preview: ImportPreview }[], ticks: NonNullable<ApplyOptions['includeOtherUnits']>): Set<string> {
  const known = new Set(fresh.flatMap((p) => p.preview.otherUnits.map((c) => `${p.preview.previewId}|${c.indicatorId}|${c.year}|${c.field}`)));
  const out = new Set<string>();
  for (const t of ticks) {
    const key = `${t.previewId}|${t.indicatorId}|${t.year}|${t.field}`;
    if (!known.has(key)) fail('refused', 'import.not-other-unit', { cell: cellLabel(t.indicatorId, t.year) });
    out.add(key);
  }
  return out;
}
