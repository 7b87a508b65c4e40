// The neutral cell grid both readers (ExcelJS for .xlsx, SheetJS for .xls) fill and the interpreter
// reads. It keeps what a clerk's file says — values, cached formula results, number formats,
// merges, what is hidden — and nothing about how it was stored.
import type { WorkbookFormat } from '../../../shared/domain/workbook-file';

export type CellValue = number | string | boolean | null;
export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface NeutralCell {
  /** 1-based. */
  row: number;
  /** 1-based. */
  col: number;
  /** A1 address on its sheet, e.g. "H9". */
  address: string;
  /** The value as stored; for a formula, its cached result (never evaluated here). */
  value: CellValue;
  /** The formula text when the cell holds one (without "="), else null. */
  formula: string | null;
  /**
   * True for a formula whose file holds no cached result (a program wrote it and no spreadsheet
   * ever calculated it): `value` is then null, but the cell is not empty — the importer says so.
   */
  uncalculated?: boolean;
  /**
   * For a number cell whose stored text is no figure (stored-cells.ts storedNumber: "1,6", "0x6",
   * "INF"): that text as the file holds it, for the clerk's message; `value` is then NaN.
   */
  storedText?: string;
  /** True for an error value (#DIV/0! …): `value` then holds the error text. */
  isError: boolean;
  /** The number format string ("0.0%", "General" …), null when none. */
  numFmt: string | null;
  /** The number format scales by 100 (a % outside quotes), so 0.875 shows as 87.5%. */
  percent: boolean;
}

/**
 * Which cells a reader keeps. 'whole': every cell that holds anything, formulas included (a copy
 * of the sheet: the annotated reply rebuilt from it). 'values': the importer's reading — a
 * calculated formula whose cached result shows nothing (a template's 完成率 cell before the
 * actual is typed) is left out, as it reads as an empty cell anyway; a formula never calculated
 * is kept, because the importer says so. Only the fast .xlsx reader saves anything by it; the
 * other readers keep every cell.
 */
export type ReadCells = 'whole' | 'values';

/** A merged range, 1-based and inclusive. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface NeutralSheet {
  name: string;
  state: SheetState;
  /**
   * Cells by row, then by column; only cells that hold something (or a format worth keeping).
   * Read-only: a reader fills a WritableSheet's Maps (putCell), or keeps the cells compactly and
   * builds a row's Map when it is asked for (compact-rows.ts) — so a row's cell objects need not
   * be the same from one call to the next.
   */
  rows: ReadonlyMap<number, ReadonlyMap<number, NeutralCell>>;
  merges: MergeRange[];
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  /** Highest row / column number holding a cell (0 when empty). */
  maxRow: number;
  maxCol: number;
  /**
   * References of cells the file places outside Excel's grid (past column XFD or row 1,048,576),
   * as written: no spreadsheet can show them, so they are not in `rows`; the importer warns.
   */
  outsideGrid: string[];
}

export interface NeutralWorkbook {
  format: WorkbookFormat;
  sheets: NeutralSheet[];
  /**
   * .xls only, when its 8-bit text may be GBK though the file does not declare it (xls-code-page.ts):
   * the same sheets read as GBK, the BIFF version, the declared code page (null = none) and the one
   * `sheets` were decoded with. Interpretation keeps the reading whose names match the plan.
   */
  gbkReading?: { sheets: NeutralSheet[]; biff: 5 | 8; declared: number | null; used: number };
}

/** Spreadsheet column letters for a 1-based column: 1 → A, 27 → AA. The one A1 helper (import and export). */
export function columnLetters(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** Column number of an A1 address ("AB12" → 28); 0 when it does not start with letters. */
export function columnOf(address: string): number {
  let col = 0;
  for (let i = 0; i < address.length; i++) {
    const c = address.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36) break; // "$"
  }
  return col;
}

/** "B3" → {row: 3, col: 2}; null for anything else. */
export function parseAddress(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(address.trim().toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** "A1:C4" (or a single "B2") → a range; null when malformed. */
export function parseRange(ref: string): MergeRange | null {
  const [a, b = a] = ref.split(':');
  const start = a === undefined ? null : parseAddress(a);
  const end = b === undefined ? null : parseAddress(b);
  if (!start || !end) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

/**
 * Whether a number format multiplies by 100: a "%" outside quoted text, backslash escapes and
 * [bracketed] sections. `0.0"%"` (a literal percent sign after a number in percent units) is not.
 */
export function isPercentFormat(numFmt: string | null | undefined): boolean {
  if (!numFmt || !numFmt.includes('%')) return false;
  const bare = numFmt.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return bare.includes('%');
}

/** A sheet whose reader fills its rows cell by cell with putCell. */
export interface WritableSheet extends NeutralSheet {
  rows: Map<number, Map<number, NeutralCell>>;
}

export function newSheet(name: string, state: SheetState): WritableSheet {
  return { name, state, rows: new Map(), merges: [], hiddenRows: new Set(), hiddenCols: new Set(), maxRow: 0, maxCol: 0, outsideGrid: [] };
}

/** Put a cell in its row (a second cell at the same address replaces the first, in its place). */
export function putCell(sheet: WritableSheet, cell: NeutralCell): void {
  let row = sheet.rows.get(cell.row);
  if (!row) {
    row = new Map();
    sheet.rows.set(cell.row, row);
  }
  row.set(cell.col, cell);
  if (cell.row > sheet.maxRow) sheet.maxRow = cell.row;
  if (cell.col > sheet.maxCol) sheet.maxCol = cell.col;
}

export function getCell(sheet: NeutralSheet, row: number, col: number): NeutralCell | undefined {
  return sheet.rows.get(row)?.get(col);
}
