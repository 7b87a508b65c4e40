// The import part of the API contract (shared/api/contract.ts): previews, changes, conflicts and
// applied imports (docs/ARCHITECTURE.md §Import pipeline, §Consolidation).
import { z } from 'zod';
import { AppMessageSchema } from '../i18n/app-message-schema';
import { WorkbookFormatSchema, WorkbookKindSchema } from '../domain/workbook-file';
import { Department, EditFieldSchema, Id, ProvenanceSchema, TargetSchema, Year } from './fields';

export const ImportIssueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  sheet: z.string(),
  cell: z.string(),
  message: AppMessageSchema,
});

export const ImportChangeSchema = z.object({
  indicatorId: Id,
  code: z.string(),
  name: z.string(),
  year: Year,
  field: EditFieldSchema,
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  /** Where the new value came from, e.g. 填报表!H9. */
  cell: z.string(),
});

export const TargetDiffSchema = z.object({
  indicatorId: Id,
  code: z.string(),
  name: z.string(),
  year: Year,
  planTarget: TargetSchema.nullable(),
  fileTarget: TargetSchema.nullable(),
  cell: z.string(),
});

export const UnmatchedRowSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  /** The A1 address of the row's name cell on `sheet` ("C18"); absent from older previews. */
  cell: z.string().optional(),
  code: z.string().nullable(),
  name: z.string(),
});

/** One side of a conflict: the database's current value, or a file of the batch. */
export const ConflictSideSchema = z.object({
  /** The preview (file) this side comes from; null for the current value in the database. */
  previewId: Id.nullable(),
  value: z.number().nullable(),
  /** The file's cell (填报表!M9) for a file side; null for the current value. */
  cell: z.string().nullable(),
  provenance: ProvenanceSchema.nullable(),
});

/**
 * A cell two sources disagree on: an incoming value differs from the current one and comes from
 * another department or file than the one that set it, or two files of one batch disagree.
 * Nothing is applied for it until a side is picked.
 */
export const ImportConflictSchema = z.object({
  indicatorId: Id,
  code: z.string(),
  name: z.string(),
  year: Year,
  current: ConflictSideSchema.nullable(),
  /** Every file of the batch giving a value for this cell, in batch order. */
  incoming: z.array(ConflictSideSchema).min(1),
});

/** The pick for one conflicting cell: a file of the batch (its previewId) or 'current'. */
export const ConflictResolutionSchema = z.object({
  indicatorId: Id,
  year: Year,
  take: z.union([z.literal('current'), Id]),
});

export const ImportPreviewSchema = z.object({
  previewId: Id,
  fileName: z.string(),
  sha256: z.string(),
  format: WorkbookFormatSchema,
  kind: WorkbookKindSchema,
  /** Canonical department of the return (aliases resolved); null = 未指定单位. */
  department: z.string().nullable(),
  /** Where the department came from. */
  departmentFrom: z.enum(['meta', 'line', 'chosen', 'none']),
  /** Values for indicators the department neither leads nor co-reports: applied only when ticked. */
  otherUnits: z.array(ImportChangeSchema),
  years: z.array(Year),
  changes: z.array(ImportChangeSchema),
  unchanged: z.number().int(),
  targetDiffs: z.array(TargetDiffSchema),
  unmatched: z.array(UnmatchedRowSchema),
  issues: z.array(ImportIssueSchema),
  /**
   * The plan of the database the file belongs to (its _meta plan id, else its indicator names:
   * electron/services/plan-match.ts); null when it belongs to none; absent from older previews.
   */
  plan: z.object({ planId: Id, title: z.string(), shortName: z.string().optional(), by: z.enum(['meta', 'names']) }).nullable().optional(),
  /**
   * Values the file gives for cells that are locked (their department-year or the whole year,
   * docs/ARCHITECTURE.md §Reporting cycle): shown, never applied. Absent when there are none.
   */
  locked: z.array(ImportChangeSchema).optional(),
});

export const ImportFailureSchema = z.object({
  fileName: z.string(),
  message: AppMessageSchema,
});

export const ImportedFileSchema = z.object({
  name: z.string(),
  sha256: z.string(),
  department: z.string().nullable().optional(),
  /** Cells this file changed, conflicts left unresolved, other-unit values skipped. */
  changed: z.number().int().optional(),
  conflicts: z.number().int().optional(),
  skipped: z.number().int().optional(),
});

export const ImportRecordSchema = z.object({
  importId: z.number().int(),
  at: z.string(),
  who: z.string(),
  files: z.array(ImportedFileSchema),
  changeCount: z.number().int(),
  undone: z.boolean(),
});

/** A preview batch: every readable file, the unreadable ones, and the conflicts across them. */
export function ImportBatchSchema() {
  return z.object({ previews: z.array(ImportPreviewSchema), failures: z.array(ImportFailureSchema), conflicts: z.array(ImportConflictSchema) });
}

/** alias → department name of the plan, e.g. {"区住房和城乡建设局": "区住建局"}. */
export const DepartmentAliasesSchema = z.record(z.string().min(1).max(200), Department);
