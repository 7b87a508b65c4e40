// Builds the grid the clerk sees (and the export and the CLI print): one row per indicator of the
// department, one cell per plan year, statuses from the shared rule.
import type { Grid, GridCell, GridRow } from '../../shared/api/contract';
import type { Indicator, Plan } from '../../shared/domain/plan';
import { indicatorsForDepartment } from '../../shared/domain/plan';
import { cellStatus } from '../../shared/domain/status';
import type { CycleLock } from '../../shared/domain/reporting-cycle';
import { lockedMessage } from '../../shared/i18n/cycle-messages';
import { fail } from '../../shared/api/result';
import type { ActualRecord } from '../store/repositories/actuals-repo';
import { actualKey } from '../store/repositories/actuals-repo';
import type { Store } from '../store/store';

export function isoDate(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function buildCell(indicator: Indicator, year: number, actual: ActualRecord | undefined, today: Date): GridCell {
  const target = indicator.targets[year];
  const value = actual?.value ?? null;
  const s = cellStatus({ indicator, year, target, actual: value, today });
  const cell: GridCell = { target: target ?? null, actual: value, note: actual?.note ?? null, status: s.status, gap: s.gap, completion: s.completion };
  if (actual?.provenance) cell.provenance = actual.provenance;
  return cell;
}

/** The lock holding a (lead unit, year), or null (ReportingRepo.lockOf); absent = nothing locked. */
export type LockLookup = (department: string, year: number) => CycleLock | null;

export function buildRow(plan: Plan, indicator: Indicator, actuals: Map<string, ActualRecord>, today: Date, lockOf?: LockLookup): GridRow {
  const cells: Record<string, GridCell> = {};
  for (const year of plan.years) {
    const cell = buildCell(indicator, year, actuals.get(actualKey(indicator.id, year)), today);
    const lock = lockOf?.(indicator.leadUnit, year);
    if (lock) cell.locked = lockedMessage(lock);
    cells[String(year)] = cell;
  }
  return {
    indicatorId: indicator.id,
    code: indicator.code,
    domain: indicator.domain,
    name: indicator.name,
    unit: indicator.unit,
    kind: indicator.kind,
    direction: indicator.direction,
    tolerance: indicator.tolerance,
    leadUnit: indicator.leadUnit,
    coUnits: indicator.coUnits,
    ...(indicator.plausible ? { plausible: indicator.plausible } : {}),
    cells,
  };
}

export function buildGrid(store: Store, planId: string, year: number, department: string | null, today: Date): Grid {
  const plan = store.plans.getPlan(planId);
  if (!plan.years.includes(year)) fail('refused', 'error.unknown-year', { year });
  const actuals = store.actuals.forPlan(planId);
  // One lock lookup per (department, year), however many rows share it.
  const locks = new Map<string, CycleLock | null>();
  const lockOf: LockLookup = (dept, y) => {
    const key = `${dept}|${y}`;
    if (!locks.has(key)) locks.set(key, store.reporting.lockOf(planId, y, dept));
    return locks.get(key) ?? null;
  };
  return {
    planId,
    year,
    department,
    years: plan.years,
    today: isoDate(today),
    rows: indicatorsForDepartment(plan, department).map((ind) => buildRow(plan, ind, actuals, today, lockOf)),
  };
}
