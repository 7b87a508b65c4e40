// A database that cannot be opened because the program itself is broken, not the data: the native
// SQLite module (better-sqlite3) failed to load. That happens when the installation is incomplete
// (antivirus quarantined the .node file, a copy missed it) or the module was built for another
// runtime (Node.js instead of Electron, another version, another system or processor). Such errors
// must not read as "disk error" or "damaged": retrying or restoring a backup cannot help.

/** Why the native module did not load: built for another runtime version, for another system, missing, or other. */
export type NativeModuleProblem = 'other-runtime' | 'other-system' | 'missing' | 'load-failed';

// Node's messages, as thrown by process.dlopen and the `bindings` package better-sqlite3 uses:
//   "… was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version
//    of Node.js requires NODE_MODULE_VERSION 127…"                         (code ERR_DLOPEN_FAILED)
//   "Could not locate the bindings file. Tried: → …/better_sqlite3.node"   (bindings, no code)
//   "invalid ELF header", "wrong ELF class: ELFCLASS32", "%1 is not a valid Win32 application",
//   "mach-o file, but is an incompatible architecture"                      (ERR_DLOPEN_FAILED)
const OTHER_RUNTIME = /NODE_MODULE_VERSION|compiled against a different Node\.js version|Module did not self-register|undefined symbol/i;
const OTHER_SYSTEM = /invalid ELF header|wrong ELF class|not a valid Win32 application|incompatible architecture|wrong architecture|mach-o/i;
const MISSING = /Could not locate the bindings file|Cannot find module ['"]?(?:better-sqlite3|bindings)|better_sqlite3\.node.*(?:ENOENT|no such file|cannot open shared object)|The specified module could not be found/i;

/**
 * The problem a thrown value stands for when it is a failure to load the native SQLite module, or
 * null for anything else (SQLite's own errors, file-system errors…).
 */
export function nativeModuleProblemOf(error: unknown): NativeModuleProblem | null {
  if (typeof error !== 'object' || error === null) return null;
  const text = String((error as { message?: unknown }).message ?? '');
  const code = String((error as { code?: unknown }).code ?? '');
  if (OTHER_RUNTIME.test(text)) return 'other-runtime';
  if (OTHER_SYSTEM.test(text)) return 'other-system';
  if (MISSING.test(text)) return 'missing';
  if (code === 'ERR_DLOPEN_FAILED') return 'load-failed';
  return null;
}

/** The {detail} of the db.broken-install message, per language. */
export const NATIVE_PROBLEM_TEXT: Record<NativeModuleProblem, { zh: string; en: string }> = {
  'other-runtime': { zh: '该组件是为另一版本的运行环境（Node.js/Electron）编译的', en: 'it was built for another version of the runtime (Node.js/Electron)' },
  'other-system': { zh: '该组件是为另一种操作系统或处理器编译的', en: 'it was built for another operating system or processor' },
  missing: { zh: '找不到该组件的文件', en: 'its file is missing' },
  'load-failed': { zh: '系统拒绝加载该组件', en: 'the system refused to load it' },
};
