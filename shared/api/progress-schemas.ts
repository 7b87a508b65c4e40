// The progress part of the API contract (shared/api/contract.ts): the 进度 panel's rows and the
// dashboard's figures (docs/ARCHITECTURE.md §Progress rule).
import { z } from 'zod';
import { DirectionSchema } from '../domain/domain-schemas';
import { OutlookSchema, ProgressReasonSchema } from '../domain/progress';
import { ReportingStateSchema } from '../domain/reporting-cycle';
import { Id, Year } from './fields';

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
  /** Yearly step of the trend so far, and the yearly step still needed to reach the final target. */
  paceSoFar: z.number().nullable(),
  paceNeeded: z.number().nullable(),
  /** The last ended year, when it is later than latestYear (due and not reported). */
  missingYear: Year.nullable(),
  /** Why the outlook is what it is (shared/domain/progress.ts, ProgressReason). */
  reasons: z.array(ProgressReasonSchema),
});

const OutlookCounts = z.record(OutlookSchema, z.number().int());

/** The dashboard's figures (shared/domain/dashboard.ts, DashboardData). */
export const DashboardSchema = z.object({
  planId: Id,
  planTitle: z.string(),
  years: z.array(Year),
  year: Year,
  indicators: z.array(z.object({
    indicatorId: Id,
    code: z.string(),
    name: z.string(),
    unit: z.string(),
    domain: z.string(),
    leadUnit: z.string(),
    direction: DirectionSchema,
    tolerance: z.number().nullable(),
    targets: z.array(z.number().nullable()),
    actuals: z.array(z.number().nullable()),
    notes: z.array(z.string().nullable()),
    projection: z.array(z.number().nullable()),
    progress: ProgressRowSchema.omit({ indicatorId: true }),
  })),
  domains: z.array(z.object({ domain: z.string(), counts: OutlookCounts })),
  departments: z.array(z.object({
    department: z.string(),
    expected: z.number().int(),
    reported: z.number().int(),
    // The department's state for the year in the reporting cycle (shared/domain/reporting-cycle.ts).
    cycle: z.object({ state: ReportingStateSchema, deadline: z.string(), overdueDays: z.number().int().nullable(), submittedLateDays: z.number().int().nullable() }).nullable(),
  })),
  totals: OutlookCounts,
});

