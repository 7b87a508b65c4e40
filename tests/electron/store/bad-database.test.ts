// A file that is not ours, or is damaged, gives a clear message and is never replaced.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError } from '../../../electron/store/database';
import { Store } from '../../../electron/store/store';
import { makeTempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.cleanup());

function expectRefused(path: string, reason: DatabaseOpenError['reason']) {
  const before = readFileSync(path);
  let error: unknown;
  try {
    Store.open(path);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(DatabaseOpenError);
  const e = error as DatabaseOpenError;
  expect(e.reason).toBe(reason);
  expect(e.appMessage.zh).toMatch(/未做任何改动/);
  expect(e.appMessage.en).toMatch(/[Nn]othing was changed/);
  expect(readFileSync(path).equals(before)).toBe(true);
}

describe('opening a file that is not ours', () => {
  it('a text file', () => {
    const p = join(tmp.dir, 'notes.sqlite');
    writeFileSync(p, '这不是数据库 this is not a database\n'.repeat(50));
    expectRefused(p, 'not-ours');
  });

  it("another application's SQLite database", () => {
    const p = join(tmp.dir, 'other.sqlite');
    const db = new Database(p);
    db.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES (\'x\')');
    db.close();
    expectRefused(p, 'not-ours');
  });

  it('a damaged database of ours', () => {
    const p = join(tmp.dir, 'ours.sqlite');
    const s = Store.open(p);
    s.db.pragma('wal_checkpoint(TRUNCATE)');
    s.close();
    const bytes = readFileSync(p);
    // Overwrite the middle of the file (schema and data pages) with garbage; keep the header.
    for (let i = 4096; i < bytes.length; i += 1) bytes[i] = (i * 7) & 0xff;
    writeFileSync(p, bytes);
    expectRefused(p, 'corrupt');
  });
});
