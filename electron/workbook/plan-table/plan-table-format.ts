// The plan table's layout as the app writes it (export) and what the reader looks for beyond the
// table itself: a very hidden sheet keeping what the table cannot show (kind, direction, tolerance,
// plausible range, the plan's names), so exporting a plan and importing the file gives the
// identical plan (docs/ARCHITECTURE.md §Plans as data).

export const PLAN_TABLE_FORMAT_NAME = 'indicator-desk-plan-table';
export const PLAN_TABLE_SCHEMA_VERSION = 1;

/** The visible sheet. */
export const SHEET_PLAN_TABLE = '五年目标';
/** Very hidden: the user never sees it; Excel/WPS/LibreOffice keep it. */
export const SHEET_PLAN_META = '_plan';

/** Plan-level keys on the meta sheet (column A key, column B value), rows 1…. */
export const PLAN_META_KEYS = ['format', 'schemaVersion', 'shortName', 'title', 'tableTitle', 'coordinator', 'sourceNote'] as const;
export type PlanMetaKey = (typeof PLAN_META_KEYS)[number];

/** After the keys: this header, then one row per indicator keyed by its row on the table sheet. */
export const PLAN_META_ROW_HEADER = ['row', 'name', 'kind', 'direction', 'tolerance', 'plausibleMin', 'plausibleMax'] as const;

/** Header words the reader recognises for the responsible-unit column. */
export const UNITS_HEADER = /牵头单位|责任单位|牵头部门|责任部门|主责单位/;

/** Rows of the written table. */
export const ROW_TITLE = 1;
export const ROW_HEADER = 2;
export const FIRST_ROW = 3;
