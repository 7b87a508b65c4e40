// One value cell of a return → a number (percent units for rates), "/", nothing, or a refusal
// reported as an issue naming its sheet and cell. The interpreter (interpret.ts) reads every
// target and actual through readValueCell (docs/ARCHITECTURE.md §Import pipeline).
import type { ImportIssue } from '../../../shared/api/contract';
import type { Indicator } from '../../../shared/domain/plan';
import { isPercentUnit } from '../../../shared/domain/plan';
import { parseNumberInput } from '../../../shared/domain/parse-number';
import { percentSignReason } from '../../../shared/domain/plausible';
import type { AppMessage } from '../../../shared/i18n/engine';
import { parseRefusalMessage } from '../../../shared/i18n/messages';
import type { NeutralCell, NeutralSheet } from './model';
import { importMessage } from './import-messages';

/** The issues found while interpreting one workbook, in the order found. */
export class Issues {
  readonly list: ImportIssue[] = [];
  add(severity: ImportIssue['severity'], sheet: string, cell: string, message: AppMessage): void {
    this.list.push({ severity, sheet, cell, message });
  }

  /** Takes back what was said of `cell` ("sheet!F9") under `key`, when a later finding says otherwise. */
  withdraw(ref: string, key: string): void {
    const at = this.list.findIndex((i) => `${i.sheet}!${i.cell}` === ref && i.message.key === key);
    if (at >= 0) this.list.splice(at, 1);
  }
}

export const ref = (sheet: NeutralSheet, cell: NeutralCell | string) => `${sheet.name}!${typeof cell === 'string' ? cell : cell.address}`;

export function roundPercent(v: number): number {
  // 0.105 * 100 = 10.500000000000002; twelve significant digits is far beyond any figure typed.
  return Number((v * 100).toPrecision(12));
}

export type ReadValue = { kind: 'number'; value: number } | { kind: 'slash' } | { kind: 'empty' } | { kind: 'refused' };

/** One value cell → a number, "/", nothing, or a refusal (already reported as an issue). */
export function readValueCell(cell: NeutralCell | undefined, ind: Indicator | null, sheet: NeutralSheet, issues: Issues): ReadValue {
  if (!cell || cell.value === null) {
    // A formula nobody calculated is not an empty cell: leaving it out silently would lose the figure.
    if (cell?.uncalculated) return refuseCell(cell, sheet, issues, importMessage('import.formula-uncalculated', { formula: cell.formula ?? '' }));
    return EMPTY;
  }
  const kind = ind?.kind;
  if (cell.isError || typeof cell.value === 'boolean') return refuseCell(cell, sheet, issues, parseRefusalMessage('not-a-number', String(cell.value)));
  if (typeof cell.value === 'number') {
    let v = cell.value;
    // A number cell stored as no figure ("1,6", "0x6", "INF": stored-cells.ts), or NaN/Infinity from
    // another reader: no clerk typed it; a program wrote the file wrongly. The stored text is shown.
    if (!Number.isFinite(v)) return refuseCell(cell, sheet, issues, importMessage('import.stored-not-a-number', { text: cell.storedText ?? String(v) }));
    if (cell.percent) {
      if (!ind || isPercentUnit(ind.unit)) v = roundPercent(v);
      else
        issues.add('warning', sheet.name, cell.address, importMessage('import.percent-not-rate', { shown: `${roundPercent(v)}%`, unit: ind.unit, value: v }));
    }
    if (v < 0 && (kind === 'cumulative' || kind === 'stock')) return refuseCell(cell, sheet, issues, parseRefusalMessage('negative-count', String(v)));
    return { kind: 'number', value: v };
  }
  // A formula whose stored result is "" reads as empty, but said: a program (xlwt) may have written it uncalculated.
  if (cell.formula !== null && cell.value.trim() === '') {
    issues.add('warning', sheet.name, cell.address, importMessage('import.formula-shows-nothing', { formula: cell.formula }));
    return EMPTY;
  }
  if (INVISIBLE.test(cell.value)) return readInvisible(cell, cell.value, ind, sheet, issues);
  const parsed = parseNumberInput(cell.value, kind ? { kind } : {});
  if (!parsed.ok) return refuseCell(cell, sheet, issues, parseRefusalMessage(parsed.code, parsed.text));
  if (parsed.kind !== 'number') return parsed.kind === 'slash' ? SLASH : EMPTY;
  // "12%" written as text for a count: read as 12, never silently (the shared rule, plausible.ts).
  const percent = ind ? percentSignReason(ind.unit, cell.value, parsed) : null;
  if (percent) issues.add('warning', sheet.name, cell.address, percent);
  return { kind: 'number', value: parsed.value };
}

/**
 * Characters that show as nothing or as a plain space but make text no number: bidi marks and
 * embeddings, zero-width spaces and joiners, word joiner, BOM, soft hyphen, no-break spaces (all
 * pasted from web pages and chat programs). Not a global regex: .test() must not keep state between cells.
 */
const INVISIBLE = /[\u00a0\u00ad\u2007\u202f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');
/** The no-break spaces among them: they show as a space, so they stand where a space would (a space between digits is then judged as one, parse-number.ts). */
const NO_BREAK_SPACES = /[\u00a0\u2007\u202f]/g;

/** A text as the clerk sees it: invisible characters dropped, no-break spaces as spaces, trimmed. */
export function visibleText(text: string): string {
  return text.replace(NO_BREAK_SPACES, ' ').replace(INVISIBLE_ALL, '').trim();
}

/** "U+200E, U+00A0": which invisible characters a text holds, for the clerk's message. */
function invisibleNames(text: string): string {
  const found = new Set(text.match(INVISIBLE_ALL) ?? []);
  return [...found].map((ch) => `U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`).join(', ');
}

/** A text value holding invisible characters: read without them when what remains is a clean number, with a warning. */
function readInvisible(cell: NeutralCell, text: string, ind: Indicator | null, sheet: NeutralSheet, issues: Issues): ReadValue {
  const visible = text.replace(NO_BREAK_SPACES, ' ').replace(INVISIBLE_ALL, '');
  const parsed = parseNumberInput(visible, ind?.kind ? { kind: ind.kind } : {});
  const params = { text: visible.trim(), chars: invisibleNames(text) };
  // Digits split by a no-break space are refused for what they are, as when typed with a space.
  if (!parsed.ok)
    return refuseCell(cell, sheet, issues, parsed.code === 'space-inside' ? parseRefusalMessage(parsed.code, params.text) : importMessage('import.invisible-not-a-number', params));
  if (parsed.kind !== 'number') return parsed.kind === 'slash' ? SLASH : EMPTY;
  issues.add('warning', sheet.name, cell.address, importMessage('import.invisible-stripped', { ...params, value: parsed.value }));
  const percent = ind ? percentSignReason(ind.unit, visible, parsed) : null;
  if (percent) issues.add('warning', sheet.name, cell.address, percent);
  return { kind: 'number', value: parsed.value };
}

export const EMPTY: ReadValue = { kind: 'empty' };
export const SLASH: ReadValue = { kind: 'slash' };
export const REFUSED: ReadValue = { kind: 'refused' };

export function refuseCell(cell: NeutralCell, sheet: NeutralSheet, issues: Issues, m: AppMessage): ReadValue {
  issues.add('error', sheet.name, cell.address, m);
  return REFUSED;
}

