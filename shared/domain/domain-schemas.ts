// The zod schemas of the domain's value sets, for the API contract and the parsers that validate
// with them. The domain modules (plan.ts, status.ts, parse-number.ts) declare the values as plain
// constant lists, and import no zod, so that code using only the rules — the command line's
// inspect above all — starts without loading zod (docs/ARCHITECTURE.md §Command-line start).
import { z } from 'zod';
import { PARSE_REFUSAL_CODES } from './parse-number';
import type { PlausibleRange } from './plan';
import { DIRECTIONS, INDICATOR_KINDS } from './plan';
import { CELL_STATUSES } from './status';

/** cumulative | stock | rate (plan.ts IndicatorKind). */
export const IndicatorKindSchema = z.enum(INDICATOR_KINDS);
/** higher | lower (plan.ts Direction). */
export const DirectionSchema = z.enum(DIRECTIONS);
/** A cell's status (status.ts CellStatus). */
export const CellStatusSchema = z.enum(CELL_STATUSES);
/** Why a text is not a figure (parse-number.ts ParseRefusalCode). */
export const ParseRefusalCodeSchema = z.enum(PARSE_REFUSAL_CODES);
/** An indicator's own plausible range as it crosses the API (plan.ts PlausibleRange; null = no bound). */
export const PlausibleRangeSchema = z.object({ min: z.number().nullable(), max: z.number().nullable() }) satisfies z.ZodType<PlausibleRange>;
