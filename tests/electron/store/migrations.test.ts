// Migrations: from empty to the latest, one test per migration (migrate to N-1, insert rows,
// migrate to N, check), plus the framework's guarantees (backup first, newer schema refused).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, DatabaseOpenError, openDatabase } from '../../../electron/store/database';
import { MIGRATIONS } from '../../../electron/store/migrations/index';
import type { Migration } from '../../../electron/store/migrations/migration';
import { makeTempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.cleanup());

function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

describe('migrations from empty', () => {
  it('creates every table STRICT, sets user_version, application_id, WAL, foreign keys, synchronous=FULL', () => {
    const db = openDatabase(join(tmp.dir, 'a.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(tables(db)).toEqual(['actuals', 'audit_log', 'departments', 'imports', 'indicator_co_units', 'indicators', 'plans', 'reporting_deadlines', 'reporting_states', 'reporting_year_locks', 'settings', 'targets']);
    const ddl = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table'").all() as { sql: string }[];
    for (const { sql } of ddl) expect(sql.trim().endsWith('STRICT')).toBe(true);
    db.close();
  });

  it('versions are 1..N in order (the list is append-only history)', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});

describe('migration 001 (initial schema)', () => {
  it('enforces the target rule: a number, or explicitly no target', () => {
    // The schema as migration 1 left it (later migrations add columns to actuals).
    const db = openDatabase(join(tmp.dir, 'b.sqlite'), { migrations: MIGRATIONS.slice(0, 1) });
    db.exec(`INSERT INTO plans VALUES ('p', 's', 't', 'tt', 'c', 'n', 1, '[2025]', '["d"]');
      INSERT INTO departments VALUES ('区住建局', 0);
      INSERT INTO indicators VALUES ('i1', 'p', '1', 'd', 'n', '个', 'cumulative', 'higher', NULL, '区住建局', 0);`);
    db.prepare('INSERT INTO targets VALUES (?, ?, ?, ?)').run('i1', 2025, 5, 0);
    db.prepare('INSERT INTO targets VALUES (?, ?, ?, ?)').run('i1', 2026, null, 1);
    expect(() => db.prepare('INSERT INTO targets VALUES (?, ?, ?, ?)').run('i1', 2027, null, 0)).toThrow(/CHECK/);
    expect(() => db.prepare('INSERT INTO targets VALUES (?, ?, ?, ?)').run('i1', 2024, 3, 1)).toThrow(/CHECK/);
    // STRICT: a string where a REAL belongs is refused, not silently stored.
    expect(() => db.prepare('INSERT INTO actuals VALUES (?, ?, ?, ?, ?, ?)').run('i1', 2025, 'abc', null, 'now', 'me')).toThrow();
    // Foreign keys on: an actual for an unknown indicator is refused.
    expect(() => db.prepare('INSERT INTO actuals VALUES (?, ?, ?, ?, ?, ?)').run('nope', 2025, 1, null, 'now', 'me')).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('the migration framework', () => {
  // A test-only migration appended after the real ones, to exercise N-1 → N with data present.
  const extra: Migration = {
    version: MIGRATIONS.length + 1,
    name: 'test: add column',
    up(db) {
      db.exec('ALTER TABLE departments ADD COLUMN short_name TEXT');
    },
  };

  it('migrating N-1 → N keeps existing rows and backs up first', () => {
    const path = join(tmp.dir, 'c.sqlite');
    const db1 = openDatabase(path);
    db1.prepare('INSERT INTO departments VALUES (?, ?)').run('区住建局', 0);
    db1.close();
    const db2 = openDatabase(path, { migrations: [...MIGRATIONS, extra], backupDir: join(tmp.dir, 'bk'), now: () => new Date('2026-01-02T03:04:05Z') });
    expect(db2.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
    expect(db2.prepare('SELECT name, short_name FROM departments').all()).toEqual([{ name: '区住建局', short_name: null }]);
    db2.close();
    const backups = readdirSync(join(tmp.dir, 'bk'));
    expect(backups).toHaveLength(1);
    const bk = new Database(join(tmp.dir, 'bk', backups[0]!), { readonly: true });
    expect(bk.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(bk.prepare('SELECT name FROM departments').all()).toEqual([{ name: '区住建局' }]);
    bk.close();
  });

  it('a failing migration rolls back entirely: user_version and data unchanged', () => {
    const path = join(tmp.dir, 'd.sqlite');
    openDatabase(path).close();
    const broken: Migration = { version: MIGRATIONS.length + 1, name: 'broken', up: (db) => db.exec('CREATE TABLE x (a INTEGER) STRICT; SELECT * FROM missing_table') };
    expect(() => openDatabase(path, { migrations: [...MIGRATIONS, broken], backupDir: join(tmp.dir, 'bk') })).toThrow();
    const db = new Database(path);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(tables(db)).not.toContain('x');
    db.close();
  });

  it('a database from a newer version is refused, not downgraded', () => {
    const path = join(tmp.dir, 'e.sqlite');
    const db = openDatabase(path);
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    db.close();
    expect(() => openDatabase(path)).toThrow(DatabaseOpenError);
    expect(existsSync(path)).toBe(true);
  });
});

describe('migration 002 (audit records the OS user)', () => {
  it('adds os_user: rows from before stay NULL, new audit rows carry the account running the app', async () => {
    const path = join(tmp.dir, 'v1.sqlite');
    const v1 = openDatabase(path, { migrations: MIGRATIONS.slice(0, 1) });
    v1.prepare("INSERT INTO audit_log (at, who, action, entity, old_value, new_value, source) VALUES ('2025-01-01T00:00:00Z', '张三', 'update', 'setting', NULL, 'x', 'settings')").run();
    v1.close();

    const { Store } = await import('../../../electron/store/store');
    const { osUserName } = await import('../../../electron/store/os-user');
    const { userInfo } = await import('node:os');
    const store = Store.open(path);
    try {
      // Store.open migrates to the newest version (002 and every later one).
      expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      const old = store.db.prepare("SELECT who, os_user FROM audit_log WHERE who = '张三'").get();
      expect(old).toEqual({ who: '张三', os_user: null });
      store.transaction(() => store.actuals.setValue('zyyj-03', 2025, 7, { who: '李四', at: '2026-01-01T00:00:00Z', source: 'typed' }));
      const [entry] = store.audit.forCell('zyyj-03', 2025);
      expect(entry).toMatchObject({ who: '李四', osUser: userInfo().username });
      expect(osUserName()).toBe(userInfo().username);
    } finally {
      store.close();
    }
  });
});

describe('migration 003 (provenance of actuals)', () => {
  it('existing values get the source their latest audit row gives; values without one are marked unknown', () => {
    const path = join(tmp.dir, 'prov.sqlite');
    // Migrate to the version before provenance (002: audit os_user), write data, then migrate.
    const v2 = openDatabase(path, { migrations: MIGRATIONS.slice(0, 2) });
    v2.exec(`INSERT INTO plans VALUES ('p', 's', 't', 'tt', 'c', 'n', 1, '[2024,2025]', '["d"]');
      INSERT INTO departments VALUES ('区住建局', 0);
      INSERT INTO indicators VALUES ('i1', 'p', '1', 'd', 'n', '个', 'cumulative', 'higher', NULL, '区住建局', 0);
      INSERT INTO indicators VALUES ('i2', 'p', '2', 'd', 'm', '个', 'cumulative', 'higher', NULL, '区住建局', 1);
      INSERT INTO imports (id, at, who, files_json, change_count) VALUES (7, '2026-02-01T00:00:00.000Z', '王芳', '[]', 1);`);
    const audit = v2.prepare(`INSERT INTO audit_log (at, who, action, entity, plan_id, indicator_id, year, field, old_value, new_value, source, source_file, source_sha256, import_id)
      VALUES (?, ?, ?, ?, 'p', ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    // i1 2025: typed, then imported from a file (the import is what set the value now there), then a note typed.
    audit.run('2026-01-01T00:00:00.000Z', '李明', 'insert', 'actual', 'i1', 2025, 'actual', null, '5', 'typed', null, null, null);
    audit.run('2026-02-01T00:00:00.000Z', '王芳', 'update', 'actual', 'i1', 2025, 'actual', '5', '7', 'imported', '区住建局.xlsx', 'ab'.repeat(32), 7);
    audit.run('2026-02-02T00:00:00.000Z', '李明', 'insert', 'note', 'i1', 2025, 'note', null, '说明', 'typed', null, null, null);
    // i2 2025: pasted.
    audit.run('2026-01-05T00:00:00.000Z', '李明', 'insert', 'actual', 'i2', 2025, 'actual', null, '3', 'pasted', null, null, null);
    const actual = v2.prepare('INSERT INTO actuals VALUES (?, ?, ?, ?, ?, ?)');
    actual.run('i1', 2025, 7, '说明', '2026-02-02T00:00:00.000Z', '李明');
    actual.run('i2', 2025, 3, null, '2026-01-05T00:00:00.000Z', '李明');
    actual.run('i2', 2024, 1, null, '2025-12-01T00:00:00.000Z', '某人'); // no audit row at all
    actual.run('i1', 2024, null, '只有说明', '2026-01-01T00:00:00.000Z', '李明');
    v2.close();

    const v3 = openDatabase(path, { migrations: MIGRATIONS.slice(0, 3), backupDir: join(tmp.dir, 'bk') });
    expect(v3.pragma('user_version', { simple: true })).toBe(3);
    const rows = v3
      .prepare('SELECT indicator_id, year, value, note, source, source_at, source_who, source_file, source_sha256, source_department, import_id FROM actuals ORDER BY indicator_id, year')
      .all();
    expect(rows).toEqual([
      { indicator_id: 'i1', year: 2024, value: null, note: '只有说明', source: null, source_at: null, source_who: null, source_file: null, source_sha256: null, source_department: null, import_id: null },
      { indicator_id: 'i1', year: 2025, value: 7, note: '说明', source: 'imported', source_at: '2026-02-01T00:00:00.000Z', source_who: '王芳', source_file: '区住建局.xlsx', source_sha256: 'ab'.repeat(32), source_department: null, import_id: 7 },
      { indicator_id: 'i2', year: 2024, value: 1, note: null, source: 'unknown', source_at: '2025-12-01T00:00:00.000Z', source_who: '某人', source_file: null, source_sha256: null, source_department: null, import_id: null },
      { indicator_id: 'i2', year: 2025, value: 3, note: null, source: 'pasted', source_at: '2026-01-05T00:00:00.000Z', source_who: '李明', source_file: null, source_sha256: null, source_department: null, import_id: null },
    ]);
    // The audit log gains the department column, existing rows untouched.
    expect(v3.prepare('SELECT count(*) AS n FROM audit_log WHERE source_department IS NULL').get()).toEqual({ n: 4 });
    v3.close();
  });
});
