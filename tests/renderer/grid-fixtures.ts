// Grid rows built from the real seed plan with the shared status rule, for the grid's unit tests.
import type { GridRow } from '../../shared/api/contract';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';
import { gridRowOf } from '../helpers/grid-rows';

/** Fixed clock: 2025 is due, 2026 is not. */
export const TODAY = new Date(2026, 2, 1);
export const REPORTING_YEAR = 2025;

export function seedRow(id: string, actuals: Record<number, number> = {}, notes: Record<number, string> = {}): GridRow {
  const ind = SEED_PLAN.indicators.find((i) => i.id === id);
  if (!ind) throw new Error(`no indicator ${id}`);
  return gridRowOf(SEED_PLAN, ind, actuals, notes, TODAY);
}
