// The reporting-cycle use cases (docs/ARCHITECTURE.md §Reporting cycle), shared by the API handlers
// (window, browser mode) and the CLI: read a department-year's state and deadline, submit (with the
// submission check), send back, lock and unlock (a department's year or a whole year), set the
// deadline and the miss-note rule. Each change is one IMMEDIATE transaction with its audit row;
// a refusal (unknown department or year, no reason, a transition the rule forbids) writes nothing.
import type { CycleAction, SubmissionProblem } from '../../shared/domain/reporting-cycle';
import { MAX_REASON_LENGTH, REASON_REQUIRED, effectiveState, isIsoDate, nextState, overdueDays, submissionProblems, submittedLateDays } from '../../shared/domain/reporting-cycle';
import type { z } from 'zod';
import type { DepartmentYearStateSchema } from '../../shared/api/cycle-schemas';
import type { Plan } from '../../shared/domain/plan';
import { indicatorsForDepartment } from '../../shared/domain/plan';
import { ApiFailure, fail } from '../../shared/api/result';
import type { Words } from '../../shared/i18n/cycle-messages';
import { cycleMessage, cycleText, cycleWords, scopeWords } from '../../shared/i18n/cycle-messages';
import type { Store, WriteContext } from '../store/store';
import { actualKey } from '../store/repositories/actuals-repo';
import { isoDate } from './grid-service';
import { checkPlanDepartment, departmentsOfPlan } from './plan-departments';

/** A department-year as the state bar, the overview (报送情况) and the CLI show it. */
/**
 * A department-year as the cycle shows it (the contract's DepartmentYearStateSchema, one shape):
 * state, deadline, days overdue, days a submission came late, the lock, the last change.
 */
export type DepartmentYearState = z.infer<typeof DepartmentYearStateSchema>;

/** What a state change asks for. `department` null = the whole year (lock and unlock only). */
export interface CycleChange {
  planId: string;
  year: number;
  department: string | null;
  action: CycleAction;
  reason?: string | null;
}

const MISS_NOTE_KEY = (planId: string) => `reporting.missNoteRequired:${planId}`;

/** Whether a missed target needs a 说明 before the plan's departments can submit (default true). */
export function missNoteRequired(store: Store, planId: string): boolean {
  return store.settings.get(MISS_NOTE_KEY(planId)) !== 'false';
}

/** Relax (false) or restore (true) the note requirement of a plan's submission check; audited as a setting. */
export function setMissNoteRequired(store: Store, planId: string, required: boolean, ctx: Omit<WriteContext, 'source'>): void {
  store.plans.getPlan(planId);
  store.transaction(() => store.settings.set(MISS_NOTE_KEY(planId), required ? 'true' : 'false', { ...ctx, source: 'settings' }));
}

/**
 * The plan, checked year and department (unknown ones refused with error.unknown-year /
 * error.unknown-department; a department of another plan only with error.department-not-in-plan).
 */
export function checked(store: Store, planId: string, year: number, department: string | null): Plan {
  const plan = store.plans.getPlan(planId);
  if (!plan.years.includes(year)) fail('refused', 'error.unknown-year', { year });
  checkPlanDepartment(store, plan, department);
  return plan;
}

function hasAnyEntry(store: Store, plan: Plan, year: number, department: string): boolean {
  const actuals = store.actuals.forPlan(plan.id);
  return indicatorsForDepartment(plan, department).some((i) => {
    const a = actuals.get(actualKey(i.id, year));
    return a !== undefined && (a.value !== null || a.note !== null);
  });
}

/**
 * The state of one department-year on `today`: state, deadline, days overdue, lock and last change.
 * Refuses an unknown plan, year or department. This is what the overview (报送情况) reads per row.
 */
export function departmentYearState(store: Store, planId: string, year: number, department: string, today: Date): DepartmentYearState {
  const plan = checked(store, planId, year, department);
  return stateOf(store, plan, year, department, today);
}

/** Every department of the plan (plan-departments.ts: not those of other plans) for a year, in their sort order. */
export function yearStates(store: Store, planId: string, year: number, today: Date): DepartmentYearState[] {
  const plan = checked(store, planId, year, null);
  return departmentsOfPlan(store, plan).map((d) => stateOf(store, plan, year, d, today));
}

function stateOf(store: Store, plan: Plan, year: number, department: string, today: Date): DepartmentYearState {
  const stored = store.reporting.state(plan.id, year, department);
  const yearLock = store.reporting.yearLock(plan.id, year);
  const state = effectiveState(stored?.state ?? null, hasAnyEntry(store, plan, year, department), yearLock !== null);
  const { deadline, isDefault } = store.reporting.deadline(plan.id, year);
  return {
    planId: plan.id,
    year,
    department,
    state,
    deadline,
    deadlineIsDefault: isDefault,
    overdueDays: overdueDays(state, deadline, isoDate(today)),
    // The submission's local calendar day (isoDate), as the deadline is a local day.
    submittedLateDays: submittedLateDays(state, deadline, submittedOn(store, plan.id, year, department, stored?.state ?? null)),
    lock: store.reporting.lockOf(plan.id, year, department),
    lastChange: stored ? { at: stored.at, who: stored.who, reason: stored.reason } : null,
    missNoteRequired: missNoteRequired(store, plan.id),
  };
}

/** The local calendar day of the standing submission (the audited submit, not a later unlock), or null. */
function submittedOn(store: Store, planId: string, year: number, department: string, stored: string | null): string | null {
  if (stored !== 'submitted') return null;
  const at = store.reporting.submittedAt(planId, year, department);
  return at === null ? null : isoDate(new Date(at));
}

/** The cells that stop a department-year's submission today (empty = it may be submitted). */
export function submissionCheck(store: Store, planId: string, year: number, department: string, today: Date): SubmissionProblem[] {
  const plan = checked(store, planId, year, department);
  const actuals = store.actuals.forPlan(planId);
  return submissionProblems(plan, department, year, (id, y) => actuals.get(actualKey(id, y)), today, { missNoteRequired: missNoteRequired(store, planId) });
}

const LIST_LIMIT = 10;

function problemList(problems: SubmissionProblem[]): Words {
  const shown = problems.slice(0, LIST_LIMIT);
  const words = (lang: 'zh' | 'en') => {
    const items = shown.map((p) => cycleText(lang, `problem.${p.kind}`, { code: p.code, name: p.name }));
    if (problems.length > shown.length) items.push(cycleText(lang, 'problem.more', { count: problems.length }));
    return items.join(lang === 'zh' ? '；' : '; ');
  };
  return { zh: words('zh'), en: words('en') };
}

function normalisedReason(action: CycleAction, reason: string | null | undefined): string | null {
  const text = (reason ?? '').trim();
  if (text === '' && REASON_REQUIRED.includes(action)) throw new ApiFailure('refused', cycleMessage('refused.reason-required', { action: cycleWords(`action.${action}`) }));
  if (text.length > MAX_REASON_LENGTH) throw new ApiFailure('refused', cycleMessage('refused.reason-too-long', { max: MAX_REASON_LENGTH }));
  return text === '' ? null : text;
}

/**
 * Apply a submit / send-back / lock / unlock (四(二): report, check, send back, close the year).
 * Refused with a zh+en message and nothing written: unknown plan, year or department; send-back or
 * unlock without a reason; a transition shared/domain/reporting-cycle nextState forbids; any
 * department action while the whole year is locked; a submission with problems (the list of cells).
 * Returns the department's state after the change (for a year-wide change: null).
 */
export function changeState(store: Store, change: CycleChange, ctx: Omit<WriteContext, 'source'>, today: Date): DepartmentYearState | null {
  const { planId, year, department, action } = change;
  const plan = checked(store, planId, year, department);
  const reason = normalisedReason(action, change.reason);
  const writeCtx: WriteContext = { ...ctx, source: 'reporting' };
  const actionWords = cycleWords(`action.${action}`);
  if (department === null) {
    if (action !== 'lock' && action !== 'unlock') throw new ApiFailure('refused', cycleMessage('refused.department-required', { action: actionWords }));
    store.transaction(() => {
      const locked = store.reporting.yearLock(planId, year) !== null;
      if (locked === (action === 'lock')) {
        throw new ApiFailure('refused', cycleMessage('refused.transition', { scope: scopeWords(year, null), state: cycleWords(locked ? 'state.locked' : 'state.in-progress'), action: actionWords }));
      }
      store.reporting.setYearLock(planId, year, action === 'lock', reason, writeCtx);
    });
    return null;
  }
  store.transaction(() => {
    // Read inside the transaction (IMMEDIATE): another process cannot change the state in between.
    if (store.reporting.yearLock(planId, year)) throw new ApiFailure('refused', cycleMessage('refused.year-locked', { year, action: actionWords }));
    const stored = store.reporting.state(planId, year, department);
    const current = stored?.state ?? 'open';
    const next = nextState(current, action, stored?.beforeLock ?? null);
    if (next === null) {
      const shown = effectiveState(current, hasAnyEntry(store, plan, year, department), false);
      throw new ApiFailure('refused', cycleMessage('refused.transition', { scope: scopeWords(year, department), state: cycleWords(`state.${shown}`), action: actionWords }));
    }
    if (action === 'submit') {
      const problems = submissionCheck(store, planId, year, department, today);
      if (problems.length > 0) {
        throw new ApiFailure('refused', cycleMessage('refused.submit', { scope: scopeWords(year, department), count: problems.length, list: problemList(problems) }));
      }
    }
    store.reporting.setState(planId, year, department, next, action === 'lock' ? current : null, reason, writeCtx);
  });
  return stateOf(store, plan, year, department, today);
}

/** Set a plan year's reporting deadline ("YYYY-MM-DD"); refused (nothing written) for an invalid date or unknown year. */
export function setDeadline(store: Store, planId: string, year: number, text: string, ctx: Omit<WriteContext, 'source'>): { deadline: string } {
  checked(store, planId, year, null);
  const deadline = text.trim();
  if (!isIsoDate(deadline)) throw new ApiFailure('refused', cycleMessage('refused.bad-deadline', { text }));
  // A year's figures cannot be due before the year begins (ISO dates compare as text).
  if (deadline < `${year}-01-01`) throw new ApiFailure('refused', cycleMessage('refused.deadline-before-year', { text: deadline, year }));
  store.transaction(() => store.reporting.setDeadline(planId, year, deadline, { ...ctx, source: 'reporting' }));
  return { deadline };
}

/**
 * The 已锁定 words for a template export (ExportInput.locked): the lock's reason ('' when none) when
 * the exported department's year — or, for all departments, the whole year — is locked; else null.
 */
export function exportLock(store: Store, planId: string, year: number, department: string | null): string | null {
  const lock = department === null ? store.reporting.yearLock(planId, year) : store.reporting.lockOf(planId, year, department);
  return lock ? (lock.reason ?? '') : null;
}
