// How two spellings of an indicator's name (or unit) are compared: the importer matches a clerk's
// row to the plan with it (electron/workbook/import/match.ts), and a plan table is recognised as a
// plan already in the database with it (plan-draft.ts). One rule, so "the same indicator" means
// the same thing in both places.

/** Bracket code points unified to "(" / ")". */
const OPEN = new Set([0x3010, 0x3014, 0x5b, 0x7b, 0xfe59, 0x28]);
const CLOSE = new Set([0x3011, 0x3015, 0x5d, 0x7d, 0xfe5a, 0x29]);

/**
 * Half-width (as toHalfWidth), brackets unified to (), no whitespace, lower case — in one pass over
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
    if (OPEN.has(code)) code = 0x28;
    else if (CLOSE.has(code)) code = 0x29;
    else if (code >= 0x41 && code <= 0x5a) code += 32;
    out += String.fromCharCode(code);
  }
  return out;
}
