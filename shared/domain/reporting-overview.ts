// 报送情况 — who has reported (issue 13 part 3; docs/ARCHITECTURE.md §Reporting cycle): one row per
// department for a reporting year, from the grid cells the shared status rule (status.ts) coloured.
// Pure: the service passes the cells, the last import, and the state, deadline and days overdue the
// reporting-cycle rule (reporting-cycle.ts) gives; nothing here decides a state or a deadline again.
import type { CellStatus } from './status';
import type { ReportingState } from './reporting-cycle';

/** States in which a department no longer owes its return (no reminder, never overdue). */
export const DONE_STATES: readonly ReportingState[] = ['submitted', 'locked'];

/** What the overview needs of one (indicator, year) cell. */
export interface OverviewCell {
  status: CellStatus;
  actual: number | null;
  note: string | null;
}

export interface DepartmentOverviewInput {
  department: string;
  state: ReportingState;
  /** ISO date YYYY-MM-DD: the last day a submission is on time. */
  deadline: string;
  /** Days past the deadline without a submission, as reporting-cycle.ts overdueDays() says; null when not overdue. */
  overdueDays: number | null;
  /** Days after the deadline the standing submission came in, as reporting-cycle.ts submittedLateDays() says; null when on time. */
  lateDays?: number | null;
  /** The department's cells for the reporting year (the indicators it leads). */
  cells: readonly OverviewCell[];
  lastImport: { fileName: string; at: string; importId: number } | null;
}

export interface DepartmentOverviewRow extends Omit<DepartmentOverviewInput, 'cells' | 'overdueDays' | 'lateDays'> {
  /** Whole days past the deadline while not submitted/locked; 0 otherwise. */
  daysOverdue: number;
  overdue: boolean;
  /** Whole days after the deadline the standing submission came in; 0 when on time or not submitted. */
  lateDays: number;
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

/** One department's row: counts of the cells; days overdue as given (0 when not overdue). */
export function departmentOverview(input: DepartmentOverviewInput): DepartmentOverviewRow {
  const due = input.cells.filter((c) => DUE.has(c.status));
  const days = input.overdueDays ?? 0;
  return {
    department: input.department,
    state: input.state,
    deadline: input.deadline,
    lastImport: input.lastImport,
    daysOverdue: days,
    overdue: days > 0,
    lateDays: input.lateDays ?? 0,
    due: due.length,
    filled: due.filter((c) => c.actual !== null).length,
    missesWithoutNote: input.cells.filter(isMissWithoutNote).length,
  };
}
