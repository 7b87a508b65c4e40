// Legacy .xls whose 8-bit text is GBK though the file does not say so. A BIFF5 (Excel 95) workbook
// stores text in the code page its CODEPAGE record names; Chinese writers have left that record
// out or set it to the Western 1252, and SheetJS then decodes GBK bytes as Western letters. A BIFF8
// workbook may hold "compressed" 8-bit strings, which the format defines as Latin-1, yet some
// writers put GBK bytes there. Neither can be told from the bytes alone with certainty, so the
// importer never guesses silently: when the text may be GBK, the workbook is also read as GBK and
// interpretation (code-page-choice.ts) keeps the reading whose indicator names match the plan,
// saying which code page it used. Record layouts: [MS-XLS] 2.4.52 CodePage, 2.4.21 BOF.
import type * as XLSXModule from '@e965/xlsx';
import type { NeutralSheet, WritableSheet } from './model';
import { putCell } from './model';

type XLSX = typeof XLSXModule;
/** The parts of SheetJS's compound-file container used here (its typings declare CFB as any). */
interface CfbEntry {
  content?: Uint8Array;
}
interface CfbContainer {
  FullPaths: string[];
  FileIndex: CfbEntry[];
}

/** GBK (simplified Chinese), Windows code page 936. */
export const GBK = 936;

/**
 * Single-byte Western code pages under which GBK bytes decode without error into accented letters:
 * 1252 (Windows Western), 0x8001 (SheetJS reads it as 1252), 28591 (ISO-8859-1), 10000 (Mac Roman),
 * 437 and 850 (DOS).
 */
const WESTERN = new Set([1252, 0x8001, 28591, 10000, 437, 850]);

/** What a BIFF workbook stream says about its text: its BIFF version and its CODEPAGE record (null = none). */
export interface BiffText {
  biff: 5 | 8 | null;
  declared: number | null;
}

const BOF = 0x0809;
const EOF = 0x000a;
const CODEPAGE = 0x0042;

function workbookStream(XLSX: XLSX, bytes: Buffer): { cfb: CfbContainer; entry: CfbEntry } | null {
  const cfb = XLSX.CFB.read(bytes, { type: 'buffer' }) as CfbContainer;
  const i = cfb.FullPaths.findIndex((p: string) => /\/(workbook|book)$/i.test(p));
  const entry = i < 0 ? undefined : cfb.FileIndex[i];
  return entry?.content ? { cfb, entry } : null;
}

/** Walks the globals substream (up to its EOF) for the BOF and CODEPAGE records; `at` of CODEPAGE's value. */
function scanGlobals(stream: Uint8Array): BiffText & { at: number } {
  const view = Buffer.from(stream.buffer, stream.byteOffset, stream.byteLength);
  let biff: 5 | 8 | null = null;
  for (let at = 0; at + 4 <= view.length; ) {
    const type = view.readUInt16LE(at);
    const len = view.readUInt16LE(at + 2);
    if (type === BOF && len >= 2 && biff === null) biff = view.readUInt16LE(at + 4) === 0x0600 ? 8 : 5;
    else if (type === CODEPAGE && len >= 2) return { biff, declared: view.readUInt16LE(at + 4), at: at + 4 };
    else if (type === EOF) break;
    at += 4 + len;
  }
  return { biff, declared: null, at: -1 };
}

/** The BIFF version and declared code page of an (unencrypted) .xls; null when it has no BIFF stream. */
export function biffTextOf(XLSX: XLSX, bytes: Buffer): BiffText | null {
  const found = workbookStream(XLSX, bytes);
  if (!found) return null;
  const { biff, declared } = scanGlobals(found.entry.content as Uint8Array);
  return { biff, declared };
}

/** Whether text decoded under this declaration may really be GBK (none, or a Western code page). */
export function mayBeUndeclaredGbk(text: BiffText): boolean {
  return text.declared === null || WESTERN.has(text.declared);
}

/**
 * The same .xls with its CODEPAGE record saying `codePage`, for SheetJS to decode with; null when
 * it has no such record (then SheetJS's `codepage` option supplies the default instead).
 */
export function withDeclaredCodePage(XLSX: XLSX, bytes: Buffer, codePage: number): Buffer | null {
  const found = workbookStream(XLSX, bytes);
  if (!found) return null;
  const content = Buffer.from(found.entry.content as Uint8Array);
  const { at } = scanGlobals(content);
  if (at < 0) return null;
  content.writeUInt16LE(codePage, at);
  found.entry.content = content;
  // The container is written anew (SheetJS's own CFB writer) with the one stream changed.
  return Buffer.from(XLSX.CFB.write(found.cfb, { type: 'buffer', fileType: 'cfb' }) as Uint8Array);
}

const NON_ASCII = /[\u0080-\uffff]/;
/** No character above U+00FF (a one-byte string); NUL, which no cell text holds, counts as one too. */
const BEYOND_A_BYTE = /[\u0100-\uffff]/;
const CJK = /[\u3400-\u9fff]/;
// Made on first use: opening ICU's GBK converter costs ~4 ms, a tenth of a small return's whole
// `inspect`, and an .xlsx or an ASCII-only .xls never needs it (docs/ARCHITECTURE.md §Command-line start).
let gbkDecoder: InstanceType<typeof TextDecoder> | null = null;

/** Whether any text of the sheets (cell strings or sheet names) has a character outside ASCII. */
export function hasNonAsciiText(sheets: NeutralSheet[]): boolean {
  for (const s of sheets) {
    if (NON_ASCII.test(s.name)) return true;
    for (const row of s.rows.values()) for (const c of row.values()) if (typeof c.value === 'string' && NON_ASCII.test(c.value)) return true;
  }
  return false;
}

/**
 * A BIFF8 compressed string (one byte per character, read as Latin-1) as GBK, when its bytes are
 * well-formed GBK holding Chinese; the text itself otherwise.
 */
export function latin1AsGbk(text: string): string {
  if (!NON_ASCII.test(text) || BEYOND_A_BYTE.test(text)) return text;
  try {
    const gbk = (gbkDecoder ??= new TextDecoder('gbk', { fatal: true })).decode(Buffer.from(text, 'latin1'));
    return CJK.test(gbk) ? gbk : text;
  } catch {
    return text;
  }
}

/** The sheets with every Latin-1 string that is really GBK decoded as GBK; null when none is. */
export function sheetsWithLatin1AsGbk(sheets: NeutralSheet[]): NeutralSheet[] | null {
  let changed = false;
  const out = sheets.map((s) => {
    const name = latin1AsGbk(s.name);
    const copy: WritableSheet = { ...s, name, rows: new Map(), maxRow: 0, maxCol: 0 };
    changed ||= name !== s.name;
    for (const row of s.rows.values())
      for (const c of row.values()) {
        const value = typeof c.value === 'string' ? latin1AsGbk(c.value) : c.value;
        changed ||= value !== c.value;
        putCell(copy, { ...c, value });
      }
    return copy;
  });
  return changed ? out : null;
}
