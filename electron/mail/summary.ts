// Counts of each status for one reporting year of a grid: the figures quoted in the email draft.
// The statuses themselves come from the grid (computed by shared cellStatus), never recomputed here.
import type { Grid } from '../../shared/api/contract';
import type { CellStatus } from '../../shared/domain/status';
import { CELL_STATUSES } from '../../shared/domain/status';

export type StatusCounts = Record<CellStatus, number> & { total: number };

export function countYearStatuses(grid: Pick<Grid, 'rows'>, year: number): StatusCounts {
  const counts = Object.fromEntries(CELL_STATUSES.map((s) => [s, 0])) as Record<CellStatus, number>;
  let total = 0;
  for (const row of grid.rows) {
    const cell = row.cells[String(year)];
    if (!cell) continue;
    counts[cell.status] += 1;
    total += 1;
  }
  return { ...counts, total };
}
