// What a plan table's words say about an indicator, inferred the way a reader of the table would
// (docs/ARCHITECTURE.md §Plans as data): the unit from the bracket at the end of the name, the kind
// from 累计 / % / 率, the direction from how targets are written (≤N, 控制在N以内, 降至N → lower)
// and from their trend, and each target cell's number with its qualifier taken off. Pure: the
// importer, the preview and the tests share it. The preview shows every inference with its reason
// so the user can correct it.
import { isUnitText } from './indicator-name';
import { parseNumberInput, toHalfWidth } from './parse-number';
import type { Direction, IndicatorKind, Target } from './plan';
import { NO_TARGET } from './plan';

/** Why a kind or direction was inferred (shown in the preview, keyed for both languages). */
export type KindReason = 'cumulative-word' | 'percent-unit' | 'rate-word' | 'default-stock';
export type DirectionReason = 'upper-bound' | 'falling-to' | 'falling-targets' | 'default-higher';

/**
 * "城镇住房保障受益覆盖率(%)" → name 城镇住房保障受益覆盖率, unit %. Only the LAST bracket at the
 * end is the unit ("…套(间)数(套)" keeps 套（间） in the name). Brackets inside the name become
 * full-width, as the plan prints them; spaces between Chinese characters go (a wrapped cell).
 * A name with no bracket at the end, or whose last bracket is no unit (isUnitText: （第1组）), has unit ''.
 */
export function splitNameUnit(text: string): { name: string; unit: string } {
  const flat = squashCjkSpaces(text.replace(/[\r\n\t\u3000]+/g, ' ').trim());
  const found = /^(.*?)\s*[(（]([^()（）]*)[)）]\s*$/.exec(flat);
  // "…（第1组）", "…（2023年）": words of the name, not a unit.
  const m = found && isUnitText(toHalfWidth(found[2] as string)) ? found : null;
  const rawName = m ? (m[1] as string) : flat;
  return { name: rawName.replace(/\(/g, '（').replace(/\)/g, '）').trim(), unit: m ? normalizeUnit(m[2] as string) : '' };
}

/** A unit as written in a name's brackets or a 单位 column: half-width and trimmed, ％ → %. */
export function normalizeUnit(text: string): string {
  const unit = toHalfWidth(text.trim());
  return unit === '％' ? '%' : unit;
}

/** Spaces next to a CJK character are layout ("住 房 保 障"), not part of the words. */
export function squashCjkSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/(?<=[\u3400-\u9fff（）、])\s+|\s+(?=[\u3400-\u9fff（）、])/g, '').trim();
}

/** 累计… → cumulative; a % unit or a name ending in 率/比例/占比 → rate; everything else a stock (a year-end level). */
export function inferKind(name: string, unit: string): { kind: IndicatorKind; reason: KindReason } {
  if (name.includes('累计')) return { kind: 'cumulative', reason: 'cumulative-word' };
  if (unit === '%' || unit === '％' || unit === '‰') return { kind: 'rate', reason: 'percent-unit' };
  if (/(率|比例|占比|比重)$/.test(name)) return { kind: 'rate', reason: 'rate-word' };
  return { kind: 'stock', reason: 'default-stock' };
}

/** The qualifier a target cell is written with. */
export type Qualifier = 'none' | 'at-most' | 'at-least' | 'falling-to';

/** A target cell read: a number (qualifier taken off), "/", nothing, or text that is no target. */
export type TargetRead =
  | { kind: 'number'; value: number; qualifier: Qualifier }
  | { kind: 'slash' }
  | { kind: 'empty' }
  | { kind: 'text'; text: string };

// Written around a number: ≤10, <=10, 不超过10, 不高于10, 10以内, 10以下, 控制在5.5以内, 降至3, 下降到3.
const AT_MOST_BEFORE = /^(≤|<=|＜=|<|＜|不超过|不高于|不大于|低于|小于|控制在|控制到|控制于)/;
const AT_MOST_AFTER = /(以内|以下|之内)$/;
const AT_LEAST_BEFORE = /^(≥|>=|>|＞|不低于|不少于|不小于|大于|高于|达到|超过|保持)/;
const AT_LEAST_AFTER = /(以上|及以上)$/;
const FALLING_BEFORE = /^(降至|降到|下降至|下降到|减少至|减少到|压减至|压降至)/;

/**
 * One target cell's text → its number and qualifier. "100%" in a % indicator is 100 (percent
 * units: 100 means 100%); "≤10" is 10 at-most; "控制在5.5以内" 5.5 at-most; "降至3" 3 falling-to;
 * "≥95"/"95以上" 95 at-least; "/" no target; a trailing unit that is the indicator's ("25个") is
 * allowed. Anything else ("全面完成") is text, for the importer to refuse naming its cell.
 */
export function readTargetText(raw: string, unit: string): TargetRead {
  let text = toHalfWidth(raw).replace(/\s+/g, '');
  const plain = parseNumberInput(text);
  if (plain.ok) return plain.kind === 'number' ? { kind: 'number', value: plain.value, qualifier: 'none' } : { kind: plain.kind };
  let qualifier: Qualifier = 'none';
  const before: [RegExp, Qualifier][] = [[FALLING_BEFORE, 'falling-to'], [AT_MOST_BEFORE, 'at-most'], [AT_LEAST_BEFORE, 'at-least']];
  const hit = before.find(([re]) => re.test(text));
  if (hit) {
    text = text.replace(hit[0], '');
    qualifier = hit[1];
  }
  const after: [RegExp, Qualifier][] = [[AT_MOST_AFTER, 'at-most'], [AT_LEAST_AFTER, 'at-least']];
  const tail = after.find(([re]) => re.test(text));
  if (tail) {
    text = text.replace(tail[0], '');
    // 控制在5.5以内 is at-most from its start already; 降至3以下 stays falling-to.
    if (qualifier === 'none') qualifier = tail[1];
  }
  const u = toHalfWidth(unit);
  if (u !== '' && u !== '%' && text.endsWith(u)) text = text.slice(0, -u.length);
  const parsed = parseNumberInput(text);
  if (parsed.ok && parsed.kind === 'number') return { kind: 'number', value: parsed.value, qualifier };
  return { kind: 'text', text: raw.trim() };
}

/** A number cell stored as a fraction under a percent format (0.95 shown as 95%) in percent units. */
export function percentCellValue(value: number): number {
  return Number((value * 100).toPrecision(12));
}

/**
 * Higher by default. Lower when a target is written as an upper bound (≤N, N以内, 控制在N以内) or
 * as 降至N, or when the numeric targets fall year on year (never rise, fall at least once). The
 * name's words do not decide: a …下降率 whose targets rise is still higher-is-better.
 */
export function inferDirection(kind: IndicatorKind, reads: TargetRead[]): { direction: Direction; reason: DirectionReason } {
  const qualifiers = reads.flatMap((r) => (r.kind === 'number' ? [r.qualifier] : []));
  if (qualifiers.includes('at-most')) return { direction: 'lower', reason: 'upper-bound' };
  if (qualifiers.includes('falling-to')) return { direction: 'lower', reason: 'falling-to' };
  const values = reads.flatMap((r) => (r.kind === 'number' ? [r.value] : []));
  if (kind !== 'cumulative' && values.length >= 2 && !qualifiers.includes('at-least')) {
    const neverRises = values.every((v, i) => i === 0 || v <= (values[i - 1] as number));
    if (neverRises && (values[values.length - 1] as number) < (values[0] as number)) return { direction: 'lower', reason: 'falling-targets' };
  }
  return { direction: 'higher', reason: 'default-higher' };
}

/** A read target as stored: the number, "/", or null for an empty cell (the year gets no entry). */
export function targetOf(read: TargetRead): Target | null {
  if (read.kind === 'number') return read.value;
  if (read.kind === 'slash') return NO_TARGET;
  return null;
}

/**
 * The plan's short name from a table title: the text in “…” or "…" (表：某区“学有优教”工程五年目标
 * → 学有优教); null when the title quotes nothing.
 */
export function shortNameFromTitle(title: string): string | null {
  const m = /[“"「『]([^”"」』]{1,40})[”"」』]/.exec(title);
  return m ? (m[1] as string).trim() : null;
}

/** A title row without its 表： / 表1. / 附表 prefix. */
export function stripTablePrefix(title: string): string {
  return title.replace(/^\s*(附)?表\s*\d*[:：.、\s]\s*/, '').trim();
}

/**
 * 牵头单位 / 责任单位 text → lead and co-units: the unit marked * is the lead, else the first;
 * split on 、，,；; and spaces/line breaks.
 */
export function splitUnits(text: string): { lead: string | null; co: string[] } {
  const parts = toHalfWidth(text)
    .split(/[、,;；\n]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const starred = parts.findIndex((p) => p.startsWith('*'));
  const clean = parts.map((p) => p.replace(/^\*+/, '').trim()).map((p) => p.replace(/\(/g, '（').replace(/\)/g, '）').replace(/<|＜/g, '（').replace(/>|＞/g, '）'));
  if (clean.length === 0) return { lead: null, co: [] };
  const leadAt = starred >= 0 ? starred : 0;
  return { lead: clean[leadAt] as string, co: clean.filter((_, i) => i !== leadAt) };
}
