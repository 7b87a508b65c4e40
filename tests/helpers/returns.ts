// Hand-made returns for consolidation tests, written by openpyxl (a second real writer, not our
// exporter): a title, 填报单位 lines, a one-row header and the rows asked for.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';
import { displayName } from '../../shared/domain/plan';

export interface HandMadeReturn {
  path: string;
  year: number;
  /** One 填报单位 line per entry; none for a return that names no department. */
  departments: string[];
  /** Actuals by seed indicator code ("4" → 老旧小区累计改造个数); a text starting with "=" is written as a formula (no cached result). */
  actuals: Record<string, number | string>;
  clerk?: string;
  /** Rows naming no indicator of the plan (an unmatched row), written after the others. */
  extraRows?: { code: string; name: string; actual: number }[];
}

/** The system python carries openpyxl (a pyenv shim on PATH may not). */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** Writes the return with python3 + openpyxl and returns its path. */
export function writeHandMadeReturn(spec: HandMadeReturn): string {
  const rows = Object.entries(spec.actuals).map(([code, actual]) => {
    const ind = SEED_PLAN.indicators.find((i) => i.code === code);
    if (!ind) throw new Error(`no seed indicator ${code}`);
    return { code, name: displayName(ind), target: ind.targets[spec.year] ?? null, actual };
  }).concat((spec.extraRows ?? []).map((r) => ({ ...r, target: null })));
  const specPath = `${spec.path}.json`;
  writeFileSync(specPath, JSON.stringify({ path: spec.path, year: spec.year, departments: spec.departments, rows, clerk: spec.clerk }));
  execFileSync(PYTHON, [join(__dirname, 'make-return.py'), specPath]);
  return spec.path;
}
