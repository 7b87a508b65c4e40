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
    expect(tables(db)).toEqual(['actuals', 'audit_log', 'departments', 'imports', 'indicator_co_units', 'indicators', 'plans', 'settings', 'targets']);
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
    const db = openDatabase(join(tmp.dir, 'b.sqlite'));
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
      expect(store.db.pragma('user_version', { simple: true })).toBe(2);
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
