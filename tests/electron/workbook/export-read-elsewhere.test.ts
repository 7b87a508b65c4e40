// Our exports read elsewhere: the template this app exports, read by SheetJS and by Python's
// openpyxl, gives the same values, notes and "/" (no target) as our own importer, cell by cell.
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridRow } from '../../../shared/api/contract';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { exportTemplate } from '../../../electron/workbook/export/export-template';
import type { InterpretedWorkbook } from '../../../electron/workbook/import/interpret';
import { readAndInterpret } from '../../../electron/workbook/import/interpret';
import { runPython } from '../../helpers/python';
import { makeTempDir } from '../../helpers/tmp';

const ACTUALS: Record<string, number> = { '1': 11.4, '2': 1062, '5': 90.5, '12': 98.5, '13': 15712 };
const NOTES: Record<string, string> = { '12': '两户外出务工，待返乡后实施改造', '2': '含 "引号" & <尖括号>' };

let tmp: ReturnType<typeof makeTempDir>;
let file: string;
let ours: InterpretedWorkbook;

type Value = number | string | null;
/** Every value our importer read, by the cell it came from ("填报表!H9" → value as stored). */
const cells = new Map<string, { kind: 'target' | 'actual' | 'note'; value: Value }>();

beforeAll(async () => {
  tmp = makeTempDir();
  const rows: GridRow[] = SEED_PLAN.indicators.map((i) => ({
    indicatorId: i.id, code: i.code, domain: i.domain, name: i.name, unit: i.unit, kind: i.kind, direction: i.direction, tolerance: i.tolerance, leadUnit: i.leadUnit, coUnits: i.coUnits,
    cells: Object.fromEntries(
      SEED_PLAN.years.map((y) => [String(y), { target: i.targets[y] ?? null, actual: y === 2025 ? (ACTUALS[i.code] ?? null) : null, note: y === 2025 ? (NOTES[i.code] ?? null) : null, status: 'pending' as const, gap: null, completion: null }]),
    ),
  }));
  const bytes = await exportTemplate({ plan: SEED_PLAN, year: 2025, department: null, rows, clerkName: '王芳', clerkPhone: '1', exportedAt: new Date('2026-01-08T00:00:00Z'), appVersion: 't' });
  file = join(tmp.dir, 'export.xlsx');
  writeFileSync(file, bytes);
  ours = await readAndInterpret(bytes, 'export.xlsx', SEED_PLAN);
  for (const r of ours.rows)
    for (const v of Object.values(r.values)) {
      if (v.targetCell) cells.set(v.targetCell, { kind: 'target', value: v.target });
      if (v.actualCell) cells.set(v.actualCell, { kind: 'actual', value: v.actual });
      if (v.noteCell) cells.set(v.noteCell, { kind: 'note', value: v.note });
    }
}, 60_000);
afterAll(() => tmp.cleanup());

/** A cell as another reader sees it → what our importer should have made of it. */
function asOurs(kind: 'target' | 'actual' | 'note', raw: unknown, percent: boolean): Value {
  if (raw === null || raw === undefined || raw === '') return null;
  if (kind === 'note') return String(raw);
  if (typeof raw === 'number') return percent ? Number((raw * 100).toPrecision(12)) : raw;
  return raw === '/' ? '/' : String(raw);
}

describe('the exported template read by other software', () => {
  it('our importer read what was exported (the baseline the others are held to)', () => {
    expect(ours.path).toBe('template');
    const byCode = new Map(ours.rows.map((r) => [r.code, r]));
    for (const [code, v] of Object.entries(ACTUALS)) expect(byCode.get(code)?.values['2025']?.actual).toBe(v);
    for (const [code, n] of Object.entries(NOTES)) expect(byCode.get(code)?.values['2025']?.note).toBe(n);
    expect(byCode.get('6')?.values['2027']?.target).toBe('/');
    expect(byCode.get('6')?.values['2027']?.actual).toBeNull();
    expect(cells.size).toBeGreaterThan(13 * 5);
  });

  it('SheetJS reads the same value, note and "/" in every cell our importer read', () => {
    const wb = XLSX.read(readFileSync(file), { type: 'buffer', cellNF: true });
    for (const [ref, ourValue] of cells) {
      const [sheet, address] = ref.split('!') as [string, string];
      const cell = wb.Sheets[sheet]?.[address] as XLSX.CellObject | undefined;
      const percent = typeof cell?.z === 'string' && cell.z.includes('%');
      expect([ref, asOurs(ourValue.kind, cell?.v, percent)]).toEqual([ref, ourValue.value]);
    }
  });

  it('openpyxl reads the same value, note and "/" in every cell our importer read', () => {
    const refs = [...cells.keys()];
    const out = runPython(
      'import json, sys, openpyxl\n' +
        'wb = openpyxl.load_workbook(sys.argv[1])\n' +
        'res = {}\n' +
        'for ref in json.loads(sys.argv[2]):\n' +
        '    sheet, addr = ref.split("!")\n' +
        '    c = wb[sheet][addr]\n' +
        '    res[ref] = [c.value, "%" in (c.number_format or "")]\n' +
        'print(json.dumps(res, ensure_ascii=False))\n',
      [file, JSON.stringify(refs)],
    );
    const theirs = JSON.parse(out) as Record<string, [unknown, boolean]>;
    for (const [ref, ourValue] of cells) {
      const [raw, percent] = theirs[ref] as [unknown, boolean];
      expect([ref, asOurs(ourValue.kind, raw, percent)]).toEqual([ref, ourValue.value]);
    }
  });
});
