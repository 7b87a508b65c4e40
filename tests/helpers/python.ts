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

/** One sheet of a workbook written by Python: its rows (row 1 first) and how it is hidden. */
export interface SheetSpec {
  name: string;
  rows: PyCell[][];
  state?: 'visible' | 'hidden';
  /** 1-based row numbers, as in Excel. */
  hiddenRows?: number[];
  hiddenCols?: string[];
}

/** Write `sheets` to `out` with openpyxl (.xlsx) or xlwt (.xls); a string starting with "=" is a formula. Returns `out`. */
export function writeSheets(out: string, sheets: SheetSpec[]): string {
  const specFile = `${out}.json`;
  writeFileSync(specFile, JSON.stringify({ out, sheets }));
  execFileSync(python(), [join(import.meta.dirname, 'write-sheets.py'), specFile], { stdio: 'pipe' });
  if (!existsSync(out)) throw new Error(`python did not write ${out}`);
  return out;
}

/** Write `rows` (row 1 first) to `out` as one sheet with openpyxl (.xlsx) or xlwt (.xls). */
export function writeWithPython(out: string, rows: PyCell[][], opts: { sheet?: string; hiddenCols?: string[] } = {}): string {
  return writeSheets(out, [{ name: opts.sheet ?? 'Sheet1', rows, hiddenCols: opts.hiddenCols ?? [] }]);
}

/** Run a python snippet with `args` as sys.argv[1:]; returns its stdout. */
export function runPython(code: string, args: string[] = []): string {
  return execFileSync(python(), ['-c', code, ...args], { encoding: 'utf8' });
}
