// Grid rows built from the real seed plan with the shared status rule, for the grid's unit tests.
import type { GridCell, GridRow } from '../../shared/api/contract';
import { cellStatus } from '../../shared/domain/status';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';

/** Fixed clock: 2025 is due, 2026 is not. */
export const TODAY = new Date(2026, 2, 1);
export const REPORTING_YEAR = 2025;

export function seedRow(id: string, actuals: Record<number, number> = {}, notes: Record<number, string> = {}): GridRow {
  const ind = SEED_PLAN.indicators.find((i) => i.id === id);
  if (!ind) throw new Error(`no indicator ${id}`);
  const cells: Record<string, GridCell> = {};
  for (const year of SEED_PLAN.years) {
    const target = ind.targets[year];
    const actual = actuals[year] ?? null;
    const s = cellStatus({ indicator: ind, year, target, actual, today: TODAY });
    cells[String(year)] = { target: target ?? null, actual, note: notes[year] ?? null, status: s.status, gap: s.gap, completion: s.completion };
  }
  return {
    indicatorId: ind.id,
    code: ind.code,
    domain: ind.domain,
    name: ind.name,
    unit: ind.unit,
    kind: ind.kind,
    direction: ind.direction,
    tolerance: ind.tolerance,
    leadUnit: ind.leadUnit,
    coUnits: ind.coUnits,
    cells,
  };
}
