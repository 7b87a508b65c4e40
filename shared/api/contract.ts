// THE API CONTRACT: everything the renderer may ask of the main process, typed once, with a
// runtime schema for every request (checked in main before a handler runs) and every response
// (checked against the real handlers by tests/electron/services/contract-responses.test.ts).
// The preload (Electron) and the HTTP client (browser mode) both implement IndicatorDeskApi.
import { z } from 'zod';
import type { Result } from './result';
import { AppMessageSchema } from '../i18n/app-message-schema';
import { ParseRefusalCodeSchema } from '../domain/domain-schemas';
import { DirectionSchema, IndicatorKindSchema } from '../domain/domain-schemas';
import { CellStatusSchema } from '../domain/domain-schemas';
import { PlausibleRangeSchema } from '../domain/domain-schemas';
import { LangSchema } from '../i18n/lang';
import { TextSizeSchema } from '../domain/text-size';
import { Department, EditFieldSchema, Id, ProvenanceSchema, TargetSchema, Year } from './fields';
import type {
  ConflictSideSchema, ImportChangeSchema, ImportFailureSchema, ImportIssueSchema, ImportedFileSchema, TargetDiffSchema, UnmatchedRowSchema,
} from './import-schemas';
import {
  ConflictResolutionSchema, DepartmentAliasesSchema, ImportBatchSchema, ImportConflictSchema, ImportPreviewSchema, ImportRecordSchema,
} from './import-schemas';
import { DashboardSchema, ProgressRowSchema } from './progress-schemas';
import {
  EditablePlanSchema, IndicatorDraftSchema, IndicatorPatchSchema, PlanDraftSchema, PlanInfoPatchSchema, PlanRevisionSchema, PlanSummarySchema,
  PlanTablePreviewSchema, ReasonSchema,
} from './plan-schemas';
import { DepartmentContactsSchema, ReportingOverviewSchema } from './overview-schemas';
import { cycleApi } from './cycle-schemas';

export const EditSourceSchema = z.enum(['typed', 'pasted', 'undo', 'redo']);

export const SettingsSchema = z.object({
  /** Current department; null = all departments (the coordinating office). */
  department: Department.nullable(),
  clerkName: z.string().max(100),
  clerkPhone: z.string().max(50),
  lang: LangSchema,
  /** Text size in percent (100, 125, 150); absent = 100 (settings saved before it existed). */
  textSize: TextSizeSchema.optional(),
  /** The plan the window shows (the plan switcher, issue 14); absent or null = the first plan. */
  planId: Id.nullable().optional(),
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
  /** Source of the current actual (absent when there is none). */
  provenance: ProvenanceSchema.optional(),
  /** 原目标: the target before it was revised (null = there was none); absent when never revised. */
  originalTarget: TargetSchema.nullable().optional(),
  /** Present when the cell's department-year (or whole year) is locked: why, who, when — it refuses every change. */
  locked: AppMessageSchema.optional(),
});

export const GridRowSchema = z.object({
  indicatorId: Id,
  ...IndicatorFields,
  /** The indicator's own plausible range, when it has one (shared/domain/plausible.ts). */
  plausible: PlausibleRangeSchema.optional(),
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
 * renderer decides "refused" vs "unsaved, retry" on this, never on a message key. 'locked': the
 * cell's department-year (or whole year) is locked (docs/ARCHITECTURE.md §Reporting cycle).
 */
export const EditRefusalSchema = z.enum([...ParseRefusalCodeSchema.options, 'note-too-long', 'locked']);

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
  /** Department of the return (imports) or of the clerk (typed); null when unknown. */
  sourceDepartment: z.string().nullable().optional(),
  importId: z.number().int().nullable().optional(),
  /** Why the change was made (调整原因), for plan revisions; null elsewhere. */
  reason: z.string().nullable().optional(),
});


const FileUpload = z.object({
  name: z.string().min(1).max(260),
  /** Workbook bytes, base64; 50 MB decoded at most. */
  base64: z.string().max(70_000_000),
  /** Department chosen for this file in the preview (used only when the file names none). */
  department: Department.nullable().optional(),
});

export const api = {
  getBootstrap: {
    request: z.object({}),
    response: z.object({
      appVersion: z.string(),
      mode: z.enum(['desktop', 'browser']),
      today: z.string(),
      /** Each plan with its own departments (lead and co-units of its indicators, in the department order). */
      plans: z.array(z.object({ id: Id, shortName: z.string(), title: z.string(), years: z.array(Year), departments: z.array(z.string()) })),
      /** Every department of every plan (the clerk's own department in settings is one of these). */
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
  /** Read files and compare them with the database and with each other. Nothing is written. */
  previewImport: {
    request: z.object({
      planId: Id,
      files: z.array(FileUpload).min(1).max(200),
      /** Department chosen for files that name none (the file's own meta sheet or 填报单位 line wins). */
      department: Department.nullable().optional(),
    }),
    response: ImportBatchSchema(),
  },
  /**
   * Compare previewed files with each other and with the database again (after files were previewed
   * one by one, a file left out, or a department chosen for a file that names none).
   */
  consolidateImport: {
    request: z.object({ previewIds: z.array(Id).min(1).max(200), departments: z.record(Id, Department.nullable()).optional() }),
    response: z.object({ previews: z.array(ImportPreviewSchema), conflicts: z.array(ImportConflictSchema) }),
  },
  /** Apply previewed files in one transaction; unresolved conflicts and unticked other-unit values are skipped. */
  applyImport: {
    request: z.object({
      previewIds: z.array(Id).min(1),
      resolutions: z.array(ConflictResolutionSchema).max(100_000).optional(),
      /** Other-unit values the user ticked. */
      includeOtherUnits: z.array(z.object({ previewId: Id, indicatorId: Id, year: Year, field: z.enum(['actual', 'note']) })).max(100_000).optional(),
    }),
    response: ImportRecordSchema,
  },
  /** An open preview dialog keeps its previews alive (they expire when unused); returns those still held. */
  keepImportPreviews: { request: z.object({ previewIds: z.array(Id).max(200) }), response: z.object({ alive: z.array(Id) }) },
  /** Free previews that will not be applied (dialog closed). */
  discardImportPreviews: { request: z.object({ previewIds: z.array(Id).max(200) }), response: z.object({}) },
  undoImport: { request: z.object({ importId: z.number().int() }), response: ImportRecordSchema },
  listImports: { request: z.object({}), response: z.array(ImportRecordSchema) },
  /** Open a past import's kept files again (imports/ in the data folder) as a fresh preview. */
  reopenImport: { request: z.object({ planId: Id, importId: z.number().int() }), response: ImportBatchSchema() },
  /** Department aliases: other spellings (full names) → the plan's name. */
  getDepartmentAliases: { request: z.object({}), response: DepartmentAliasesSchema },
  saveDepartmentAliases: { request: DepartmentAliasesSchema, response: DepartmentAliasesSchema },
  exportWorkbook: {
    request: z.object({ planId: Id, year: Year, department: Department.nullable() }),
    response: z.object({ fileName: z.string(), base64: z.string() }),
  },
  getProgress: { request: z.object({ planId: Id }), response: z.array(ProgressRowSchema) },
  getDashboard: { request: z.object({ planId: Id, year: Year }), response: DashboardSchema },
  /** The leadership report of a reporting year: a PDF (A4, Chinese or English) or the consolidated workbook. */
  exportReport: {
    request: z.object({ planId: Id, year: Year, format: z.enum(['pdf', 'xlsx']), lang: LangSchema }),
    response: z.object({ fileName: z.string(), base64: z.string() }),
  },
  saveSettings: { request: SettingsSchema, response: SettingsSchema },
  // --- plans as data (shared/api/plan-schemas.ts; docs/ARCHITECTURE.md §Plans as data) ---
  /** Every plan in the database, with its indicator count. */
  listPlans: { request: z.object({}), response: z.array(PlanSummarySchema) },
  /** A plan for the editor: retired indicators included (with retiredAt), plausible ranges, hasActuals. */
  getPlanForEditing: { request: z.object({ planId: Id }), response: EditablePlanSchema },
  /** Read a plan table workbook: the draft with what was inferred, its issues, and the plan it matches. Nothing is written. */
  previewPlanTable: { request: z.object({ file: FileUpload, name: z.string().min(1).max(500).optional() }), response: PlanTablePreviewSchema },
  /**
   * Create a plan from a (possibly corrected) draft. Refused (conflict) when a plan with the same
   * indicators exists, unless `asNew`; refused when the short name is taken.
   */
  importPlanTable: { request: z.object({ draft: PlanDraftSchema, asNew: z.boolean().optional() }), response: PlanSummarySchema },
  /** Apply a table's differing targets to the plan it matches, as revisions with one reason. */
  revisePlanFromTable: { request: z.object({ planId: Id, draft: PlanDraftSchema, reason: ReasonSchema }), response: z.object({ changed: z.number().int() }) },
  revisePlanTarget: {
    request: z.object({ planId: Id, indicatorId: Id, year: Year, target: TargetSchema, reason: ReasonSchema }),
    response: z.object({ changed: z.boolean() }),
  },
  updatePlanIndicator: {
    request: z.object({ planId: Id, indicatorId: Id, patch: IndicatorPatchSchema, reason: ReasonSchema }),
    response: z.object({ changed: z.array(z.string()) }),
  },
  /**
   * Change an existing plan's years to firstYear…lastYear (consecutive, at most 10): new years get no
   * targets; a removed year must hold no actual and not be locked, its targets are audited away.
   */
  setPlanYears: {
    request: z.object({ planId: Id, firstYear: Year, lastYear: Year, reason: ReasonSchema }),
    response: z.object({ years: z.array(Year), added: z.array(Year), removed: z.array(Year), removedTargets: z.number().int() }),
  },
  addPlanIndicator: { request: z.object({ planId: Id, indicator: IndicatorDraftSchema, reason: ReasonSchema }), response: z.object({ indicatorId: Id }) },
  /** Retire (or bring back) an indicator; one with actuals is never deleted. */
  setPlanIndicatorRetired: { request: z.object({ planId: Id, indicatorId: Id, retired: z.boolean(), reason: ReasonSchema }), response: z.object({}) },
  updatePlanInfo: { request: z.object({ planId: Id, patch: PlanInfoPatchSchema, reason: ReasonSchema }), response: z.object({ changed: z.array(z.string()) }) },
  /** A new plan for new years (e.g. 2028–2032): the plan's current indicators, no targets. */
  copyPlanToPeriod: {
    request: z.object({ planId: Id, years: z.array(Year).min(1).max(50), shortName: z.string().min(1).max(500), title: z.string().max(2000).optional() }),
    response: PlanSummarySchema,
  },
  /** The 调整记录: who, when, old → new, reason; newest first. */
  listPlanRevisions: { request: z.object({ planId: Id }), response: z.array(PlanRevisionSchema) },
  /** The plan as a plan table workbook (same layout as imported; importing it gives the identical plan). */
  exportPlanTable: { request: z.object({ planId: Id }), response: z.object({ fileName: z.string(), base64: z.string() }) },
  /** Department contacts: department → email address (reminders and replies are addressed to it). */
  getDepartmentContacts: { request: z.object({}), response: DepartmentContactsSchema },
  /** Replace the contacts; blank addresses are dropped, an unknown department or bad address refuses all. */
  saveDepartmentContacts: { request: z.record(Department, z.string().max(254)), response: DepartmentContactsSchema },
  /** 报送情况: departments × one reporting year (state, deadline, overdue days, filled/due, misses without a note, last import). */
  getReportingOverview: { request: z.object({ planId: Id, year: Year }), response: ReportingOverviewSchema },
  /** The annotated reply (.eml with the marked-up workbook attached) to one file of an applied import. */
  draftImportReply: {
    request: z.object({ planId: Id, importId: z.number().int(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    response: z.object({ fileName: z.string(), base64: z.string(), problems: z.number().int() }),
  },
  /** One reminder (.eml, the department's template attached) per department that has not submitted; those without an address listed. */
  draftReminders: {
    request: z.object({ planId: Id, year: Year }),
    response: z.object({ drafts: z.array(z.object({ department: Department, fileName: z.string(), base64: z.string(), missing: z.number().int() })), withoutAddress: z.array(Department) }),
  },
  /** The reporting cycle (shared/api/cycle-schemas.ts). */
  ...cycleApi,
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
export type ImportedFile = z.infer<typeof ImportedFileSchema>;
export type Provenance = z.infer<typeof ProvenanceSchema>;
export type ImportConflict = z.infer<typeof ImportConflictSchema>;
export type ConflictSide = z.infer<typeof ConflictSideSchema>;
export type ConflictResolution = z.infer<typeof ConflictResolutionSchema>;
export type DepartmentAliases = z.infer<typeof DepartmentAliasesSchema>;
export type ImportBatch = ApiResponse<'previewImport'>;
export type ProgressRow = z.infer<typeof ProgressRowSchema>;
export type Dashboard = z.infer<typeof DashboardSchema>;
export type Bootstrap = ApiResponse<'getBootstrap'>;
export type ReportingOverview = ApiResponse<'getReportingOverview'>;
export type DepartmentContacts = ApiResponse<'getDepartmentContacts'>;
