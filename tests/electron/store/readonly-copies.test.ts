// Snapshot copies made to read a database whose folder cannot be written (issue 9) do not pile up
// in the temporary folder: closing the store removes its copy, and at the next start copies older
// than a day (left by a killed process) are removed while younger ones (maybe another process's)
// stay. The open runs in a child process as an ordinary user (root ignores permissions).
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { READONLY_COPY_PREFIX, STALE_COPY_AGE_MS, makeReadOnlyCopy, removeStaleReadOnlyCopies } from '../../../electron/store/readonly-copies';
import { Store } from '../../../electron/store/store';
import { makeTempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => {
  chmodSync(tmp.dir, 0o700);
  tmp.cleanup();
});

const HOUR = 3600_000;

/** A snapshot folder (with a file inside) last changed `ageMs` ago. */
function plant(parent: string, suffix: string, ageMs: number): string {
  const folder = join(parent, `${READONLY_COPY_PREFIX}${suffix}`);
  mkdirSync(folder);
  writeFileSync(join(folder, 'indicator-desk.sqlite'), 'x');
  const at = new Date(Date.now() - ageMs);
  utimesSync(folder, at, at);
  return folder;
}

describe('read-only snapshot copies', () => {
  it('are removed when the store closes, and stale ones (over a day old) at the next start', () => {
    const data = join(tmp.dir, 'readonly');
    mkdirSync(data);
    const path = join(data, 'db.sqlite');
    const store = Store.open(path);
    store.transaction(() => store.actuals.setValue('zyyj-03', 2024, 205, { who: 't', at: new Date().toISOString(), source: 'typed' }));
    store.close();
    chmodSync(path, 0o444);
    chmodSync(data, 0o555);
    chmodSync(tmp.dir, 0o755);
    const temp = join(tmp.dir, 'temp');
    mkdirSync(temp);
    chmodSync(temp, 0o777);
    // Left by earlier runs of the same user (as root, hand them to the probe's user).
    for (const [suffix, age] of [['stale', 2 * STALE_COPY_AGE_MS], ['recent', HOUR]] as const) {
      const folder = plant(temp, suffix, age);
      if (process.getuid?.() === 0) for (const p of [folder, join(folder, 'indicator-desk.sqlite')]) chownSync(p, 65534, 65534);
    }
    writeFileSync(join(temp, 'unrelated.txt'), 'kept');

    const asOther = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures/readonly-copy-probe.ts'), path], {
      encoding: 'utf8',
      ...asOther,
      env: { ...process.env, HOME: tmp.dir, TMPDIR: temp },
    });
    const report = JSON.parse(out) as { readOnly: boolean; value: number; whileOpen: string[]; afterClose: string[] };
    expect(report).toMatchObject({ readOnly: true, value: 205 });
    // While open: the new copy and the recent one; the stale one went at start.
    expect(report.whileOpen).toHaveLength(2);
    expect(report.whileOpen).toContain(`${READONLY_COPY_PREFIX}recent`);
    expect(report.whileOpen).not.toContain(`${READONLY_COPY_PREFIX}stale`);
    // Closed: its own copy is gone; another process's recent copy stays.
    expect(report.afterClose).toEqual([`${READONLY_COPY_PREFIX}recent`]);
    expect(existsSync(join(temp, 'unrelated.txt'))).toBe(true);
  }, 60_000);

  it('removeStaleReadOnlyCopies: only folders with our prefix, only past the age limit', () => {
    const now = Date.now();
    const stale = plant(tmp.dir, 'a', STALE_COPY_AGE_MS + HOUR);
    const fresh = plant(tmp.dir, 'b', STALE_COPY_AGE_MS - HOUR);
    const foreign = join(tmp.dir, 'someone-else-readonly-c');
    mkdirSync(foreign);
    utimesSync(foreign, new Date(0), new Date(0));
    const file = join(tmp.dir, `${READONLY_COPY_PREFIX}file`);
    writeFileSync(file, 'not a folder');
    utimesSync(file, new Date(0), new Date(0));

    expect(removeStaleReadOnlyCopies(tmp.dir, now)).toEqual([stale]);
    expect([existsSync(stale), existsSync(fresh), existsSync(foreign), existsSync(file)]).toEqual([false, true, true, true]);
    expect(removeStaleReadOnlyCopies(join(tmp.dir, 'missing'), now)).toEqual([]);
  });

  it('makeReadOnlyCopy copies the file with its -wal', () => {
    const path = join(tmp.dir, 'x.sqlite');
    writeFileSync(path, 'main');
    writeFileSync(`${path}-wal`, 'wal');
    const { folder, copy } = makeReadOnlyCopy(path, tmp.dir);
    expect(folder.startsWith(join(tmp.dir, READONLY_COPY_PREFIX))).toBe(true);
    expect([existsSync(copy), existsSync(`${copy}-wal`)]).toEqual([true, true]);
  });
});
