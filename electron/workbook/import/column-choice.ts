// Which columns of a found header are read: one column per year and role, the note columns, and
// every choice among them reported — never made silently (docs/ARCHITECTURE.md "No silent choices").
import { parseNumberInput } from '../../../shared/domain/parse-number';
import type { AppMessage } from '../../../shared/i18n/engine';
import type { NeutralSheet } from './model';
import { columnLetters } from './model';
import { cellText, figureOrWords } from './cell-text';
import type { HeaderColumn, ValueRole } from './header-rules';
import { claimName } from './header-rules';
import { importMessage } from './import-messages';

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

/** A problem with the header's columns, for the interpreter to report (cell "F:F" or "F:F,G:G"). */
export interface ColumnIssue {
  severity: 'warning' | 'error';
  cell: string;
  message: AppMessage;
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
 * repeated-rows.ts mergeRepeatedIndicators). When several columns claim the same year and role, the
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

/**
 * The note columns read: all of them (说明 and 备注 side by side are joined per row), but a hidden
 * one only when no visible note column has its year — else it is a draft, named as one (as for values).
 */
function chooseNoteColumns(
  sheet: NeutralSheet,
  roles: HeaderColumn[],
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
  const counts = { figures: 0, words: 0 };
  for (const [r, cells] of sheet.rows) {
    if (r <= headerBottom) continue;
    const kind = figureOrWords(cells.get(col));
    if (kind === 'figure') counts.figures++;
    else if (kind === 'words') counts.words++;
  }
  return counts;
}

/** The columns read from a header, and what was said about the others. */
export interface ColumnChoice {
  valueCols: ValueColumn[];
  noteCols: NoteColumn[];
  /** True when some column claims an actual, even one left unread: the file is a return, not a plan. */
  claimsActual: boolean;
  columnIssues: ColumnIssue[];
}

/** What the sheet says above the header that bears on its columns. */
export interface SheetContext {
  /** The year of a column whose header names none: the sheet's name or title; else null. */
  sheetYear: number | null;
  /** A title line saying the figures are of part of a year ("2025年1-11月…情况表"); else null. */
  titlePeriod: string | null;
}

/**
 * Settles the roles HEADER_RULES leaves to the data, then chooses the columns read.
 * - 完成情况 (`situation`) holding only figures is an actual column (competing with any 实际值 of
 *   its year); holding mostly figures among words, it is the actual only when no visible 实际值
 *   column of its year holds figures; else it is the narrative, a note. Empty and alone, it is
 *   the actual column; empty beside a 实际值 column, a note.
 * - 累计 (`cumulative`) beside a 实际值 column of its year is another quantity, never competing;
 *   alone, it is the year's actual.
 * - Under a title naming part of a year, an actual column whose header names no year is of that
 *   period, not the year's.
 * Then the columns read (chooseValueColumns, chooseNoteColumns) and those said (unreadFigures).
 * Returns the chosen columns, left to right.
 */
export function chooseColumns(sheet: NeutralSheet, headerBottom: number, roles: HeaderColumn[], context: SheetContext): ColumnChoice {
  const { sheetYear } = context;
  const yearOf = (r: HeaderColumn) => r.year ?? sheetYear;
  const actualCols = roles.filter((r) => r.role === 'actual');
  // Counting reads every data row: once per column, however many rules ask.
  const counted = new Map<number, { figures: number; words: number }>();
  const countsOf = (r: HeaderColumn) => counted.get(r.col) ?? counted.set(r.col, countFigures(sheet, headerBottom, r.col)).get(r.col) as { figures: number; words: number };
  const hasFigures = (r: HeaderColumn) => countsOf(r).figures > 0;
  const besideActual = (r: HeaderColumn, filledVisible: boolean) =>
    actualCols.some((a) => (yearOf(a) === yearOf(r) || r.year === null) && (!filledVisible || (!sheet.hiddenCols.has(a.col) && hasFigures(a))));
  for (const r of roles) {
    if (r.role === 'situation') {
      const { figures, words } = countsOf(r);
      // All figures: the actuals (competing with any 实际值 of its year); figures among words beside
      // a filled 实际值: the narrative, whose figures the note reading names.
      const actual = figures === 0 ? words === 0 && !besideActual(r, false) : figures > words && (words === 0 || !besideActual(r, true));
      r.role = actual ? 'actual' : 'note';
    } else if (r.role === 'cumulative') r.role = besideActual(r, false) ? 'other-period' : 'actual';
  }
  const fromTitle = new Set<number>();
  if (context.titlePeriod !== null)
    for (const r of roles)
      if (r.role === 'actual' && r.year === null) {
        r.role = 'other-period';
        fromTitle.add(r.col);
      }
  const anyRole = roles.some((r) => r.role === 'target' || r.role === 'actual');
  const candidates = new Map<string, Candidate[]>();
  const yearless: ColumnIssue[] = [];
  for (const r of roles) {
    // A header of bare years ("2023年 | 2024年 …") with no 目标/实际 anywhere is a table of targets.
    const role: ValueRole | null = r.role === 'target' || r.role === 'actual' ? r.role : r.role === 'year-only' && !anyRole ? 'target' : null;
    const year = yearOf(r);
    if (!role) continue;
    if (year === null) {
      // 目标值 / 实际值 with no year in the header, the sheet's name or its title: not read, but said.
      if (hasFigures(r)) yearless.push({ severity: 'error', cell: wholeColumn(r.col), message: importMessage('import.column-without-year', { column: columnLetters(r.col), header: r.text, example: claimName({ year: new Date().getFullYear() - 1, role }) }) });
      continue;
    }
    const key = `${year}:${role}`;
    candidates.set(key, [...(candidates.get(key) ?? []), { col: r.col, year, role, header: r.text }]);
  }
  const { valueCols, columnIssues } = chooseValueColumns(sheet, headerBottom, [...candidates.values()]);
  const groups = [...candidates.values()].map((g) => g[0] as Candidate);
  const unread = unreadFigures(roles.filter((r) => r.role === 'other-period' || (r.role === 'year-only' && anyRole) || (r.role === null && r.year !== null)), {
    yearOf,
    hasFigures,
    actualYears: groups.filter((c) => c.role === 'actual').map((c) => c.year),
    targetYears: groups.filter((c) => c.role === 'target').map((c) => c.year),
    fromTitle,
    titlePeriod: context.titlePeriod ?? '',
  });
  columnIssues.push(...yearless, ...unread);
  // A title naming part of the year over headers that name the year: read as the year, but said.
  const titled = context.titlePeriod !== null ? valueCols.find((v) => v.role === 'actual') : undefined;
  if (titled) {
    const header = roles.find((r) => r.col === titled.col)?.text ?? '';
    columnIssues.push({ severity: 'warning', cell: wholeColumn(titled.col), message: importMessage('import.title-period-read', { title: context.titlePeriod ?? '', column: columnLetters(titled.col), header }) });
  }
  const claimsActual = unread.length > 0 || yearless.length > 0 || groups.some((c) => c.role === 'actual');
  return { valueCols, noteCols: chooseNoteColumns(sheet, roles, sheetYear, columnIssues), claimsActual, columnIssues };
}

/**
 * `columns`: those never read whose figures may need saying (ctx.hasFigures decides).
 * Columns holding figures that are never read — another period's (1-11月, 上半年, 预计 …), or
 * under a header that says neither 目标 nor 实际 (a bare "2025年" beside 2025年目标值, 2025年排名)
 * — are left alone like any column of other figures (增长率) while the table reads an actual for
 * their year. When their year's actual has no column at all, each is an error naming it: the clerk
 * may have sent part-year figures, or the actuals under a header we do not know, and the office
 * must not see an empty return (or a plan) without a word. A year outside the targets' span (a
 * base year: 2020年预计 in a 2021–2025 plan) or a forecast after a year whose actual is read
 * (2026年预计 beside 2025年实际值) is not this return's year: not named.
 */
function unreadFigures(
  columns: HeaderColumn[],
  ctx: { yearOf: (r: HeaderColumn) => number | null; hasFigures: (r: HeaderColumn) => boolean; actualYears: number[]; targetYears: number[]; fromTitle: Set<number>; titlePeriod: string },
): ColumnIssue[] {
  const { actualYears, targetYears } = ctx;
  const outsideTargets = (y: number) => targetYears.length > 0 && (y < Math.min(...targetYears) || y > Math.max(...targetYears));
  const out: ColumnIssue[] = [];
  for (const r of columns) {
    const year = ctx.yearOf(r);
    const forecastAfterActual = /预计|预测/.test(r.text) && actualYears.some((y) => year === null || y < year);
    const covered = year === null ? actualYears.length > 0 : actualYears.includes(year) || outsideTargets(year) || forecastAfterActual;
    // Figures counted last: that reads every row (a 10,000-row return has many columns).
    if (covered || !ctx.hasFigures(r)) continue;
    const params = { column: columnLetters(r.col), header: r.text, actual: year === null ? '实际值' : claimName({ year, role: 'actual' }), title: ctx.titlePeriod };
    const key = ctx.fromTitle.has(r.col) ? 'import.other-period-title' : r.role === 'other-period' ? 'import.other-period-only' : 'import.unknown-figures-column';
    out.push({ severity: 'error', cell: wholeColumn(r.col), message: importMessage(key, params) });
  }
  return out;
}
