// The plan model: a five-year plan with domains (领域), indicators and per-year targets.
// Pure data types shared by every layer; no Node, DOM or Electron here.
/** "/" in the source table: the plan deliberately sets no target for that year (not zero, not blank). */
export const NO_TARGET = '/' as const;
export type NoTarget = typeof NO_TARGET;

/** A year's target: a number in the indicator's unit (percent units: 100 = 100%), or "/". */
export type Target = number | NoTarget;

/** cumulative: a running total over the plan (counts); stock: a level at year end; rate: a ratio or growth rate. */
export const INDICATOR_KINDS = ['cumulative', 'stock', 'rate'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
/** Which way is better: higher (most indicators) or lower (e.g. a vacancy rate). */
export const DIRECTIONS = ['higher', 'lower'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface Indicator {
  /** Stable id, never reused; exported in the meta sheet so re-import is exact. */
  id: string;
  /** 序号 as printed in the plan ("1" … "13"). */
  code: string;
  /** 领域, e.g. 住房保障. */
  domain: string;
  /** Name without the unit suffix, e.g. 城镇住房保障受益覆盖率. */
  name: string;
  /** Unit as printed inside the trailing brackets, e.g. "%", "套", "户". */
  unit: string;
  kind: IndicatorKind;
  direction: Direction;
  /**
   * Optional tolerance as a fraction of the target (0.02 = within 2%): a miss inside it is "near"
   * (接近) rather than "missed". Null means no tolerance: every miss is a miss.
   */
  tolerance: number | null;
  /** 牵头单位 (the unit marked * in the plan): the department that reports this indicator. */
  leadUnit: string;
  coUnits: string[];
  /** Targets by year; a year absent from the map has no entry in the plan at all. */
  targets: Record<number, Target>;
  /**
   * The indicator's own plausible range (DHIS2-like min–max), in the indicator's unit (percent
   * units: 87.5 means 87.5%). Either bound may be null (no bound on that side); absent = no own
   * range, only the defaults by kind apply (see shared/domain/plausible.ts). A value outside is
   * still accepted, but only after a confirm, and is marked (docs/ARCHITECTURE.md, status rule).
   */
  plausible?: PlausibleRange;
  /**
   * When the indicator left the plan (ISO time). Only the plan editor sees retired indicators
   * (PlansRepo.getPlanWithRetired); an indicator with actuals is retired, never deleted.
   */
  retiredAt?: string;
}

/** A min–max range in the indicator's unit; null = unbounded on that side. */
export interface PlausibleRange {
  min: number | null;
  max: number | null;
}

export interface Plan {
  id: string;
  /** Short name used in file names, e.g. 住有宜居. */
  shortName: string;
  title: string;
  /** The table's own heading. */
  tableTitle: string;
  years: number[];
  domains: string[];
  indicators: Indicator[];
  /** Free text: where the targets come from and where the plan text disagrees with its table. */
  sourceNote: string;
  /** Coordinating office (区城乡住房工作协调委员会办公室 for the seed). */
  coordinator: string;
  version: number;
}

/** The indicator name as printed in tables: name plus the unit in brackets, e.g. 公租房在保家庭户数（户）. */
export function displayName(indicator: Pick<Indicator, 'name' | 'unit'>): string {
  return indicator.unit ? `${indicator.name}（${indicator.unit}）` : indicator.name;
}

export function isPercentUnit(unit: string): boolean {
  return unit.trim() === '%' || unit.trim() === '％';
}

/** Every department named by the plan, lead units first, in first-appearance order. */
export function planDepartments(plan: Plan): string[] {
  const leads = new Set<string>();
  const others = new Set<string>();
  for (const ind of plan.indicators) leads.add(ind.leadUnit);
  for (const ind of plan.indicators) for (const u of ind.coUnits) if (!leads.has(u)) others.add(u);
  return [...leads, ...others];
}

/** Indicators a department reports: those it leads. Null = all (the coordinating office's view). */
export function indicatorsForDepartment(plan: Plan, department: string | null): Indicator[] {
  if (department === null) return plan.indicators;
  return plan.indicators.filter((i) => i.leadUnit === department);
}

export function targetFor(indicator: Indicator, year: number): Target | undefined {
  return indicator.targets[year];
}
