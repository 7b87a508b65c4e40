// Sheet 填报表 of the standard template (docs/ARCHITECTURE.md §Template format), laid out by template-format.ts. Steps:
// 1. title, info and legend rows; 2. the two-row header; 3. one row per indicator (targets, actuals,
// 完成率 formulas, the reporting year's note, the hidden id); 4. 领域 merges; 5. conditional formats
// per year; 6. widths, frozen panes, page setup; 7. protection (caller awaits it).
import type { Cell, ExpressionRuleType, Workbook, Worksheet } from 'exceljs';
import type { GridRow } from '../../../shared/api/contract';
import type { Target } from '../../../shared/domain/plan';
import { NO_TARGET } from '../../../shared/domain/plan';
import { completionRatio } from '../../../shared/domain/status';
import { completionFormula, statusFormulas } from '../../../shared/domain/status-excel';
import {
  COL_CODE,
  COL_DOMAIN,
  COL_NAME,
  COL_UNIT,
  COL_UNITS,
  FIRST_DATA_ROW,
  FIRST_YEAR_COL,
  HEADER_ACTUAL,
  HEADER_COMPLETION,
  HEADER_ID,
  HEADER_NOTE,
  HEADER_TARGET,
  ROW_HEADER_1,
  ROW_HEADER_2,
  ROW_INFO,
  ROW_LEGEND,
  ROW_TITLE,
  SHEET_RETURN,
  templateColumns,
} from '../template-format';
import type { ExportInput } from './export-template';
import { cellAddress } from '../import/model';
import { columnWidth, rowHeightForLines, wrappedLineCount } from './column-width';
import { cellStyle, COLOR, COMPLETION_NUMFMT, statusDxf, valueNumFmt } from './styles';

export type ReturnSheetInput = Omit<ExportInput, 'appVersion'>;

/** One exported data row, for the meta sheet. */
export interface ExportedRow {
  row: number;
  indicatorId: string;
  code: string;
}

const ref = (col: number, row: number) => cellAddress(row, col);

export function yearHeader(year: number): string {
  return `${year}年`;
}

/** 责任单位 as the plan prints it: lead unit marked with *, then co-units. */
export function responsibleUnitsText(row: Pick<GridRow, 'leadUnit' | 'coUnits'>): string {
  return [`*${row.leadUnit}`, ...row.coUnits].join('、');
}

export function departmentLabel(department: string | null): string {
  return department ?? '全部单位（汇总）';
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local time as the clerk's clock shows it, to the minute. */
export function formatExportTime(d: Date): string {
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** Plain text only: ExcelJS stores a JS string as a string cell, never as a formula, whatever it starts with. */
function setText(cell: Cell, text: string | null | undefined): void {
  cell.value = text === null || text === undefined || text === '' ? null : String(text);
}

function targetValue(target: Target | null | undefined): number | string | null {
  if (target === null || target === undefined) return null;
  return target === NO_TARGET ? NO_TARGET : target;
}

export function buildReturnSheet(wb: Workbook, input: ReturnSheetInput): { sheet: Worksheet; rows: ExportedRow[] } {
  const { plan, year, rows } = input;
  const years = [...plan.years].sort((a, b) => a - b);
  const cols = templateColumns(years);
  const lastCol = cols.note;
  const lastRow = FIRST_DATA_ROW + rows.length - 1;
  const ws = wb.addWorksheet(SHEET_RETURN, { properties: { tabColor: { argb: 'FF4472C4' } } });

  // 1. Title, info, legend.
  ws.mergeCells(ROW_TITLE, 1, ROW_TITLE, lastCol);
  const title = ws.getCell(ROW_TITLE, 1);
  setText(title, `${plan.tableTitle} ${year}年度指标填报表`);
  title.style = cellStyle({ bold: true, size: 16, horizontal: 'center', border: false });
  ws.getRow(ROW_TITLE).height = 30;

  ws.mergeCells(ROW_INFO, 1, ROW_INFO, lastCol);
  const info = ws.getCell(ROW_INFO, 1);
  setText(
    info,
    [
      `填报单位：${departmentLabel(input.department)}`,
      `填报人：${input.clerkName}`,
      `联系电话：${input.clerkPhone}`,
      `导出时间：${formatExportTime(input.exportedAt)}`,
    ].join('　　'),
  );
  info.style = cellStyle({ border: false });
  ws.getRow(ROW_INFO).height = 20;
  writeLegend(ws, lastCol);

  // 2. Header: fixed columns and 说明 / 指标ID span both header rows; each year spans its three columns.
  const headerStyle = (fill: string = COLOR.headerFill) => cellStyle({ bold: true, horizontal: 'center', wrap: true, fill });
  const fixed: [number, string][] = [
    [COL_DOMAIN, '领域'],
    [COL_CODE, '序号'],
    [COL_NAME, '指标'],
    [COL_UNIT, '单位'],
    [COL_UNITS, '责任单位'],
    [cols.note, HEADER_NOTE],
    [cols.id, HEADER_ID],
  ];
  for (const [col, text] of fixed) {
    const fill = col === cols.note ? COLOR.editableFill : COLOR.headerFill;
    for (const r of [ROW_HEADER_1, ROW_HEADER_2]) ws.getCell(r, col).style = headerStyle(fill);
    ws.mergeCells(ROW_HEADER_1, col, ROW_HEADER_2, col);
    setText(ws.getCell(ROW_HEADER_1, col), text);
  }
  for (const yc of cols.yearCols) {
    const fill = yc.year === year ? COLOR.editableFill : COLOR.headerFill;
    for (const col of [yc.target, yc.actual, yc.completion]) ws.getCell(ROW_HEADER_1, col).style = headerStyle(fill);
    ws.mergeCells(ROW_HEADER_1, yc.target, ROW_HEADER_1, yc.completion);
    setText(ws.getCell(ROW_HEADER_1, yc.target), yearHeader(yc.year));
    const sub: [number, string][] = [
      [yc.target, HEADER_TARGET],
      [yc.actual, HEADER_ACTUAL],
      [yc.completion, HEADER_COMPLETION],
    ];
    for (const [col, text] of sub) {
      const cell = ws.getCell(ROW_HEADER_2, col);
      setText(cell, text);
      cell.style = headerStyle(yc.year === year && col === yc.actual ? COLOR.editableFill : COLOR.headerFill);
    }
  }
  ws.getRow(ROW_HEADER_1).height = 20;
  ws.getRow(ROW_HEADER_2).height = 20;

  // 3. Data rows.
  const exported: ExportedRow[] = [];
  rows.forEach((gridRow, i) => {
    const r = FIRST_DATA_ROW + i;
    exported.push({ row: r, indicatorId: gridRow.indicatorId, code: gridRow.code });
    const put = (col: number, text: string, opts: Parameters<typeof cellStyle>[0] = {}) => {
      const cell = ws.getCell(r, col);
      setText(cell, text);
      cell.style = cellStyle(opts);
    };
    put(COL_DOMAIN, gridRow.domain, { horizontal: 'center', wrap: true });
    put(COL_CODE, gridRow.code, { horizontal: 'center' });
    put(COL_NAME, gridRow.name, { wrap: true });
    put(COL_UNIT, gridRow.unit, { horizontal: 'center' });
    put(COL_UNITS, responsibleUnitsText(gridRow), { wrap: true });
    const numFmt = valueNumFmt(gridRow.kind);
    for (const yc of cols.yearCols) {
      const gridCell = gridRow.cells[String(yc.year)];
      const editable = yc.year === year;
      const target = targetValue(gridCell?.target);
      const targetCell = ws.getCell(r, yc.target);
      targetCell.value = target;
      targetCell.style = cellStyle({ numFmt, horizontal: target === NO_TARGET ? 'center' : 'right' });

      const actual = gridCell?.actual ?? null;
      const actualCell = ws.getCell(r, yc.actual);
      actualCell.value = actual;
      actualCell.style = cellStyle({ numFmt, horizontal: 'right', locked: !editable, ...(editable ? { fill: COLOR.editableFill } : {}) });
      if (editable) actualCell.dataValidation = actualValidation(gridRow.kind);

      const completionCell = ws.getCell(r, yc.completion);
      completionCell.style = cellStyle({ numFmt: COMPLETION_NUMFMT, horizontal: 'right' });
      if (typeof target === 'number') {
        const ratio = actual === null ? null : completionRatio(gridRow.direction, target, actual);
        completionCell.value = {
          formula: completionFormula(gridRow.direction, ref(yc.target, r), ref(yc.actual, r)),
          result: ratio ?? '',
        };
      }
    }
    const note = gridRow.cells[String(year)]?.note ?? null;
    put(cols.note, note ?? '', { wrap: true, locked: false, fill: COLOR.editableFill });
    put(cols.id, gridRow.indicatorId);
  });

  // 4. 领域: one merged cell per run of consecutive rows of the same domain.
  for (const [start, end] of runs(rows, (a, b) => a.domain === b.domain)) {
    if (end > start) ws.mergeCells(FIRST_DATA_ROW + start, COL_DOMAIN, FIRST_DATA_ROW + end, COL_DOMAIN);
  }

  // 5. Conditional formats, one block per year and per run of rows sharing direction and tolerance
  //    and having a numeric target; formulas are relative to the block's first row.
  addStatusFormats(ws, rows, years);

  // 6. Widths, hidden id column, frozen panes, printing.
  setColumnWidths(ws, input, cols.yearCols, cols.note, cols.id);
  setRowHeights(ws, rows, year, cols.note);
  ws.getColumn(cols.id).hidden = true;
  const firstEditable = cols.yearCols.find((yc) => yc.year === year);
  ws.views = [
    {
      state: 'frozen',
      xSplit: COL_UNITS,
      ySplit: ROW_HEADER_2,
      topLeftCell: ref(FIRST_YEAR_COL, FIRST_DATA_ROW),
      activeCell: ref(firstEditable ? firstEditable.actual : FIRST_YEAR_COL, FIRST_DATA_ROW),
      showGridLines: false,
    },
  ];
  ws.pageSetup.paperSize = 9; // A4
  ws.pageSetup.orientation = 'landscape';
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = 1;
  ws.pageSetup.fitToHeight = 0; // as many pages tall as needed
  ws.pageSetup.horizontalCentered = true;
  ws.pageSetup.margins = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
  ws.pageSetup.printTitlesRow = `${ROW_HEADER_1}:${ROW_HEADER_2}`;
  ws.pageSetup.printArea = `A1:${ref(lastCol, Math.max(lastRow, ROW_HEADER_2))}`;
  ws.headerFooter.oddFooter = '&C第 &P 页，共 &N 页';
  return { sheet: ws, rows: exported };
}

/** Index ranges [start, end] of consecutive items that `same` groups together. */
function runs<T>(items: readonly T[], same: (a: T, b: T) => boolean): [number, number][] {
  const out: [number, number][] = [];
  items.forEach((item, i) => {
    const last = out[out.length - 1];
    const prev = items[i - 1];
    if (last && prev !== undefined && same(prev, item)) last[1] = i;
    else out.push([i, i]);
  });
  return out;
}

function writeLegend(ws: Worksheet, lastCol: number): void {
  const r = ROW_LEGEND;
  ws.mergeCells(r, 1, r, COL_UNITS);
  const label = ws.getCell(r, 1);
  setText(label, '图例（实际值单元格底色）：');
  label.style = cellStyle({ horizontal: 'right', border: false });
  const items: { text: string; span: number; fill?: string; color?: string }[] = [
    { text: '达标', span: 1, fill: COLOR.metFill, color: COLOR.metFont },
    { text: '未达标', span: 1, fill: COLOR.missedFill, color: COLOR.missedFont },
    { text: '接近', span: 1, fill: COLOR.nearFill, color: COLOR.nearFont },
    { text: '可填写', span: 1, fill: COLOR.editableFill },
    { text: '“/”＝无目标', span: 2 },
    { text: '空白＝未填报', span: 2 },
  ];
  const needed = items.reduce((n, it) => n + it.span, 0);
  if (FIRST_YEAR_COL + needed - 1 > lastCol) {
    // A plan with few years has too few columns for the swatches: say it in words instead.
    ws.mergeCells(r, FIRST_YEAR_COL, r, lastCol);
    const cell = ws.getCell(r, FIRST_YEAR_COL);
    setText(cell, '绿＝达标  红＝未达标  黄＝接近  蓝＝可填写  “/”＝无目标  空白＝未填报');
    cell.style = cellStyle({ border: false });
  } else {
    let col = FIRST_YEAR_COL;
    for (const item of items) {
      const style = () => cellStyle({ horizontal: 'center', ...(item.fill ? { fill: item.fill } : {}), ...(item.color ? { color: item.color } : {}) });
      for (let c = col; c < col + item.span; c++) ws.getCell(r, c).style = style();
      if (item.span > 1) ws.mergeCells(r, col, r, col + item.span - 1);
      setText(ws.getCell(r, col), item.text);
      col += item.span;
    }
  }
  ws.getRow(r).height = 18;
}

function actualValidation(kind: GridRow['kind']): NonNullable<Cell['dataValidation']> {
  const nonNegative = kind === 'cumulative' || kind === 'stock';
  return {
    type: 'decimal',
    allowBlank: true,
    // "Any decimal": Excel's decimal rule needs bounds, so use ones no indicator reaches.
    operator: nonNegative ? 'greaterThanOrEqual' : 'between',
    formulae: nonNegative ? [0] : [-1e12, 1e12],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '请输入数字',
    error: nonNegative
      ? '实际值只能填数字（不小于 0），不要填文字或单位。暂无数据请留空。'
      : '实际值只能填数字，不要填文字或单位；百分比指标填百分数，如 87.5 表示 87.5%。暂无数据请留空。',
    showInputMessage: true,
    promptTitle: '填写实际值',
    prompt: nonNegative ? '只填数字，暂无数据请留空。' : '只填数字；百分比填百分数，如 87.5。',
  };
}

function addStatusFormats(ws: Worksheet, rows: GridRow[], years: number[]): void {
  const cols = templateColumns(years);
  // Priorities must be unique on the sheet; the three rules of a cell never overlap, so order is free.
  let priority = 1;
  for (const yc of cols.yearCols) {
    const key = (row: GridRow) => {
      const target = row.cells[String(yc.year)]?.target;
      return typeof target === 'number' ? `${row.direction}|${row.tolerance ?? ''}` : null;
    };
    for (const [start, end] of runs(rows, (a, b) => key(a) === key(b))) {
      const first = rows[start];
      if (!first || key(first) === null) continue;
      const top = FIRST_DATA_ROW + start;
      const f = statusFormulas({ direction: first.direction, tolerance: first.tolerance, target: ref(yc.target, top), actual: ref(yc.actual, top) });
      const rule = (formula: string, style: ExpressionRuleType['style']): ExpressionRuleType => ({
        type: 'expression',
        formulae: [formula],
        style,
        priority: priority++,
      });
      const rules = [
        rule(f.met, statusDxf(COLOR.metFill, COLOR.metFont)),
        ...(f.near ? [rule(f.near, statusDxf(COLOR.nearFill, COLOR.nearFont))] : []),
        rule(f.missed, statusDxf(COLOR.missedFill, COLOR.missedFont)),
      ];
      ws.addConditionalFormatting({ ref: `${ref(yc.actual, top)}:${ref(yc.actual, FIRST_DATA_ROW + end)}`, rules });
    }
  }
}

function setColumnWidths(
  ws: Worksheet,
  input: ReturnSheetInput,
  yearCols: ReturnType<typeof templateColumns>['yearCols'],
  noteCol: number,
  idCol: number,
): void {
  const { rows, year } = input;
  const width = (col: number, w: number) => {
    ws.getColumn(col).width = w;
  };
  width(COL_DOMAIN, columnWidth(['领域', ...rows.map((r) => r.domain)], 6, 10));
  width(COL_CODE, columnWidth(['序号', ...rows.map((r) => r.code)], 6, 8));
  width(COL_NAME, columnWidth(['指标', ...rows.map((r) => r.name)], 16, 30));
  width(COL_UNIT, columnWidth(['单位', ...rows.map((r) => r.unit)], 6, 10));
  width(COL_UNITS, columnWidth(['责任单位', ...rows.map(responsibleUnitsText)], 12, 26));
  const numberText = (v: number | string | null | undefined) => (typeof v === 'number' ? v.toLocaleString('en-US') : (v ?? ''));
  for (const yc of yearCols) {
    const targets = rows.map((r) => numberText(r.cells[String(yc.year)]?.target));
    const actuals = rows.map((r) => numberText(r.cells[String(yc.year)]?.actual));
    width(yc.target, columnWidth([HEADER_TARGET, ...targets], 8, 14));
    width(yc.actual, columnWidth([HEADER_ACTUAL, ...actuals], 8, 14));
    width(yc.completion, columnWidth([HEADER_COMPLETION, '100.0%'], 8, 10));
  }
  width(noteCol, columnWidth([HEADER_NOTE, ...rows.map((r) => r.cells[String(year)]?.note ?? '')], 24, 40));
  width(idCol, columnWidth([HEADER_ID, ...rows.map((r) => r.indicatorId)], 8, 20));
}

/** Data rows tall enough for their wrapped 指标, 责任单位 and 说明 (set explicitly: see wrappedLineCount). */
function setRowHeights(ws: Worksheet, rows: GridRow[], year: number, noteCol: number): void {
  const widthOf = (col: number) => ws.getColumn(col).width ?? 10;
  rows.forEach((row, i) => {
    const lines = Math.max(
      wrappedLineCount(row.name, widthOf(COL_NAME)),
      wrappedLineCount(responsibleUnitsText(row), widthOf(COL_UNITS)),
      wrappedLineCount(row.cells[String(year)]?.note ?? '', widthOf(noteCol)),
    );
    ws.getRow(FIRST_DATA_ROW + i).height = Math.max(20, rowHeightForLines(lines));
  });
}
