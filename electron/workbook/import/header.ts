// Finding the table in a sheet: which row(s) are the header, which column holds the indicator
// name, 序号, 说明, and which columns hold a year's 目标值 / 实际值. Works on the words, never on
// fixed positions, so it copes with title rows, one- or two-row headers and merged year groups.
import { parseNumberInput, toHalfWidth } from '../../../shared/domain/parse-number';
import type { AppMessage } from '../../../shared/i18n/engine';
import type { MergeRange, NeutralCell, NeutralSheet } from './model';
import { columnLetters, getCell } from './model';
import { importMessage } from './import-messages';

export type ValueRole = 'target' | 'actual';
export interface ValueColumn {
  col: number;
  year: number;
  role: ValueRole;
}

/** A 说明/备注 column; `year` when its header names one ("2025年说明"), else null (the table's noteYear); `header` as written. */
export interface NoteColumn {
  col: number;
  year: number | null;
  header: string;
}

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

export type ColumnRole = 'name' | 'code' | 'unit' | 'domain' | 'note' | 'other-period' | 'situation' | 'id' | 'completion' | ValueRole | 'year-only' | null;

const YEAR = /((?:19|20)\d{2})\s*年?度?/;
/** Every year in a header text (replace() resets lastIndex, so one shared instance is safe). */
const YEARS = new RegExp(YEAR.source, 'g');

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

/**
 * The header rules, in the order they are tried; the first that matches a column's header text
 * gives its role. `on` says what the pattern sees: `rest` = the text without spaces, half-width, its
 * years removed; `word` = that rest without bracketed remarks and colons (指标名称（单位） → 指标名称).
 * `needsYear`: the rule applies only when the text names a year. One table, one test per entry
 * (tests/electron/workbook/import-header-rules.test.ts).
 */
export interface HeaderRule {
  role: Exclude<ColumnRole, null>;
  on: 'rest' | 'word';
  pattern: RegExp;
  needsYear?: boolean;
  /** Why the rule sits where it does. */
  why: string;
}

export const HEADER_RULES: readonly HeaderRule[] = [
  { role: 'id', on: 'rest', pattern: /指标ID/i, why: "the app template's hidden indicator-id column" },
  {
    role: 'note',
    on: 'word',
    pattern: /说明|备注|原因/,
    why: 'a remark, even when it also says 完成 or 实际 (未完成原因说明): before target/actual; not a bracketed remark on another header (2025年实际值（未完成的请说明原因）)',
  },
  {
    role: 'other-period',
    on: 'rest',
    pattern: /上半年|下半年|[一二三四1-4]季度|\d+[-~～—–至]\d+月|上年|去年|同期|预计|预测/,
    why: 'another period\'s figures (上半年实际值, 1-11月完成, 上年实际值, 预计完成值): not the year\'s target or actual, so never competing with it',
  },
  {
    role: 'situation',
    on: 'rest',
    pattern: /情况|进展/,
    why: '完成情况 / 实际完成情况: the narrative beside a 实际值 column of the same year (then a note), else the figures themselves (then the actual)',
  },
  { role: 'completion', on: 'rest', pattern: /完成率|完成比例|完成进度|达成率/, why: 'a computed ratio, not a figure: before actual (完成)' },
  { role: 'target', on: 'rest', pattern: /目标|计划/, why: '目标值, 规划目标, 计划数' },
  { role: 'actual', on: 'rest', pattern: /实际|完成/, why: '实际值, 完成值, 实际完成' },
  { role: 'year-only', on: 'word', pattern: /^$/, needsYear: true, why: 'a bare year ("2025年") under or over a role word, or a table of targets' },
  { role: 'code', on: 'word', pattern: /^(序号|编号|序)$|^no\.?$/i, why: '序号 column' },
  { role: 'domain', on: 'word', pattern: /^(领域|类别|分类|领域类别)$/, why: '领域 column' },
  { role: 'unit', on: 'word', pattern: /^(计量)?单位$/, why: '单位 column' },
  { role: 'name', on: 'word', pattern: /^(主要)?指标(名称|内容|项目)?$|^(指标)?名称$|^项目$/, why: 'the indicator name column' },
];

/** A header text's role by HEADER_RULES; null when no rule matches. */
export function classifyHeader(text: string): ColumnRole {
  const t = squash(text);
  if (t === '') return null;
  const rest = t.replace(YEARS, '');
  const hasYear = rest !== t;
  const word = rest.replace(/\([^()]*\)/g, '').replace(/[:：]/g, '');
  for (const rule of HEADER_RULES) {
    if (rule.needsYear && !hasYear) continue;
    if (rule.pattern.test(rule.on === 'rest' ? rest : word)) return rule.role;
  }
  return null;
}

const classify = classifyHeader;

/** A problem with the header's columns, for the interpreter to report (cell "F:F" or "F:F,G:G"). */
export interface ColumnIssue {
  severity: 'warning' | 'error';
  cell: string;
  message: AppMessage;
}

/** How a header names a year's role, for messages that quote it (2025年实际值). */
const ROLE_WORDS: Record<ValueRole, string> = { target: '目标值', actual: '实际值' };

/** A value column's year and role in the header's words: "2025年实际值". */
export function claimName(c: { year: number; role: ValueRole }): string {
  return `${c.year}年${ROLE_WORDS[c.role]}`;
}
const wholeColumn = (col: number) => `${columnLetters(col)}:${columnLetters(col)}`;

/** A value column with its header text as the clerk wrote it, for messages that quote it. */
interface Candidate extends ValueColumn {
  header: string;
}

/** "F, G" when the columns' headers read the same; else each with its own words: "F: 2025年实际值; H: 完成情况". */
function namedColumns(cols: Candidate[]): string {
  const same = cols.every((c) => c.header === cols[0]?.header);
  return same ? cols.map((c) => columnLetters(c.col)).join(', ') : cols.map((c) => `${columnLetters(c.col)}: ${c.header}`).join('; ');
}

/**
 * What a column holds in the data rows (below the header), by row: each cell's text, leaving out
 * blanks and — for an actual — the no-figure marks ("/", "-", "——"), which are no figure to compete with.
 */
function columnFigures(sheet: NeutralSheet, headerBottom: number, col: number, role: ValueRole): Map<number, string> {
  const out = new Map<number, string>();
  for (const [r, cells] of sheet.rows) {
    if (r <= headerBottom) continue;
    const text = cellText(cells.get(col));
    if (text === '') continue;
    if (role === 'actual') {
      const parsed = parseNumberInput(text);
      if (parsed.ok && parsed.kind !== 'number') continue;
    }
    out.set(r, text);
  }
  return out;
}

const sameFigures = (a: Map<number, string>, b: Map<number, string>) => a.size === b.size && [...a].every(([r, t]) => b.get(r) === t);

/**
 * One column per year and role, never chosen silently (rows and sheets follow the same rule,
 * interpret.ts mergeRepeatedIndicators). When several columns claim the same year and role, the
 * ones holding figures compete — the visible ones, or the hidden ones when no visible one holds
 * any. Columns holding the same figures row for row are no choice. One left: it is read, and every
 * other column is named (a hidden draft as superseded, an empty one as unused). Two or more with
 * different figures: none is read, and the error names them all with their header words.
 */
function chooseValueColumns(sheet: NeutralSheet, headerBottom: number, groups: Candidate[][]): { valueCols: ValueColumn[]; columnIssues: ColumnIssue[] } {
  const valueCols: ValueColumn[] = [];
  const columnIssues: ColumnIssue[] = [];
  const isHidden = (c: Candidate) => sheet.hiddenCols.has(c.col);
  for (const group of groups) {
    const first = group[0] as Candidate;
    const keep = ({ col, year, role }: Candidate): ValueColumn => ({ col, year, role });
    if (group.length === 1) {
      valueCols.push(keep(first));
      continue;
    }
    const figures = new Map(group.map((c) => [c, columnFigures(sheet, headerBottom, c.col, c.role)]));
    const figuresOf = (c: Candidate) => figures.get(c) as Map<number, string>;
    const filled = group.filter((c) => figuresOf(c).size > 0);
    const visibleFilled = filled.filter((c) => !isHidden(c));
    const competing = visibleFilled.length > 0 ? visibleFilled : filled;
    const distinct = competing.filter((c, i) => !competing.slice(0, i).some((d) => sameFigures(figuresOf(d), figuresOf(c))));
    const header = claimName(first);
    if (distinct.length >= 2) {
      columnIssues.push({
        severity: 'error',
        cell: competing.map((c) => wholeColumn(c.col)).join(','),
        message: importMessage(competing.every(isHidden) ? 'import.ambiguous-hidden-columns' : 'import.ambiguous-columns', { header, columns: namedColumns(competing) }),
      });
      continue;
    }
    const used = competing[0] ?? group.find((c) => !isHidden(c)) ?? first;
    valueCols.push(keep(used));
    for (const c of group) {
      if (c === used || (figuresOf(c).size > 0 && sameFigures(figuresOf(c), figuresOf(used)))) continue;
      const params = { header, used: columnLetters(used.col), hidden: columnLetters(c.col), otherHeader: c.header };
      const key = figuresOf(c).size === 0 ? 'import.unused-empty-column' : 'import.superseded-column';
      columnIssues.push({ severity: 'warning', cell: wholeColumn(c.col), message: importMessage(key, params) });
    }
  }
  valueCols.sort((a, b) => a.col - b.col);
  return { valueCols, columnIssues };
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
    if (role === 'target' || role === 'actual' || role === 'completion' || role === 'note' || role === 'situation' || role === 'other-period' || role === 'year-only') return true;
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
 * The note columns read: all of them (说明 and 备注 side by side are joined per row), but a hidden
 * one only when no visible note column has its year — else it is a draft, named as one (as for values).
 */
function chooseNoteColumns(
  sheet: NeutralSheet,
  roles: { col: number; role: ColumnRole; year: number | null; text: string }[],
  sheetYear: number | null,
  issues: ColumnIssue[],
): NoteColumn[] {
  const notes = roles.filter((r) => r.role === 'note');
  const out: NoteColumn[] = [];
  for (const r of notes) {
    const year = r.year ?? sheetYear;
    const visible = notes.find((o) => (o.year ?? sheetYear) === year && !sheet.hiddenCols.has(o.col));
    if (visible && sheet.hiddenCols.has(r.col)) {
      const params = { header: r.text, used: columnLetters(visible.col), hidden: columnLetters(r.col), otherHeader: r.text };
      issues.push({ severity: 'warning', cell: wholeColumn(r.col), message: importMessage('import.superseded-column', params) });
      continue;
    }
    out.push({ col: r.col, year: r.year, header: r.text });
  }
  return out;
}

/** How many data cells of a column read as a figure, and how many as words (blanks and marks count for neither). */
function countFigures(sheet: NeutralSheet, headerBottom: number, col: number): { figures: number; words: number } {
  let figures = 0;
  let words = 0;
  for (const [r, cells] of sheet.rows) {
    if (r <= headerBottom) continue;
    const cell = cells.get(col);
    if (typeof cell?.value === 'number') figures++;
    else if (typeof cell?.value === 'string') {
      const parsed = parseNumberInput(cell.value);
      if (parsed.ok && parsed.kind === 'number') figures++;
      else if (!parsed.ok) words++;
    }
  }
  return { figures, words };
}

function layoutFor(sheet: NeutralSheet, top: number, bottom: number): TableLayout | null {
  const merges = mergesIn(sheet, top, bottom);
  let width = 0;
  for (let r = top; r <= bottom; r++) for (const c of sheet.rows.get(r)?.keys() ?? []) width = Math.max(width, c);
  for (const m of merges) width = Math.max(width, m.right);

  const roles: { col: number; role: ColumnRole; year: number | null; text: string }[] = [];
  for (let col = 1; col <= width; col++) {
    const text = headerTextOf(sheet, merges, top, bottom, col);
    roles.push({ col, role: classify(text), year: yearIn(text), text });
  }
  const first = (role: ColumnRole) => roles.find((r) => r.role === role)?.col ?? null;
  const nameCol = first('name');
  if (nameCol === null) return null;

  const sheetYear = sheetYearOf(sheet, top);
  // 完成情况 holding mostly figures is an actual column (it then competes with any 实际值 of its
  // year); holding words, it is the narrative (a note). Empty, it is a note beside a 实际值 column
  // and the actual alone.
  const actualYears = new Set(roles.filter((r) => r.role === 'actual').map((r) => r.year ?? sheetYear));
  for (const r of roles) {
    if (r.role !== 'situation') continue;
    const { figures, words } = countFigures(sheet, bottom, r.col);
    const besideActual = actualYears.has(r.year ?? sheetYear) || (r.year === null && actualYears.size > 0);
    r.role = figures > words || (figures === 0 && words === 0 && !besideActual) ? 'actual' : 'note';
  }
  const anyRole = roles.some((r) => r.role === 'target' || r.role === 'actual');
  const candidates = new Map<string, Candidate[]>();
  for (const r of roles) {
    // A header of bare years ("2023年 | 2024年 …") with no 目标/实际 anywhere is a table of targets.
    const role: ValueRole | null = r.role === 'target' || r.role === 'actual' ? r.role : r.role === 'year-only' && !anyRole ? 'target' : null;
    if (!role) continue;
    const year = r.year ?? sheetYear;
    if (year === null) continue;
    const key = `${year}:${role}`;
    candidates.set(key, [...(candidates.get(key) ?? []), { col: r.col, year, role, header: r.text }]);
  }
  const { valueCols, columnIssues } = chooseValueColumns(sheet, bottom, [...candidates.values()]);
  const claimsActual = [...candidates.values()].some((g) => g[0]?.role === 'actual');
  if (valueCols.length === 0 && columnIssues.length === 0) return null;
  return {
    sheet,
    headerTop: top,
    headerBottom: bottom,
    nameCol,
    codeCol: first('code'),
    unitCol: first('unit'),
    noteCols: chooseNoteColumns(sheet, roles, sheetYear, columnIssues),
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
