// The header rules: what role a column's header words give it (名称, 序号, 目标值, 实际值, 说明 …),
// as one table tried in order, with a test per entry (tests/electron/workbook/import-header-rules.test.ts).
import { toHalfWidth } from '../../../shared/domain/parse-number';

export type ValueRole = 'target' | 'actual';

export type ColumnRole = 'name' | 'code' | 'unit' | 'domain' | 'note' | 'other-period' | 'situation' | 'cumulative' | 'id' | 'completion' | ValueRole | 'year-only' | null;

const YEAR = /((?:19|20)\d{2})\s*年?度?/;
/** Every year in a header text (replace() resets lastIndex, so one shared instance is safe). */
const YEARS = new RegExp(YEAR.source, 'g');

/** Header words compared without spaces and in half-width. */
function squash(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '');
}

export function yearIn(text: string): number | null {
  const m = YEAR.exec(toHalfWidth(text));
  return m ? Number(m[1]) : null;
}

/** A range sign between two months: 1-11月, 1月至11月, 1～11月. */
const RANGE = '[-~～—–至到]';

/**
 * Words of a period other than the whole year, in a header with its years removed: half years,
 * quarters, this month (本月), months 1–11 alone or as a range not ending the year (1-11月,
 * 1月至11月, 截至11月底, 十一月), December alone (12月完成: one month's figure), last year, the
 * same period, forecasts. Through December is the year: 1-12月, 1月至12月, 截至12月, 12月底,
 * 一至十二月.
 */
const OTHER_PERIOD = new RegExp(
  [
    '半年|年中',
    '季度',
    `(?!0?1月?${RANGE}12月)\\d{1,2}月?${RANGE}\\d{1,2}月`,
    `(?<!\\d)(?<!\\d月?${RANGE})(?:0?[1-9]|1[01])月(?!${RANGE})`,
    `(?<!\\d)(?<!\\d月?${RANGE})(?<!截[至止])12月(?!份?[底末]|31日|${RANGE})`,
    `(?<![一二三四五六七八九十])(?:[一二三四五六七八九]|十一?)月(?!${RANGE})`,
    `(?<![一二三四五六七八九十至到止])十二月(?!份?[底末])`,
    '本月|当月|月度|月报|季报',
    '上年|去年|同期|预计|预测',
  ].join('|'),
);

/** Part-year words a title may use (see titleNamesOtherPeriod): no single month, which may be a date. */
const TITLE_PERIOD = new RegExp(
  ['半年|年中|季度|预计', `(?!0?1月?${RANGE}12月)\\d{1,2}月?${RANGE}\\d{1,2}月`, '截[至止](?:0?[1-9]|1[01])月', '前(?:\\d{1,2}|[一二三四五六七八九十]+)个?月'].join('|'),
);

/**
 * Whether a title above the header says its figures are of part of a year ("2025年1-11月指标完成
 * 情况表", "上半年"), when the headers themselves name no period. Narrower than OTHER_PERIOD: a
 * title line may carry a date ("2026年1月报送"), so a single month is not a period here.
 */
export function titleNamesOtherPeriod(text: string): boolean {
  return TITLE_PERIOD.test(squash(text).replace(YEARS, ''));
}

/**
 * The header rules, in the order they are tried; the first that matches a column's header text
 * gives its role. `on` says what the pattern sees: `rest` = the text without spaces, half-width, its
 * years removed; `word` = that rest without bracketed remarks and colons (指标名称（单位） → 指标名称).
 * `needsYear`: the rule applies only when the text names a year. One table, one test per entry
 * (tests/electron/workbook/import-header-rules.test.ts).
 */
export interface HeaderRule {
  role: Exclude<ColumnRole, null>;
  on: 'rest' | 'word';
  pattern: RegExp;
  needsYear?: boolean;
  /** Why the rule sits where it does. */
  why: string;
}

export const HEADER_RULES: readonly HeaderRule[] = [
  { role: 'id', on: 'rest', pattern: /指标ID/i, why: "the app template's hidden indicator-id column" },
  {
    role: 'note',
    on: 'word',
    pattern: /^(?!(主要)?指标(名称)?[及和与]).*(说明|备注|原因)/,
    why: 'a remark, even when it also says 完成 or 实际 (未完成原因说明): before target/actual; not a bracketed remark on another header (2025年实际值（未完成的请说明原因）), nor the name column 指标名称及说明',
  },
  {
    role: 'other-period',
    on: 'rest',
    pattern: OTHER_PERIOD,
    why: "another period's figures (上半年实际值, 1-11月完成, 截至11月底, 上年实际值, 预计完成值): not the year's target or actual, so never competing with it; 1-12月 and 12月底 are the whole year",
  },
  {
    role: 'situation',
    on: 'rest',
    pattern: /情况|进展/,
    why: '完成情况 / 实际完成情况: the narrative beside a 实际值 column of the same year (then a note), else the figures themselves (then the actual)',
  },
  { role: 'completion', on: 'rest', pattern: /完成率|完成比例|完成进度|达成率/, why: 'a computed ratio, not a figure: before actual (完成)' },
  {
    role: 'cumulative',
    on: 'rest',
    pattern: /累计(?!.*(目标|计划))/,
    why: '累计完成 / 累计实际值: another quantity beside a 实际值 column of the same year, else the actual itself (after completion: 累计完成率 is a ratio)',
  },
  { role: 'target', on: 'rest', pattern: /目标|计划/, why: '目标值, 规划目标, 计划数' },
  { role: 'actual', on: 'rest', pattern: /实际|完成|执行[数值]|实绩/, why: '实际值, 完成值, 实际完成, 执行数, 实绩' },
  { role: 'year-only', on: 'word', pattern: /^$/, needsYear: true, why: 'a bare year ("2025年") under or over a role word, or a table of targets' },
  { role: 'code', on: 'word', pattern: /^(序号|编号|序)$|^no\.?$/i, why: '序号 column' },
  { role: 'domain', on: 'word', pattern: /^(领域|类别|分类|领域类别)$/, why: '领域 column' },
  { role: 'unit', on: 'word', pattern: /^(计量)?单位$/, why: '单位 column' },
  { role: 'name', on: 'word', pattern: /^(主要)?指标(名称|内容|项目)?$|^(指标)?名称$|^项目$|^(主要)?指标(名称)?[及和与]/, why: 'the indicator name column (指标名称及说明 too)' },
];

/** A header text's role by HEADER_RULES; null when no rule matches. */
export function classifyHeader(text: string): ColumnRole {
  const t = squash(text);
  if (t === '') return null;
  const rest = t.replace(YEARS, '');
  const hasYear = rest !== t;
  const word = rest.replace(/\([^()]*\)/g, '').replace(/[:：]/g, '');
  for (const rule of HEADER_RULES) {
    if (rule.needsYear && !hasYear) continue;
    if (rule.pattern.test(rule.on === 'rest' ? rest : word)) return rule.role;
  }
  return null;
}


/** How a header names a year's role, for messages that quote it (2025年实际值). */
const ROLE_WORDS: Record<ValueRole, string> = { target: '目标值', actual: '实际值' };

/** A value column's year and role in the header's words: "2025年实际值". */
export function claimName(c: { year: number; role: ValueRole }): string {
  return `${c.year}年${ROLE_WORDS[c.role]}`;
}

/** One header column: its number (A = 1), role by HEADER_RULES, the year its words name, and the words as written. */
export interface HeaderColumn {
  col: number;
  role: ColumnRole;
  year: number | null;
  text: string;
}
