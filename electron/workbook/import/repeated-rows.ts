// One row per indicator out of every table read (docs/ARCHITECTURE.md §Import pipeline, "No silent
// choices"): a workbook with a sheet per year gives an indicator several times, a table may repeat a
// row (a hidden draft above the final one), a clerk may copy the return sheet. Every choice between
// two places is named, and what is said of hidden rows and sheets is true of what was read.
import type { Plan } from '../../../shared/domain/plan';
import { importCountMessage, importMessage } from './import-messages';
import { normalizeName } from './match';
import type { InterpretedRow, InterpretedValue, TableRead } from './read-table';
import { emptyValue } from './read-table';
import type { Issues } from './read-value-cell';

type MergedField = 'target' | 'actual' | 'note';
const FIELDS: readonly MergedField[] = ['target', 'actual', 'note'];

/** "1062", "/" or a note's text, to show two disagreeing values side by side. */
const shown = (v: InterpretedValue[MergedField]): string => (v === null ? '' : String(v));

/** "填报表!F9" → its sheet and cell. */
const sheetOf = (ref: string) => ref.slice(0, Math.max(0, ref.lastIndexOf('!')));
const cellOf = (ref: string) => ref.split('!').pop() ?? '';

/** More cells than this from one sheet are told as one line for the sheet, with a few of them as examples. */
const CELLS_TOLD_ONE_BY_ONE = 3;

/**
 * Per indicator while merging: its first row, whether that row is hidden, and — allocated only when
 * another row gives the indicator a value (a 10,000-row return repeats none) — where each value
 * came from, which values are left ambiguous, and which a visible row marked as no figure.
 */
interface MergeEntry {
  row: InterpretedRow;
  rowHidden: boolean;
  takenHidden: Map<string, boolean> | null;
  ambiguous: Set<string> | null;
  /** "2025:actual" → the mark ("/", "-") a visible row gave it; the slot's cell is then the mark's. */
  visibleMarks: Map<string, string> | null;
}

/** A value taken from one place over another, told after the merge (so a sheet's many can be told once). */
interface Told {
  code: string;
  year: string;
  /** The cell whose value was used, and the other one ("sheet!F9"). */
  used: string;
  other: string;
}

/**
 * Merges the rows of every table into one row per indicator (matched by id, else by normalised
 * name), in table order. Rules, as for columns (column-choice.ts):
 * - the same value twice is no choice (kept from a visible place when there is one);
 * - a visible row's value beats a hidden row's (a hidden sheet's rows are hidden), a visible "/" or
 *   "-" for an actual included: `import.superseded-row` per cell, or `import.superseded-sheet` once
 *   for a hidden sheet with more than CELLS_TOLD_ONE_BY_ONE cells superseded by one visible sheet;
 * - two visible (or two hidden) rows that differ leave the value unread: `import.ambiguous-value`
 *   (error) naming both cells and values — a visible "/" or "-" against a visible figure too;
 * - a row filling a value a visible row of the indicator leaves blank (a hidden one too) is read,
 *   and said: `import.filled-from-row` on one sheet, `import.filled-from-sheet` once per pair of sheets;
 * - `import.hidden-row` / `import.hidden-sheet` ("read anyway") only for a hidden row or sheet some
 *   value of which was read — never beside a line saying its values were not.
 * Returns the merged rows; every message goes to `issues`.
 */
export function mergeRepeatedIndicators(reads: TableRead[], issues: Issues, plan: Plan): InterpretedRow[] {
  const rows: InterpretedRow[] = [];
  const byKey = new Map<string, MergeEntry>();
  const codes = new Map(plan.indicators.map((i) => [i.id, i.code]));
  const superseded: Told[] = [];
  // By indicator and value: a later row that replaces a filled value is the one named as filling it.
  const filled = new Map<string, Told>();
  // Where each hidden row's values came from, before merging overwrites the first row's slots.
  const hiddenSources = reads.flatMap((t) => t.rows.filter((p) => p.hidden).map((p) => ({ pending: p, cells: valueCells(p.row) })));
  for (const t of reads)
    for (const { row, hidden, marks } of t.rows) {
      const key = row.indicatorId ?? `name:${normalizeName(row.name)}`;
      const first = byKey.get(key);
      if (!first) {
        byKey.set(key, { row, rowHidden: hidden, takenHidden: null, ambiguous: null, visibleMarks: hidden || !marks ? null : new Map(marks) });
        rows.push(row);
        continue;
      }
      const code = (row.indicatorId ? codes.get(row.indicatorId) : undefined) ?? row.code ?? row.name;
      for (const [year, v] of Object.entries(row.values)) {
        const slot = (first.row.values[year] ??= emptyValue());
        for (const field of FIELDS) {
          const cellField = `${field}Cell` as const;
          const at = `${year}:${field}`;
          if (first.ambiguous?.has(at)) continue;
          const keptHidden = first.takenHidden?.get(at) ?? first.rowHidden;
          const fillKey = `${key}|${at}`;
          const take = () => {
            Object.assign(slot, { [field]: v[field], [cellField]: v[cellField] });
            (first.takenHidden ??= new Map()).set(at, hidden);
            const fill = filled.get(fillKey);
            if (fill && v[field] !== null) fill.used = v[cellField] ?? fill.used;
          };
          const theirs = v[cellField] ?? '';
          const ours = slot[cellField] ?? '';
          const mark = hidden ? undefined : marks?.get(at);
          const ambiguous = (firstValue: string, secondValue: string) => {
            issues.add('error', row.sheet, cellOf(theirs), importMessage('import.ambiguous-value', { code, year, first: ours, second: theirs, firstValue, secondValue }));
            Object.assign(slot, { [field]: null });
            (first.ambiguous ??= new Set()).add(at);
            filled.delete(fillKey);
          };
          if (v[field] === null) {
            if (mark === undefined) {
              // A visible blank where a hidden row above gave the figure: read from the hidden row, and said.
              if (!hidden && keptHidden && slot[field] !== null && ours !== '' && theirs !== '') filled.set(fillKey, { code, year, used: ours, other: theirs });
              continue;
            }
            // This visible row says "no figure": it beats a hidden row's figure, as a visible figure
            // would, and disagrees with a visible one.
            if (slot[field] === null) take();
            else if (keptHidden) {
              superseded.push({ code, year, used: theirs, other: ours });
              take();
            } else {
              ambiguous(shown(slot[field]), mark);
              // The mark is no longer "read as not given": the disagreement says neither is read.
              issues.withdraw(theirs, 'import.mark-no-value');
              continue;
            }
            (first.visibleMarks ??= new Map()).set(at, mark);
          } else if (slot[field] === null) {
            const visibleMark = first.visibleMarks?.get(at);
            if (visibleMark !== undefined && hidden) superseded.push({ code, year, used: ours, other: theirs });
            else if (visibleMark !== undefined) {
              ambiguous(visibleMark, shown(v[field]));
              issues.withdraw(ours, 'import.mark-no-value');
            }
            else {
              // Filling what a visible row of the indicator left blank: read, and said (a hidden row too).
              if (!keptHidden && ours !== '' && theirs !== '') filled.set(fillKey, { code, year, used: theirs, other: ours });
              take();
            }
          } else if (slot[field] === v[field]) {
            // The same value: no choice, but read from the visible place, so a hidden one is not said to be read.
            if (keptHidden && !hidden) take();
          } else if (keptHidden !== hidden) {
            superseded.push({ code, year, used: hidden ? ours : theirs, other: hidden ? theirs : ours });
            if (!hidden) take();
          } else ambiguous(shown(slot[field]), shown(v[field]));
        }
      }
    }
  tellHiddenRead(reads, rows, hiddenSources, issues);
  tellSuperseded(superseded, new Set(reads.filter((t) => t.sheetHidden).map((t) => t.sheet)), issues);
  tellFilled([...filled.values()], issues);
  return rows;
}

/** Every cell a row gives a value from ("sheet!F9"). */
function valueCells(row: InterpretedRow): string[] {
  const out: string[] = [];
  for (const v of Object.values(row.values))
    for (const field of FIELDS) {
      const cell = v[`${field}Cell`];
      if (v[field] !== null && cell !== null) out.push(cell);
    }
  return out;
}

/** "Read anyway" for each hidden row, and each hidden sheet, some value of which the merged rows hold. */
function tellHiddenRead(reads: TableRead[], rows: InterpretedRow[], sources: { pending: TableRead['rows'][number]; cells: string[] }[], issues: Issues): void {
  if (sources.length === 0) return; // the usual return hides nothing: no need to list every cell read
  const used = new Set(rows.flatMap(valueCells));
  const sheetsRead = new Set<string>();
  for (const { pending, cells } of sources) {
    if (!cells.some((c) => used.has(c))) continue;
    sheetsRead.add(pending.row.sheet);
    if (pending.rowHidden) issues.add('warning', pending.row.sheet, cellOf(pending.row.nameCell), importMessage('import.hidden-row', { row: pending.row.row }));
  }
  for (const t of reads) if (t.sheetHidden && sheetsRead.has(t.sheet)) issues.add('warning', t.sheet, 'A1', importMessage('import.hidden-sheet', { sheet: t.sheet }));
}

/** Groups `told` by a key, keeping first-seen order. */
function groupBy(told: Told[], key: (t: Told) => string): Told[][] {
  const groups = new Map<string, Told[]>();
  for (const t of told) groups.set(key(t), [...(groups.get(key(t)) ?? []), t]);
  return [...groups.values()];
}

const examples = (group: Told[], of: (t: Told) => string) =>
  group
    .slice(0, CELLS_TOLD_ONE_BY_ONE)
    .map((t) => cellOf(of(t)))
    .join(', ');

/** A hidden sheet's many cells superseded by one visible sheet in one line; a hidden row's (or a few) one by one. */
function tellSuperseded(superseded: Told[], hiddenSheets: Set<string>, issues: Issues): void {
  const key = (t: Told) => (hiddenSheets.has(sheetOf(t.other)) ? `${sheetOf(t.other)}\n${sheetOf(t.used)}` : `cell:${t.other}`);
  for (const group of groupBy(superseded, key)) {
    const first = group[0] as Told;
    const sheet = sheetOf(first.other);
    if (group.length > CELLS_TOLD_ONE_BY_ONE) {
      const params = { sheet, used: sheetOf(first.used), examples: examples(group, (t) => t.other) };
      issues.add('warning', sheet, cellOf(first.other), importCountMessage('import.superseded-sheet', group.length, params));
      continue;
    }
    for (const t of group) issues.add('warning', sheetOf(t.other), cellOf(t.other), importMessage('import.superseded-row', { code: t.code, year: t.year, used: t.used, hidden: t.other }));
  }
}

/** Values one visible row gave where another left a blank: per cell on one sheet, once per pair of sheets. */
function tellFilled(filled: Told[], issues: Issues): void {
  for (const group of groupBy(filled, (t) => (sheetOf(t.used) === sheetOf(t.other) ? `cell:${t.used}` : `${sheetOf(t.used)}\n${sheetOf(t.other)}`))) {
    const first = group[0] as Told;
    const [sheet, blank] = [sheetOf(first.used), sheetOf(first.other)];
    if (sheet === blank) {
      issues.add('warning', sheet, cellOf(first.used), importMessage('import.filled-from-row', { code: first.code, year: first.year, used: first.used, blank: first.other }));
      continue;
    }
    issues.add('warning', sheet, cellOf(first.used), importCountMessage('import.filled-from-sheet', group.length, { sheet, blank, examples: examples(group, (t) => t.used) }));
  }
}
