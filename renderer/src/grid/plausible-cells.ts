// The grid's side of the plausibility rule (shared/domain/plausible.ts, docs/ARCHITECTURE.md
// §Status rule): which of a user action's edits need a confirm before they are saved, and whether a
// shown cell carries the "outside the plausible range" mark. The rule itself lives in shared; this
// module only builds its input from a grid row (unit, kind, own range, targets and actuals by year).
// A "%" typed for an indicator whose unit is not a percent ("12%" for 套) asks the same confirm.
import type { CellEdit, GridRow } from '../../../shared/api/contract';
import type { Target } from '../../../shared/domain/plan';
import { displayName } from '../../../shared/domain/plan';
import { parseNumberInput } from '../../../shared/domain/parse-number';
import type { PlausibleSubject } from '../../../shared/domain/plausible';
import { implausibleReason, percentSignReason, previousActual } from '../../../shared/domain/plausible';
import type { AppMessage } from '../../../shared/i18n/engine';

/** The rule's view of a grid row: its unit, kind, own range and the targets its cells show. */
export function plausibleSubjectOf(row: GridRow): PlausibleSubject {
  const targets: Record<number, Target> = {};
  for (const [year, cell] of Object.entries(row.cells)) if (cell.target !== null) targets[Number(year)] = cell.target;
  return { unit: row.unit, kind: row.kind, targets, ...(row.plausible ? { plausible: row.plausible } : {}) };
}

/** Why `actual` would be implausible in (row, year), judged with the row's other years' actuals; null = plausible. */
export function cellImplausibility(row: GridRow, year: number, actual: number | null): AppMessage | null {
  if (actual === null) return null;
  const actuals: Record<number, number | null> = {};
  for (const [y, cell] of Object.entries(row.cells)) actuals[Number(y)] = cell.actual;
  return implausibleReason(plausibleSubjectOf(row), actual, previousActual(actuals, year));
}

/** One edit of an action that needs the clerk's confirm, with what the confirm dialog lists. */
export interface ImplausibleEdit {
  edit: CellEdit;
  /** The indicator as printed, e.g. 住宅小区专业物业服务覆盖率（%）. */
  indicator: string;
  /** The number as the shared parser reads the typed text. */
  value: number;
  reason: AppMessage;
}

/**
 * The edits of one action (typed or pasted) whose value is outside the plausible range, or carries a
 * "%" sign while the indicator's unit is not a percent (percentSignReason; that reason comes first). Notes,
 * blanks and text the parser refuses are not checked here (the API refuses bad text itself).
 * `rowOf` gives the row as currently shown; edits of one action to the same row are judged together
 * (a pasted 2025 below a pasted 2024 of a cumulative indicator is caught).
 */
export function implausibleEdits(edits: readonly CellEdit[], rowOf: (indicatorId: string) => GridRow | undefined): ImplausibleEdit[] {
  const rows = new Map<string, GridRow>();
  const parsed: { edit: CellEdit; value: number; percent: AppMessage | null }[] = [];
  for (const edit of edits) {
    if (edit.field !== 'actual') continue;
    const row = rows.get(edit.indicatorId) ?? rowOf(edit.indicatorId);
    if (!row) continue;
    const p = parseNumberInput(edit.text, { kind: row.kind });
    if (!p.ok || p.kind !== 'number') continue;
    const key = String(edit.year);
    const cell = row.cells[key];
    rows.set(row.indicatorId, cell ? { ...row, cells: { ...row.cells, [key]: { ...cell, actual: p.value } } } : row);
    parsed.push({ edit, value: p.value, percent: percentSignReason(row.unit, edit.text, p) });
  }
  const out: ImplausibleEdit[] = [];
  for (const { edit, value, percent } of parsed) {
    const row = rows.get(edit.indicatorId);
    if (!row) continue;
    const reason = percent ?? cellImplausibility(row, edit.year, value);
    if (reason) out.push({ edit, indicator: displayName(row), value, reason });
  }
  return out;
}
