// Python with openpyxl/xlwt (Debian's python3-openpyxl, python3-xlwt), for workbooks written the
// way other people's scripts write them. A pyenv shim may shadow the system python3 without them.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The python3 that has openpyxl/xlwt: $PYTHON, else the system one (a pyenv shim on PATH may lack them). */
export const PYTHON = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

export function python(): string {
  for (const p of [PYTHON, 'python3']) {
    try {
      execFileSync(p, ['-c', 'import openpyxl, xlwt'], { stdio: 'ignore' });
      return p;
    } catch {
      // try the next
    }
  }
  throw new Error('python3 with openpyxl and xlwt is needed: apt-get install -y python3-openpyxl python3-xlwt');
}

export type PyCell = string | number | null;

/** Write `rows` (row 1 first) to `out` with openpyxl (.xlsx) or xlwt (.xls). */
export function writeWithPython(out: string, rows: PyCell[][], opts: { sheet?: string; hiddenCols?: string[] } = {}): string {
  const spec = { out, rows, sheet: opts.sheet ?? 'Sheet1', hiddenCols: opts.hiddenCols ?? [], format: out.endsWith('.xls') ? 'xls' : 'xlsx' };
  const specFile = `${out}.json`;
  writeFileSync(specFile, JSON.stringify(spec));
  execFileSync(python(), [join(import.meta.dirname, 'write-xlsx.py'), specFile], { stdio: 'pipe' });
  if (!existsSync(out)) throw new Error(`python did not write ${out}`);
  return out;
}

/** Run a python snippet with `args` as sys.argv[1:]; returns its stdout. */
export function runPython(code: string, args: string[] = []): string {
  return execFileSync(python(), ['-c', code, ...args], { encoding: 'utf8' });
}
