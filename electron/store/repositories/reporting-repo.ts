// The reporting cycle's records (migration 004): deadlines per (plan, year), the stored state of
// each (plan, year, department), year-wide locks, and the one lock check every write path uses
// (actuals, notes, targets). Every change writes an audit row with who, when and the reason.
// The rule itself (transitions, overdue, the submission check) is shared/domain/reporting-cycle.ts.
import type Database from 'better-sqlite3';
import type { CycleLock, StoredState } from '../../../shared/domain/reporting-cycle';
import { defaultDeadline } from '../../../shared/domain/reporting-cycle';
import { ApiFailure } from '../../../shared/api/result';
import { lockedMessage } from '../../../shared/i18n/cycle-messages';
import { planYearsFail } from '../../../shared/i18n/plan-years-messages';
import type { AuditRepo, WriteContext } from './audit-repo';

/** A department-year's stored state (no row = 'open', never changed). */
export interface StateRecord {
  state: StoredState;
  /** The state a lock replaced (restored by unlocking); null unless locked. */
  beforeLock: StoredState | null;
  reason: string | null;
  at: string;
  who: string;
}

interface StateRow {
  department: string;
  state: StoredState;
  before_lock: StoredState | null;
  reason: string | null;
  changed_at: string;
  changed_by: string;
}

/** One audited change of the cycle, newest first (from audit_log). */
export interface CycleEvent {
  at: string;
  who: string;
  /** Department name, or '*' for the whole year. */
  department: string;
  /** 'state' (old/new are StoredState values) or 'deadline' (YYYY-MM-DD). */
  field: 'state' | 'deadline';
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
}

/** Audit `field` of a state row: "state:<department>", or "state:*" for the year-wide lock. */
const stateField = (department: string | null) => `state:${department ?? '*'}`;

/** The reason on the audit row of a submission withdrawn because its figures changed. */
export const WITHDRAWN_REASON = '提交后数据有改动，须重新提交 / changed after submitting; submit again';

export class ReportingRepo {
  private readonly leadOf: Database.Statement;
  private readonly yearLockOf: Database.Statement;
  private readonly stateOf: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly audit: AuditRepo,
  ) {
    this.leadOf = db.prepare('SELECT plan_id, lead_unit FROM indicators WHERE id = ?');
    this.yearLockOf = db.prepare('SELECT * FROM reporting_year_locks WHERE plan_id = ? AND year = ?');
    this.stateOf = db.prepare('SELECT * FROM reporting_states WHERE plan_id = ? AND year = ? AND department = ?');
  }

  /** The deadline (YYYY-MM-DD) of a plan year; `isDefault` when none was set (31 January after the year). */
  deadline(planId: string, year: number): { deadline: string; isDefault: boolean } {
    const row = this.db.prepare('SELECT deadline FROM reporting_deadlines WHERE plan_id = ? AND year = ?').get(planId, year) as { deadline: string } | undefined;
    return row ? { deadline: row.deadline, isDefault: false } : { deadline: defaultDeadline(year), isDefault: true };
  }

  /** Set a plan year's deadline (a valid YYYY-MM-DD, checked by the caller). Call inside a transaction. */
  setDeadline(planId: string, year: number, deadline: string, ctx: WriteContext, reason: string | null = null): void {
    this.audit.requireTransaction();
    const old = this.deadline(planId, year);
    if (!old.isDefault && old.deadline === deadline) return;
    this.db
      .prepare('INSERT INTO reporting_deadlines (plan_id, year, deadline) VALUES (?, ?, ?) ON CONFLICT (plan_id, year) DO UPDATE SET deadline = excluded.deadline')
      .run(planId, year, deadline);
    this.audit.write(ctx, { action: old.isDefault ? 'insert' : 'update', entity: 'reporting', planId, year, field: 'deadline', oldValue: old.deadline, newValue: deadline, reason });
  }

  /** A department-year's stored state, or null when it was never changed (= 'open'). */
  state(planId: string, year: number, department: string): StateRecord | null {
    const r = this.stateOf.get(planId, year, department) as StateRow | undefined;
    return r ? toRecord(r) : null;
  }

  /** Every stored department state of a plan year, by department. */
  statesOfYear(planId: string, year: number): Map<string, StateRecord> {
    const rows = this.db.prepare('SELECT * FROM reporting_states WHERE plan_id = ? AND year = ?').all(planId, year) as StateRow[];
    return new Map(rows.map((r) => [r.department, toRecord(r)]));
  }

  /** Write a department-year's new state with its audit row (old → new, reason). Call inside a transaction. */
  setState(planId: string, year: number, department: string, next: StoredState, beforeLock: StoredState | null, reason: string | null, ctx: WriteContext): void {
    this.audit.requireTransaction();
    const old = this.state(planId, year, department);
    this.db
      .prepare(`INSERT INTO reporting_states (plan_id, year, department, state, before_lock, reason, changed_at, changed_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (plan_id, year, department) DO UPDATE SET state = excluded.state, before_lock = excluded.before_lock,
          reason = excluded.reason, changed_at = excluded.changed_at, changed_by = excluded.changed_by`)
      .run(planId, year, department, next, next === 'locked' ? beforeLock : null, reason, ctx.at, ctx.who);
    this.audit.write(ctx, { action: old ? 'update' : 'insert', entity: 'reporting', planId, year, field: stateField(department), oldValue: old?.state ?? 'open', newValue: next, reason });
  }

  /** The year-wide lock of a plan year, or null. */
  yearLock(planId: string, year: number): CycleLock | null {
    const r = this.yearLockOf.get(planId, year) as { reason: string | null; locked_at: string; locked_by: string } | undefined;
    return r ? { year, department: null, at: r.locked_at, who: r.locked_by, reason: r.reason } : null;
  }

  /** Lock (locked = true, reason optional) or unlock a whole plan year, with its audit row. Call inside a transaction. */
  setYearLock(planId: string, year: number, locked: boolean, reason: string | null, ctx: WriteContext): void {
    this.audit.requireTransaction();
    if (locked) {
      this.db.prepare('INSERT INTO reporting_year_locks (plan_id, year, reason, locked_at, locked_by) VALUES (?, ?, ?, ?, ?)').run(planId, year, reason, ctx.at, ctx.who);
    } else {
      this.db.prepare('DELETE FROM reporting_year_locks WHERE plan_id = ? AND year = ?').run(planId, year);
    }
    this.audit.write(ctx, {
      action: locked ? 'insert' : 'delete', entity: 'reporting', planId, year, field: stateField(null),
      oldValue: locked ? 'open' : 'locked', newValue: locked ? 'locked' : 'open', reason,
    });
  }

  /**
   * THE lock check: the lock holding a department-year — the whole year's first, then the
   * department's own — or null when it may be changed.
   */
  lockOf(planId: string, year: number, department: string): CycleLock | null {
    const whole = this.yearLock(planId, year);
    if (whole) return whole;
    const own = this.state(planId, year, department);
    return own?.state === 'locked' ? { year, department, at: own.at, who: own.who, reason: own.reason } : null;
  }

  /** The lock holding a cell (its indicator's lead unit's year), or null. Unknown indicators are not locked. */
  cellLock(indicatorId: string, year: number): CycleLock | null {
    const ind = this.leadOf.get(indicatorId) as { plan_id: string; lead_unit: string } | undefined;
    return ind ? this.lockOf(ind.plan_id, year, ind.lead_unit) : null;
  }

  /**
   * Refuse (ApiFailure 'refused', the lock's reason in zh and en) a change to a locked cell. Called
   * by every write of an actual, a note or a target, so no path can change a locked cell.
   */
  assertCellOpen(indicatorId: string, year: number): void {
    const lock = this.cellLock(indicatorId, year);
    if (lock) throw new ApiFailure('refused', lockedMessage(lock));
  }

  /**
   * Before an actual or a note is written: refuse a locked cell (assertCellOpen), and withdraw a
   * submission whose figures change — the department-year goes back to 'open' (填报中) with an
   * audit row giving WITHDRAWN_REASON, so what stands as 已提交 is always what passed the submit
   * check, and a change after submitting needs submitting again (四(二) 闭环管理). A returned
   * (退回修改) year stays returned: correcting it is what it is for. Call inside the write's transaction.
   */
  beforeActualWrite(indicatorId: string, year: number, ctx: WriteContext): void {
    this.assertCellOpen(indicatorId, year);
    const ind = this.leadOf.get(indicatorId) as { plan_id: string; lead_unit: string } | undefined;
    if (!ind) return;
    if (this.state(ind.plan_id, year, ind.lead_unit)?.state === 'submitted') {
      this.setState(ind.plan_id, year, ind.lead_unit, 'open', null, WITHDRAWN_REASON, ctx);
    }
  }

  /**
   * A year leaves its plan (PlansRepo.setYears): refused (ApiFailure 'refused', plan-years message)
   * while the year or any department's year is locked; otherwise its deadline and department states
   * are deleted, each with an audit row (old → none, the reason), so the year comes back fresh if it
   * is added again. Call inside the change's transaction.
   */
  forgetYear(planId: string, year: number, reason: string, ctx: WriteContext): void {
    this.audit.requireTransaction();
    const states = this.statesOfYear(planId, year);
    const lock = this.yearLock(planId, year) ?? [...states.values()].find((s) => s.state === 'locked');
    if (lock) planYearsFail('refused', 'years.locked', { year, who: lock.who, at: lock.at.slice(0, 10) });
    const deadline = this.deadline(planId, year);
    if (!deadline.isDefault) {
      this.db.prepare('DELETE FROM reporting_deadlines WHERE plan_id = ? AND year = ?').run(planId, year);
      this.audit.write(ctx, { action: 'delete', entity: 'reporting', planId, year, field: 'deadline', oldValue: deadline.deadline, newValue: null, reason });
    }
    for (const [department, s] of states) {
      this.db.prepare('DELETE FROM reporting_states WHERE plan_id = ? AND year = ? AND department = ?').run(planId, year, department);
      this.audit.write(ctx, { action: 'delete', entity: 'reporting', planId, year, field: stateField(department), oldValue: s.state, newValue: null, reason });
    }
  }

  /**
   * When the department-year's standing submission was made: the ISO time of the latest audit row
   * that moved its state to 'submitted' by a submit (not an unlock restoring it), or null. Not the
   * state row's changed_at either: an unlock that restores 已提交 writes that, and must not make an
   * on-time return look late.
   */
  submittedAt(planId: string, year: number, department: string): string | null {
    const r = this.db
      .prepare("SELECT at FROM audit_log WHERE entity = 'reporting' AND plan_id = ? AND year = ? AND field = ? AND new_value = 'submitted' AND old_value <> 'locked' ORDER BY id DESC LIMIT 1")
      .get(planId, year, stateField(department)) as { at: string } | undefined;
    return r?.at ?? null;
  }

  /** The cycle's audited changes for a plan year (department's and year-wide ones, deadline), newest first. */
  history(planId: string, year: number, department: string | null = null): CycleEvent[] {
    const rows = this.db
      .prepare("SELECT at, who, field, old_value, new_value, reason FROM audit_log WHERE entity = 'reporting' AND plan_id = ? AND year = ? ORDER BY id DESC")
      .all(planId, year) as { at: string; who: string; field: string; old_value: string | null; new_value: string | null; reason: string | null }[];
    return rows
      .map((r) => ({
        at: r.at,
        who: r.who,
        department: r.field.startsWith('state:') ? r.field.slice(6) : '*',
        field: (r.field === 'deadline' ? 'deadline' : 'state') as CycleEvent['field'],
        oldValue: r.old_value,
        newValue: r.new_value,
        reason: r.reason,
      }))
      .filter((e) => department === null || e.department === department || e.department === '*');
  }
}

function toRecord(r: StateRow): StateRecord {
  return { state: r.state, beforeLock: r.before_lock, reason: r.reason, at: r.changed_at, who: r.changed_by };
}
