// GridRows for tests, built by the same code the grid service uses (buildRow), from plain
// per-year actuals and notes instead of database records.
import type { GridRow } from '../../shared/api/contract';
import type { Indicator, Plan } from '../../shared/domain/plan';
import { buildRow } from '../../electron/services/grid-service';
import type { ActualRecord } from '../../electron/store/repositories/actuals-repo';
import { actualKey } from '../../electron/store/repositories/actuals-repo';

export function gridRowOf(plan: Plan, ind: Indicator, actuals: Record<number, number | null>, notes: Record<number, string>, today: Date): GridRow {
  const records = new Map<string, ActualRecord>();
  for (const year of plan.years) {
    const value = actuals[year] ?? null;
    const note = notes[year] ?? null;
    if (value !== null || note !== null) records.set(actualKey(ind.id, year), { indicatorId: ind.id, year, value, note });
  }
  return buildRow(plan, ind, records, today);
}
