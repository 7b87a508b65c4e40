// A plan before it is in the database: what a plan table says (序号, 领域, names, units, kinds,
// directions, targets, units responsible), with no ids yet. The plan-table importer produces one,
// the preview shows it, PlansRepo.createPlan turns it into a Plan with fresh ids, and the exporter
// writes one back (docs/ARCHITECTURE.md §Plans as data). Pure: no Node, DOM or Electron.
import type { Direction, IndicatorKind, Plan, PlausibleRange, Target } from './plan';
import { normalizeName } from './indicator-name';

/** Lead unit of an indicator whose table names none (no 牵头单位 column): corrected in the plan editor. */
export const UNASSIGNED_LEAD = '未指定牵头单位';

export interface IndicatorDraft {
  /** 序号 as printed ("1" … "13"). */
  code: string;
  /** 领域 (a merged cell's text applies to every row it spans). */
  domain: string;
  /** Name without the unit in brackets. */
  name: string;
  /** Unit as printed in the brackets ("%", "套"); '' when the name has none. */
  unit: string;
  kind: IndicatorKind;
  direction: Direction;
  /** As on Indicator: a fraction of the target (0.02 = 2%); null = none. */
  tolerance: number | null;
  leadUnit: string;
  coUnits: string[];
  /** Targets by year; percent units in percent (100 = 100%); "/" = no target. */
  targets: Record<number, Target>;
  plausible?: PlausibleRange;
}

export interface PlanDraft {
  /** Short name, e.g. 学有优教 (from the table title's “…” when not given). */
  shortName: string;
  title: string;
  /** The table's own heading without its 表： prefix. */
  tableTitle: string;
  years: number[];
  /** 领域 in order of first appearance. */
  domains: string[];
  coordinator: string;
  sourceNote: string;
  indicators: IndicatorDraft[];
}

/** The draft a stored plan would be written as (ids dropped): used for export and for "same plan?" checks. */
export function planToDraft(plan: Plan): PlanDraft {
  return {
    shortName: plan.shortName,
    title: plan.title,
    tableTitle: plan.tableTitle,
    years: [...plan.years],
    domains: [...plan.domains],
    coordinator: plan.coordinator,
    sourceNote: plan.sourceNote,
    indicators: plan.indicators.map((i) => ({
      code: i.code,
      domain: i.domain,
      name: i.name,
      unit: i.unit,
      kind: i.kind,
      direction: i.direction,
      tolerance: i.tolerance,
      leadUnit: i.leadUnit,
      coUnits: [...i.coUnits],
      targets: { ...i.targets },
      ...(i.plausible ? { plausible: { ...i.plausible } } : {}),
    })),
  };
}

/** The key a table's indicator is matched by: its name without spaces, brackets normalised, plus its unit. */
export function indicatorKey(ind: { name: string; unit: string }): string {
  return `${normalizeName(ind.name)}|${normalizeName(ind.unit)}`;
}


/** True when both have the same indicators (by name and unit) in the same order. */
export function sameIndicators(a: { indicators: { name: string; unit: string }[] }, b: { indicators: { name: string; unit: string }[] }): boolean {
  return a.indicators.length === b.indicators.length && a.indicators.every((ind, i) => indicatorKey(ind) === indicatorKey(b.indicators[i] as { name: string; unit: string }));
}
