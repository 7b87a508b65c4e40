// Every text the exporter writes must be a legal XML 1.0 character sequence, or the workbook's
// XML (sharedStrings.xml, sheet names, properties) is malformed and Excel/openpyxl refuse the file.
// XML 1.0 allows only #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]:
// C0 controls other than tab/LF/CR, U+FFFE/U+FFFF and lone surrogates are removed. Spaces and
// line breaks are kept as they are (ExcelJS writes xml:space="preserve").
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` without the characters XML 1.0 forbids (see the module comment). */
export function xmlSafeText(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/** The same characters as FORBIDDEN, without the global flag (so test() keeps no state). */
const HAS_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/**
 * A cheap first look, a loop over char codes (quicker than a regex call on the short strings and
 * keys an export's input is made of: a 10,000-row input has about a million): C0 controls but tab,
 * LF and CR, any surrogate, U+FFFE/U+FFFF. Only a string it flags is checked for real (paired
 * surrogates are legal).
 */
function maybeForbidden(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x20 ? c !== 0x09 && c !== 0x0a && c !== 0x0d : c >= 0xd800 && (c <= 0xdfff || c >= 0xfffe)) return true;
  }
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

/** Whether any string in `value` (or key of its plain objects) holds a character XML 1.0 forbids. */
function needsCleaning(value: unknown): boolean {
  if (typeof value === 'string') return maybeForbidden(value) && HAS_FORBIDDEN.test(value);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) if (needsCleaning(item)) return true;
    return false;
  }
  if (isPlainObject(value)) {
    for (const k in value) if ((maybeForbidden(k) && HAS_FORBIDDEN.test(k)) || needsCleaning(value[k])) return true;
  }
  return false;
}

function cleanDeep<T>(value: T): T {
  if (typeof value === 'string') return xmlSafeText(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => cleanDeep(v)) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[xmlSafeText(k)] = cleanDeep(v);
    return out as T;
  }
  return value;
}

/**
 * `value` with every string in it made XML-safe (xmlSafeText), through plain objects and arrays;
 * Dates and other values are kept. The exporter streams rows out as it makes them, so it cleans
 * its whole input once, up front: every text it writes comes from the input or is a constant of
 * the exporter, and none can bypass the rule. Input that is already clean (nearly always) is
 * returned as it is, not copied: copying 10,000 rows cost more than writing some of them.
 * Treat the result as read-only.
 */
export function xmlSafeDeep<T>(value: T): T {
  return needsCleaning(value) ? cleanDeep(value) : value;
}
