// The plans-as-data part of the API contract (shared/api/contract.ts): plan drafts (a parsed plan
// table, or a new plan), the editor's changes (each with a reason), the 调整记录, and the plan-table
// preview (docs/ARCHITECTURE.md §Plans as data).
import { z } from 'zod';
import { DirectionSchema, IndicatorKindSchema } from '../domain/domain-schemas';
import { Id, TargetSchema, Year } from './fields';
import { ImportIssueSchema } from './import-schemas';

/** An indicator's own plausible range in its unit (percent units: 100 = 100%); null = unbounded on that side. */
export const PlausibleRangeSchema = z.object({ min: z.number().nullable(), max: z.number().nullable() });

const Text = z.string().max(2000);
const Name = z.string().min(1).max(500);
/** 调整原因: every change to a plan says why (checked non-blank in the store). */
export const ReasonSchema = z.string().min(1).max(500);

/** An indicator before it has an id (shared/domain/plan-draft.ts IndicatorDraft). */
export const IndicatorDraftSchema = z.object({
  code: Name,
  domain: Text,
  name: Name,
  unit: z.string().max(50),
  kind: IndicatorKindSchema,
  direction: DirectionSchema,
  /** Fraction of the target (0.02 = within 2% counts as 接近); null = none. */
  tolerance: z.number().min(0).max(1).nullable(),
  leadUnit: Name,
  coUnits: z.array(Name).max(100),
  /** Keyed by year ("2025"); a number in the indicator's unit or "/" (no target). */
  targets: z.record(z.string(), TargetSchema),
  plausible: PlausibleRangeSchema.optional(),
});

/** A plan before it has ids (shared/domain/plan-draft.ts PlanDraft). */
export const PlanDraftSchema = z.object({
  shortName: Name,
  title: Text,
  tableTitle: Text,
  years: z.array(Year).min(1).max(50),
  domains: z.array(Text).max(200),
  coordinator: Text,
  sourceNote: z.string().max(20_000),
  indicators: z.array(IndicatorDraftSchema).min(1).max(2000),
});

/** A plan in lists (the switcher, `plan list`). */
export const PlanSummarySchema = z.object({
  id: Id,
  shortName: z.string(),
  title: z.string(),
  years: z.array(Year),
  /** Indicators as the plan stands (retired ones not counted). */
  indicatorCount: z.number().int(),
});

/** What the editor may change on an indicator; absent fields stay as they are. */
export const IndicatorPatchSchema = z.object({
  code: Name.optional(),
  domain: Text.optional(),
  name: Name.optional(),
  unit: z.string().max(50).optional(),
  kind: IndicatorKindSchema.optional(),
  direction: DirectionSchema.optional(),
  tolerance: z.number().min(0).max(1).nullable().optional(),
  leadUnit: Name.optional(),
  coUnits: z.array(Name).max(100).optional(),
  /** null removes the indicator's own range. */
  plausible: PlausibleRangeSchema.nullable().optional(),
});

export const PlanInfoPatchSchema = z.object({
  shortName: Name.optional(),
  title: Text.optional(),
  tableTitle: Text.optional(),
  coordinator: Text.optional(),
  sourceNote: z.string().max(20_000).optional(),
});

/** One row of the 调整记录 view. */
export const PlanRevisionSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  who: z.string(),
  osUser: z.string().nullable(),
  entity: z.string(),
  action: z.string(),
  indicatorId: z.string().nullable(),
  indicatorName: z.string().nullable(),
  year: z.number().int().nullable(),
  /** 'target', 'name', 'unit', 'plausible' ("0 ~ 100"), 'retired' …. */
  field: z.string().nullable(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  reason: z.string(),
  source: z.string(),
});

/** An indicator as the editor sees it: with its range, when it was retired, whether it has actuals. */
export const EditableIndicatorSchema = IndicatorDraftSchema.extend({
  id: Id,
  /** ISO time it was retired; absent while it is in the plan. */
  retiredAt: z.string().optional(),
  /** An indicator with actuals can only be retired, never deleted. */
  hasActuals: z.boolean(),
});

export const EditablePlanSchema = z.object({
  id: Id,
  shortName: z.string(),
  title: z.string(),
  tableTitle: z.string(),
  years: z.array(Year),
  domains: z.array(z.string()),
  coordinator: z.string(),
  sourceNote: z.string(),
  version: z.number().int(),
  indicators: z.array(EditableIndicatorSchema),
});

/** What was inferred for one indicator of a plan table, and from where. */
export const InferredIndicatorSchema = z.object({
  row: z.number().int(),
  nameCell: z.string(),
  kindReason: z.enum(['cumulative-word', 'percent-unit', 'rate-word', 'default-stock', 'from-file']),
  directionReason: z.enum(['upper-bound', 'falling-to', 'falling-targets', 'default-higher', 'from-file']),
  leadFromTable: z.boolean(),
});

/** A target the table gives differently from the matching plan. */
export const PlanTargetChangeSchema = z.object({
  indicatorId: Id,
  code: z.string(),
  name: z.string(),
  year: Year,
  from: TargetSchema.nullable(),
  to: TargetSchema,
});

/** The plan-table preview: the draft (null when the table has errors), what was inferred, and any plan it matches. */
export const PlanTablePreviewSchema = z.object({
  fileName: z.string(),
  sheet: z.string().nullable(),
  draft: PlanDraftSchema.nullable(),
  inferred: z.array(InferredIndicatorSchema),
  issues: z.array(ImportIssueSchema),
  /** A plan already in the database with the same indicators (names and units, in order), if any. */
  match: z
    .object({
      planId: Id,
      shortName: z.string(),
      /** Targets that differ (apply them as a revision with a reason, or import as a new plan). */
      targetChanges: z.array(PlanTargetChangeSchema),
    })
    .nullable(),
});

/** What the plan editor may change on an indicator; absent = unchanged (updatePlanIndicator's patch). */
export type IndicatorPatchRequest = z.infer<typeof IndicatorPatchSchema>;
export type PlanSummary = z.infer<typeof PlanSummarySchema>;
export type PlanRevisionEntry = z.infer<typeof PlanRevisionSchema>;
export type EditablePlan = z.infer<typeof EditablePlanSchema>;
export type PlanTablePreview = z.infer<typeof PlanTablePreviewSchema>;
export type PlanTargetChange = z.infer<typeof PlanTargetChangeSchema>;
