// Matching a row of a clerk's table to an indicator of the plan by 序号 and name. Names are
// compared normalised (half-width, no spaces, one kind of bracket, unit suffix optional), because
// the same indicator is typed a dozen ways; the name wins when it and the 序号 disagree.
import type { Indicator, Plan } from '../../../shared/domain/plan';
import { displayName } from '../../../shared/domain/plan';
import { toHalfWidth } from '../../../shared/domain/parse-number';
import { isBreakdownText, isUnitText, normalizeName } from '../../../shared/domain/indicator-name';

export { normalizeName };

const TRAILING_UNIT = /\(([^()]*)\)$/;

/**
 * The normalised name without its trailing "(unit)", and that unit (null when none). A closing
 * bracket that cannot be a unit (isUnitText: "(第1组)", "(2023年)") is part of the name.
 */
export function splitUnit(normalized: string): { bare: string; unit: string | null } {
  const m = TRAILING_UNIT.exec(normalized);
  return m && isUnitText(m[1] as string) ? { bare: normalized.slice(0, m.index), unit: m[1] as string } : { bare: normalized, unit: null };
}

/** A normalised name ending in a part or a period ("…(第1组)", "…(2024年)"): isBreakdownText. */
function endsInBreakdown(normalized: string): boolean {
  const m = TRAILING_UNIT.exec(normalized);
  return m !== null && isBreakdownText(m[1] as string);
}

export function normalizeCode(code: string): string {
  const visible = code.replace(/[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '');
  return (/[\uff01-\uff5e\u3000]/.test(visible) ? toHalfWidth(visible) : visible).trim().replace(/[.、．]$/, '');
}

export interface MatchResult {
  indicator: Indicator | null;
  /** The 序号 pointed at another indicator than the name did. */
  codeDisagrees: boolean;
  /** The unit written after the name, when it is not the plan's unit. */
  otherUnit: string | null;
}

export interface Matcher {
  match(name: string, code: string | null): MatchResult;
  byId(id: string): Indicator | undefined;
  /** A 领域 of the plan, or a numbered section heading such as "一、住房保障". */
  isSectionHeading(name: string): boolean;
}

const SECTION_NUMBER = /^[一二三四五六七八九十]+[、.．]|^[（(][一二三四五六七八九十]+[)）]/;

export function makeMatcher(plan: Plan): Matcher {
  const byId = new Map(plan.indicators.map((ind) => [ind.id, ind]));
  const domains = new Set(plan.domains.map(normalizeName));
  // Built on the first name lookup: the template path matches by id and never needs them.
  let byName: Map<string, Indicator> | null = null;
  let byCode: Map<string, Indicator> | null = null;
  const indexes = () => {
    if (!byName || !byCode) {
      byName = new Map();
      byCode = new Map();
      for (const ind of plan.indicators) {
        byName.set(normalizeName(displayName(ind)), ind);
        if (!byName.has(normalizeName(ind.name))) byName.set(normalizeName(ind.name), ind);
        byCode.set(normalizeCode(ind.code), ind);
      }
    }
    return { byName, byCode };
  };
  const planUnit = (ind: Indicator) => normalizeName(ind.unit);

  return {
    byId: (id) => byId.get(id),
    isSectionHeading: (name) => SECTION_NUMBER.test(name.trim()) || domains.has(normalizeName(name)),
    match(name, code) {
      const { byName, byCode } = indexes();
      const n = normalizeName(name);
      const { bare, unit } = splitUnit(n);
      const codeHit = code === null ? undefined : byCode.get(normalizeCode(code));
      let ind = byName.get(n);
      let otherUnit: string | null = null;
      if (!ind) {
        ind = byName.get(bare);
        if (ind && unit !== null && unit !== planUnit(ind)) otherUnit = unit;
      }
      // A name shortened or lengthened a little still counts when its 序号 agrees — but not one
      // lengthened by a part or a period: "…（第1组）" under the indicator's 序号 is a sub-group
      // row, and taking it would read its figure as the indicator's.
      if (!ind && codeHit && !endsInBreakdown(n)) {
        const planBare = normalizeName(codeHit.name);
        if (bare.length >= 4 && (bare.includes(planBare) || planBare.includes(bare))) ind = codeHit;
      }
      if (!ind) return { indicator: null, codeDisagrees: false, otherUnit: null };
      const codeDisagrees = code !== null && normalizeCode(code) !== '' && normalizeCode(code) !== normalizeCode(ind.code);
      return { indicator: ind, codeDisagrees, otherUnit };
    },
  };
}
