// The reporting-cycle part of the API contract (shared/api/contract.ts): department contacts, the
// 报送情况 overview and the drafts (annotated reply, reminders) — docs/ARCHITECTURE.md §Reporting cycle.
import { z } from 'zod';
import { Department, Id, Year } from './fields';
import { ReportingStateSchema } from '../domain/reporting-cycle';

/** A plain email address (what a mail program accepts in To:), ASCII, at most 254 characters. */
export const EmailAddressSchema = z.string().max(254).regex(/^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/);

/** department (a plan department) → its email address, for reminders and replies (settings key "departmentContacts"). */
export const DepartmentContactsSchema = z.record(Department, EmailAddressSchema);


/** One department's row of the 报送情况 overview for one reporting year. */
export const DepartmentStatusSchema = z.object({
  department: Department,
  /** 未填报 / 填报中 / 已提交 / 已退回 / 已锁定, from the reporting-cycle rule. */
  state: ReportingStateSchema,
  /** The reporting deadline, ISO date (YYYY-MM-DD). */
  deadline: z.string(),
  /** Whole days past the deadline without a submission (0 when not overdue). */
  daysOverdue: z.number().int().min(0),
  overdue: z.boolean(),
  /** Whole days after the deadline the standing submission came in (0 when on time or not submitted). */
  lateDays: z.number().int().min(0),
  /** Cells of the year that are due (a target is set and the year has ended), and how many hold an actual. */
  due: z.number().int(),
  filled: z.number().int(),
  /** Missed targets without a note (说明). */
  missesWithoutNote: z.number().int(),
  /** The department's latest (not undone) import: file name and ISO time; null when none. */
  lastImport: z.object({ fileName: z.string(), at: z.string(), importId: z.number().int() }).nullable(),
});

export const ReportingOverviewSchema = z.object({
  planId: Id,
  year: Year,
  /** ISO date the overview was computed for. */
  today: z.string(),
  rows: z.array(DepartmentStatusSchema),
});

/** A drafted mail (.eml text, ASCII) with its proposed file name. */
export const MailDraftSchema = z.object({ fileName: z.string(), eml: z.string() });
