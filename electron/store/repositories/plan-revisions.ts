// The 调整记录 (revision log) of a plan, read from the audit log: every change to the plan, an
// indicator or a target that was made with a reason (docs/ARCHITECTURE.md §Plans as data).
import type Database from 'better-sqlite3';
import type { PlanRevision } from './plan-edit-rules';

interface RevisionRow {
  id: number;
  at: string;
  who: string;
  os_user: string | null;
  entity: string;
  action: string;
  indicator_id: string | null;
  indicator_name: string | null;
  year: number | null;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  reason: string;
  source: string;
}

/** A plan's revisions, newest first (the plan's creation rows carry no reason and are not revisions). */
export function readRevisions(db: Database.Database, planId: string): PlanRevision[] {
  const rows = db
    .prepare(`SELECT a.*, i.name AS indicator_name FROM audit_log a LEFT JOIN indicators i ON i.id = a.indicator_id
      WHERE a.plan_id = ? AND a.entity IN ('plan', 'indicator', 'target') AND a.reason IS NOT NULL ORDER BY a.id DESC`)
    .all(planId) as RevisionRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    who: r.who,
    osUser: r.os_user,
    entity: r.entity,
    action: r.action,
    indicatorId: r.indicator_id,
    indicatorName: r.indicator_name,
    year: r.year,
    field: r.field,
    oldValue: r.old_value,
    newValue: r.new_value,
    reason: r.reason,
    source: r.source,
  }));
}
