// One batch import as the command line runs it (docs/ARCHITECTURE.md §Consolidation): preview
// every file, settle conflicts only as told (--prefer), apply other units' values only when told
// (--include-other-units), and report what was held back. Nothing is written when a file names two
// departments, when the chosen department is unknown, or when conflicts are left unanswered.
import type { ConflictResolution, ImportChange, ImportConflict, ImportFailure, ImportRecord } from '../../shared/api/contract';
import { resolveDepartment } from '../../shared/domain/departments';
import type { Services } from './create-services';
import { readDepartmentAliases } from './create-services';
import { checkPlanDepartment } from './plan-departments';
import type { ImportFileInput, PendingImport } from './import-service';

export type Prefer = 'incoming' | 'current';

export interface BatchImportOptions {
  /** Department for files that name none; an unknown name is refused (ApiFailure). */
  department: string | null;
  /** How to settle conflicts; null = do not apply anything while a conflict remains. */
  prefer: Prefer | null;
  includeOtherUnits: boolean;
  dryRun: boolean;
  who: string;
  at: string;
  onProgress?: (done: number, total: number, name: string) => void;
}

export interface BatchImportOutcome {
  pending: PendingImport[];
  failures: ImportFailure[];
  conflicts: ImportConflict[];
  /** The picks made from --prefer (incoming: the later file on the command line). */
  resolutions: ConflictResolution[];
  /** Other-unit values held back (not applied), with their file. */
  skipped: { fileName: string; change: ImportChange }[];
  /** Why nothing was written, when nothing was: conflicts unanswered, or a file naming two departments. */
  refused: 'conflicts' | 'two-departments' | null;
  record: ImportRecord | null;
}

/** For each conflict, the side --prefer names: the last file giving the cell, or the current value. */
export function resolveByPreference(conflicts: ImportConflict[], prefer: Prefer): ConflictResolution[] {
  return conflicts.map((c) => ({
    indicatorId: c.indicatorId,
    year: c.year,
    take: prefer === 'current' ? 'current' : ((c.incoming[c.incoming.length - 1]?.previewId as string | null) ?? 'current'),
  }));
}

export async function importBatch(services: Services, planId: string, files: ImportFileInput[], options: BatchImportOptions): Promise<BatchImportOutcome> {
  const { store } = services;
  const aliases = readDepartmentAliases(store);
  // "区住房和城乡建设局" names 区住建局 here as in a file; anything else unknown is refused.
  const department = options.department === null ? null : (resolveDepartment(options.department, store.plans.listDepartments(), aliases) ?? options.department);
  // A department of another plan only would skip every value as another unit's: refused (plan-departments.ts).
  checkPlanDepartment(store, store.plans.getPlan(planId), department);
  const { pending, failures, conflicts } = await services.imports.preview(planId, files, options.onProgress, department);
  const resolutions = options.prefer ? resolveByPreference(conflicts, options.prefer) : [];
  const skipped = options.includeOtherUnits ? [] : pending.flatMap((p) => p.preview.otherUnits.map((change) => ({ fileName: p.preview.fileName, change })));
  const outcome: BatchImportOutcome = { pending, failures, conflicts, resolutions, skipped, refused: null, record: null };
  if (failures.some((f) => f.message.key === 'import.two-departments')) return { ...outcome, refused: 'two-departments' };
  if (conflicts.length > 0 && !options.prefer) return { ...outcome, refused: 'conflicts' };
  if (options.dryRun || pending.length === 0) return outcome;
  // The window's use case: before-import backup, one transaction, files kept in imports/.
  const record = await services.imports.apply(planId, pending, options.who, {
    resolutions,
    includeOtherUnits: options.includeOtherUnits
      ? pending.flatMap((p) => p.preview.otherUnits.map((c) => ({ previewId: p.preview.previewId, indicatorId: c.indicatorId, year: c.year, field: c.field })))
      : [],
  });
  return { ...outcome, record };
}
