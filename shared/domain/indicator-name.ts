// How two spellings of an indicator's name (or unit) are compared: the importer matches a clerk's
// row to the plan with it (electron/workbook/import/match.ts), and a plan table is recognised as a
// plan already in the database with it (plan-draft.ts). One rule, so "the same indicator" means
// the same thing in both places.

/** Bracket code points unified to "(" / ")". */
const OPEN = new Set([0x3010, 0x3014, 0x5b, 0x7b, 0xfe59, 0x28]);
const CLOSE = new Set([0x3011, 0x3015, 0x5d, 0x7d, 0xfe5a, 0x29]);

/** U+00AD…U+206F that show as nothing (U+FEFF is checked apart): plain compares, as it runs for every character of every name. */
function isInvisible(code: number): boolean {
  return code === 0xad || code === 0x180e || code === 0x2007 || code === 0x202f || (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2060 && code <= 0x2069);
}

/**
 * Half-width (as toHalfWidth), brackets unified to (), no whitespace or invisible characters, lower case — in one pass over
 * char codes, because the importer normalises every row name and, once, every plan name.
 */
export function normalizeName(name: string): string {
  // Built by concatenation, not String.fromCharCode(...codes): a hostile cell of a million
  // characters must not overflow the call stack.
  let out = '';
  for (let i = 0; i < name.length; i++) {
    let code = name.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
    if (code === 0x3000 || code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0) continue;
    // Characters that show as nothing (zero-width space and joiners, bidi marks, soft hyphen, BOM),
    // pasted from web pages and chat programs: a name holding one looks the same and is the same.
    if (code >= 0xad && (code <= 0x206f ? isInvisible(code) : code === 0xfeff)) continue;
    if (OPEN.has(code)) code = 0x28;
    else if (CLOSE.has(code)) code = 0x29;
    else if (code >= 0x41 && code <= 0x5a) code += 32;
    out += String.fromCharCode(code);
  }
  return out;
}

/** A digit not directly after a Latin letter ("第1组", "2023年"); "m2", "km2", "μg/m3" pass. */
const NON_EXPONENT_DIGIT = /(?:^|[^A-Za-zµμ])[0-9０-９]/;

/**
 * Whether the text inside a name's closing bracket can be a unit of measure — 城镇住房保障受益覆盖率
 * (%), …套数（套）, …面积（万m2）, PM2.5浓度（μg/m3） — rather than words that belong to the name:
 * an ordinal or a number such as （第1组）, （第二批）, （2023年）, or a note such as （注）, （含棚改）.
 * A unit holds no 第, no digit other than an exponent right after a Latin letter, and does not open
 * with a note's word (注, 含, 其中, 暂定 …). Used wherever a name's last bracket may be
 * taken as its unit: matching a clerk's row to the plan (match.ts) and reading a plan table
 * (plan-inference.ts), so "X（第1组）" is never read as indicator X in the unit "第1组".
 */
export function isUnitText(text: string): boolean {
  return !isBreakdownText(text) && !QUALIFIER.test(text.trim());
}

/**
 * Whether a name's closing bracket names a part or a period of something — （第1组）, （第二批）,
 * （2024年） — which makes the row another figure than the indicator's, even under its 序号
 * (match.ts). A note or scope word (（注）, （含省级）) only qualifies the same indicator.
 */
export function isBreakdownText(text: string): boolean {
  const t = text.trim();
  return t.startsWith('第') || NON_EXPONENT_DIGIT.test(t);
}

/** Words that open a note or a qualifier in a name's bracket (（注）, （含棚改）, （暂定）), never a unit. */
const QUALIFIER = /^(注|备注|说明|含|不含|包括|其中|预计|暂定|试行|参考)/;
