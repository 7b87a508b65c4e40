// Migration 004 (reporting cycle): migrate to 003, write data, migrate to 004; existing rows stay,
// the new tables enforce their rules, and audit rows gain a reason column.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/store/database';
import { MIGRATIONS } from '../../../electron/store/migrations/index';
import { makeTempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.cleanup());

describe('migration 004 (reporting cycle)', () => {
  it('adds deadlines, department states and year locks; keeps existing rows; audit rows get a reason', () => {
    const path = join(tmp.dir, 'cycle.sqlite');
    const v3 = openDatabase(path, { migrations: MIGRATIONS.slice(0, 3) });
    v3.exec(`INSERT INTO plans VALUES ('p', 's', 't', 'tt', 'c', 'n', 1, '[2025]', '["d"]');
      INSERT INTO departments VALUES ('区住建局', 0);
      INSERT INTO audit_log (at, who, action, entity, old_value, new_value, source) VALUES ('2026-01-01T00:00:00Z', '张三', 'update', 'setting', NULL, 'x', 'settings');`);
    v3.close();

    const db = openDatabase(path, { migrations: MIGRATIONS.slice(0, 4) });
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare("SELECT who, reason FROM audit_log WHERE who = '张三'").get()).toEqual({ who: '张三', reason: null });

    db.prepare("INSERT INTO reporting_deadlines VALUES ('p', 2025, '2026-02-15')").run();
    expect(() => db.prepare("INSERT INTO reporting_deadlines VALUES ('p', 2024, '15/02/2026')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO reporting_deadlines VALUES ('nope', 2024, '2026-02-15')").run()).toThrow(/FOREIGN KEY/);

    const state = db.prepare('INSERT INTO reporting_states VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    state.run('p', 2025, '区住建局', 'submitted', null, null, '2026-01-20T00:00:00Z', '张三');
    // Only the English enum values; a lock records the state it replaced, nothing else does.
    expect(() => state.run('p', 2024, '区住建局', '已提交', null, null, 'now', 'me')).toThrow(/CHECK/);
    expect(() => state.run('p', 2024, '区住建局', 'locked', null, null, 'now', 'me')).toThrow(/CHECK/);
    expect(() => state.run('p', 2023, '区住建局', 'open', 'submitted', null, 'now', 'me')).toThrow(/CHECK/);
    expect(() => state.run('p', 2024, '没有这个单位', 'open', null, null, 'now', 'me')).toThrow(/FOREIGN KEY/);
    state.run('p', 2024, '区住建局', 'locked', 'submitted', '年度已结束', 'now', 'me');

    db.prepare("INSERT INTO reporting_year_locks VALUES ('p', 2025, NULL, 'now', 'me')").run();
    expect(() => db.prepare("INSERT INTO reporting_year_locks VALUES ('p', 2025, NULL, 'now', 'me')").run()).toThrow(/UNIQUE|PRIMARY/);
    const ddl = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name LIKE 'reporting_%'").all() as { sql: string }[];
    expect(ddl).toHaveLength(3);
    for (const { sql } of ddl) expect(sql.trim().endsWith('STRICT')).toBe(true);
    db.close();
  });
});
