// The reporting-cycle part of the API contract (shared/api/contract.ts): a department-year's state,
// deadline and lock, and the requests that change them (docs/ARCHITECTURE.md §Reporting cycle).
import { z } from 'zod';
import { CycleActionSchema, MAX_REASON_LENGTH, ReportingStateSchema } from '../domain/reporting-cycle';
import { Department, Id, Year } from './fields';

/** A lock: the whole year's (department null) or one department's year; `at` ISO time, reason optional. */
export const CycleLockSchema = z.object({
  year: Year,
  department: z.string().nullable(),
  at: z.string(),
  who: z.string(),
  reason: z.string().nullable(),
});

/** One department-year (electron/services/reporting-service.ts DepartmentYearState). */
export const DepartmentYearStateSchema = z.object({
  planId: Id,
  year: Year,
  department: z.string(),
  state: ReportingStateSchema,
  /** YYYY-MM-DD; `deadlineIsDefault` when none was set (31 January after the year). */
  deadline: z.string(),
  deadlineIsDefault: z.boolean(),
  /** Whole days past the deadline without a submission (逾期 N 天), else null. */
  overdueDays: z.number().int().positive().nullable(),
  /** Whole days after the deadline the standing submission came in (逾期 N 天提交), else null. */
  submittedLateDays: z.number().int().positive().nullable(),
  lock: CycleLockSchema.nullable(),
  lastChange: z.object({ at: z.string(), who: z.string(), reason: z.string().nullable() }).nullable(),
  missNoteRequired: z.boolean(),
});

/** Ask for a submit / send-back / lock / unlock. department null = the whole year (lock, unlock). */
export const CycleChangeSchema = z.object({
  planId: Id,
  year: Year,
  department: Department.nullable(),
  action: CycleActionSchema,
  /** Required (non-blank) for send-back and unlock; checked in the service so the refusal says why in words. */
  reason: z.string().max(MAX_REASON_LENGTH * 2).nullable().optional(),
});

/** The methods of this part, spread into the contract's `api`. */
export const cycleApi = {
  /** State, deadline, days overdue and lock of one department-year. */
  getReportingState: { request: z.object({ planId: Id, year: Year, department: Department }), response: DepartmentYearStateSchema },
  /** Every department's state for a year (the coordinating office's view). */
  getReportingYear: { request: z.object({ planId: Id, year: Year }), response: z.array(DepartmentYearStateSchema) },
  /** Change a state; refused (nothing written) with the reason in zh and en. `state` is null after a year-wide change. */
  changeReportingState: { request: CycleChangeSchema, response: z.object({ state: DepartmentYearStateSchema.nullable() }) },
  /** Set a plan year's reporting deadline, YYYY-MM-DD. */
  setReportingDeadline: { request: z.object({ planId: Id, year: Year, deadline: z.string().max(20) }), response: z.object({ deadline: z.string() }) },
  /** Whether a missed target needs a 说明 before submitting (a plan setting). */
  setMissNoteRequired: { request: z.object({ planId: Id, required: z.boolean() }), response: z.object({ required: z.boolean() }) },
} as const;

export type DepartmentYearStateDto = z.infer<typeof DepartmentYearStateSchema>;
export type CycleChangeRequest = z.infer<typeof CycleChangeSchema>;
