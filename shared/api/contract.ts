// THE API CONTRACT: everything the renderer may ask of the main process, typed once, with a
// runtime schema for every request (checked in main before a handler runs) and every response
// (checked against the real handlers by tests/electron/services/contract-responses.test.ts).
// The preload (Electron) and the HTTP client (browser mode) both implement IndicatorDeskApi.
import { z } from 'zod';
import type { Result } from './result';
import { AppMessageSchema } from '../i18n/engine';
import { ParseRefusalCodeSchema } from '../domain/parse-number';
import { DirectionSchema, IndicatorKindSchema } from '../domain/plan';
import { OutlookSchema } from '../domain/progress';
import { CellStatusSchema } from '../domain/status';
import { WorkbookFormatSchema, WorkbookKindSchema } from '../domain/workbook-file';
import { LangSchema } from '../i18n/lang';

const Year = z.number().int().min(1900).max(2200);
const Id = z.string().min(1).max(200);
const Department = z.string().min(1).max(200);
const TargetSchema = z.union([z.number(), z.literal('/')]);
/** Which value of a cell an edit or an import change writes. */
export const EditFieldSchema = z.enum(['actual', 'note']);
export const EditSourceSchema = z.enum(['typed', 'pasted', 'undo', 'redo']);

export const SettingsSchema = z.object({
  /** Current department; null = all departments (the coordinating office). */
  department: Department.nullable(),
  clerkName: z.string().max(100),
  clerkPhone: z.string().max(50),
  lang: LangSchema,
});

/** What a plan says about an indicator, shared by the plan (IndicatorSchema) and each grid row. */
const IndicatorFields = {
  code: z.string(),
  domain: z.string(),
  name: z.string(),
  unit: z.string(),
  kind: IndicatorKindSchema,
  direction: DirectionSchema,
  /** As on Indicator: lets the renderer colour "near" instantly with the shared rule. */
  tolerance: z.number().nullable(),
  leadUnit: z.string(),
  coUnits: z.array(z.string()),
};

export const IndicatorSchema = z.object({
  id: Id,
  ...IndicatorFields,
  targets: z.record(z.string(), TargetSchema),
});

export const PlanSchema = z.object({
  id: Id,
  shortName: z.string(),
  title: z.string(),
  tableTitle: z.string(),
  years: z.array(Year),
  domains: z.array(z.string()),
  indicators: z.array(IndicatorSchema),
  sourceNote: z.string(),
  coordinator: z.string(),
  version: z.number().int(),
});

/** One (indicator, year) cell as the grid shows it. `status` comes from shared cellStatus(). */
export const GridCellSchema = z.object({
  target: TargetSchema.nullable(),
  actual: z.number().nullable(),
  note: z.string().nullable(),
  status: CellStatusSchema,
  gap: z.number().nullable(),
  completion: z.number().nullable(),
});

export const GridRowSchema = z.object({
  indicatorId: Id,
  ...IndicatorFields,
  /** Keyed by year as a string ("2025"). */
  cells: z.record(z.string(), GridCellSchema),
});

export const GridSchema = z.object({
  planId: Id,
  year: Year,
  department: Department.nullable(),
  years: z.array(Year),
  /** ISO date (YYYY-MM-DD) the statuses were computed for. */
  today: z.string(),
  rows: z.array(GridRowSchema),
});

export const CellEditSchema = z.object({
  indicatorId: Id,
  year: Year,
  field: EditFieldSchema,
  /** Exactly what the clerk typed or pasted; parsed in main with the shared parser. */
  text: z.string().max(2000),
});

/**
 * Why the service refused the TEXT of an edit (it would be refused again as it stands, so the clerk
 * must correct it): a parser refusal code, or a note over the length limit. Machine-readable so the
 * renderer decides "refused" vs "unsaved, retry" on this, never on a message key.
 */
export const EditRefusalSchema = z.enum([...ParseRefusalCodeSchema.options, 'note-too-long']);

export const CellEditResultSchema = z.object({
  indicatorId: Id,
  year: Year,
  field: EditFieldSchema,
  ok: z.boolean(),
  /** Present when ok: the cell as saved. */
  cell: GridCellSchema.optional(),
  /** Present when refused: why, in both languages. Nothing was written for this edit. */
  error: AppMessageSchema.optional(),
  /** Present when the text itself was refused (see EditRefusalSchema). */
  refusal: EditRefusalSchema.optional(),
});

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  who: z.string(),
  /** The operating-system account that made the change (null for rows from before it was recorded). */
  osUser: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  indicatorId: z.string().nullable(),
  year: z.number().int().nullable(),
  field: z.string().nullable(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  source: z.string(),
  sourceFile: z.string().nullable(),
  sourceSha256: z.string().nullable(),
});

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
  code: z.string().nullable(),
  name: z.string(),
});

export const ImportPreviewSchema = z.object({
  previewId: Id,
  fileName: z.string(),
  sha256: z.string(),
  format: WorkbookFormatSchema,
  kind: WorkbookKindSchema,
  department: z.string().nullable(),
  years: z.array(Year),
  changes: z.array(ImportChangeSchema),
  unchanged: z.number().int(),
  targetDiffs: z.array(TargetDiffSchema),
  unmatched: z.array(UnmatchedRowSchema),
  issues: z.array(ImportIssueSchema),
});

export const ImportFailureSchema = z.object({
  fileName: z.string(),
  message: AppMessageSchema,
});

export const ImportRecordSchema = z.object({
  importId: z.number().int(),
  at: z.string(),
  who: z.string(),
  files: z.array(z.object({ name: z.string(), sha256: z.string() })),
  changeCount: z.number().int(),
  undone: z.boolean(),
});

export const ProgressRowSchema = z.object({
  indicatorId: Id,
  outlook: OutlookSchema,
  latestYear: Year.nullable(),
  latestActual: z.number().nullable(),
  /** The target the latest actual is judged against (that year's, or the last numeric one before). */
  latestTarget: z.number().nullable(),
  finalYear: Year.nullable(),
  finalTarget: z.number().nullable(),
  projected: z.number().nullable(),
  /** Cumulative indicators only: implied starting level, share of the path covered, share of time elapsed. */
  baseline: z.number().nullable(),
  pathShare: z.number().nullable(),
  timeShare: z.number().nullable(),
});

const FileUpload = z.object({
  name: z.string().min(1).max(260),
  /** Workbook bytes, base64; 50 MB decoded at most. */
  base64: z.string().max(70_000_000),
});

export const api = {
  getBootstrap: {
    request: z.object({}),
    response: z.object({
      appVersion: z.string(),
      mode: z.enum(['desktop', 'browser']),
      today: z.string(),
      plans: z.array(z.object({ id: Id, shortName: z.string(), title: z.string(), years: z.array(Year) })),
      departments: z.array(z.string()),
      settings: SettingsSchema,
      dataFolder: z.string(),
    }),
  },
  getPlan: { request: z.object({ planId: Id }), response: PlanSchema },
  getGrid: {
    request: z.object({ planId: Id, year: Year, department: Department.nullable() }),
    response: GridSchema,
  },
  /** Save typed or pasted edits. Valid edits are saved in one transaction; refused ones are reported. */
  saveCells: {
    request: z.object({ planId: Id, source: EditSourceSchema, edits: z.array(CellEditSchema).min(1).max(100_000) }),
    response: z.object({ results: z.array(CellEditResultSchema) }),
  },
  getCellHistory: {
    request: z.object({ planId: Id, indicatorId: Id, year: Year }),
    response: z.array(AuditEntrySchema),
  },
  previewImport: {
    request: z.object({ planId: Id, files: z.array(FileUpload).min(1).max(200) }),
    response: z.object({ previews: z.array(ImportPreviewSchema), failures: z.array(ImportFailureSchema) }),
  },
  applyImport: {
    request: z.object({ previewIds: z.array(Id).min(1) }),
    response: ImportRecordSchema,
  },
  /** An open preview dialog keeps its previews alive (they expire when unused); returns those still held. */
  keepImportPreviews: { request: z.object({ previewIds: z.array(Id).max(200) }), response: z.object({ alive: z.array(Id) }) },
  /** Free previews that will not be applied (dialog closed). */
  discardImportPreviews: { request: z.object({ previewIds: z.array(Id).max(200) }), response: z.object({}) },
  undoImport: { request: z.object({ importId: z.number().int() }), response: ImportRecordSchema },
  listImports: { request: z.object({}), response: z.array(ImportRecordSchema) },
  exportWorkbook: {
    request: z.object({ planId: Id, year: Year, department: Department.nullable() }),
    response: z.object({ fileName: z.string(), base64: z.string() }),
  },
  getProgress: { request: z.object({ planId: Id }), response: z.array(ProgressRowSchema) },
  saveSettings: { request: SettingsSchema, response: SettingsSchema },
} as const;

export type ApiMethod = keyof typeof api;
export const API_METHODS = Object.keys(api) as ApiMethod[];
export type ApiRequest<M extends ApiMethod> = z.infer<(typeof api)[M]['request']>;
export type ApiResponse<M extends ApiMethod> = z.infer<(typeof api)[M]['response']>;

/** What the renderer holds: one object, every method returns a Result. */
export type IndicatorDeskApi = { [M in ApiMethod]: (request: ApiRequest<M>) => Promise<Result<ApiResponse<M>>> };

/** What main implements: plain handlers that return a value or throw ApiFailure. */
export type ApiHandlers = { [M in ApiMethod]: (request: ApiRequest<M>) => ApiResponse<M> | Promise<ApiResponse<M>> };

export type Settings = z.infer<typeof SettingsSchema>;
export type Grid = z.infer<typeof GridSchema>;
export type GridRow = z.infer<typeof GridRowSchema>;
export type GridCell = z.infer<typeof GridCellSchema>;
export type CellEdit = z.infer<typeof CellEditSchema>;
export type CellEditResult = z.infer<typeof CellEditResultSchema>;
export type EditSource = z.infer<typeof EditSourceSchema>;
export type EditRefusal = z.infer<typeof EditRefusalSchema>;
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type ImportIssue = z.infer<typeof ImportIssueSchema>;
export type ImportChange = z.infer<typeof ImportChangeSchema>;
export type TargetDiff = z.infer<typeof TargetDiffSchema>;
export type UnmatchedRow = z.infer<typeof UnmatchedRowSchema>;
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;
export type ImportFailure = z.infer<typeof ImportFailureSchema>;
export type ImportRecord = z.infer<typeof ImportRecordSchema>;
export type ProgressRow = z.infer<typeof ProgressRowSchema>;
export type Bootstrap = ApiResponse<'getBootstrap'>;
