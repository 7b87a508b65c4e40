// The standard template workbook, written by exportTemplate() and checked as a clerk's office
// suite sees it: read back with ExcelJS, re-saved by LibreOffice, printed to PDF by LibreOffice.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GridRow } from '../../../shared/api/contract';
import type { Indicator, Plan } from '../../../shared/domain/plan';
import { indicatorsForDepartment, NO_TARGET } from '../../../shared/domain/plan';
import { completionRatio } from '../../../shared/domain/status';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { displayWidth } from '../../../electron/workbook/export/column-width';
import { exportFileName, exportTemplate } from '../../../electron/workbook/export/export-template';
import {
  FIRST_DATA_ROW,
  META_KEYS,
  META_ROWS_HEADER,
  SHEET_INSTRUCTIONS,
  SHEET_META,
  SHEET_RETURN,
  TEMPLATE_FORMAT_NAME,
  TEMPLATE_SCHEMA_VERSION,
  templateColumns,
} from '../../../electron/workbook/template-format';
import { convertWithLibreOffice } from '../../helpers/libreoffice';
import { gridRowOf } from '../../helpers/grid-rows';
import { makeTempDir } from '../../helpers/tmp';

// ---------------------------------------------------------------------------------------------
// Helpers

const EXPORTED_AT = new Date(Date.UTC(2026, 0, 15, 2, 30, 0));
const TODAY = EXPORTED_AT;
const YEAR = 2025;
const DEPT = '区住建局';

type Actuals = Record<string, Record<number, number>>;
type Notes = Record<string, string>;

/** GridRows as the grid service would build them: targets from the plan, statuses from cellStatus(). */
function buildRows(plan: Plan, department: string | null, actuals: Actuals, notes: Notes, noteYear: number): GridRow[] {
  return indicatorsForDepartment(plan, department).map((ind: Indicator) => {
    const note = notes[ind.id];
    return gridRowOf(plan, ind, actuals[ind.id] ?? {}, note === undefined ? {} : { [noteYear]: note }, TODAY);
  });
}

const ACTUALS: Actuals = {
  'zyyj-01': { 2023: 10.2, 2024: 10, 2025: 11.5 },
  'zyyj-02': { 2023: 700, 2024: 800, 2025: 1000 },
  'zyyj-05': { 2023: 85, 2024: 87.5 },
  'zyyj-06': { 2023: 1, 2024: 2 },
  'zyyj-11': { 2023: 100, 2024: 98 },
  'zyyj-13': { 2023: 14000, 2024: 14500 },
};
const NOTES: Notes = {
  'zyyj-01': '=1+1',
  'zyyj-02': '+86 0577 未完成原因：用地指标未落实',
  'zyyj-03': '-5 户为退出保障',
  'zyyj-04': '@所有人 数据待核',
  'zyyj-05': '因统计口径调整，2025 年数据待住建部门年报公布后补报，预计 3 月底前完成。',
};

/** Reads one entry of a zip (xlsx) file: enough of the format to inspect the sheet XML as saved. */
function readZipEntry(file: string, name: string): string {
  const buf = readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd -= 1;
  if (eocd < 0) throw new Error(`${file}: not a zip`);
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const entryName = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (entryName === name) {
      const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(dataStart, dataStart + size);
      return (method === 0 ? data : inflateRawSync(data)).toString('utf8');
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`${file}: no entry ${name}`);
}

/** The <c> element of one cell in a sheet's XML. */
function cellXml(sheetXml: string, address: string): string {
  const m = new RegExp(`<c r="${address}"[^>]*?(?:/>|>.*?</c>)`).exec(sheetXml);
  if (!m) throw new Error(`cell ${address} not in sheet XML`);
  return m[0];
}

/**
 * Whether a cell is locked, read from the saved XML itself (its style's <protection locked>), since
 * ExcelJS only understands the "0"/"1" spelling and LibreOffice writes "false"/"true".
 */
function lockedInXml(file: string, sheetXml: string, address: string): boolean {
  const styles = readZipEntry(file, 'xl/styles.xml');
  const cellXfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)?.[1] ?? '';
  const xfs = cellXfs.match(/<xf\b[^>]*?(?:\/>|>.*?<\/xf>)/gs) ?? [];
  const s = Number(/ s="(\d+)"/.exec(cellXml(sheetXml, address))?.[1] ?? 0);
  const locked = /<protection[^>]*locked="([^"]*)"/.exec(xfs[s] ?? '')?.[1];
  return !(locked === '0' || locked === 'false');
}

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function sheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** ExcelJS keeps these on a worksheet at runtime but leaves them out of its type declarations. */
interface WorksheetRuntime {
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
  sheetProtection: Record<string, unknown> | null;
}
const conditionalFormats = (ws: ExcelJS.Worksheet) => (ws as unknown as WorksheetRuntime).conditionalFormattings;
const sheetProtection = (ws: ExcelJS.Worksheet) => (ws as unknown as WorksheetRuntime).sheetProtection ?? {};

function cachedResult(value: ExcelJS.CellValue): unknown {
  return value && typeof value === 'object' && 'formula' in value ? value.result : undefined;
}

/** Conditional-format rules as {ref → formulas}, from ExcelJS's model of a read sheet. */
/**
 * The conditional-format formulas by range; with `letters`, of those columns only (完成率 has its
 * own rules, for the status symbols: export-status-symbols.test.ts).
 */
function cfFormulas(ws: ExcelJS.Worksheet, letters?: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const cf of conditionalFormats(ws)) {
    if (letters && !letters.includes(cf.ref.replace(/\d.*$/, ''))) continue;
    const formulas = cf.rules.flatMap((r) => ('formulae' in r && r.formulae ? r.formulae.map(String) : []));
    out.set(cf.ref, [...(out.get(cf.ref) ?? []), ...formulas]);
  }
  return out;
}

const letter = (col: number) => {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

const cols = templateColumns(SEED_PLAN.years);
const reportingCols = cols.yearCols.find((y) => y.year === YEAR);
if (!reportingCols) throw new Error('reporting year not in plan');

// ---------------------------------------------------------------------------------------------

describe('exportTemplate: the department return for 区住建局, 2025', () => {
  const tmp = makeTempDir('export-');
  const file = join(tmp.dir, exportFileName(SEED_PLAN, YEAR, DEPT));
  const rows = buildRows(SEED_PLAN, DEPT, ACTUALS, NOTES, YEAR);
  const indicators = indicatorsForDepartment(SEED_PLAN, DEPT);
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  // Indicator 6 (row 11) has no 2027 target, so 2027's block is split around it.
  const actualLetters = cols.yearCols.map((yc) => letter(yc.actual));
  const expectedCfRefs = cols.yearCols
    .flatMap((yc) => {
      const a = letter(yc.actual);
      return yc.year === 2027 ? [`${a}6:${a}10`, `${a}12:${a}17`] : [`${a}6:${a}17`];
    })
    .sort();

  beforeAll(async () => {
    const bytes = await exportTemplate({ plan: SEED_PLAN, year: YEAR, department: DEPT, rows, clerkName: '=张三', clerkPhone: '+86 577 6348 7777', exportedAt: EXPORTED_AT, appVersion: '0.1.0' });
    writeFileSync(file, bytes);
    wb = await readWorkbook(file);
    ws = sheetOf(wb, SHEET_RETURN);
  });
  afterAll(() => tmp.cleanup());

  it('is named after plan, year and department', () => {
    expect(exportFileName(SEED_PLAN, YEAR, DEPT)).toBe('住有宜居_2025年度_区住建局_指标填报.xlsx');
    expect(exportFileName(SEED_PLAN, YEAR, null)).toBe('住有宜居_2025年度_全部单位_指标填报.xlsx');
  });

  it('has the three sheets in order, the meta sheet very hidden, and fixed workbook properties', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual([SHEET_RETURN, SHEET_INSTRUCTIONS, SHEET_META]);
    expect(sheetOf(wb, SHEET_RETURN).state).toBe('visible');
    expect(sheetOf(wb, SHEET_META).state).toBe('veryHidden');
    expect(wb.creator).toBe('指标填报台');
    expect(wb.created.toISOString()).toBe(EXPORTED_AT.toISOString());
  });

  it('writes title, info row and legend above the header', () => {
    expect(ws.getCell('A1').value).toBe(`${SEED_PLAN.tableTitle} 2025年度指标填报表`);
    const info = String(ws.getCell('A2').value);
    for (const part of ['填报单位：区住建局', '填报人：=张三', '联系电话：+86 577 6348 7777', '导出时间：2026-01-15']) expect(info).toContain(part);
    const legend = ws.getRow(3).values as unknown[];
    const texts = legend.filter((v): v is string => typeof v === 'string').join(' ');
    for (const word of ['达标', '未达标', '接近', '无目标', '未填报']) expect(texts).toContain(word);
    const fillOf = (text: string) => {
      let argb: string | undefined;
      ws.getRow(3).eachCell((cell) => {
        if (cell.value === text && cell.fill?.type === 'pattern') argb = cell.fill.fgColor?.argb;
      });
      return argb;
    };
    expect(fillOf('达标')).toBe('FFC6EFCE');
    expect(fillOf('未达标')).toBe('FFFFC7CE');
    expect(fillOf('接近')).toBe('FFFFEB9C');
  });

  it('has the two-row header with merged year groups, 说明 and the hidden 指标ID column', () => {
    expect([1, 2, 3, 4, 5].map((c) => ws.getCell(4, c).value)).toEqual(['领域', '序号', '指标', '单位', '责任单位']);
    const merges = ws.model.merges;
    for (const c of ['A', 'B', 'C', 'D', 'E', 'U', 'V']) expect(merges).toContain(`${c}4:${c}5`);
    SEED_PLAN.years.forEach((year, i) => {
      const yc = cols.yearCols[i];
      if (!yc) throw new Error('missing year');
      expect(ws.getCell(4, yc.target).value).toBe(`${year}年`);
      expect(merges).toContain(`${letter(yc.target)}4:${letter(yc.completion)}4`);
      expect([yc.target, yc.actual, yc.completion].map((c) => ws.getCell(5, c).value)).toEqual(['目标值', '实际值', '完成率']);
    });
    expect(cols.note).toBe(21);
    expect(ws.getCell(4, cols.note).value).toBe('说明');
    expect(ws.getCell(4, cols.id).value).toBe('指标ID');
    expect(ws.getColumn(cols.id).hidden).toBe(true);
    expect(ws.getCell(4, 1).font?.bold).toBe(true);
    expect(ws.getCell(5, reportingCols.actual).border?.bottom?.style).toBe('thin');
  });

  it('merges 领域 per domain and writes each indicator cell by cell against the seed plan', () => {
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A6:A9', 'A10:A15', 'A16:A17']));
    expect(indicators).toHaveLength(12);
    indicators.forEach((ind, i) => {
      const r = FIRST_DATA_ROW + i;
      expect(ws.getCell(r, 2).value).toBe(ind.code);
      expect(ws.getCell(r, 3).value).toBe(ind.name); // without the unit
      expect(ws.getCell(r, 4).value).toBe(ind.unit);
      expect(ws.getCell(r, 5).value).toBe(`*${ind.leadUnit}、${ind.coUnits.join('、')}`);
      expect(ws.getCell(r, cols.id).value).toBe(ind.id);
      for (const yc of cols.yearCols) {
        const target = SEED_PLAN.indicators.find((x) => x.id === ind.id)?.targets[yc.year];
        const cell = ws.getCell(r, yc.target);
        if (target === NO_TARGET) {
          expect(cell.value).toBe('/');
          expect(cell.alignment?.horizontal).toBe('center');
        } else {
          expect(cell.value).toBe(target);
          expect(cell.numFmt ?? 'General').toBe(ind.kind === 'rate' ? 'General' : '#,##0');
        }
        const actual = ACTUALS[ind.id]?.[yc.year] ?? null;
        expect(ws.getCell(r, yc.actual).value ?? null).toBe(actual);
        const completion = ws.getCell(r, yc.completion);
        if (typeof target === 'number') {
          const v = completion.value as ExcelJS.CellFormulaValue;
          expect(v.formula).toContain(`${letter(yc.actual)}${r}`);
          expect(completion.numFmt).toBe('0.0%');
          const want = actual === null ? null : completionRatio(ind.direction, target, actual);
          if (want === null) expect(cachedResult(v) ?? '').toBe('');
          else expect(cachedResult(v)).toBeCloseTo(want, 12);
        } else {
          expect(completion.value).toBeNull();
        }
      }
      // Only the reporting year's note is exported.
      expect(ws.getCell(r, cols.note).value ?? null).toBe(NOTES[ind.id] ?? null);
    });
    // 指标 2027 of indicator 6 is "/" in the plan.
    expect(ws.getCell(FIRST_DATA_ROW + 5, cols.yearCols[4]?.target ?? 0).value).toBe('/');
  });

  it('stores notes and names that look like formulas as plain string cells', () => {
    const xml = readZipEntry(file, 'xl/worksheets/sheet1.xml');
    const noteCol = letter(cols.note);
    for (const [i, id] of ['zyyj-01', 'zyyj-02', 'zyyj-03', 'zyyj-04'].entries()) {
      const r = FIRST_DATA_ROW + i;
      expect(ws.getCell(r, cols.note).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(r, cols.note).value).toBe(NOTES[id]);
      const c = cellXml(xml, `${noteCol}${r}`);
      expect(c).toMatch(/ t="s"/);
      expect(c).not.toContain('<f>');
    }
    expect(cellXml(xml, 'A2')).toMatch(/ t="s"/);
    const metaName = sheetOf(wb, SHEET_META).getCell(META_KEYS.indexOf('clerkName') + 1, 2);
    expect(metaName.type).toBe(ExcelJS.ValueType.String);
    expect(metaName.value).toBe('=张三');
  });

  it('protects the sheet without a password, leaving only 2025 实际值 and 说明 of data rows unlocked', () => {
    const protection = sheetProtection(ws);
    expect(protection.sheet).toBe(true);
    expect(protection.hashValue).toBeUndefined();
    expect(protection.password).toBeUndefined();
    const lastRow = FIRST_DATA_ROW + indicators.length - 1;
    let unlocked = 0;
    for (let r = 1; r <= lastRow + 1; r++) {
      for (let c = 1; c <= cols.id; c++) {
        const cell = ws.getCell(r, c);
        const isData = r >= FIRST_DATA_ROW && r <= lastRow;
        const shouldUnlock = isData && (c === reportingCols.actual || c === cols.note);
        expect({ cell: cell.address, unlocked: cell.protection?.locked === false }).toEqual({ cell: cell.address, unlocked: shouldUnlock });
        if (shouldUnlock) unlocked += 1;
      }
    }
    expect(unlocked).toBe(indicators.length * 2);
  });

  it('validates the unlocked 实际值 cells as numbers with a Chinese error message', () => {
    indicators.forEach((ind, i) => {
      const r = FIRST_DATA_ROW + i;
      const dv = ws.getCell(r, reportingCols.actual).dataValidation;
      expect(dv?.type).toBe('decimal');
      expect(dv?.showErrorMessage).toBe(true);
      expect(dv?.errorTitle).toBe('请输入数字');
      expect(dv?.error).toMatch(/数字/);
      if (ind.kind === 'rate') {
        expect(dv?.operator).toBe('between');
      } else {
        expect(dv?.operator).toBe('greaterThanOrEqual');
        expect(dv?.formulae.map(Number)).toEqual([0]);
      }
      // Locked cells carry none.
      expect(ws.getCell(r, reportingCols.target).dataValidation).toBeUndefined();
      expect(ws.getCell(r, cols.yearCols[0]?.actual ?? 0).dataValidation).toBeUndefined();
    });
  });

  it('colours every year’s 实际值 with real expression rules, skipping the "/" target', () => {
    const rules = cfFormulas(ws, actualLetters);
    expect([...rules.keys()].sort()).toEqual(expectedCfRefs);
    // 2025: target in L, actual in M; higher is better, no tolerance → met and missed only.
    expect(rules.get('M6:M17')).toEqual(['AND(ISNUMBER(M6),ISNUMBER(L6),N(L6)-N(M6)<1E-9)', 'AND(ISNUMBER(M6),ISNUMBER(L6),N(L6)-N(M6)>=1E-9)']);
    const cf = conditionalFormats(ws).find((c) => c.ref === 'M6:M17');
    const fills = cf?.rules.map((r) => (r.style?.fill?.type === 'pattern' ? r.style.fill.bgColor?.argb : undefined));
    expect(fills).toEqual(['FFC6EFCE', 'FFFFC7CE']);
    expect(cf?.rules.every((r) => r.type === 'expression')).toBe(true);
  });

  it('freezes the header and the left columns, and prints A4 landscape, one page wide, header repeated', () => {
    const view = ws.views[0] as ExcelJS.WorksheetViewFrozen;
    expect(view.state).toBe('frozen');
    expect(view.xSplit).toBe(5);
    expect(view.ySplit).toBe(5);
    const ps = ws.pageSetup;
    expect(ps.paperSize).toBe(9);
    expect(ps.orientation).toBe('landscape');
    expect(ps.fitToPage).toBe(true);
    expect(ps.fitToWidth).toBe(1);
    expect(ps.fitToHeight).toBe(0);
    expect(ps.printTitlesRow).toBe('4:5');
    expect(ps.margins?.left).toBeGreaterThan(0.2);
    expect(ps.margins?.left).toBeLessThan(1);
  });

  it('sizes columns for Chinese text and wraps 指标 and 说明', () => {
    expect(displayWidth('住房保障')).toBe(8);
    expect(displayWidth('10.5%')).toBe(5);
    expect(displayWidth('“/”')).toBe(5);
    const width = (c: number) => ws.getColumn(c).width ?? 0;
    // 领域 holds 住房保障 (8 units) in full; 指标 and 说明 are capped and wrap.
    expect(width(1)).toBeGreaterThanOrEqual(displayWidth('住房保障'));
    expect(width(3)).toBeGreaterThanOrEqual(16);
    expect(width(3)).toBeLessThanOrEqual(30);
    expect(width(cols.note)).toBeLessThanOrEqual(40);
    for (const yc of cols.yearCols) expect(width(yc.target)).toBeGreaterThanOrEqual(displayWidth('目标值'));
    expect(ws.getCell(FIRST_DATA_ROW, 3).alignment?.wrapText).toBe(true);
    expect(ws.getCell(FIRST_DATA_ROW, cols.note).alignment?.wrapText).toBe(true);
    // The longest 责任单位 (11 units) wraps onto more lines than a one-unit row: its row is taller.
    expect(ws.getRow(FIRST_DATA_ROW + 1).height).toBeGreaterThan(ws.getRow(FIRST_DATA_ROW + 8).height);
  });

  it('explains how to fill in on 填写说明, with the plan source note', () => {
    const text = sheetOf(wb, SHEET_INSTRUCTIONS)
      .getColumn(1)
      .values.filter((v): v is string => typeof v === 'string')
      .join('\n');
    for (const part of ['实际值', '说明', '87.5', '留空', '“/”', '工作表名称', '原样', SEED_PLAN.sourceNote]) expect(text).toContain(part);
  });

  it('records format, plan, department, year, export time and each row’s indicator id on _meta', () => {
    const meta = sheetOf(wb, SHEET_META);
    const values = Object.fromEntries(META_KEYS.map((k, i) => [String(meta.getCell(i + 1, 1).value), meta.getCell(i + 1, 2).value]));
    expect(values).toEqual({
      format: TEMPLATE_FORMAT_NAME,
      schemaVersion: TEMPLATE_SCHEMA_VERSION,
      planId: SEED_PLAN.id,
      planVersion: SEED_PLAN.version,
      department: DEPT,
      year: YEAR,
      exportedAt: '2026-01-15T02:30:00.000Z',
      appVersion: '0.1.0',
      clerkName: '=张三',
      clerkPhone: '+86 577 6348 7777',
      // The plan named as a clerk knows it, so a reader of the file alone can say which plan it is.
      planShortName: SEED_PLAN.shortName,
      planTitle: SEED_PLAN.title,
    });
    const headerRow = META_KEYS.length + 2;
    expect(meta.getRow(headerRow - 1).cellCount).toBe(0);
    expect([1, 2, 3].map((c) => meta.getCell(headerRow, c).value)).toEqual([...META_ROWS_HEADER]);
    indicators.forEach((ind, i) => {
      expect([1, 2, 3].map((c) => meta.getCell(headerRow + 1 + i, c).value)).toEqual([FIRST_DATA_ROW + i, ind.id, ind.code]);
    });
    expect(meta.getCell(headerRow + 1 + indicators.length, 1).value).toBeNull();
  });

  describe('after LibreOffice opens and re-saves it', () => {
    let resaved: string;
    let back: ExcelJS.Workbook;
    let bs: ExcelJS.Worksheet;
    beforeAll(async () => {
      resaved = await convertWithLibreOffice(file, 'xlsx', join(tmp.dir, 'resaved'));
      back = await readWorkbook(resaved);
      bs = sheetOf(back, SHEET_RETURN);
    });

    it('keeps the conditional-format rules on every year’s 实际值', () => {
      const rules = cfFormulas(bs, actualLetters);
      // LibreOffice may spell 1E-9 out; the comparison is what matters.
      const norm = (f: string) => f.replace(/\s+/g, '').replace(/0\.000000001|1E-09|1e-9/g, '1E-9');
      const m = rules.get('M6:M17')?.map(norm);
      expect(m).toEqual(['AND(ISNUMBER(M6),ISNUMBER(L6),N(L6)-N(M6)<1E-9)', 'AND(ISNUMBER(M6),ISNUMBER(L6),N(L6)-N(M6)>=1E-9)']);
      expect([...rules.keys()].sort()).toEqual(expectedCfRefs);
      for (const formulas of rules.values()) expect(formulas).toHaveLength(2);
      const cf = conditionalFormats(bs).find((c) => c.ref === 'M6:M17');
      expect(cf?.rules.map((r) => (r.style?.fill?.type === 'pattern' ? r.style.fill.bgColor?.argb : undefined))).toEqual(['FFC6EFCE', 'FFFFC7CE']);
      const xml = readZipEntry(resaved, 'xl/worksheets/sheet1.xml');
      expect(xml).toContain('<conditionalFormatting');
      expect(xml).toContain('type="expression"');
    });

    it('keeps values, notes as text, protection and the very hidden meta sheet', () => {
      indicators.forEach((ind, i) => {
        const r = FIRST_DATA_ROW + i;
        for (const yc of cols.yearCols) {
          const target = ind.targets[yc.year];
          expect(bs.getCell(r, yc.target).value).toBe(target === undefined ? null : target);
          expect(bs.getCell(r, yc.actual).value ?? null).toBe(ACTUALS[ind.id]?.[yc.year] ?? null);
        }
        // LibreOffice may split mixed Chinese/Latin text into rich-text runs: compare the text.
        expect(bs.getCell(r, cols.note).text || null).toBe(NOTES[ind.id] ?? null);
        expect(bs.getCell(r, cols.id).value).toBe(ind.id);
      });
      const xml = readZipEntry(resaved, 'xl/worksheets/sheet1.xml');
      indicators.forEach((_, i) => {
        const r = FIRST_DATA_ROW + i;
        expect(lockedInXml(resaved, xml, `${letter(reportingCols.actual)}${r}`)).toBe(false);
        expect(lockedInXml(resaved, xml, `${letter(cols.note)}${r}`)).toBe(false);
        expect(lockedInXml(resaved, xml, `${letter(reportingCols.target)}${r}`)).toBe(true);
        expect(lockedInXml(resaved, xml, `${letter(cols.yearCols[0]?.actual ?? 0)}${r}`)).toBe(true);
      });
      const c = cellXml(xml, `${letter(cols.note)}${FIRST_DATA_ROW}`);
      expect(c).toMatch(/ t="s"/);
      expect(c).not.toContain('<f');
      // LibreOffice spells booleans "true"/"false", which ExcelJS does not parse: read the XML.
      expect(xml).toMatch(/<sheetProtection[^>]* sheet="(1|true)"/);
      expect(xml).not.toMatch(/<sheetProtection[^>]*(hashValue|password)=/);
      // LibreOffice has no "very hidden": it saves the meta sheet as hidden. Still not visible,
      // and its content is intact, which is what re-import needs.
      expect(['hidden', 'veryHidden']).toContain(sheetOf(back, SHEET_META).state);
      const meta = sheetOf(back, SHEET_META);
      expect(meta.getCell(1, 2).value).toBe(TEMPLATE_FORMAT_NAME);
      const headerRow = META_KEYS.length + 2;
      expect([1, 2, 3].map((c) => meta.getCell(headerRow, c).value)).toEqual([...META_ROWS_HEADER]);
      indicators.forEach((ind, i) => {
        expect([1, 2, 3].map((c) => meta.getCell(headerRow + 1 + i, c).value)).toEqual([FIRST_DATA_ROW + i, ind.id, ind.code]);
      });
    });
  });

  it('prints to PDF through LibreOffice with the Chinese title and headers intact', async () => {
    const pdf = await convertWithLibreOffice(file, 'pdf', join(tmp.dir, 'pdf'));
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const part of ['2025年度指标填报表', '责任单位', '城镇住房保障受益覆盖率', '填写说明']) expect(text).toContain(part);
  });
});

describe('exportTemplate: all departments, with a lower-is-better indicator that has a tolerance', () => {
  const tmp = makeTempDir('export-all-');
  afterAll(() => tmp.cleanup());
  const plan: Plan = {
    ...SEED_PLAN,
    indicators: SEED_PLAN.indicators.map((ind) => (ind.id === 'zyyj-03' ? { ...ind, direction: 'lower' as const, tolerance: 0.05 } : ind)),
  };
  const rows = buildRows(plan, null, { 'zyyj-03': { 2024: 215, 2025: 300 } }, {}, YEAR);

  it('flips the rules, adds the amber "near" rule and leaves department blank on _meta', async () => {
    const file = join(tmp.dir, exportFileName(plan, YEAR, null));
    writeFileSync(file, await exportTemplate({ plan, year: YEAR, department: null, rows, clerkName: '李四', clerkPhone: '', exportedAt: EXPORTED_AT, appVersion: '0.1.0' }));
    const wb = await readWorkbook(file);
    const ws = sheetOf(wb, SHEET_RETURN);
    expect(String(ws.getCell('A2').value)).toContain('填报单位：全部单位');
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A6:A9', 'A10:A15', 'A16:A17']));
    expect(ws.model.merges.some((m) => m.startsWith('A18:'))).toBe(false); // 住房市场 has one row
    // Indicator 3 sits on row 8; 2024 target in I, actual in J.
    const rules = cfFormulas(ws);
    expect([...rules.keys()].filter((k) => k.startsWith('J')).sort()).toEqual(['J6:J7', 'J8:J8', 'J9:J18']);
    expect(rules.get('J8:J8')).toEqual([
      'AND(ISNUMBER(J8),ISNUMBER(I8),N(J8)-N(I8)<1E-9)',
      'AND(ISNUMBER(J8),ISNUMBER(I8),N(J8)-N(I8)>=1E-9,N(J8)-N(I8)<=ABS(N(I8))*0.05+1E-9)',
      'AND(ISNUMBER(J8),ISNUMBER(I8),N(J8)-N(I8)>=1E-9,N(J8)-N(I8)>ABS(N(I8))*0.05+1E-9)',
    ]);
    const near = conditionalFormats(ws).find((c) => c.ref === 'J8:J8')?.rules[1];
    expect(near?.style?.fill?.type === 'pattern' ? near.style.fill.bgColor?.argb : undefined).toBe('FFFFEB9C');
    // 完成率 of lower-is-better is target / actual: 210 / 215.
    const comp = ws.getCell(8, 11).value as ExcelJS.CellFormulaValue;
    expect(cachedResult(comp)).toBeCloseTo(210 / 215, 12);
    expect(ws.getCell(8, 13).dataValidation?.operator).toBe('greaterThanOrEqual');
    expect(ws.getCell(6, 13).dataValidation?.operator).toBe('between');
    const meta = sheetOf(wb, SHEET_META);
    expect(meta.getCell(META_KEYS.indexOf('department') + 1, 2).value).toBeNull();
    expect(meta.getCell(META_KEYS.indexOf('clerkPhone') + 1, 2).value).toBeNull();
    expect(meta.getCell(META_KEYS.length + 2 + 13, 2).value).toBe('zyyj-13');
  });
});

describe('exportTemplate: reproducible output', () => {
  const rows = buildRows(SEED_PLAN, DEPT, ACTUALS, NOTES, YEAR);
  const input = { plan: SEED_PLAN, year: YEAR, department: DEPT, rows, clerkName: '张三', clerkPhone: '1', exportedAt: EXPORTED_AT, appVersion: '0.1.0' };

  it('gives the same bytes for the same input whatever the wall clock says, and different bytes for another export time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(2026, 0, 1, 8, 0, 0));
      const first = Buffer.from(await exportTemplate(input));
      vi.setSystemTime(new Date(2026, 5, 1, 9, 13, 37));
      const second = Buffer.from(await exportTemplate(input));
      expect(second.equals(first)).toBe(true);
      const later = Buffer.from(await exportTemplate({ ...input, exportedAt: new Date(Date.UTC(2026, 0, 16)) }));
      expect(later.equals(first)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
