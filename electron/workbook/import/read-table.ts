// The data rows under a table's header → one InterpretedRow each (interpret.ts runs it on both
// paths): totals, footers and section headings skipped, each row matched to an indicator by its
// hidden id or by 序号 and name (match.ts), every value cell read by the one value reader
// (read-value-cell.ts), and every doubt an issue naming its sheet and cell.
import type { Indicator, Target } from '../../../shared/domain/plan';
import { NO_TARGET } from '../../../shared/domain/plan';
import { MAX_NOTE_LENGTH } from '../../../shared/domain/note';
import type { NeutralCell } from './model';
import { columnLetters } from './model';
import type { TableLayout } from './header';
import { cellText, figureOrWords, noteText } from './cell-text';
import type { Matcher } from './match';
import { normalizeCode, normalizeName } from './match';
import { importMessage } from './import-messages';
import type { Issues } from './read-value-cell';
import { readValueCell, ref, visibleText } from './read-value-cell';

export interface InterpretedValue {
  target: Target | null;
  actual: number | null;
  note: string | null;
  /** Where each came from, like "填报表!H9"; null when the file has no such cell. */
  targetCell: string | null;
  actualCell: string | null;
  noteCell: string | null;
}

export interface InterpretedRow {
  sheet: string;
  row: number;
  code: string | null;
  name: string;
  /** The A1 address of the row's name cell on its sheet ("C18"): where a row matching no indicator is pointed at. */
  nameCell: string;
  /** Null when the row matches no indicator of the plan (kept, with a warning, never dropped). */
  indicatorId: string | null;
  /** Keyed by year, e.g. "2025". */
  values: Record<string, InterpretedValue>;
}

const TOTAL_ROW = /^(合计|总计|小计|累计合计|总合计)$/;
const FOOTER_ROW = /^(注|备注|说明|附注)[:：]|填报人|填报单位|联系电话|联系人|审核人|负责人|填报日期|制表/;

export function emptyValue(): InterpretedValue {
  return { target: null, actual: null, note: null, targetCell: null, actualCell: null, noteCell: null };
}

export interface PendingRow {
  row: InterpretedRow;
  /** 说明 text waiting for the reporting year, when the header did not name one. */
  note: { text: string; cell: string } | null;
  /** The row or its sheet is hidden: a visible row for the same indicator wins over it (repeated-rows.ts). */
  hidden: boolean;
  /** The row itself is hidden (its sheet may be visible): told "read anyway" only if a value of it is read. */
  rowHidden: boolean;
  /** "2025:actual" → the mark, for each actual this row marks as no figure ("/", "-"): a hidden row's figure does not beat that. */
  marks: ReadonlyMap<string, string> | null;
}

export interface TableRead {
  /** The sheet's name, and whether it is hidden (or very hidden). */
  sheet: string;
  sheetHidden: boolean;
  rows: PendingRow[];
  hasActualColumns: boolean;
  years: number[];
}

function rowHasValues(layout: TableLayout, cells: ReadonlyMap<number, NeutralCell>): boolean {
  for (const v of layout.valueCols) {
    const c = cells.get(v.col);
    if (c !== undefined && c.value !== null && cellText(c) !== '') return true;
  }
  return false;
}

/** Note columns by the year they belong to (their header's year, else the table's noteYear; null = the reporting year, decided later). */
function groupNoteColumns(layout: TableLayout): Map<number | null, number[]> {
  const groups = new Map<number | null, number[]>();
  for (const n of layout.noteCols) {
    const year = n.year ?? layout.noteYear;
    groups.set(year, [...(groups.get(year) ?? []), n.col]);
  }
  return groups;
}

/**
 * A row's note from one or more note columns of the same year (说明 and 备注 side by side): the
 * non-empty texts, left to right, one per line; the cell is the first that holds text (else the first column's).
 */
function joinedNote(cells: ReadonlyMap<number, NeutralCell>, cols: number[], r: number): { text: string; cell: string; cells: string[] } {
  const texts: string[] = [];
  const at: string[] = [];
  for (const col of cols) {
    const cell = cells.get(col);
    const text = noteText(cell);
    // The same words in 说明 and 备注 are one note.
    if (text === '' || texts.includes(text)) continue;
    texts.push(text);
    at.push(cell?.address ?? `${columnLetters(col)}${r}`);
  }
  return { text: texts.join('\n'), cell: at[0] ?? `${columnLetters(cols[0] as number)}${r}`, cells: at };
}

export type IdLookup = (rowNumber: number, cells: ReadonlyMap<number, NeutralCell>) => string | null;

/** Read the data rows under a table's header. `idFor` (template path) names the indicator directly. */
export function readTable(layout: TableLayout, matcher: Matcher, issues: Issues, idFor: IdLookup | null): TableRead {
  const { sheet } = layout;
  const rows: PendingRow[] = [];
  const leftCols = [layout.codeCol, layout.nameCol].filter((c): c is number => c !== null);
  const rowNumbers = [...sheet.rows.keys()].filter((r) => r > layout.headerBottom).sort((a, b) => a - b);
  const noteGroups = groupNoteColumns(layout);
  // Per note column: how many cells read as a figure, and how many as words (told after the rows).
  const noteKinds = new Map(layout.noteCols.map((n) => [n.col, { figures: 0, words: 0 }]));
  let sawData = false;

  for (const r of rowNumbers) {
    const cells = sheet.rows.get(r) as ReadonlyMap<number, NeutralCell>;
    const nameCell = cells.get(layout.nameCol);
    const name = cellText(nameCell);
    const codeCell = layout.codeCol === null ? undefined : cells.get(layout.codeCol);
    const codeText = cellText(codeCell);
    // 合计 may sit in the 领域, 序号 or 指标 column (merged across them).
    let isTotal = false;
    for (let c = 1; c <= layout.nameCol && !isTotal; c++) {
      const v = cells.get(c)?.value;
      if (typeof v === 'string' && v.length <= 12) isTotal = TOTAL_ROW.test(v.replace(/[\s\u3000]+/g, ''));
    }
    if (isTotal) {
      const at = nameCell ?? codeCell ?? cells.values().next().value;
      issues.add('warning', sheet.name, at?.address ?? `A${r}`, importMessage('import.total-row', { row: r, name: name || '合计' }));
      continue;
    }
    if (name === '') {
      if (rowHasValues(layout, cells)) issues.add('warning', sheet.name, `${columnLetters(layout.nameCol)}${r}`, importMessage('import.values-without-name', { row: r }));
      continue;
    }
    if (FOOTER_ROW.test(name)) continue;
    // "一、住房保障" or a bare 领域 name across the table: a heading, not an indicator.
    if (codeText === '' && matcher.isSectionHeading(name) && !rowHasValues(layout, cells)) continue;
    sawData = true;

    const code = codeText === '' ? null : normalizeCode(codeText);
    let ind: Indicator | null = null;
    const id = idFor?.(r, cells) ?? null;
    if (id !== null) {
      ind = matcher.byId(id) ?? null;
      if (!ind) issues.add('warning', sheet.name, nameCell?.address ?? `A${r}`, importMessage('import.unknown-indicator-id', { row: r, id }));
    }
    if (!ind) {
      const m = matcher.match(name, code);
      ind = m.indicator;
      if (ind && m.codeDisagrees)
        issues.add('warning', sheet.name, (codeCell ?? nameCell)?.address ?? `A${r}`, importMessage('import.code-name-mismatch', { row: r, code: code ?? '', name, planCode: ind.code }));
      if (ind && m.otherUnit !== null)
        issues.add('warning', sheet.name, nameCell?.address ?? `A${r}`, importMessage('import.unit-mismatch', { row: r, name, unit: m.otherUnit, planUnit: ind.unit }));
    }
    if (ind && layout.unitCol !== null) {
      const unitCell = cells.get(layout.unitCol);
      const unit = normalizeName(cellText(unitCell));
      if (unit !== '' && unit !== normalizeName(ind.unit))
        issues.add('warning', sheet.name, unitCell?.address ?? `A${r}`, importMessage('import.unit-mismatch', { row: r, name, unit: cellText(unitCell), planUnit: ind.unit }));
    }
    const nameAt = nameCell?.address ?? `${columnLetters(layout.nameCol)}${r}`;
    if (!ind) issues.add('warning', sheet.name, nameAt, importMessage('import.unmatched-row', { row: r, name }));

    const values: Record<string, InterpretedValue> = {};
    let marks: Map<string, string> | null = null;
    for (const vc of layout.valueCols) {
      const key = String(vc.year);
      const slot = (values[key] ??= emptyValue());
      const cell = cells.get(vc.col);
      const read = readValueCell(cell, ind, sheet, issues);
      if (vc.role === 'target') {
        slot.targetCell = ref(sheet, cell?.address ?? `${columnLetters(vc.col)}${r}`);
        slot.target = read.kind === 'number' ? read.value : read.kind === 'slash' ? NO_TARGET : null;
      } else {
        slot.actualCell = ref(sheet, cell?.address ?? `${columnLetters(vc.col)}${r}`);
        slot.actual = read.kind === 'number' ? read.value : null;
        // "/", "-", "——" for an actual: no figure, said so (a clerk may have meant 0). A formula
        // showing nothing was told by readValueCell; a cell of only invisible characters is blank.
        const shown = typeof cell?.value === 'string' && cell.formula === null ? visibleText(cell.value) : '';
        if (cell && shown !== '' && (read.kind === 'slash' || read.kind === 'empty')) {
          issues.add('warning', sheet.name, cell.address, importMessage('import.mark-no-value', { text: shown }));
          (marks ??= new Map()).set(`${key}:actual`, shown);
        }
      }
    }
    let note: PendingRow['note'] = null;
    for (const [col, kinds] of noteKinds) {
      const kind = figureOrWords(cells.get(col));
      if (kind === 'figure') kinds.figures++;
      else if (kind === 'words') kinds.words++;
    }
    for (const [year, cols] of noteGroups) {
      // A formula nobody calculated is not an empty note: leaving it out silently would lose the words.
      for (const col of cols) {
        const c = cells.get(col);
        if (c?.uncalculated) issues.add('error', sheet.name, c.address, importMessage('import.formula-uncalculated', { formula: c.formula ?? '' }));
      }
      const joined = joinedNote(cells, cols, r);
      let text = joined.text;
      const cellRef = ref(sheet, joined.cell);
      if (text.length > MAX_NOTE_LENGTH) {
        const key = joined.cells.length > 1 ? 'import.notes-too-long' : 'import.note-too-long';
        issues.add('error', sheet.name, joined.cell, importMessage(key, { length: text.length, max: MAX_NOTE_LENGTH, cells: joined.cells.join(', ') }));
        text = '';
      }
      if (year !== null) {
        const slot = (values[String(year)] ??= emptyValue());
        slot.note = text === '' ? null : text;
        slot.noteCell = cellRef;
      } else note = { text, cell: cellRef };
    }
    const rowHidden = sheet.hiddenRows.has(r);
    rows.push({ row: { sheet: sheet.name, row: r, code, name, nameCell: nameAt, indicatorId: ind?.id ?? null, values }, note, hidden: rowHidden || sheet.state !== 'visible', rowHidden, marks });
  }

  for (const c of layout.columnIssues) issues.add(c.severity, sheet.name, c.cell, c.message);
  // Figures under a 说明 header are read as the words they are, but said: they may be the actuals under a wrong header.
  for (const n of layout.noteCols) {
    const kinds = noteKinds.get(n.col);
    if (kinds && kinds.figures > kinds.words)
      issues.add('warning', sheet.name, `${columnLetters(n.col)}:${columnLetters(n.col)}`, importMessage('import.note-column-figures', { column: columnLetters(n.col), header: n.header }));
  }
  if (sawData) {
    const used = new Set([layout.nameCol, ...leftCols, ...layout.valueCols.map((v) => v.col), ...layout.noteCols.map((n) => n.col)]);
    for (const c of [...used].sort((a, b) => a - b))
      if (sheet.hiddenCols.has(c)) issues.add('warning', sheet.name, `${columnLetters(c)}:${columnLetters(c)}`, importMessage('import.hidden-column', { column: columnLetters(c) }));
  }
  const years = [...new Set(layout.valueCols.map((v) => v.year))];
  return { sheet: sheet.name, sheetHidden: sheet.state !== 'visible', rows, hasActualColumns: layout.claimsActual, years };
}
