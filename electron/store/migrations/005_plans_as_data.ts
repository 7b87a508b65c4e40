// Migration 5: plans as data (docs/ARCHITECTURE.md §Plans as data). Indicators can be retired (an
// indicator with actuals is never deleted: retired_at says since when it is out of the plan), carry
// their own plausible range (min–max in the indicator's unit, either side NULL = unbounded), and an
// audit row says why a change was made (调整原因, audit_log.reason, added by migration 4): a target revision is an audit row with
// entity 'target', old → new value and its reason — no separate revisions table.
import type { Migration } from './migration';

export const migrationPlansAsData: Migration = {
  version: 5,
  name: 'plans as data',
  up(db) {
    db.exec(`
      ALTER TABLE indicators ADD COLUMN retired_at TEXT;
      ALTER TABLE indicators ADD COLUMN plausible_min REAL;
      ALTER TABLE indicators ADD COLUMN plausible_max REAL;
      -- The 调整记录 view lists a plan's revisions newest first.
      CREATE INDEX audit_by_plan ON audit_log(plan_id, entity, id);
    `);
  },
};
