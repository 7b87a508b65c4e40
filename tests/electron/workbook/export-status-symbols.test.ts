// The exported workbook tells statuses apart without colour: each 完成率 cell carries its status's
// symbol (√ met, ≈ near, × missed, "? 未填报" for a due year left empty) through conditional
// number formats, so the symbol follows the clerk's edits in Excel. Read back with ExcelJS (the
// rules), then opened by LibreOffice (what a clerk's office suite shows and prints).
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridRow } from '../../../shared/api/contract';
import type { Plan } from '../../../shared/domain/plan';
import { STATUS_SYMBOL } from '../../../shared/domain/status-symbol';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { exportTemplate } from '../../../electron/workbook/export/export-template';
import { columnLetter } from '../../../electron/workbook/export/return-sheet';
import { FIRST_DATA_ROW, SHEET_RETURN, templateColumns } from '../../../electron/workbook/template-format';
import { convertWithLibreOffice } from '../../helpers/libreoffice';
import { gridRowOf } from '../../helpers/grid-rows';
import { makeTempDir } from '../../helpers/tmp';

const EXPORTED_AT = new Date(Date.UTC(2026, 0, 15, 2, 30, 0));
const YEAR = 2025;
/** zyyj-01 gets a 5% tolerance so one cell is "near" (the seed plan has none). */
const PLAN: Plan = { ...SEED_PLAN, indicators: SEED_PLAN.indicators.map((i) => (i.id === 'zyyj-01' ? { ...i, tolerance: 0.05 } : i)) };
/** 2025 actuals → status: 10.6 of 11 within 5% (near), 1100 of 1050 (met), 200 of 220 (missed); zyyj-04 empty (not reported). */
const ACTUALS: Record<string, number> = { 'zyyj-01': 10.6, 'zyyj-02': 1100, 'zyyj-03': 200 };
const EXPECTED_STATUS: Record<string, string> = { 'zyyj-01': 'near', 'zyyj-02': 'met', 'zyyj-03': 'missed', 'zyyj-04': 'not-reported' };

describe('status symbols in the exported workbook', () => {
  const tmp = makeTempDir('export-symbols-');
  const cols = templateColumns(PLAN.years);
  const y2025 = cols.yearCols.find((c) => c.year === YEAR);
  const y2026 = cols.yearCols.find((c) => c.year === 2026);
  if (!y2025 || !y2026) throw new Error('years missing');
  let rows: GridRow[];
  let file: string;
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    rows = PLAN.indicators.map((ind) => gridRowOf(PLAN, ind, ACTUALS[ind.id] === undefined ? {} : { [YEAR]: ACTUALS[ind.id] as number }, {}, EXPORTED_AT));
    for (const [id, status] of Object.entries(EXPECTED_STATUS)) expect(rows.find((r) => r.indicatorId === id)?.cells[String(YEAR)]?.status).toBe(status);
    file = join(tmp.dir, 'symbols.xlsx');
    writeFileSync(file, await exportTemplate({ plan: PLAN, year: YEAR, department: null, rows, clerkName: '李四', clerkPhone: '', exportedAt: EXPORTED_AT, appVersion: '0.1.0' }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet(SHEET_RETURN);
    if (!sheet) throw new Error('no 填报表');
    ws = sheet;
  });

  afterAll(() => tmp.cleanup());

  /** The number formats the conditional rules give the 完成率 cell of a row (its block's rules). */
  function completionFormats(rowIndex: number, col: number): string[] {
    const letter = columnLetter(col);
    const r = FIRST_DATA_ROW + rowIndex;
    // ExcelJS reads the rules into a field its types do not declare.
    const formats = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    return formats
      .filter((cf) => {
        const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(cf.ref);
        return m !== null && m[1] === letter && m[3] === letter && Number(m[2]) <= r && r <= Number(m[4]);
      })
      .flatMap((cf) => cf.rules.map((rule) => ('style' in rule ? (rule.style?.numFmt as unknown as { formatCode?: string } | string | undefined) : undefined)))
      .map((f) => (typeof f === 'string' ? f : (f?.formatCode ?? '')))
      .filter((f) => f !== '');
  }

  it('gives every 完成率 block of a due year the met, missed and (with a tolerance) near symbols and the not-reported text', () => {
    const i01 = rows.findIndex((r) => r.indicatorId === 'zyyj-01');
    const i03 = rows.findIndex((r) => r.indicatorId === 'zyyj-03');
    const with01 = completionFormats(i01, y2025.completion);
    expect(with01).toEqual(expect.arrayContaining([
      `"${STATUS_SYMBOL.met} "0.0%;"${STATUS_SYMBOL.met} "-0.0%;"${STATUS_SYMBOL.met} "0.0%;@`,
      expect.stringContaining(`"${STATUS_SYMBOL.near} "0.0%`),
      expect.stringContaining(`"${STATUS_SYMBOL.missed} "0.0%`),
      `;;;"${STATUS_SYMBOL['not-reported']} 未填报"`,
    ]));
    // No tolerance, no near rule.
    const with03 = completionFormats(i03, y2025.completion);
    expect(with03.some((f) => f.includes(STATUS_SYMBOL.near))).toBe(false);
    expect(with03.some((f) => f.includes(STATUS_SYMBOL.missed))).toBe(true);
    // 2026 is not due at export (15 January 2026): an empty cell there is pending, not "未填报".
    expect(completionFormats(i03, y2026.completion).some((f) => f.includes('未填报'))).toBe(false);
  });

  it('explains the symbols in the legend row', () => {
    const texts = (ws.getRow(3).values as unknown[]).filter((v): v is string => typeof v === 'string').join(' ');
    for (const s of ['√达标', '×未达标', '≈接近', '?未填报']) expect(texts).toContain(s);
  });

  it('shows the symbol in each 完成率 cell when LibreOffice opens and prints the workbook (its rules, evaluated there)', async () => {
    const pdf = await convertWithLibreOffice(file, 'pdf', tmp.dir);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const line = (name: string) => text.split('\n').find((l) => l.includes(name)) ?? '';
    expect(line('城镇住房保障受益覆盖率')).toContain('≈ 96.4%');
    expect(line('保障性租赁住房累计建设筹集套')).toContain('√ 104.8%');
    expect(line('公租房在保家庭户数')).toContain('× 90.9%');
    expect(line('老旧小区累计改造个数')).toContain('? 未填报');
  }, 180_000); // LibreOffice's start-up and print take most of a minute on a busy machine
});
