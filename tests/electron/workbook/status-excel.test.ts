// Proves the Excel formulas of shared/domain/status-excel.ts say what cellStatus() says: a workbook
// holds the formulas for a matrix of (direction, tolerance, target, actual) cases, LibreOffice
// recalculates it (formulas written without a cached result are computed on load and cached on
// save), and every cached answer is compared with cellStatus() / completionRatio().
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Direction, Target } from '../../../shared/domain/plan';
import { NO_TARGET } from '../../../shared/domain/plan';
import { cellStatus, completionRatio } from '../../../shared/domain/status';
import { completionFormula, statusFormulas } from '../../../shared/domain/status-excel';
import { STATUS_EPSILON } from '../../../shared/domain/status';
import { convertWithLibreOffice } from '../../helpers/libreoffice';
import { makeTempDir } from '../../helpers/tmp';

interface Case {
  direction: Direction;
  tolerance: number | null;
  target: Target | undefined;
  actual: number | null;
}

function actualsFor(target: Target | undefined): (number | null)[] {
  if (typeof target !== 'number') return [null, 5, 0];
  const t = target;
  const scale = Math.abs(t) || 1;
  return [
    null,
    t,
    t + 1,
    t - 1,
    t + scale * 0.01,
    t - scale * 0.01,
    t + scale * 0.05,
    t - scale * 0.05,
    t + scale * 0.3,
    t - scale * 0.3,
    t - 1e-11, // floating-point noise below the target: still on target
    t + 1e-11,
    t - scale * 1e-6, // a real (tiny) miss: beyond ε
    (t * 100 * 0.01) / 1, // round trip through percent units
    0,
  ];
}

function buildCases(): Case[] {
  const cases: Case[] = [];
  for (const direction of ['higher', 'lower'] as const) {
    for (const tolerance of [null, 0, 0.02, 0.1]) {
      for (const target of [100, 87.5, 10.5, 0, 13862, -5, NO_TARGET, undefined] as (Target | undefined)[]) {
        for (const actual of actualsFor(target)) cases.push({ direction, tolerance, target, actual });
      }
    }
  }
  return cases;
}

const today = new Date(2026, 5, 1);
const YEAR = 2025;
const yes = (f: string) => `IF(${f},"TRUE","FALSE")`;

describe('status-excel formulas agree with cellStatus()', () => {
  const tmp = makeTempDir('status-excel-');
  afterAll(() => tmp.cleanup());

  it('gives the same met / near / missed and 完成率 as the shared rule for every case, after LibreOffice recalculates', async () => {
    const cases = buildCases();
    expect(cases.length).toBeGreaterThan(300);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('cases');
    cases.forEach((c, i) => {
      const r = i + 1;
      if (c.target !== undefined) ws.getCell(r, 1).value = c.target;
      if (c.actual !== null) ws.getCell(r, 2).value = c.actual;
      const f = statusFormulas({ direction: c.direction, tolerance: c.tolerance, target: `A${r}`, actual: `B${r}` });
      // No cached result: LibreOffice must compute each one.
      ws.getCell(r, 3).value = { formula: yes(f.met) };
      if (f.near) ws.getCell(r, 4).value = { formula: yes(f.near) };
      ws.getCell(r, 5).value = { formula: yes(f.missed) };
      const comp = completionFormula(c.direction, `A${r}`, `B${r}`);
      ws.getCell(r, 6).value = { formula: `IF(${comp}="","BLANK","V"&${comp})` };
    });
    const src = join(tmp.dir, 'cases.xlsx');
    await wb.xlsx.writeFile(src);
    const outDir = join(tmp.dir, 'out');
    const recalculated = await convertWithLibreOffice(src, 'xlsx', outDir);

    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(recalculated);
    const sheet = back.getWorksheet('cases');
    if (!sheet) throw new Error('sheet lost');
    const cached = (r: number, col: number): unknown => {
      const v = sheet.getCell(r, col).value;
      return v && typeof v === 'object' && 'result' in v ? v.result : undefined;
    };

    const mismatches: string[] = [];
    const seen = new Set<string>();
    cases.forEach((c, i) => {
      const r = i + 1;
      const expected = cellStatus({ indicator: { direction: c.direction, tolerance: c.tolerance }, year: YEAR, target: c.target, actual: c.actual, today });
      seen.add(expected.status);
      const got = {
        met: cached(r, 3) === 'TRUE',
        near: cached(r, 4) === 'TRUE',
        missed: cached(r, 5) === 'TRUE',
      };
      // Every formula must have been computed (a missing cached value would read as FALSE silently).
      for (const col of [3, 5]) if (cached(r, col) !== 'TRUE' && cached(r, col) !== 'FALSE') mismatches.push(`row ${r} col ${col}: not computed (${String(cached(r, col))})`);
      const want = { met: expected.status === 'met', near: expected.status === 'near', missed: expected.status === 'missed' };
      if (got.met !== want.met || got.near !== want.near || got.missed !== want.missed) {
        mismatches.push(`${JSON.stringify(c)}: cellStatus=${expected.status}, excel=${JSON.stringify(got)}`);
      }
      const comp = cached(r, 6);
      const wantComp = typeof c.target === 'number' && c.actual !== null ? completionRatio(c.direction, c.target, c.actual) : null;
      if (wantComp === null) {
        if (comp !== 'BLANK') mismatches.push(`${JSON.stringify(c)}: 完成率 should be blank, got ${String(comp)}`);
      } else if (typeof comp !== 'string' || !comp.startsWith('V') || Math.abs(Number(comp.slice(1)) - wantComp) > 1e-9 * Math.max(1, Math.abs(wantComp))) {
        mismatches.push(`${JSON.stringify(c)}: 完成率 ${wantComp}, excel ${String(comp)}`);
      }
    });
    expect(mismatches).toEqual([]);
    // The matrix really exercises every status the formulas colour, and the ones they must not.
    expect([...seen].sort()).toEqual(['met', 'missed', 'near', 'no-target', 'not-reported']);
  });

  it('flips the comparison for lower-is-better and drops "near" without a tolerance', () => {
    const higher = statusFormulas({ direction: 'higher', tolerance: null, target: 'F6', actual: 'G6' });
    const lower = statusFormulas({ direction: 'lower', tolerance: null, target: 'F6', actual: 'G6' });
    expect(higher.met).toBe(`AND(ISNUMBER(G6),ISNUMBER(F6),N(F6)-N(G6)<1E-9)`);
    expect(lower.met).toBe(`AND(ISNUMBER(G6),ISNUMBER(F6),N(G6)-N(F6)<1E-9)`);
    expect(higher.near).toBeNull();
    expect(statusFormulas({ direction: 'higher', tolerance: 0, target: 'F6', actual: 'G6' }).near).toBeNull();
    expect(statusFormulas({ direction: 'lower', tolerance: 0.05, target: 'F6', actual: 'G6' }).near).toContain('ABS(N(F6))*0.05');
    expect(STATUS_EPSILON).toBe(1e-9);
  });
});
