// Migration 4: the reporting cycle (docs/ARCHITECTURE.md §Reporting cycle). A deadline per (plan,
// year) — no row means the default, 31 January of the following year — and the state of each
// (plan, year, department): only states someone set are stored ('open' after an unlock or when the
// row exists for history; 未填报 vs 填报中 is derived from whether the department has any actual).
// A year-wide lock is its own row. audit_log gains `reason`: every state change says why.
import type { Migration } from './migration';

export const migrationReportingCycle: Migration = {
  version: 4,
  name: 'reporting cycle: deadlines, states, year locks',
  up(db) {
    db.exec(`
      CREATE TABLE reporting_deadlines (
        plan_id TEXT NOT NULL REFERENCES plans(id),
        year INTEGER NOT NULL,
        deadline TEXT NOT NULL CHECK (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        PRIMARY KEY (plan_id, year)
      ) STRICT;

      CREATE TABLE reporting_states (
        plan_id TEXT NOT NULL REFERENCES plans(id),
        year INTEGER NOT NULL,
        department TEXT NOT NULL REFERENCES departments(name),
        state TEXT NOT NULL CHECK (state IN ('open', 'submitted', 'returned', 'locked')),
        -- The state a lock replaced, restored by unlocking; NULL unless state = 'locked'.
        before_lock TEXT CHECK (before_lock IS NULL OR before_lock IN ('open', 'submitted', 'returned')),
        reason TEXT,
        changed_at TEXT NOT NULL,
        changed_by TEXT NOT NULL,
        PRIMARY KEY (plan_id, year, department),
        CHECK ((state = 'locked') = (before_lock IS NOT NULL))
      ) STRICT;

      CREATE TABLE reporting_year_locks (
        plan_id TEXT NOT NULL REFERENCES plans(id),
        year INTEGER NOT NULL,
        reason TEXT,
        locked_at TEXT NOT NULL,
        locked_by TEXT NOT NULL,
        PRIMARY KEY (plan_id, year)
      ) STRICT;

      ALTER TABLE audit_log ADD COLUMN reason TEXT;
    `);
  },
};
