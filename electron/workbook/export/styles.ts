// Look of the exported workbook: colours (the same meaning as the app's grid), fonts, borders and
// number formats. cellStyle() hands out ONE frozen object per distinct look: ExcelJS keeps a
// reference to the style a cell is given and recognises a style it has seen by that reference, so a
// shared object spares it serialising a fresh one per cell (a quarter of a 10,000-row export's
// time). Frozen, so a change meant for one cell cannot leak into the others: set a whole new style.
import type { Alignment, Borders, Fill, Font, Style } from 'exceljs';
import type { IndicatorKind } from '../../../shared/domain/plan';
import { deepFreeze } from '../../../shared/deep-freeze';

export const FONT_NAME = '宋体';

/** ARGB colours. Status colours follow Excel's own good / bad / neutral cell styles. */
export const COLOR = {
  metFill: 'FFC6EFCE',
  metFont: 'FF006100',
  missedFill: 'FFFFC7CE',
  missedFont: 'FF9C0006',
  nearFill: 'FFFFEB9C',
  nearFont: 'FF9C5700',
  /** Cells the clerk may edit: the reporting year's 实际值 and 说明. */
  editableFill: 'FFDDEBF7',
  headerFill: 'FFF2F2F2',
  border: 'FFA6A6A6',
} as const;

export function solidFill(argb: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } };
}

export function thinBorders(): Partial<Borders> {
  const side = () => ({ style: 'thin' as const, color: { argb: COLOR.border } });
  return { top: side(), left: side(), bottom: side(), right: side() };
}

export function font(extra: Partial<Font> = {}): Partial<Font> {
  return { name: FONT_NAME, size: 10, ...extra };
}

/** Number format of a target / actual: counts get thousands separators, rates show as typed. */
export function valueNumFmt(kind: IndicatorKind): string {
  return kind === 'rate' ? 'General' : '#,##0';
}

export const COMPLETION_NUMFMT = '0.0%';

interface CellStyleOptions {
  bold?: boolean;
  size?: number;
  fill?: string;
  horizontal?: Alignment['horizontal'];
  wrap?: boolean;
  numFmt?: string;
  locked?: boolean;
  border?: boolean;
  color?: string;
}

const styleCache = new Map<string, Partial<Style>>();

/** The (shared, frozen) style of a cell with these options; the same options give the same object. */
export function cellStyle(o: CellStyleOptions = {}): Partial<Style> {
  const key = JSON.stringify([o.bold, o.size, o.fill, o.horizontal, o.wrap, o.numFmt, o.locked, o.border, o.color]);
  let style = styleCache.get(key);
  if (!style) {
    style = deepFreeze(freshCellStyle(o));
    styleCache.set(key, style);
  }
  return style;
}

function freshCellStyle(o: CellStyleOptions): Partial<Style> {
  const style: Partial<Style> = {
    font: font({ bold: o.bold ?? false, size: o.size ?? 10, ...(o.color ? { color: { argb: o.color } } : {}) }),
    alignment: { vertical: 'middle', horizontal: o.horizontal ?? 'left', wrapText: o.wrap ?? false },
    protection: { locked: o.locked ?? true },
  };
  if (o.border ?? true) style.border = thinBorders();
  if (o.fill) style.fill = solidFill(o.fill);
  if (o.numFmt) style.numFmt = o.numFmt;
  return style;
}

/** Differential style of a conditional-format rule: fill plus a darker text colour of the same hue. */
export function statusDxf(fillArgb: string, fontArgb: string): Partial<Style> {
  return { fill: solidFill(fillArgb), font: { color: { argb: fontArgb } } };
}
