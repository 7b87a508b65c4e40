// 报送情况 — who has reported (issue 13 part 3; docs/ARCHITECTURE.md §Reporting cycle): one row per
// department for a reporting year, from the grid cells the shared status rule (status.ts) coloured.
// Pure: the service passes the cells, the state, the deadline, the last import and today's date.
import type { CellStatus } from './status';

/** The states of a department's return for a year (issue 13 part 2). */
export type ReturnState = 'not-started' | 'in-progress' | 'submitted' | 'sent-back' | 'locked';

/** States in which a department no longer owes its return (no reminder, never overdue). */
export const DONE_STATES: readonly ReturnState[] = ['submitted', 'locked'];

/** What the overview needs of one (indicator, year) cell. */
export interface OverviewCell {
  status: CellStatus;
  actual: number | null;
  note: string | null;
}

export interface DepartmentOverviewInput {
  department: string;
  state: ReturnState;
  /** ISO date YYYY-MM-DD: the last day a submission is on time. */
  deadline: string;
  /** The department's cells for the reporting year (the indicators it leads). */
  cells: readonly OverviewCell[];
  lastImport: { fileName: string; at: string; importId: number } | null;
}

export interface DepartmentOverviewRow extends Omit<DepartmentOverviewInput, 'cells'> {
  /** Whole days past the deadline while not submitted/locked; 0 otherwise. */
  daysOverdue: number;
  overdue: boolean;
  /** Cells that are due (target set, year ended: met, near, missed or not reported). */
  due: number;
  /** Due cells holding an actual. */
  filled: number;
  /** Missed targets without a note (说明). */
  missesWithoutNote: number;
}

const DUE: ReadonlySet<CellStatus> = new Set<CellStatus>(['met', 'near', 'missed', 'not-reported']);

/** A cell that is due and has no actual: what a reminder asks for. */
export function isDueEmpty(cell: OverviewCell): boolean {
  return cell.status === 'not-reported';
}

/** A missed target with no note explaining it. */
export function isMissWithoutNote(cell: OverviewCell): boolean {
  return cell.status === 'missed' && (cell.note ?? '').trim() === '';
}

/** The local calendar date of `today` as days since 1970 (time of day and zone offsets ignored). */
function dayNumber(y: number, m: number, d: number): number {
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/**
 * Whole days from the deadline (YYYY-MM-DD) to `today`'s local date: 1 on the day after the
 * deadline, 0 on or before it. A department that has submitted (or is locked) is never overdue.
 */
export function daysOverdue(deadline: string, today: Date, state: ReturnState): number {
  if (DONE_STATES.includes(state)) return 0;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(deadline);
  if (!m) return 0;
  const late = dayNumber(today.getFullYear(), today.getMonth() + 1, today.getDate()) - dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
  return Math.max(0, late);
}

/** One department's row: counts of the cells, days overdue. */
export function departmentOverview(input: DepartmentOverviewInput, today: Date): DepartmentOverviewRow {
  const due = input.cells.filter((c) => DUE.has(c.status));
  const days = daysOverdue(input.deadline, today, input.state);
  return {
    department: input.department,
    state: input.state,
    deadline: input.deadline,
    lastImport: input.lastImport,
    daysOverdue: days,
    overdue: days > 0,
    due: due.length,
    filled: due.filter((c) => c.actual !== null).length,
    missesWithoutNote: input.cells.filter(isMissWithoutNote).length,
  };
}
