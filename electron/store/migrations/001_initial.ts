// Migration 1: the initial schema. STRICT tables; every change to data is mirrored by an audit row.
import type { Migration } from './migration';

export const migration001: Migration = {
  version: 1,
  name: 'initial schema',
  up(db) {
    db.exec(`
      CREATE TABLE plans (
        id TEXT PRIMARY KEY,
        short_name TEXT NOT NULL,
        title TEXT NOT NULL,
        table_title TEXT NOT NULL,
        coordinator TEXT NOT NULL,
        source_note TEXT NOT NULL,
        version INTEGER NOT NULL,
        years_json TEXT NOT NULL,
        domains_json TEXT NOT NULL
      ) STRICT;

      CREATE TABLE departments (
        name TEXT PRIMARY KEY,
        sort_order INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE indicators (
        id TEXT PRIMARY KEY,
        plan_id TEXT NOT NULL REFERENCES plans(id),
        code TEXT NOT NULL,
        domain TEXT NOT NULL,
        name TEXT NOT NULL,
        unit TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('cumulative', 'stock', 'rate')),
        direction TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),
        tolerance REAL CHECK (tolerance IS NULL OR tolerance >= 0),
        lead_unit TEXT NOT NULL REFERENCES departments(name),
        sort_order INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX indicators_by_plan ON indicators(plan_id, sort_order);

      CREATE TABLE indicator_co_units (
        indicator_id TEXT NOT NULL REFERENCES indicators(id),
        department TEXT NOT NULL REFERENCES departments(name),
        sort_order INTEGER NOT NULL,
        PRIMARY KEY (indicator_id, department)
      ) STRICT;

      -- A target is a number, or explicitly "no target" (the plan's "/"): never a bare NULL.
      CREATE TABLE targets (
        indicator_id TEXT NOT NULL REFERENCES indicators(id),
        year INTEGER NOT NULL,
        value REAL,
        no_target INTEGER NOT NULL CHECK (no_target IN (0, 1)),
        PRIMARY KEY (indicator_id, year),
        CHECK ((no_target = 1 AND value IS NULL) OR (no_target = 0 AND value IS NOT NULL))
      ) STRICT;

      CREATE TABLE actuals (
        indicator_id TEXT NOT NULL REFERENCES indicators(id),
        year INTEGER NOT NULL,
        value REAL,
        note TEXT,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (indicator_id, year)
      ) STRICT;

      CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        who TEXT NOT NULL,
        files_json TEXT NOT NULL,
        change_count INTEGER NOT NULL,
        undone_at TEXT
      ) STRICT;

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        who TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        plan_id TEXT,
        indicator_id TEXT,
        year INTEGER,
        field TEXT,
        old_value TEXT,
        new_value TEXT,
        source TEXT NOT NULL,
        source_file TEXT,
        source_sha256 TEXT,
        import_id INTEGER REFERENCES imports(id)
      ) STRICT;
      CREATE INDEX audit_by_cell ON audit_log(indicator_id, year, id);
      CREATE INDEX audit_by_import ON audit_log(import_id);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
