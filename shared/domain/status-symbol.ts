// The second cue of a status, besides its colour (docs/ARCHITECTURE.md §Status without colour): a
// symbol that survives colour blindness and black-and-white printing. One table for the grid's
// 实际值 cells, the legend, and the exported workbook's 完成率 cells (status-excel.ts). The
// symbols are the ones Chinese office forms print (√ ×), all in GB2312, so 宋体 prints them.
import type { CellStatus } from './status';

/**
 * The symbol shown with each status. "pending" (the year is not over yet) has none on purpose:
 * an empty, plain cell is its cue, as it needs no action.
 */
export const STATUS_SYMBOL: Readonly<Record<CellStatus, string>> = {
  met: '√',
  missed: '×',
  near: '≈',
  'no-target': '/',
  'not-reported': '?',
  pending: '',
};

/** The symbol of a status ("" for pending). */
export function statusSymbol(status: CellStatus): string {
  return STATUS_SYMBOL[status];
}
