// The standard template workbook's fixed layout (docs/ARCHITECTURE.md §Template format), shared by the exporter and the
// importer's exact path so the two can never drift apart.

export const TEMPLATE_FORMAT_NAME = 'indicator-desk-return';
export const TEMPLATE_SCHEMA_VERSION = 1;

export const SHEET_RETURN = '填报表';
export const SHEET_INSTRUCTIONS = '填写说明';
/** Very hidden: the clerk never sees it, Excel/WPS/LibreOffice keep it. */
export const SHEET_META = '_meta';

/** 1-based row numbers on 填报表. */
export const ROW_TITLE = 1;
export const ROW_INFO = 2; // 填报单位 / 填报人 / 联系电话 / 导出时间
export const ROW_LEGEND = 3;
export const ROW_HEADER_1 = 4; // 领域 | 序号 | 指标 | 单位 | 责任单位 | 2023年 (merged ×3) … | 说明
export const ROW_HEADER_2 = 5; //                                        目标值 | 实际值 | 完成率
export const FIRST_DATA_ROW = 6;

/** 1-based column numbers of the fixed left part. */
export const COL_DOMAIN = 1;
export const COL_CODE = 2;
export const COL_NAME = 3;
export const COL_UNIT = 4;
export const COL_UNITS = 5;
export const FIRST_YEAR_COL = 6;
export const COLS_PER_YEAR = 3; // 目标值, 实际值, 完成率

export const HEADER_TARGET = '目标值';
export const HEADER_ACTUAL = '实际值';
export const HEADER_COMPLETION = '完成率';
export const HEADER_NOTE = '说明';
export const HEADER_ID = '指标ID';

/** Column layout for a plan with `years` (sorted ascending). */
export function templateColumns(years: readonly number[]) {
  const yearCols = years.map((year, i) => {
    const base = FIRST_YEAR_COL + i * COLS_PER_YEAR;
    return { year, target: base, actual: base + 1, completion: base + 2 };
  });
  const note = FIRST_YEAR_COL + years.length * COLS_PER_YEAR;
  /** Hidden column holding the indicator id, so rows re-sorted by hand still import exactly. */
  const id = note + 1;
  return { yearCols, note, id };
}

/** Meta sheet keys, one per row in column A with the value in column B, from row 1. */
export const META_KEYS = [
  'format',
  'schemaVersion',
  'planId',
  'planVersion',
  'department',
  'year',
  'exportedAt',
  'appVersion',
  'clerkName',
  'clerkPhone',
  // The plan's short name and title, so any reader of the file can name the plan it came from
  // (import.other-plan). Files written before these keys name the plan by planId only.
  'planShortName',
  'planTitle',
] as const;
export type MetaKey = (typeof META_KEYS)[number];

/**
 * After the keys, a blank row, then a header row "row | indicatorId | code" and one line per data
 * row of 填报表 as exported.
 */
export const META_ROWS_HEADER = ['row', 'indicatorId', 'code'] as const;

/**
 * Columns after META_ROWS_HEADER on the same rows: the provenance of the reporting year's actual
 * as exported (source, who, when, file, its sha256, department); blank when there is no value.
 */
export const META_SOURCE_HEADER = ['source', 'who', 'at', 'fileName', 'sha256', 'department'] as const;

/** File name like 住有宜居_2025年度_区住建局_指标填报.xlsx (all departments: 全部单位). */
export function templateFileName(planShortName: string, year: number, department: string | null): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_');
  return `${safe(planShortName)}_${year}年度_${safe(department ?? '全部单位')}_指标填报.xlsx`;
}

/** 住有宜居_2025年度_实施进度汇总.xlsx / .pdf */
export function reportFileName(planShortName: string, year: number, ext: 'pdf' | 'xlsx'): string {
  return `${planShortName}_${year}年度_实施进度报告.${ext}`;
}
