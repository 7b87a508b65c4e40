// The two .xlsx readers — the fast part scanner used by default and the ExcelJS reader it falls
// back to — must build the same neutral model from the same file, and the .xls reader the same
// values from LibreOffice's BIFF copy of it. Run over every LibreOffice fixture and an exported template.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GridRow } from '../../../shared/api/contract';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { exportTemplate } from '../../../electron/workbook/export/export-template';
import type { NeutralWorkbook } from '../../../electron/workbook/import/model';
import { IMPORT_LIMITS } from '../../../electron/workbook/import/limits';
import { guardZip } from '../../../electron/workbook/import/zip-guard';
import { readXlsx } from '../../../electron/workbook/import/read-xlsx';
import { readXlsxFast } from '../../../electron/workbook/import/read-xlsx-fast';
import { readWorkbook } from '../../../electron/workbook/import/read-workbook';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'returns');
const XLSX_FIXTURES = readdirSync(DIR).filter((f) => f.endsWith('.xlsx'));

/** Everything the interpreter reads, in a comparable shape. */
function shape(book: NeutralWorkbook, opts: { formats: boolean } = { formats: true }) {
  return book.sheets.map((s) => ({
    name: s.name,
    state: s.state,
    merges: [...s.merges].sort((a, b) => a.top - b.top || a.left - b.left),
    hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
    hiddenCols: [...s.hiddenCols].sort((a, b) => a - b),
    cells: [...s.rows.values()].flatMap((r) =>
      [...r.values()].map((c) => ({
        address: c.address,
        row: c.row,
        col: c.col,
        value: typeof c.value === 'number' ? Number(c.value.toPrecision(12)) : c.value,
        isError: c.isError,
        hasFormula: c.formula !== null,
        percent: c.percent,
        ...(opts.formats ? { numFmt: c.numFmt === 'General' ? null : c.numFmt } : {}),
      })),
    ),
  }));
}

async function bothReaders(bytes: Buffer) {
  const { parts } = guardZip(bytes, { file: 'x.xlsx', limits: { ...IMPORT_LIMITS } });
  return { fast: await readXlsxFast(parts), exceljs: await readXlsx(bytes) };
}

describe('fast .xlsx reader ≡ ExcelJS reader', () => {
  it.each(XLSX_FIXTURES)('%s', async (file) => {
    const { fast, exceljs } = await bothReaders(readFileSync(join(DIR, file)));
    expect(shape(fast)).toEqual(shape(exceljs));
    expect(fast.sheets.some((s) => s.rows.size > 0)).toBe(true);
  });

  it('the exported standard template (styles, protection, conditional formats, very hidden meta)', async () => {
    const rows: GridRow[] = SEED_PLAN.indicators.map((i) => ({
      indicatorId: i.id, code: i.code, domain: i.domain, name: i.name, unit: i.unit, kind: i.kind, direction: i.direction, tolerance: i.tolerance, leadUnit: i.leadUnit, coUnits: i.coUnits,
      cells: Object.fromEntries(SEED_PLAN.years.map((y) => [String(y), { target: i.targets[y] ?? null, actual: y === 2024 ? 7.5 : null, note: y === 2025 ? '“引号” & <尖括号>' : null, status: 'pending' as const, gap: null, completion: null }])),
    }));
    const bytes = Buffer.from(await exportTemplate({ plan: SEED_PLAN, year: 2025, department: null, rows, clerkName: 'A&B', clerkPhone: '1', exportedAt: new Date('2026-01-01T00:00:00Z'), appVersion: 't' }));
    const { fast, exceljs } = await bothReaders(bytes);
    expect(shape(fast)).toEqual(shape(exceljs));
    expect(fast.sheets.find((s) => s.name === '_meta')?.state).toBe('veryHidden');
    const notes = [...(fast.sheets[0]?.rows.values() ?? [])].flatMap((r) => [...r.values()]).filter((c) => c.value === '“引号” & <尖括号>');
    expect(notes).toHaveLength(SEED_PLAN.indicators.length);
  });
});

describe('.xls (SheetJS) reads the same values as the .xlsx of the same fixture', () => {
  const pairs = readdirSync(DIR).filter((f) => f.endsWith('.xls')).map((f) => f.replace(/\.xls$/, ''));
  it.each(pairs)('%s', async (base) => {
    const xls = await readWorkbook(readFileSync(join(DIR, `${base}.xls`)), `${base}.xls`);
    const xlsx = await readWorkbook(readFileSync(join(DIR, `${base}.xlsx`)), `${base}.xlsx`);
    expect(xls.format).toBe('xls');
    expect(xlsx.format).toBe('xlsx');
    // Number format strings are spelt differently by the two file formats; what they mean is not.
    expect(shape(xls, { formats: false })).toEqual(shape(xlsx, { formats: false }));
  });
});
