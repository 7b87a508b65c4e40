// Sheet 填报表 of the standard template (docs/ARCHITECTURE.md §Template format), laid out by template-format.ts. Steps:
// 1. title, info and legend rows; 2. the two-row header; 3. one row per indicator (targets, actuals,
// 完成率 formulas, the reporting year's note, the hidden id); 4. 领域 merges; 5. conditional formats
// per year (sheet-rules.ts); 6. widths, frozen panes, page setup; 7. protection, then the commit
// that streams the sheet out.
import type { DataValidation, Style, Workbook, Worksheet } from 'exceljs';
import type { GridRow } from '../../../shared/api/contract';
import type { Direction, Target } from '../../../shared/domain/plan';
import { NO_TARGET } from '../../../shared/domain/plan';
import { completionRatio } from '../../../shared/domain/status';
import { completionFormula } from '../../../shared/domain/status-excel';
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
  ROW_TITLE,
  SHEET_RETURN,
  templateColumns,
} from '../template-format';
import type { ExportInput } from './export-template';
import { rowHeightForLines, wrappedLineCount } from './column-width';
import { cellStyle, COLOR, COMPLETION_NUMFMT, valueNumFmt } from './styles';
import { actualValidation, addStatusFormats, ref, runs } from './sheet-rules';
import type { Columns, ColumnWidths } from './return-sheet-layout';
import { FormulaTemplate, SheetRowWriter } from './sheet-row-xml';
import { writeExpressionFormatsAsXml } from './conditional-format-xml';
import { responsibleUnitsText, setColumnWidths, setText, writeLegend } from './return-sheet-layout';

export { columnLetter } from './sheet-rules';
export { responsibleUnitsText } from './return-sheet-layout';

export type ReturnSheetInput = Omit<ExportInput, 'appVersion'>;

/** One exported data row, for the meta sheet. */
export interface ExportedRow {
  row: number;
  indicatorId: string;
  code: string;
}

export function yearHeader(year: number): string {
  return `${year}年`;
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


function targetValue(target: Target | null | undefined): number | string | null {
  if (target === null || target === undefined) return null;
  return target === NO_TARGET ? NO_TARGET : target;
}

/**
 * Writes 填报表 into a streaming workbook writer and commits it: rows are flushed to the zip as soon
 * as their 领域 merge is done, so a large export never holds the whole sheet in memory. Everything
 * the sheet header carries (views, page setup, widths) is decided from the input up front, because
 * the writer emits it with the first row. The caller protects nothing: PROTECTION is applied here,
 * before the commit that writes it.
 */
export async function writeReturnSheet(
  wb: Workbook,
  input: ReturnSheetInput,
  protection: Parameters<Worksheet['protect']>[1],
): Promise<ExportedRow[]> {
  const { plan, year, rows } = input;
  const years = [...plan.years].sort((a, b) => a - b);
  const cols = templateColumns(years);
  const lastCol = cols.note;
  const lastRow = FIRST_DATA_ROW + rows.length - 1;
  const firstEditable = cols.yearCols.find((yc) => yc.year === year);
  const ws = wb.addWorksheet(SHEET_RETURN, {
    properties: { tabColor: { argb: 'FF4472C4' } },
    // 6. Frozen panes and printing (the streaming writer takes these when the sheet is created).
    views: [
      {
        state: 'frozen',
        xSplit: COL_UNITS,
        ySplit: ROW_HEADER_2,
        topLeftCell: ref(FIRST_YEAR_COL, FIRST_DATA_ROW),
        activeCell: ref(firstEditable ? firstEditable.actual : FIRST_YEAR_COL, FIRST_DATA_ROW),
        showGridLines: false,
      },
    ],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages tall as needed
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${ROW_HEADER_1}:${ROW_HEADER_2}`,
      printArea: `A1:${ref(lastCol, Math.max(lastRow, ROW_HEADER_2))}`,
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  // Widths and the hidden id column go out with the sheet's first row.
  const widths = setColumnWidths(ws, input, cols.yearCols, cols.note, cols.id);
  ws.getColumn(cols.id).hidden = true;

  // 1. Title, info, legend.
  ws.mergeCells(ROW_TITLE, 1, ROW_TITLE, lastCol);
  const title = ws.getCell(ROW_TITLE, 1);
  const locked = input.locked !== undefined && input.locked !== null;
  setText(title, `${plan.tableTitle} ${year}年度指标填报表${locked ? '（已锁定）' : ''}`);
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
      ...(locked ? [`状态：已锁定，不能修改${input.locked ? `（${input.locked}）` : ''}`] : []),
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

  // 5. Conditional formats, one block per year and per run of rows sharing direction and tolerance
  //    and having a numeric target; formulas are relative to the block's first row. (Written at commit.)
  addStatusFormats(ws, rows, years, input.exportedAt);
  writeExpressionFormatsAsXml(wb, ws);

  // 3. Data rows, then 4. 领域: one merged cell per run of consecutive rows of the same domain.
  //    The header rows go out first; data rows are written as XML by SheetRowWriter (ExcelJS's
  //    per-cell objects were most of a large export's time), the editable 实际值's validation
  //    once per run of rows sharing it rather than per cell.
  ws.getRow(ROW_HEADER_2).commit();
  const exported: ExportedRow[] = [];
  const validations = { any: actualValidation('rate'), nonNegative: actualValidation('cumulative') };
  if (rows.length > 0) {
    const writer = new SheetRowWriter(wb, ws);
    const rowValidations: (DataValidation | null)[] = [];
    let sinceYield = 0;
    for (const [start, end] of runs(rows, (a, b) => a.domain === b.domain)) {
      for (let i = start; i <= end; i += 1) {
        const gridRow = rows[i] as GridRow;
        exported.push({ row: FIRST_DATA_ROW + i, indicatorId: gridRow.indicatorId, code: gridRow.code });
        const validation = gridRow.kind === 'cumulative' || gridRow.kind === 'stock' ? validations.nonNegative : validations.any;
        rowValidations.push(writeDataRow(writer, FIRST_DATA_ROW + i, gridRow, year, locked, cols, widths, validation, i > start));
      }
      if (end > start) writer.merge(FIRST_DATA_ROW + start, COL_DOMAIN, FIRST_DATA_ROW + end, COL_DOMAIN);
      if (end - sinceYield >= YIELD_EVERY) {
        // Let the zip take what is written: it deflates on another thread while the next rows are made,
        // and the sheet is not held whole in memory.
        writer.flush();
        await new Promise((resolve) => setImmediate(resolve));
        sinceYield = end;
      }
    }
    writer.flush();
    if (firstEditable) {
      for (const [start, end] of runs(rowValidations, (a, b) => a === b)) {
        const validation = rowValidations[start];
        if (!validation) continue;
        const top = ref(firstEditable.actual, FIRST_DATA_ROW + start);
        writer.validate(end > start ? `${top}:${ref(firstEditable.actual, FIRST_DATA_ROW + end)}` : top, validation);
      }
    }
  }

  // 7. Protection, written with the sheet.
  await ws.protect('', protection);
  ws.commit();
  return exported;
}

/** Data rows written between two turns of the event loop (see writeReturnSheet). */
const YIELD_EVERY = 500;

/** The styles of a data row's cells for one number format, looked up once per export rather than per cell. */
interface DataStyles {
  domain: Partial<Style>;
  code: Partial<Style>;
  name: Partial<Style>;
  unit: Partial<Style>;
  units: Partial<Style>;
  target: Partial<Style>;
  noTarget: Partial<Style>;
  actualEditable: Partial<Style>;
  actualLocked: Partial<Style>;
  completion: Partial<Style>;
  note: Partial<Style>;
  /** 说明 of a locked department-year: protected, without the editable fill. */
  noteLocked: Partial<Style>;
  id: Partial<Style>;
}

function dataStyles(numFmt: string): DataStyles {
  return {
    domain: cellStyle({ horizontal: 'center', wrap: true }),
    code: cellStyle({ horizontal: 'center' }),
    name: cellStyle({ wrap: true }),
    unit: cellStyle({ horizontal: 'center' }),
    units: cellStyle({ wrap: true }),
    target: cellStyle({ numFmt, horizontal: 'right' }),
    noTarget: cellStyle({ numFmt, horizontal: 'center' }),
    actualEditable: cellStyle({ numFmt, horizontal: 'right', locked: false, fill: COLOR.editableFill }),
    actualLocked: cellStyle({ numFmt, horizontal: 'right', locked: true }),
    completion: cellStyle({ numFmt: COMPLETION_NUMFMT, horizontal: 'right' }),
    note: cellStyle({ wrap: true, locked: false, fill: COLOR.editableFill }),
    noteLocked: cellStyle({ wrap: true, locked: true }),
    id: cellStyle(),
  };
}

/** 完成率's formula (completionFormula) by direction, of its target and actual cells. */
const COMPLETION_FORMULA: Record<Direction, FormulaTemplate> = {
  higher: new FormulaTemplate((target, actual) => completionFormula('higher', target as string, actual as string), 2),
  lower: new FormulaTemplate((target, actual) => completionFormula('lower', target as string, actual as string), 2),
};

const STYLES_BY_KIND = new Map<GridRow['kind'], DataStyles>();

function stylesFor(kind: GridRow['kind']): DataStyles {
  let styles = STYLES_BY_KIND.get(kind);
  if (!styles) {
    styles = dataStyles(valueNumFmt(kind));
    STYLES_BY_KIND.set(kind, styles);
  }
  return styles;
}

/**
 * Writes one data row. `locked`: the whole export is locked; a row's own reporting-year cell may be
 * locked too (its department's year). `mergedDomain`: the row continues its 领域's merged cell.
 * Returns the validation of its reporting-year 实际值, or null when that cell is not editable.
 */
function writeDataRow(
  out: SheetRowWriter,
  r: number,
  gridRow: GridRow,
  year: number,
  locked: boolean,
  cols: Columns,
  widths: ColumnWidths,
  validation: DataValidation,
  mergedDomain: boolean,
): DataValidation | null {
  const rowLocked = locked || gridRow.cells[String(year)]?.locked !== undefined;
  const styles = stylesFor(gridRow.kind);
  let rowValidation: DataValidation | null = null;
  out.begin(r);
  if (mergedDomain) out.merged(COL_DOMAIN, styles.domain);
  else out.text(COL_DOMAIN, gridRow.domain, styles.domain);
  out.text(COL_CODE, gridRow.code, styles.code);
  out.text(COL_NAME, gridRow.name, styles.name);
  out.text(COL_UNIT, gridRow.unit, styles.unit);
  const unitsText = responsibleUnitsText(gridRow);
  out.text(COL_UNITS, unitsText, styles.units);
  for (const yc of cols.yearCols) {
    const gridCell = gridRow.cells[String(yc.year)];
    const editable = yc.year === year && !rowLocked;
    const target = targetValue(gridCell?.target);
    if (target === null) out.empty(yc.target, styles.target);
    else if (typeof target === 'number') out.number(yc.target, target, styles.target);
    else out.text(yc.target, target, target === NO_TARGET ? styles.noTarget : styles.target);

    const actual = gridCell?.actual ?? null;
    const actualStyle = editable ? styles.actualEditable : styles.actualLocked;
    if (actual === null) out.empty(yc.actual, actualStyle);
    else out.number(yc.actual, actual, actualStyle);
    if (editable) rowValidation = validation;

    if (typeof target === 'number') {
      const ratio = actual === null ? null : completionRatio(gridRow.direction, target, actual);
      out.templateFormula(yc.completion, COMPLETION_FORMULA[gridRow.direction], [out.address(yc.target), out.address(yc.actual)], ratio ?? '', styles.completion);
    } else {
      out.empty(yc.completion, styles.completion);
    }
  }
  const note = gridRow.cells[String(year)]?.note ?? null;
  out.text(cols.note, note ?? '', rowLocked ? styles.noteLocked : styles.note);
  out.text(cols.id, gridRow.indicatorId, styles.id);
  // Tall enough for the wrapped 指标, 责任单位 and 说明 (set explicitly: see wrappedLineCount).
  const lines = Math.max(
    wrappedLineCount(gridRow.name, widths.name),
    wrappedLineCount(unitsText, widths.units),
    wrappedLineCount(note ?? '', widths.note),
  );
  out.end(Math.max(20, rowHeightForLines(lines)));
  return rowValidation;
}
