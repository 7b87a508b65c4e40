// Migration 3: provenance. Every actual keeps its current source (typed/pasted by whom, or imported
// from which file — name, sha256, department — and when); audit rows name the department too.
// Existing values get the source their latest audit row gives (docs/ARCHITECTURE.md §Consolidation).
import type { Migration } from './migration';

export const migrationProvenance: Migration = {
  version: 3,
  name: 'provenance of actuals',
  up(db) {
    db.exec(`
      ALTER TABLE actuals ADD COLUMN source TEXT;
      ALTER TABLE actuals ADD COLUMN source_at TEXT;
      ALTER TABLE actuals ADD COLUMN source_who TEXT;
      ALTER TABLE actuals ADD COLUMN source_file TEXT;
      ALTER TABLE actuals ADD COLUMN source_sha256 TEXT;
      ALTER TABLE actuals ADD COLUMN source_department TEXT;
      ALTER TABLE actuals ADD COLUMN import_id INTEGER;
      ALTER TABLE audit_log ADD COLUMN source_department TEXT;

      -- Backfill from the cell's latest audit row for its value (the row that set what is there now).
      UPDATE actuals SET
        source = (SELECT a.source FROM audit_log a WHERE a.indicator_id = actuals.indicator_id AND a.year = actuals.year
                  AND a.entity = 'actual' ORDER BY a.id DESC LIMIT 1),
        source_at = (SELECT a.at FROM audit_log a WHERE a.indicator_id = actuals.indicator_id AND a.year = actuals.year
                  AND a.entity = 'actual' ORDER BY a.id DESC LIMIT 1),
        source_who = (SELECT a.who FROM audit_log a WHERE a.indicator_id = actuals.indicator_id AND a.year = actuals.year
                  AND a.entity = 'actual' ORDER BY a.id DESC LIMIT 1),
        source_file = (SELECT a.source_file FROM audit_log a WHERE a.indicator_id = actuals.indicator_id AND a.year = actuals.year
                  AND a.entity = 'actual' ORDER BY a.id DESC LIMIT 1),
        source_sha256 = (SELECT a.source_sha256 FROM audit_log a WHERE a.indicator_id = actuals.indicator_id AND a.year = actuals.year
                  AND a.entity = 'actual' ORDER BY a.id DESC LIMIT 1),
        import_id = (SELECT a.import_id FROM audit_log a WHERE a.indicator_id = actuals.indicator_id AND a.year = actuals.year
                  AND a.entity = 'actual' ORDER BY a.id DESC LIMIT 1)
      WHERE value IS NOT NULL;
      -- A value with no audit row at all (should not exist) is marked, never guessed.
      UPDATE actuals SET source = 'unknown', source_at = updated_at, source_who = updated_by WHERE value IS NOT NULL AND source IS NULL;
    `);
  },
};
