// The parts of 填报表 that are layout rather than data (return-sheet.ts writes the data): the legend
// row with its swatches and status symbols, and the column widths worked out from the content.
import type { Cell, Worksheet } from 'exceljs';
import type { GridRow } from '../../../shared/api/contract';
import { STATUS_SYMBOL } from '../../../shared/domain/status-symbol';
import { statusLabel } from '../../../shared/i18n/messages';
import type {
  templateColumns} from '../template-format';
import {
  COL_CODE,
  COL_DOMAIN,
  COL_NAME,
  COL_UNIT,
  COL_UNITS,
  FIRST_YEAR_COL,
  HEADER_ACTUAL,
  HEADER_COMPLETION,
  HEADER_ID,
  HEADER_NOTE,
  HEADER_TARGET,
  ROW_LEGEND
} from '../template-format';
import type { ReturnSheetInput } from './return-sheet';
import { columnWidth, displayWidth, TextColumnWidth } from './column-width';
import { cellStyle, COLOR } from './styles';

/** Where each column of 填报表 is (template-format.ts templateColumns): one type for the data and the layout. */
export type Columns = ReturnType<typeof templateColumns>;

/** 责任单位 as the plan prints it: lead unit marked with *, then co-units. */
export function responsibleUnitsText(row: Pick<GridRow, 'leadUnit' | 'coUnits'>): string {
  return [`*${row.leadUnit}`, ...row.coUnits].join('、');
}

/** Plain text only: ExcelJS stores a JS string as a string cell, never as a formula, whatever it starts with. */
export function setText(cell: Cell, text: string | null | undefined): void {
  cell.value = text === null || text === undefined || text === '' ? null : String(text);
}

/** The symbols as the legend lists them: "√达标 ×未达标 ≈接近 ?未填报". */
const LEGEND_SYMBOLS = (['met', 'missed', 'near', 'not-reported'] as const)
  .map((s) => `${STATUS_SYMBOL[s]}${statusLabel('zh', s)}`)
  .join(' ');

export function writeLegend(ws: Worksheet, lastCol: number): void {
  const r = ROW_LEGEND;
  ws.mergeCells(r, 1, r, COL_UNITS);
  const label = ws.getCell(r, 1);
  // The symbols are the colour-free cue (status-symbol.ts): they survive a black-and-white print.
  setText(label, `图例（实际值单元格底色；完成率前的符号：${LEGEND_SYMBOLS}）：`);
  label.style = cellStyle({ horizontal: 'right', border: false });
  const items: { text: string; span: number; fill?: string; color?: string }[] = [
    { text: '达标', span: 1, fill: COLOR.metFill, color: COLOR.metFont },
    { text: '未达标', span: 1, fill: COLOR.missedFill, color: COLOR.missedFont },
    { text: '接近', span: 1, fill: COLOR.nearFill, color: COLOR.nearFont },
    { text: '可填写', span: 1, fill: COLOR.editableFill },
    { text: '“/”＝无目标', span: 2 },
    { text: `${STATUS_SYMBOL['not-reported']}＝未填报`, span: 2 },
  ];
  const needed = items.reduce((n, it) => n + it.span, 0);
  if (FIRST_YEAR_COL + needed - 1 > lastCol) {
    // A plan with few years has too few columns for the swatches: say it in words instead.
    ws.mergeCells(r, FIRST_YEAR_COL, r, lastCol);
    const cell = ws.getCell(r, FIRST_YEAR_COL);
    setText(cell, `绿＝达标  红＝未达标  黄＝接近  蓝＝可填写  “/”＝无目标  ${STATUS_SYMBOL['not-reported']}＝未填报`);
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

export interface ColumnWidths {
  name: number;
  units: number;
  note: number;
}

export function setColumnWidths(
  ws: Worksheet,
  input: ReturnSheetInput,
  yearCols: Columns['yearCols'],
  noteCol: number,
  idCol: number,
): ColumnWidths {
  const { rows, year } = input;
  const text = {
    domain: new TextColumnWidth('领域', 6, 10),
    code: new TextColumnWidth('序号', 6, 8),
    name: new TextColumnWidth('指标', 16, 30),
    unit: new TextColumnWidth('单位', 6, 10),
    units: new TextColumnWidth('责任单位', 12, 26),
    note: new TextColumnWidth(HEADER_NOTE, 24, 40),
    id: new TextColumnWidth(HEADER_ID, 8, 20),
  };
  const years = yearCols.map((yc) => ({ key: String(yc.year), target: new NumberColumnWidth(HEADER_TARGET), actual: new NumberColumnWidth(HEADER_ACTUAL) }));
  const yearKey = String(year);
  // One pass over the rows for every column (each row's cells are visited once, not once per column).
  for (const r of rows) {
    text.domain.add(r.domain);
    text.code.add(r.code);
    text.name.add(r.name);
    text.unit.add(r.unit);
    if (!text.units.full) text.units.add(responsibleUnitsText(r));
    text.note.add(r.cells[yearKey]?.note ?? '');
    text.id.add(r.indicatorId);
    for (const y of years) {
      const cell = r.cells[y.key];
      if (!cell) continue;
      y.target.add(cell.target);
      y.actual.add(cell.actual);
    }
  }
  const width = (col: number, w: number) => {
    ws.getColumn(col).width = w;
    return w;
  };
  width(COL_DOMAIN, text.domain.width);
  width(COL_CODE, text.code.width);
  const name = width(COL_NAME, text.name.width);
  width(COL_UNIT, text.unit.width);
  const units = width(COL_UNITS, text.units.width);
  yearCols.forEach((yc, i) => {
    width(yc.target, years[i]?.target.width(8, 14) ?? 8);
    width(yc.actual, years[i]?.actual.width(8, 14) ?? 8);
    width(yc.completion, columnWidth([HEADER_COMPLETION, '100.0%'], 8, 10));
  });
  const note = width(noteCol, text.note.width);
  width(idCol, text.id.width);
  return { name, units, note };
}

/**
 * columnWidth() of a column of targets or actuals as the cells show them (numbers with thousands
 * grouped, "/" as it is), measured without making a text per cell: numbers are ASCII, so a
 * number's width is its text's length, and a whole number's grows with its size, so of those only
 * the largest and the most negative are measured. Fed one value at a time.
 */
class NumberColumnWidth {
  private widest: number;
  private largest = 0;
  private lowest = 0;

  constructor(header: string) {
    this.widest = displayWidth(header);
  }

  add(v: number | string | null | undefined): void {
    if (v === null || v === undefined || v === '') return;
    if (typeof v === 'number' && Number.isSafeInteger(v)) {
      if (v > this.largest) this.largest = v;
      else if (v < this.lowest) this.lowest = v;
      return;
    }
    const w = typeof v === 'number' ? groupedNumberLength(v) : columnWidth([v], 0, Infinity, 0);
    if (w > this.widest) this.widest = w;
  }

  width(min: number, max: number, padding = 2): number {
    const widest = Math.max(this.widest, groupedNumberLength(this.largest), groupedNumberLength(this.lowest));
    return Math.min(max, Math.max(min, widest + padding));
  }
}

/**
 * The length of groupedNumber(v) without making it: from the number's shortest text when that is
 * what en-US shows (at most 3 decimals, no exponent), else by formatting (ICU: ~2 µs a number).
 */
export function groupedNumberLength(v: number): number {
  if (!Number.isFinite(v)) return groupedNumber(v).length;
  const text = String(Math.abs(v));
  const dot = text.indexOf('.');
  const decimals = dot < 0 ? 0 : text.length - dot - 1;
  if (decimals > 3 || text.includes('e')) return groupedNumber(v).length;
  const intDigits = dot < 0 ? text.length : dot;
  return (v < 0 ? 1 : 0) + intDigits + Math.floor((intDigits - 1) / 3) + (decimals > 0 ? decimals + 1 : 0);
}

/** toLocaleString('en-US')'s format, made once: toLocaleString builds a new formatter per call (~9 µs). */
const EN_US_NUMBER = new Intl.NumberFormat('en-US');

/** A number as toLocaleString('en-US') writes it (thousands grouped), fast for whole numbers. */
export function groupedNumber(v: number): string {
  if (Number.isSafeInteger(v)) {
    const digits = String(Math.abs(v));
    let out = '';
    for (let i = 0; i < digits.length; i += 1) out += (i > 0 && (digits.length - i) % 3 === 0 ? ',' : '') + digits[i];
    return v < 0 ? `-${out}` : out;
  }
  return EN_US_NUMBER.format(v);
}
