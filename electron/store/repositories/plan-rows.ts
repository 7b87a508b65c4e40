// The SQLite rows of plans and indicators as PlansRepo reads them (migrations 001 and 005 define
// the tables); PlansRepo turns them into the shared Plan and Indicator shapes.
import type { Indicator } from '../../../shared/domain/plan';

/** A row of `plans`. years_json and domains_json hold JSON arrays. */
export interface PlanRow {
  id: string;
  short_name: string;
  title: string;
  table_title: string;
  coordinator: string;
  source_note: string;
  version: number;
  years_json: string;
  domains_json: string;
}
/** A row of `indicators`; retired_at is set (ISO time) when the indicator was retired. */
export interface IndicatorRow {
  id: string;
  code: string;
  domain: string;
  name: string;
  unit: string;
  kind: Indicator['kind'];
  direction: Indicator['direction'];
  tolerance: number | null;
  lead_unit: string;
  retired_at: string | null;
  plausible_min: number | null;
  plausible_max: number | null;
}
