// Finding the table in a sheet: which row(s) are the header, which column holds the indicator
// name, 序号, 说明, and which columns hold a year's 目标值 / 实际值. Works on the words, never on
// fixed positions, so it copes with title rows, one- or two-row headers and merged year groups.
import { toHalfWidth } from '../../../shared/domain/parse-number';
import type { MergeRange, NeutralCell, NeutralSheet } from './model';
import { getCell } from './model';

export type ValueRole = 'target' | 'actual';
export interface ValueColumn {
  col: number;
  year: number;
  role: ValueRole;
}

export interface TableLayout {
  sheet: NeutralSheet;
  headerTop: number;
  headerBottom: number;
  nameCol: number;
  codeCol: number | null;
  unitCol: number | null;
  noteCol: number | null;
  idCol: number | null;
  valueCols: ValueColumn[];
  /** The year a 说明 column belongs to when the header or the sheet says so; else the book's reporting year. */
  noteYear: number | null;
  /** A single year named by the sheet name or the title rows above the header (e.g. "2024年度"). */
  sheetYear: number | null;
}

/** How far down a sheet a header may start (title rows, 填报单位 lines, legends …). */
const MAX_HEADER_ROW = 40;

type ColumnRole = 'name' | 'code' | 'unit' | 'domain' | 'note' | 'id' | 'completion' | ValueRole | 'year-only' | null;

const YEAR = /((?:19|20)\d{2})\s*年?度?/;

export function cellText(cell: NeutralCell | undefined): string {
  if (!cell || cell.value === null) return '';
  if (typeof cell.value === 'string') return cell.value.trim();
  return String(cell.value);
}

/**
 * A note cell's text exactly as written (a note's own leading/trailing spaces and line breaks are
 * part of it, so re-importing an export shows no change); CRLF becomes LF as when typed in the
 * grid; a blank or whitespace-only cell is ''.
 */
export function noteText(cell: NeutralCell | undefined): string {
  if (!cell || typeof cell.value !== 'string') return cellText(cell);
  return cell.value.trim() === '' ? '' : cell.value.replace(/\r\n?/g, '\n');
}

/** Header words compared without spaces and in half-width. */
function squash(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '');
}

export function yearIn(text: string): number | null {
  const m = YEAR.exec(toHalfWidth(text));
  return m ? Number(m[1]) : null;
}

function classify(text: string): ColumnRole {
  const t = squash(text);
  if (t === '') return null;
  if (/指标ID/i.test(t)) return 'id';
  const rest = t.replace(new RegExp(YEAR.source, 'g'), '');
  const hasYear = rest !== t;
  if (/完成率|完成比例|完成进度|达成率/.test(rest)) return 'completion';
  if (/目标|计划/.test(rest)) return 'target';
  if (/实际|完成/.test(rest)) return 'actual';
  if (/说明|备注/.test(rest)) return 'note';
  // Header words may carry a bracketed remark: 指标名称（单位）, 序号(编号) …
  const word = rest.replace(/\([^()]*\)/g, '').replace(/[:：]/g, '');
  if (hasYear && word === '') return 'year-only';
  if (/^(序号|编号|序)$/.test(word) || /^no\.?$/i.test(word)) return 'code';
  if (/^(领域|类别|分类|领域类别)$/.test(word)) return 'domain';
  if (/^(计量)?单位$/.test(word)) return 'unit';
  if (/^(主要)?指标(名称|内容|项目)?$|^(指标)?名称$|^项目$/.test(word)) return 'name';
  return null;
}

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
    const role = classify(c.value);
    if (role === 'target' || role === 'actual' || role === 'completion' || role === 'note' || role === 'year-only') return true;
  }
  return false;
}

function sheetYearOf(sheet: NeutralSheet, headerTop: number): number | null {
  const fromName = yearIn(sheet.name);
  if (fromName !== null) return fromName;
  const years = new Set<number>();
  for (let r = 1; r < headerTop; r++) {
    for (const c of sheet.rows.get(r)?.values() ?? []) {
      if (typeof c.value !== 'string') continue;
      for (const m of toHalfWidth(c.value).matchAll(/((?:19|20)\d{2})\s*年/g)) years.add(Number(m[1]));
    }
  }
  return years.size === 1 ? ([...years][0] as number) : null;
}

function layoutFor(sheet: NeutralSheet, top: number, bottom: number): TableLayout | null {
  const merges = mergesIn(sheet, top, bottom);
  let width = 0;
  for (let r = top; r <= bottom; r++) for (const c of sheet.rows.get(r)?.keys() ?? []) width = Math.max(width, c);
  for (const m of merges) width = Math.max(width, m.right);

  const roles: { col: number; role: ColumnRole; year: number | null }[] = [];
  for (let col = 1; col <= width; col++) {
    const text = headerTextOf(sheet, merges, top, bottom, col);
    roles.push({ col, role: classify(text), year: yearIn(text) });
  }
  const first = (role: ColumnRole) => roles.find((r) => r.role === role)?.col ?? null;
  const nameCol = first('name');
  if (nameCol === null) return null;

  const sheetYear = sheetYearOf(sheet, top);
  const anyRole = roles.some((r) => r.role === 'target' || r.role === 'actual');
  const valueCols: ValueColumn[] = [];
  const seen = new Set<string>();
  for (const r of roles) {
    // A header of bare years ("2023年 | 2024年 …") with no 目标/实际 anywhere is a table of targets.
    const role: ValueRole | null = r.role === 'target' || r.role === 'actual' ? r.role : r.role === 'year-only' && !anyRole ? 'target' : null;
    if (!role) continue;
    const year = r.year ?? sheetYear;
    if (year === null) continue;
    const key = `${year}:${role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    valueCols.push({ col: r.col, year, role });
  }
  if (valueCols.length === 0) return null;
  const noteCol = first('note');
  const noteHeaderYear = noteCol === null ? null : (roles.find((r) => r.col === noteCol)?.year ?? null);
  return {
    sheet,
    headerTop: top,
    headerBottom: bottom,
    nameCol,
    codeCol: first('code'),
    unitCol: first('unit'),
    noteCol,
    idCol: first('id'),
    valueCols,
    noteYear: noteHeaderYear ?? sheetYear,
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
    for (const c of cells.values()) if (typeof c.value === 'string' && classify(c.value) === 'name') hasName = true;
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
