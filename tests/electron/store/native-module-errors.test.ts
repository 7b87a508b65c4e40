// A native SQLite module that will not load is a broken installation, not a disk error (issue 9):
// its own reason ('broken-install'), a bilingual message saying the data is fine and to reinstall,
// and a start-up question that offers neither retry nor restore. Two shapes are produced for real
// (a copy of better-sqlite3 without its build folder; a .node file that is not a library), the
// others are Node's exact message texts for modules built for another runtime or system.
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFailureQuestion } from '../../../electron/main/open-failure-dialog';
import { nativeModuleProblemOf } from '../../../electron/store/native-module-errors';
import { classifyOpenError } from '../../../electron/store/open-errors';
import { makeTempDir } from '../../helpers/tmp';

const require = createRequire(import.meta.url);
const root = join(__dirname, '..', '..', '..');
let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.cleanup());

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

function expectBrokenInstall(error: unknown, detailZh: RegExp, detailEn: RegExp): void {
  const e = classifyOpenError(error, '/data/indicator-desk.sqlite');
  expect(e.reason).toBe('broken-install');
  expect(e.damaged).toBe(false);
  expect(e.appMessage.key).toBe('db.broken-install');
  expect(e.appMessage.zh).toMatch(/安装已损坏.*另一个运行环境.*没有问题.*不要从备份恢复.*重新安装/);
  expect(e.appMessage.en).toMatch(/installation is damaged.*another runtime.*is fine.*do not restore.*Reinstall/);
  expect(e.appMessage.zh).toMatch(detailZh);
  expect(e.appMessage.en).toMatch(detailEn);
  expect(e.appMessage.zh).not.toMatch(/磁盘出错|\{detail\}/);
  expect(e.appMessage.en).not.toMatch(/disk error|\{detail\}/);
  const question = openFailureQuestion(e, 'zh');
  expect(question.actions).toEqual(['quit']);
  expect(question.defaultId).toBe(0);
}

describe('the native SQLite module does not load', () => {
  it('a copy of better-sqlite3 without its build ("Could not locate the bindings file") is a broken installation', () => {
    const modules = join(tmp.dir, 'node_modules');
    mkdirSync(modules);
    cpSync(join(root, 'node_modules/better-sqlite3/lib'), join(modules, 'better-sqlite3/lib'), { recursive: true });
    cpSync(join(root, 'node_modules/better-sqlite3/package.json'), join(modules, 'better-sqlite3/package.json'));
    for (const dep of ['bindings', 'file-uri-to-path']) symlinkSync(join(root, 'node_modules', dep), join(modules, dep));
    const Broken = require(join(modules, 'better-sqlite3')) as new (path: string) => unknown;
    const error = thrownBy(() => new Broken(join(tmp.dir, 'x.sqlite')));
    expect(String((error as Error).message)).toMatch(/Could not locate the bindings file/);
    expect(nativeModuleProblemOf(error)).toBe('missing');
    expectBrokenInstall(error, /找不到该组件的文件/, /its file is missing/);
  });

  it('a .node file that is not a library for this system (ERR_DLOPEN_FAILED, invalid ELF header)', () => {
    const Database = require('better-sqlite3') as new (path: string, options: { nativeBinding: string }) => unknown;
    const fake = join(tmp.dir, 'better_sqlite3.node');
    writeFileSync(fake, Buffer.alloc(4096, 0x5a));
    const error = thrownBy(() => new Database(':memory:', { nativeBinding: fake }));
    expect((error as { code?: string }).code).toBe('ERR_DLOPEN_FAILED');
    expect(nativeModuleProblemOf(error)).not.toBeNull();
    const e = classifyOpenError(error, '/data/db.sqlite');
    expect(e.reason).toBe('broken-install');
  });

  it('built for another Node.js/Electron version (NODE_MODULE_VERSION)', () => {
    const error = Object.assign(
      new Error(
        "The module '/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 130. This version of Node.js requires\nNODE_MODULE_VERSION 127. Please try re-compiling or re-installing\nthe module (for instance, using `npm rebuild` or `npm install`).",
      ),
      { code: 'ERR_DLOPEN_FAILED' },
    );
    expect(nativeModuleProblemOf(error)).toBe('other-runtime');
    expectBrokenInstall(error, /另一版本的运行环境/, /another version of the runtime/);
  });

  it('built for another system or processor (Windows and Linux wordings)', () => {
    for (const text of [
      '\\\\?\\C:\\Program Files\\指标填报台\\resources\\app.asar.unpacked\\node_modules\\better-sqlite3\\build\\Release\\better_sqlite3.node is not a valid Win32 application.',
      '/opt/app/better_sqlite3.node: wrong ELF class: ELFCLASS32',
    ]) {
      const error = Object.assign(new Error(text), { code: 'ERR_DLOPEN_FAILED' });
      expect(nativeModuleProblemOf(error)).toBe('other-system');
      expectBrokenInstall(error, /另一种操作系统或处理器/, /another operating system or processor/);
    }
  });

  it('any other refused load is still a broken installation, never a disk error', () => {
    const error = Object.assign(new Error('libstdc++.so.6: version `GLIBCXX_3.4.32\' not found'), { code: 'ERR_DLOPEN_FAILED' });
    expect(nativeModuleProblemOf(error)).toBe('load-failed');
    expectBrokenInstall(error, /系统拒绝加载该组件/, /the system refused to load it/);
  });
});

describe('other errors keep their reasons', () => {
  it('SQLite codes and unknown errors are not taken for a broken installation', () => {
    expect(classifyOpenError(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }), '/d.sqlite').reason).toBe('locked');
    expect(classifyOpenError(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_READ' }), '/d.sqlite').reason).toBe('io-error');
    expect(classifyOpenError(new Error('something else'), '/d.sqlite').reason).toBe('io-error');
    expect(nativeModuleProblemOf('NODE_MODULE_VERSION as a string')).toBeNull();
    expect(nativeModuleProblemOf(null)).toBeNull();
  });
});
