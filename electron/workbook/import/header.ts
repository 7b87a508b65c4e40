// Finding the table in a sheet: which row(s) are the header, which column holds the indicator
// name, 序号, 说明, and which columns hold a year's 目标值 / 实际值. Works on the words, never on
// fixed positions, so it copes with title rows, one- or two-row headers and merged year groups.
import { toHalfWidth } from '../../../shared/domain/parse-number';
import type { MergeRange, NeutralSheet } from './model';
import { getCell } from './model';
import { cellText } from './cell-text';
import type { ColumnIssue, NoteColumn, ValueColumn } from './column-choice';
import { chooseColumns } from './column-choice';
import type { ColumnRole, HeaderColumn } from './header-rules';
import { classifyHeader, titleNamesOtherPeriod, yearIn } from './header-rules';

export interface TableLayout {
  sheet: NeutralSheet;
  headerTop: number;
  headerBottom: number;
  nameCol: number;
  codeCol: number | null;
  unitCol: number | null;
  /**
   * Every note column, left to right (说明 and 备注 side by side are both read: a row's texts in
   * them are joined, so a note written in the second is never dropped).
   */
  noteCols: NoteColumn[];
  idCol: number | null;
  valueCols: ValueColumn[];
  /** True when some column claims an actual, even one left unread as ambiguous: the file is a return, not a plan. */
  claimsActual: boolean;
  /** Choices made among columns claiming the same year and role, to report with the table. */
  columnIssues: ColumnIssue[];
  /** The year of a note column whose header names none: the sheet's year when it says one; else the book's reporting year (null). */
  noteYear: number | null;
  /** A single year named by the sheet name or the title rows above the header (e.g. "2024年度"). */
  sheetYear: number | null;
}

/** How far down a sheet a header may start (title rows, 填报单位 lines, legends …). */
const MAX_HEADER_ROW = 40;

/** The merges touching rows [top, bottom], so header lookups never scan every merge of a big sheet. */
function mergesIn(sheet: NeutralSheet, top: number, bottom: number): MergeRange[] {
  return sheet.merges.filter((m) => m.top <= bottom && m.bottom >= top);
}

function mergedText(sheet: NeutralSheet, merges: MergeRange[], row: number, col: number): string {
  const own = getCell(sheet, row, col);
  if (own && own.value !== null) return cellText(own);
  for (const m of merges) if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return cellText(getCell(sheet, m.top, m.left));
  return '';
}

function headerTextOf(sheet: NeutralSheet, merges: MergeRange[], top: number, bottom: number, col: number): string {
  const parts: string[] = [];
  for (let r = top; r <= bottom; r++) {
    const t = mergedText(sheet, merges, r, col);
    if (t && parts[parts.length - 1] !== t) parts.push(t);
  }
  return parts.join(' ');
}

/** Whether a row reads like the second row of a header (目标值/实际值 under years, or years under 目标/实际). */
function rowHasRoleWords(sheet: NeutralSheet, row: number): boolean {
  const cells = sheet.rows.get(row);
  if (!cells) return false;
  for (const c of cells.values()) {
    if (typeof c.value !== 'string') continue;
    const role = classifyHeader(c.value);
    if (role === 'target' || role === 'actual' || role === 'completion' || role === 'note' || role === 'situation' || role === 'cumulative' || role === 'other-period' || role === 'year-only') return true;
  }
  return false;
}

/** A year written as a year ("2025年", "2025年度"), not as the start of a date ("2026年1月8日"). */
const YEAR_NOT_DATE = /((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/g;

/**
 * The single year a sheet is about: its name's, when the name names one year and no date
 * ("2025年度", not "2026年1月报送" or "2024-2025"); else the one year the title rows name, dates
 * (填报日期：2026年1月8日) left out; else null.
 */
function sheetYearOf(sheet: NeutralSheet, headerTop: number): number | null {
  const name = toHalfWidth(sheet.name);
  const inName = name.match(/(?:19|20)\d{2}/g) ?? [];
  if (inName.length === 1 && !/\d\s*月/.test(name)) return Number(inName[0]);
  const years = new Set<number>();
  for (let r = 1; r < headerTop; r++) {
    for (const c of sheet.rows.get(r)?.values() ?? []) {
      if (typeof c.value !== 'string') continue;
      for (const m of toHalfWidth(c.value).matchAll(YEAR_NOT_DATE)) years.add(Number(m[1]));
    }
  }
  return years.size === 1 ? ([...years][0] as number) : null;
}

/**
 * The sheet's name, or else the first title line above the header, when it names part of a year
 * (titleNamesOtherPeriod: a sheet named "1-11月", a title "2025年1-11月…情况表"), as written; else null.
 */
function titlePeriodOf(sheet: NeutralSheet, headerTop: number): string | null {
  if (titleNamesOtherPeriod(sheet.name)) return sheet.name.trim();
  for (let r = 1; r < headerTop; r++)
    for (const c of sheet.rows.get(r)?.values() ?? []) if (typeof c.value === 'string' && titleNamesOtherPeriod(c.value)) return c.value.trim();
  return null;
}

function layoutFor(sheet: NeutralSheet, top: number, bottom: number): TableLayout | null {
  const merges = mergesIn(sheet, top, bottom);
  let width = 0;
  for (let r = top; r <= bottom; r++) for (const c of sheet.rows.get(r)?.keys() ?? []) width = Math.max(width, c);
  for (const m of merges) width = Math.max(width, m.right);

  const roles: HeaderColumn[] = [];
  for (let col = 1; col <= width; col++) {
    const text = headerTextOf(sheet, merges, top, bottom, col);
    roles.push({ col, role: classifyHeader(text), year: yearIn(text), text });
  }
  const first = (role: ColumnRole) => roles.find((r) => r.role === role)?.col ?? null;
  const nameCol = first('name');
  if (nameCol === null) return null;

  const sheetYear = sheetYearOf(sheet, top);
  const { valueCols, noteCols, claimsActual, columnIssues } = chooseColumns(sheet, bottom, roles, { sheetYear, titlePeriod: titlePeriodOf(sheet, top) });
  if (valueCols.length === 0 && columnIssues.length === 0) return null;
  return {
    sheet,
    headerTop: top,
    headerBottom: bottom,
    nameCol,
    codeCol: first('code'),
    unitCol: first('unit'),
    noteCols,
    idCol: first('id'),
    valueCols,
    claimsActual,
    columnIssues,
    noteYear: sheetYear,
    sheetYear,
  };
}

/** The header must be at `top` (the template) or is searched for from the top of the sheet. */
export function findTable(sheet: NeutralSheet, at?: { top: number; bottom: number }): TableLayout | null {
  if (at) return layoutFor(sheet, at.top, at.bottom);
  const last = Math.min(sheet.maxRow, MAX_HEADER_ROW);
  for (let r = 1; r <= last; r++) {
    const cells = sheet.rows.get(r);
    if (!cells) continue;
    let hasName = false;
    for (const c of cells.values()) if (typeof c.value === 'string' && classifyHeader(c.value) === 'name') hasName = true;
    if (!hasName) continue;
    // Two-row header: the row below carries 目标值/实际值/… under merged year groups.
    if (rowHasRoleWords(sheet, r + 1)) {
      const two = layoutFor(sheet, r, r + 1);
      if (two) return two;
    }
    const one = layoutFor(sheet, r, r);
    if (one) return one;
  }
  return null;
}
