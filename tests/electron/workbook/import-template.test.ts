// The exact path: a workbook exported by the app (exportTemplate), edited the way a clerk would —
// rows re-sorted, names retyped, this year's actuals and notes filled in — and re-saved by
// LibreOffice, must come back matched by the hidden 指标ID, not by position or name.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridRow } from '../../../shared/api/contract';
import type { Indicator } from '../../../shared/domain/plan';
import { indicatorsForDepartment } from '../../../shared/domain/plan';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { exportTemplate } from '../../../electron/workbook/export/export-template';
import { FIRST_DATA_ROW, META_KEYS, SHEET_META, SHEET_RETURN, templateColumns } from '../../../electron/workbook/template-format';
import { readAndInterpret } from '../../../electron/workbook/import/interpret';
import { convertWithLibreOffice } from '../../helpers/libreoffice';
import { gridRowOf } from '../../helpers/grid-rows';
import { makeTempDir } from '../../helpers/tmp';

const YEAR = 2025;
const DEPT = '区住建局';
const inds = indicatorsForDepartment(SEED_PLAN, DEPT);
const cols = templateColumns(SEED_PLAN.years);
const col = (year: number) => cols.yearCols.find((c) => c.year === year) as (typeof cols.yearCols)[number];

/** Past actuals the database already had when the template was exported. */
const past = (i: number, year: number) => (year < YEAR ? 100 + i * 10 + (year - 2023) : null);
/** What the clerk types into the returned file for the reporting year. */
const typed = (i: number) => 200 + i;

function gridRows(): GridRow[] {
  const actuals = (i: number) => Object.fromEntries(SEED_PLAN.years.map((y) => [y, past(i, y)]));
  return inds.map((ind, i) => gridRowOf(SEED_PLAN, ind, actuals(i), {}, new Date('2026-03-15T09:00:00')));
}

const tmp = makeTempDir('import-template-');
afterAll(() => tmp.cleanup());

let returned: Uint8Array;
let returnedXls: Uint8Array;
let exported: Uint8Array;

beforeAll(async () => {
  exported = await exportTemplate({
    plan: SEED_PLAN, year: YEAR, department: DEPT, rows: gridRows(), clerkName: '王芳', clerkPhone: '0577-63488888',
    exportedAt: new Date('2026-01-05T08:00:00Z'), appVersion: 'test',
  });
  // The clerk: types this year's figures and notes, renames every indicator, then re-sorts the rows
  // (reversed), carrying each row's cells — including the hidden 指标ID — with it.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(exported) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(SHEET_RETURN) as ExcelJS.Worksheet;
  const moved = [2, 3, 4, 5, ...SEED_PLAN.years.flatMap((y) => [col(y).target, col(y).actual]), cols.note, cols.id];
  const snapshot = inds.map((_, i) => {
    const r = FIRST_DATA_ROW + i;
    ws.getCell(r, col(YEAR).actual).value = typed(i);
    ws.getCell(r, cols.note).value = `说明${i + 1}`;
    ws.getCell(r, 3).value = `改名的指标${i + 1}`;
    return moved.map((c) => ws.getCell(r, c).value);
  });
  snapshot.reverse().forEach((values, i) => moved.forEach((c, j) => (ws.getCell(FIRST_DATA_ROW + i, c).value = values[j] ?? null)));
  const edited = join(tmp.dir, 'edited.xlsx');
  await wb.xlsx.writeFile(edited);
  const resavedDir = join(tmp.dir, 'resaved');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(resavedDir);
  returned = readFileSync(await convertWithLibreOffice(edited, 'xlsx', resavedDir));
  writeFileSync(join(tmp.dir, 'returned.xlsx'), returned);
  // Saved again as legacy .xls, as an old Excel or WPS would: the very hidden _meta must survive.
  returnedXls = readFileSync(await convertWithLibreOffice(join(tmp.dir, 'returned.xlsx'), 'xls:MS Excel 97', tmp.dir));
});

describe.each(['xlsx', 'xls'])('exact path (the app\'s own template, returned as .%s)', (format) => {
  it('matches re-sorted, renamed rows by the hidden 指标ID and reads meta', async () => {
    const book = await readAndInterpret(format === 'xlsx' ? returned : returnedXls, `住有宜居_2025年度_区住建局_指标填报.${format}`, SEED_PLAN);
    expect(book).toMatchObject({
      format, kind: 'return', path: 'template', planId: SEED_PLAN.id, department: DEPT, reportingYear: YEAR,
      clerkName: '王芳', clerkPhone: '0577-63488888', years: SEED_PLAN.years,
    });
    expect(book.issues).toEqual([]);
    expect(book.rows).toHaveLength(inds.length);
    const n = inds.length;
    book.rows.forEach((row, k) => {
      const i = n - 1 - k; // reversed
      const ind = inds[i] as Indicator;
      const r = FIRST_DATA_ROW + k;
      expect([row.sheet, row.row, row.code, row.name, row.indicatorId]).toEqual([SHEET_RETURN, r, ind.code, `改名的指标${i + 1}`, ind.id]);
      for (const y of SEED_PLAN.years) {
        const letter = (c: number) => String.fromCharCode(64 + c);
        expect(row.values[String(y)]).toEqual({
          target: ind.targets[y],
          actual: y === YEAR ? typed(i) : past(i, y),
          note: y === YEAR ? `说明${i + 1}` : null,
          targetCell: `${SHEET_RETURN}!${letter(col(y).target)}${r}`,
          actualCell: `${SHEET_RETURN}!${letter(col(y).actual)}${r}`,
          noteCell: y === YEAR ? `${SHEET_RETURN}!${letter(cols.note)}${r}` : null,
        });
      }
    });
  });

  it('has "/" as the target of indicator 6 in 2027', async () => {
    const book = await readAndInterpret(format === 'xlsx' ? returned : returnedXls, `r.${format}`, SEED_PLAN);
    expect(book.rows.find((r) => r.indicatorId === 'zyyj-06')?.values['2027']?.target).toBe('/');
  });
});

describe('exact path fallbacks', () => {
  it('without the 指标ID column, rows are matched by the meta sheet\'s row list', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(SHEET_RETURN) as ExcelJS.Worksheet;
    inds.forEach((_, i) => {
      ws.getCell(FIRST_DATA_ROW + i, cols.id).value = null;
      ws.getCell(FIRST_DATA_ROW + i, 3).value = `看不出是哪个指标${i}`;
      ws.getCell(FIRST_DATA_ROW + i, col(YEAR).actual).value = typed(i);
    });
    const book = await readAndInterpret(Buffer.from(await wb.xlsx.writeBuffer()), 'r.xlsx', SEED_PLAN);
    expect(book.path).toBe('template');
    expect(book.rows.map((r) => [r.row, r.indicatorId, r.values[String(YEAR)]?.actual])).toEqual(
      inds.map((ind, i) => [FIRST_DATA_ROW + i, ind.id, typed(i)]),
    );
    expect(book.issues).toEqual([]);
  });

  it('an id the plan does not know falls back to the name, with a warning', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(SHEET_RETURN) as ExcelJS.Worksheet;
    ws.getCell(FIRST_DATA_ROW, cols.id).value = 'no-such-id';
    const book = await readAndInterpret(Buffer.from(await wb.xlsx.writeBuffer()), 'r.xlsx', SEED_PLAN);
    expect(book.rows[0]?.indicatorId).toBe(inds[0]?.id);
    expect(book.issues.map((i) => [i.severity, i.sheet, i.cell, i.message.key])).toEqual([['warning', SHEET_RETURN, `C${FIRST_DATA_ROW}`, 'import.unknown-indicator-id']]);
  });

  it("a return exported from another plan says so once and matches its rows by name, not with a warning per row", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported) as unknown as ExcelJS.Buffer);
    const meta = wb.getWorksheet(SHEET_META) as ExcelJS.Worksheet;
    const planIdRow = META_KEYS.indexOf('planId') + 1;
    meta.getCell(planIdRow, 2).value = 'another-plan';
    // Its ids are that plan's own: none of them is in this plan.
    const ws = wb.getWorksheet(SHEET_RETURN) as ExcelJS.Worksheet;
    inds.forEach((_, i) => (ws.getCell(FIRST_DATA_ROW + i, cols.id).value = `another-${i}`));
    const book = await readAndInterpret(Buffer.from(await wb.xlsx.writeBuffer()), 'r.xlsx', SEED_PLAN);
    expect(book.rows.map((r) => r.indicatorId)).toEqual(inds.map((ind) => ind.id));
    expect(book.issues.map((i) => [i.sheet, i.cell, i.message.key])).toEqual([[SHEET_META, `B${planIdRow}`, 'import.other-plan']]);
  });
});
