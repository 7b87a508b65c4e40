// THE reporting-cycle rule (docs/ARCHITECTURE.md §Reporting cycle): the plan asks the coordinating
// office to run each year as a closed loop — 清单化管理…闭环管理, 四(二) of the plan: every department
// reports by a deadline, the office checks, sends back what is wrong, chases who is late and closes
// the year. Pure: states, allowed transitions, overdue days and the submission check. The store
// keeps the states (electron/store/repositories/reporting-repo.ts); the services enforce them.
import { z } from 'zod';
import type { Indicator, Plan } from './plan';
import { NO_TARGET, indicatorsForDepartment } from './plan';
import { cellStatus } from './status';

/**
 * What the database keeps per (plan, year, department). 'open' = may be filled in; whether it is
 * 未填报 or 填报中 is not stored but derived from the department's actuals (see effectiveState).
 */
export const StoredStateSchema = z.enum(['open', 'submitted', 'returned', 'locked']);
export type StoredState = z.infer<typeof StoredStateSchema>;

/** What a department-year is, as shown: 未填报 / 填报中 / 已提交 / 已退回 / 已锁定. */
export const ReportingStateSchema = z.enum(['not-started', 'in-progress', 'submitted', 'returned', 'locked']);
export type ReportingState = z.infer<typeof ReportingStateSchema>;

/** A change of state someone asks for. send-back and unlock need a reason. */
export const CycleActionSchema = z.enum(['submit', 'send-back', 'lock', 'unlock']);
export type CycleAction = z.infer<typeof CycleActionSchema>;

/** Actions that refuse to run without a reason (四(二): a send-back says what to correct; an unlock says why the closed year reopens). */
export const REASON_REQUIRED: readonly CycleAction[] = ['send-back', 'unlock'];

/** Longest reason kept, in characters. */
export const MAX_REASON_LENGTH = 500;

/**
 * The default reporting deadline of a plan year when none was set: 31 January of the following
 * year, as "YYYY-MM-DD" (actuals for 2025 are due by 2026-01-31).
 */
export function defaultDeadline(year: number): string {
  return `${year + 1}-01-31`;
}

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD calendar dates; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const utc = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/**
 * The state shown for a department-year. A year-wide lock overrides every department; an 'open'
 * (or never set) state is 填报中 once the department has any actual for the year, else 未填报.
 */
export function effectiveState(stored: StoredState | null, hasActual: boolean, yearLocked: boolean): ReportingState {
  if (yearLocked || stored === 'locked') return 'locked';
  if (stored === 'submitted' || stored === 'returned') return stored;
  return hasActual ? 'in-progress' : 'not-started';
}

/**
 * Days a submission came after the deadline (≥ 1), or null when it was on time or the year is not
 * (or no longer) submitted. `submittedOn` is the local calendar date of the submission, YYYY-MM-DD;
 * the deadline day itself is on time, as for overdueDays. A late return is still a return: the
 * office sees 逾期 N 天提交 beside 已提交 instead of losing the lateness once it arrives.
 */
export function submittedLateDays(state: ReportingState, deadline: string, submittedOn: string | null): number | null {
  if (state !== 'submitted' || submittedOn === null) return null;
  const days = daysBetween(deadline, submittedOn);
  return days > 0 ? days : null;
}

/**
 * Days overdue (≥ 1) of a department-year on `today`, or null when it is not overdue: it has been
 * submitted or locked, or today is on or before the deadline (the deadline day itself is on time).
 * Dates are YYYY-MM-DD. A department sent back and not yet resubmitted is overdue again after the deadline.
 */
export function overdueDays(state: ReportingState, deadline: string, today: string): number | null {
  if (state === 'submitted' || state === 'locked') return null;
  const days = daysBetween(deadline, today);
  return days > 0 ? days : null;
}

/**
 * The department state an action leads to, or null when the action is not allowed from `stored`:
 * submit from open/returned; send-back from submitted; lock from anything but locked; unlock from
 * locked, back to the state the lock replaced (`beforeLock`). A year-wide lock is checked by the
 * caller (it refuses every department action until the year is unlocked).
 */
export function nextState(stored: StoredState, action: CycleAction, beforeLock: StoredState | null = null): StoredState | null {
  switch (action) {
    case 'submit':
      return stored === 'open' || stored === 'returned' ? 'submitted' : null;
    case 'send-back':
      return stored === 'submitted' ? 'returned' : null;
    case 'lock':
      return stored === 'locked' ? null : 'locked';
    case 'unlock':
      return stored === 'locked' ? (beforeLock ?? 'open') : null;
  }
}

/** One cell that stops a submission. */
export interface SubmissionProblem {
  indicatorId: string;
  code: string;
  name: string;
  year: number;
  /** missed-without-note: the status rule says 未达标 and 说明 is empty; empty: a due figure is blank. */
  kind: 'missed-without-note' | 'empty';
}

/** Options of the submission check (a plan setting). */
export interface SubmissionRules {
  /** When false, a missed target without a note does not stop a submission (default true). */
  missNoteRequired: boolean;
}

/**
 * The cells a department must give for a year: the indicators it leads (indicatorsForDepartment)
 * that have a numeric target that year. A "/" (no target) or absent target is not due.
 */
export function dueIndicators(plan: Plan, department: string, year: number): Indicator[] {
  return indicatorsForDepartment(plan, department).filter((i) => {
    const t = i.targets[year];
    return t !== undefined && t !== NO_TARGET;
  });
}

/**
 * Why a department-year cannot be submitted yet (empty = it can): each due cell left empty, and
 * each missed target (the one status rule, cellStatus — 接近 within tolerance is not a miss) whose
 * 说明 is empty unless `rules.missNoteRequired` is false. `actualOf` gives the cell's value and note.
 */
export function submissionProblems(
  plan: Plan,
  department: string,
  year: number,
  actualOf: (indicatorId: string, year: number) => { value: number | null; note: string | null } | undefined,
  today: Date,
  rules: SubmissionRules = { missNoteRequired: true },
): SubmissionProblem[] {
  const problems: SubmissionProblem[] = [];
  for (const ind of dueIndicators(plan, department, year)) {
    const a = actualOf(ind.id, year);
    const value = a?.value ?? null;
    const base = { indicatorId: ind.id, code: ind.code, name: ind.name, year };
    if (value === null) {
      problems.push({ ...base, kind: 'empty' });
      continue;
    }
    const { status } = cellStatus({ indicator: ind, year, target: ind.targets[year], actual: value, today });
    const hasNote = (a?.note ?? '').trim() !== '';
    if (status === 'missed' && !hasNote && rules.missNoteRequired) problems.push({ ...base, kind: 'missed-without-note' });
  }
  return problems;
}

/**
 * Why a cell refuses changes: its department-year is locked (`department` set), or the whole year
 * is (`department` null). `at` is an ISO time, `who` the audit name, `reason` optional for a lock.
 * A cell (indicator, year) belongs to the indicator's lead unit (牵头单位, indicatorsForDepartment).
 */
export interface CycleLock {
  year: number;
  department: string | null;
  at: string;
  who: string;
  reason: string | null;
}
