// The importer's reading ('values', model.ts ReadCells) leaves out a calculated formula whose
// cached result shows nothing — a template's 完成率 cell before the actual is typed — and nothing
// else: every cell it keeps is the same cell the whole reading has, the cells it leaves out are
// exactly those formulas, a formula never calculated is still kept (the importer says so), and
// the interpretation of the file is the same either way. Run on an exported template, its
// LibreOffice re-save, every LibreOffice fixture and an openpyxl file with uncalculated formulas.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridRow } from '../../../shared/api/contract';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { exportTemplate } from '../../../electron/workbook/export/export-template';
import type { NeutralCell, NeutralWorkbook } from '../../../electron/workbook/import/model';
import { IMPORT_LIMITS } from '../../../electron/workbook/import/limits';
import { readWorkbook } from '../../../electron/workbook/import/read-workbook';
import { interpretWorkbook } from '../../../electron/workbook/import/interpret';
import { makeTempDir } from '../../helpers/tmp';
import { convertWithLibreOffice } from '../../helpers/libreoffice';
import { writeHandMadeReturn } from '../../helpers/returns';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'returns');

function cellsOf(book: NeutralWorkbook): Map<string, NeutralCell> {
  const out = new Map<string, NeutralCell>();
  for (const s of book.sheets) for (const r of s.rows.values()) for (const c of r.values()) out.set(`${s.name}!${c.address}`, c);
  return out;
}

/** Reads `bytes` both ways; returns the cells only the whole reading has. */
async function compare(bytes: Uint8Array, name: string): Promise<NeutralCell[]> {
  const whole = await readWorkbook(bytes, name, IMPORT_LIMITS, 'whole');
  const values = await readWorkbook(bytes, name, IMPORT_LIMITS, 'values');
  const all = cellsOf(whole);
  const kept = cellsOf(values);
  for (const [at, cell] of kept) expect(cell, at).toEqual(all.get(at));
  const left = [...all].filter(([at]) => !kept.has(at)).map(([, c]) => c);
  for (const c of left) {
    expect(c.formula, c.address).not.toBeNull();
    expect(c.value, c.address).toBeNull();
    expect(c.uncalculated ?? false, c.address).toBe(false);
  }
  expect(interpretWorkbook(values, SEED_PLAN)).toEqual(interpretWorkbook(whole, SEED_PLAN));
  return left;
}

let tmp: ReturnType<typeof makeTempDir>;
let template: string;
beforeAll(async () => {
  tmp = makeTempDir();
  // 2025's actual typed for the first four indicators only: the others' 完成率 show nothing.
  const rows: GridRow[] = SEED_PLAN.indicators.map((i, n) => ({
    indicatorId: i.id, code: i.code, domain: i.domain, name: i.name, unit: i.unit, kind: i.kind, direction: i.direction, tolerance: i.tolerance, leadUnit: i.leadUnit, coUnits: i.coUnits,
    cells: Object.fromEntries(SEED_PLAN.years.map((y) => [String(y), { target: i.targets[y] ?? null, actual: y === 2025 && n < 4 ? 5 + n : null, note: null, status: 'pending' as const, gap: null, completion: null }])),
  }));
  template = join(tmp.dir, 'template.xlsx');
  writeFileSync(template, await exportTemplate({ plan: SEED_PLAN, year: 2025, department: null, rows, clerkName: '测试', clerkPhone: '1', exportedAt: new Date('2026-01-01T00:00:00Z'), appVersion: 't' }));
});
afterAll(() => tmp.cleanup());

describe("the importer's reading leaves out only formulas showing nothing", () => {
  it('an exported template: its blank 完成率 formulas are left out, the calculated ones kept', async () => {
    const left = await compare(readFileSync(template), 'template.xlsx');
    expect(left.every((c) => /ISNUMBER/.test(c.formula ?? ''))).toBe(true);
    const whole = cellsOf(await readWorkbook(readFileSync(template), 'template.xlsx', IMPORT_LIMITS, 'whole'));
    const formulas = [...whole.values()].filter((c) => c.formula !== null && /ISNUMBER/.test(c.formula));
    // Every 完成率 showing nothing is left out; the four 2025 ones whose actual is typed (their
    // cached result is a number) are kept.
    const blank = formulas.filter((c) => c.value === null);
    expect(left.length).toBe(blank.length);
    expect(left.length).toBeGreaterThan(40);
    expect(formulas.filter((c) => typeof c.value === 'number').length).toBe(4);
  });

  it('the same template re-saved by LibreOffice', async () => {
    const resaved = await convertWithLibreOffice(template, 'xlsx', join(tmp.dir, 'lo'));
    await compare(readFileSync(resaved), 'resaved.xlsx');
  });

  it.each(readdirSync(DIR).filter((f) => f.endsWith('.xlsx')))('LibreOffice fixture %s', async (file) => {
    await compare(readFileSync(join(DIR, file)), file);
  });

  it('an openpyxl file whose formula was never calculated keeps it, and the importer refuses it', async () => {
    const file = writeHandMadeReturn({ path: join(tmp.dir, 'formula.xlsx'), year: 2025, departments: ['区住建局'], actuals: { '3': '=200+26', '4': 6 } });
    const left = await compare(readFileSync(file), 'formula.xlsx');
    expect(left).toEqual([]);
    const values = cellsOf(await readWorkbook(readFileSync(file), 'formula.xlsx', IMPORT_LIMITS, 'values'));
    expect([...values.values()].some((c) => c.uncalculated === true && c.formula === '200+26')).toBe(true);
  });
});
