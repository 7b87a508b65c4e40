// What a read cell says, as the importer's rules see it: its trimmed text, a note's text as
// written, and whether it reads as a figure or as words.
import { parseNumberInput } from '../../../shared/domain/parse-number';
import type { NeutralCell } from './model';

/** A cell's text, trimmed ('' for a blank cell); a number as String(n), one stored as no figure as its stored text. */
export function cellText(cell: NeutralCell | undefined): string {
  if (!cell || cell.value === null) return '';
  if (typeof cell.value === 'string') return cell.value.trim();
  return cell.storedText?.trim() ?? String(cell.value);
}

/**
 * A note cell's text exactly as written (a note's own leading/trailing spaces and line breaks are
 * part of it, so re-importing an export shows no change); CRLF becomes LF as when typed in the
 * grid; a blank or whitespace-only cell is ''.
 */
export function noteText(cell: NeutralCell | undefined): string {
  if (!cell || typeof cell.value !== 'string') return cellText(cell);
  return cell.value.trim() === '' ? '' : cell.value.replace(/\r\n?/g, '\n');
}

/**
 * Whether a cell reads as a figure (a number, or text the one parser reads as a number) or as
 * words; null for a blank cell and for a no-figure mark ("/", "-", "——"), which count as neither.
 */
export function figureOrWords(cell: NeutralCell | undefined): 'figure' | 'words' | null {
  const v = cell?.value;
  if (typeof v === 'number') return 'figure';
  if (typeof v !== 'string' || v.trim() === '') return null;
  const parsed = parseNumberInput(v);
  if (!parsed.ok) return 'words';
  return parsed.kind === 'number' ? 'figure' : null;
}
