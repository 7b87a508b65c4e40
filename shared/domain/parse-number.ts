// What clerks type (or paste, or leave in a workbook cell as text) → a number, "no value", or a
// refusal with a reason. Used by the grid, paste, the importer and the CLI: one parser.
import type { IndicatorKind } from './plan';

/** Why a text is not a figure (each has a parse.<code> message in shared/i18n/messages). */
export const PARSE_REFUSAL_CODES = [
  'not-a-number',
  'approximate',
  'chinese-magnitude',
  'several-decimal-points',
  'bad-thousands-separator',
  'space-inside',
  'negative-count',
  'not-finite',
] as const;
export type ParseRefusalCode = (typeof PARSE_REFUSAL_CODES)[number];

export type ParsedNumber =
  /** A number in the indicator's unit. `fromPercent` is true when the text carried a % sign. */
  | { ok: true; kind: 'number'; value: number; fromPercent: boolean }
  /** Nothing entered: "", spaces, "-", "—", "——", "–". */
  | { ok: true; kind: 'empty' }
  /** "/" (or its full-width form): explicitly no value / no target. */
  | { ok: true; kind: 'slash' }
  | { ok: false; code: ParseRefusalCode; text: string };

export interface ParseOptions {
  /** Counts (cumulative, stock) may not be negative. Rates may (a growth rate can fall). */
  kind?: IndicatorKind;
}

const FULL_WIDTH_START = 0xff01;
const FULL_WIDTH_END = 0xff5e;

/** Full-width ASCII (０-９, ．, ，, ％, －, ／ …) to half-width; ideographic space to space. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code >= FULL_WIDTH_START && code <= FULL_WIDTH_END) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

const EMPTY_MARKS = new Set(['', '-', '--', '—', '——', '–', '―', '－', '一']);
const SLASH_MARKS = new Set(['/', '／', '\\']);
const APPROX_WORDS = /(约|大约|近|超过|不足|左右|以上|以下|多|余|≈|~)/;
const CN_MAGNITUDE = /[万亿千百十]/;

/**
 * A space between two digits is a thousands separator only in groups of three ("1 050",
 * "12 345 678.5"); anywhere else ("10 62", "2 2 3") it splits two numbers, and joining them would
 * invent a figure nobody typed. Spaces next to a sign, the decimal point or "%" are just spacing.
 */
const SPACE_GROUPED = /^[+-]?\d{1,3}( \d{3})+(\.\d*)?%?$/;

/**
 * Parse one cell's text. Accepts "1,050", "１０５０", "87.5%", " 12 ", "1 050", "+3", "1.5e3" is
 * refused (clerks do not type exponents; it is almost always a paste accident). Spaces inside the
 * digits are refused unless they group thousands (SPACE_GROUPED): "10 62" → 'space-inside'.
 */
export function parseNumberInput(raw: string, options: ParseOptions = {}): ParsedNumber {
  // U+2212 (the typographic minus of web pages and Word) is a minus sign.
  const text = toHalfWidth(raw).replace(/[\u00a0\u200b\t\r\n]/g, ' ').replace(/\u2212/g, '-').trim();
  if (EMPTY_MARKS.has(text)) return { ok: true, kind: 'empty' };
  if (SLASH_MARKS.has(text)) return { ok: true, kind: 'slash' };

  // Keep only the spaces between two digits; those must group thousands.
  const digitSpaces = text.replace(/\s+/g, ' ').replace(/ (?!\d)|(?<!\d) /g, '');
  if (digitSpaces.includes(' ') && !SPACE_GROUPED.test(digitSpaces) && /^[+-]?[\d, ]*(\.[\d ]*)?%?$/.test(digitSpaces)) return refuse('space-inside', raw);
  let body = text.replace(/\s+/g, '');
  let fromPercent = false;
  if (body.endsWith('%')) {
    fromPercent = true;
    body = body.slice(0, -1);
  }
  if (/^[+-]?(\d[\d,]*)?(\.\d*)?$/.test(body) && /\d/.test(body)) {
    if ((body.match(/\./g) ?? []).length > 1) return refuse('several-decimal-points', raw);
    const [intPart = ''] = body.replace(/^[+-]/, '').split('.');
    if (intPart.includes(',') && !/^\d{1,3}(,\d{3})+$/.test(intPart)) return refuse('bad-thousands-separator', raw);
    const value = Number(body.replace(/,/g, ''));
    if (!Number.isFinite(value)) return refuse('not-finite', raw);
    if (value < 0 && (options.kind === 'cumulative' || options.kind === 'stock')) return refuse('negative-count', raw);
    return { ok: true, kind: 'number', value: value === 0 ? 0 : value, fromPercent };
  }
  if (/^[+-]?\d+(\.\d+)?(\.\d+)+$/.test(body)) return refuse('several-decimal-points', raw);
  if (APPROX_WORDS.test(body) && /\d/.test(body)) return refuse('approximate', raw);
  if (CN_MAGNITUDE.test(body) && /\d/.test(body)) return refuse('chinese-magnitude', raw);
  return refuse('not-a-number', raw);
}

function refuse(code: ParseRefusalCode, text: string): ParsedNumber {
  return { ok: false, code, text };
}
