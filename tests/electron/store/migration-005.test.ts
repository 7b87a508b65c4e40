// Migration 005 (plans as data): on a real SQLite file migrated to the version before it, with a
// plan, an indicator with an actual and audit rows in place, then migrated to 005.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/store/database';
import { MIGRATIONS } from '../../../electron/store/migrations/index';
import { migrationPlansAsData } from '../../../electron/store/migrations/005_plans_as_data';
import { makeTempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.cleanup());

const at = MIGRATIONS.indexOf(migrationPlansAsData);

describe('migration 005 (plans as data)', () => {
  it('is number 5 in the list', () => {
    expect(at).toBe(4);
    expect(migrationPlansAsData.version).toBe(5);
  });

  it('adds retired_at, a plausible range per indicator and an audit reason; existing rows keep their data with NULLs', () => {
    const path = join(tmp.dir, 'v4.sqlite');
    const before = openDatabase(path, { migrations: MIGRATIONS.slice(0, at) });
    before.exec(`INSERT INTO plans VALUES ('p', 's', 't', 'tt', 'c', 'n', 1, '[2025]', '["d"]');
      INSERT INTO departments VALUES ('区住建局', 0);
      INSERT INTO indicators (id, plan_id, code, domain, name, unit, kind, direction, tolerance, lead_unit, sort_order)
        VALUES ('i1', 'p', '1', 'd', '覆盖率', '%', 'rate', 'higher', NULL, '区住建局', 0);
      INSERT INTO targets VALUES ('i1', 2025, 90, 0);
      INSERT INTO actuals (indicator_id, year, value, note, updated_at, updated_by) VALUES ('i1', 2025, 88, NULL, '2026-01-01T00:00:00Z', '李明');
      INSERT INTO audit_log (at, who, action, entity, plan_id, indicator_id, year, field, old_value, new_value, source)
        VALUES ('2026-01-01T00:00:00Z', '李明', 'insert', 'actual', 'p', 'i1', 2025, 'actual', NULL, '88', 'typed');`);
    before.close();

    const db = openDatabase(path, { migrations: MIGRATIONS.slice(0, at + 1), backupDir: join(tmp.dir, 'bk') });
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare('SELECT id, name, retired_at, plausible_min, plausible_max FROM indicators').all()).toEqual([
      { id: 'i1', name: '覆盖率', retired_at: null, plausible_min: null, plausible_max: null },
    ]);
    expect(db.prepare('SELECT new_value, reason FROM audit_log').all()).toEqual([{ new_value: '88', reason: null }]);
    expect(db.prepare('SELECT value FROM actuals').all()).toEqual([{ value: 88 }]);

    // The new columns are typed (STRICT): a plausible bound must be a number, a reason text.
    db.prepare("UPDATE indicators SET plausible_min = 0, plausible_max = 100, retired_at = '2026-02-01T00:00:00Z' WHERE id = 'i1'").run();
    expect(() => db.prepare("UPDATE indicators SET plausible_max = 'many' WHERE id = 'i1'").run()).toThrow();
    db.prepare(`INSERT INTO audit_log (at, who, action, entity, plan_id, indicator_id, year, field, old_value, new_value, source, reason)
      VALUES ('2026-02-01T00:00:00Z', '王芳', 'update', 'target', 'p', 'i1', 2025, 'target', '90', '92', 'plan-edit', '动态调整')`).run();
    expect(db.prepare("SELECT old_value, new_value, reason FROM audit_log WHERE entity = 'target'").get()).toEqual({ old_value: '90', new_value: '92', reason: '动态调整' });
    // The 调整记录 view's index exists.
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name = 'audit_by_plan'").get()).toEqual({ name: 'audit_by_plan' });
    db.close();
  });
});
