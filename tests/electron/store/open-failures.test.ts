// A healthy database is never called damaged (issue 9): a lock held by another process, a read-only
// place, a folder where the file should be and a file where the folder should be each get their own
// clear bilingual message; only a failed integrity check is "damaged", and only then does the
// desktop's start-up question default to 从备份恢复.
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFailureQuestion } from '../../../electron/main/open-failure-dialog';
import { createServices } from '../../../electron/services/create-services';
import { DatabaseOpenError } from '../../../electron/store/database';
import { Store } from '../../../electron/store/store';
import { makeTempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
let holder: ChildProcessWithoutNullStreams | null = null;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => {
  holder?.kill('SIGKILL');
  holder = null;
  chmodSync(tmp.dir, 0o700);
  tmp.cleanup();
});

function openError(path: string): DatabaseOpenError {
  try {
    Store.open(path).close();
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseOpenError);
    return error as DatabaseOpenError;
  }
  throw new Error('opened');
}

function lockWith(path: string, ...flags: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    holder = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures/lock-holder.ts'), path, ...flags]);
    let err = '';
    holder.stderr.on('data', (d: Buffer) => (err += d.toString()));
    holder.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('locked')) resolve();
    });
    holder.on('exit', (code) => reject(new Error(`lock holder exited ${code}: ${err}`)));
  });
}

describe('not damaged', () => {
  it("another process's exclusive lock: 'locked', the data is fine, no advice to restore", async () => {
    const path = join(tmp.dir, 'locked.sqlite');
    Store.open(path).close();
    await lockWith(path);
    const e = openError(path);
    expect(e.reason).toBe('locked');
    expect(e.damaged).toBe(false);
    expect(e.appMessage.zh).toMatch(/独占使用.*数据没有问题.*关闭另一个/);
    expect(e.appMessage.en).toMatch(/locked.*The data is fine/);
    expect(e.appMessage.zh).not.toMatch(/损坏|从备份恢复/);
    const question = openFailureQuestion(e, 'zh');
    expect(question.actions[question.defaultId]).toBe('retry');
    expect(question.message).not.toMatch(/损坏/);
  }, 60_000);

  it("a save while another process holds the lock gets the 'locked' message, not 内部错误：database is locked", async () => {
    const path = join(tmp.dir, 'busy.sqlite');
    const services = createServices({ dbPath: path, mode: 'desktop' });
    services.store.db.pragma('busy_timeout = 200');
    try {
      await lockWith(path, '--write');
      const planId = services.store.plans.listPlans()[0]!.id;
      const attempt = Promise.resolve().then(() => services.handlers.saveCells({ planId, source: 'typed', edits: [{ indicatorId: 'zyyj-03', year: 2024, field: 'actual', text: '5' }] }));
      await expect(attempt).rejects.toMatchObject({ appMessage: { key: 'db.locked' } });
    } finally {
      services.close();
    }
  }, 60_000);

  it('a folder where the database file should be (EISDIR), and a file where its folder should be (EEXIST)', () => {
    const dir = join(tmp.dir, 'indicator-desk.sqlite');
    mkdirSync(dir);
    const eisdir = openError(dir);
    expect(eisdir.reason).toBe('unwritable');
    expect(eisdir.appMessage.zh).toMatch(/是一个文件夹/);
    expect(eisdir.appMessage.en).toMatch(/it is a folder/);
    const blocker = join(tmp.dir, 'data');
    writeFileSync(blocker, 'x');
    const eexist = openError(join(blocker, 'sub', 'db.sqlite'));
    expect(eexist.reason).toBe('unwritable');
    expect(eexist.appMessage.zh).not.toMatch(/EEXIST|ENOTDIR|mkdir/);
    for (const e of [eisdir, eexist]) {
      expect(e.damaged).toBe(false);
      expect(e.appMessage.zh).toMatch(/数据没有问题/);
      expect(openFailureQuestion(e, 'en').actions[1]).toBe('retry');
    }
  });

  it('a read-only data folder: opened read-only, readable, and a save says why and what to do', () => {
    const folder = join(tmp.dir, 'readonly');
    mkdirSync(folder);
    const path = join(folder, 'db.sqlite');
    const s = createServices({ dbPath: path, mode: 'desktop' });
    s.store.transaction(() => s.store.actuals.setValue('zyyj-03', 2024, 205, { who: 't', at: new Date().toISOString(), source: 'typed' }));
    s.close();
    chmodSync(path, 0o444);
    chmodSync(folder, 0o555);
    chmodSync(tmp.dir, 0o755);
    // Root ignores file permissions: run the probe as an ordinary user then.
    const asOther = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures/open-probe.ts'), path], { encoding: 'utf8', ...asOther, env: { ...process.env, HOME: tmp.dir } });
    const report = JSON.parse(out) as { readOnly: boolean; actual: number; save: { key: string; zh: string; en: string } };
    expect(report).toMatchObject({ readOnly: true, actual: 205 });
    expect(report.save.key).toBe('db.read-only');
    expect(report.save.zh).toMatch(/只读.*数据没有问题.*可写的位置/);
    expect(readFileSync(path).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
  }, 60_000);
});

describe('damaged', () => {
  it('only a failed integrity check is damage, and only then is 从备份恢复 the default', () => {
    const path = join(tmp.dir, 'ours.sqlite');
    const s = Store.open(path);
    s.db.pragma('wal_checkpoint(TRUNCATE)');
    s.close();
    const bytes = readFileSync(path);
    for (let i = 4096; i < bytes.length; i += 1) bytes[i] = (i * 7) & 0xff;
    writeFileSync(path, bytes);
    const e = openError(path);
    expect(e.reason).toBe('corrupt');
    expect(e.damaged).toBe(true);
    const question = openFailureQuestion(e, 'zh');
    expect(question.actions[question.defaultId]).toBe('restore');
    expect(question.actions).toEqual(['quit', 'restore']);
  });
});
