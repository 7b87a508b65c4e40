// Reads a zip's central directory by hand (no extra package) and refuses, before ExcelJS runs,
// what would exhaust memory or time: truncated archives, zip bombs (declared or lying sizes),
// sheets claiming absurd row counts. Each entry is inflated once here with a hard output cap, so
// an entry that lies about its size is caught without ever allocating more than it declared.
import { promisify } from 'node:util';
import { inflateRaw, inflateRawSync } from 'node:zlib';
import type { ImportLimits } from './limits';
import { unreadable } from './import-messages';
import { partKey, tabNameOfPart } from './package-parts';
import { decodeXmlBytes } from './xml-stream';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const U32_MAX = 0xffffffff;

type Guard = { file: string; limits: ImportLimits };

function damaged(g: Guard, cause?: unknown) {
  return unreadable('import.damaged', { file: g.file }, cause);
}

function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) if (buf.readUInt32LE(i) === SIG_EOCD) return i;
  return -1;
}

function readBigU64(buf: Buffer, offset: number): number {
  const v = buf.readBigUInt64LE(offset);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

/** The central directory's entries; throws UnreadableWorkbookError when the archive is cut or malformed. */
export function readCentralDirectory(buf: Buffer, g: Guard): ZipEntry[] {
  const eocd = findEocd(buf);
  if (eocd < 0) throw damaged(g);
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === U32_MAX || cdOffset === U32_MAX) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== SIG_EOCD64_LOCATOR) throw damaged(g);
    const rec = readBigU64(buf, loc + 8);
    if (rec + 56 > buf.length || buf.readUInt32LE(rec) !== SIG_EOCD64) throw damaged(g);
    count = readBigU64(buf, rec + 32);
    cdSize = readBigU64(buf, rec + 40);
    cdOffset = readBigU64(buf, rec + 48);
  }
  // Thousands of entries is not a compression trick but a package no office suite writes: told as what it is.
  if (count > g.limits.maxEntries) throw unreadable('import.too-many-entries', { file: g.file, count, max: g.limits.maxEntries });
  if (cdOffset + cdSize > buf.length) throw damaged(g);

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== SIG_CENTRAL) throw damaged(g);
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localHeaderOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    // ZIP64 extended information: the fields that overflowed, in this fixed order.
    let x = p + 46 + nameLen;
    const extraEnd = x + extraLen;
    while (x + 4 <= extraEnd) {
      const id = buf.readUInt16LE(x);
      const size = buf.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (uncompressedSize === U32_MAX) {
          uncompressedSize = readBigU64(buf, q);
          q += 8;
        }
        if (compressedSize === U32_MAX) {
          compressedSize = readBigU64(buf, q);
          q += 8;
        }
        if (localHeaderOffset === U32_MAX) localHeaderOffset = readBigU64(buf, q);
      }
      x += 4 + size;
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    p = extraEnd + commentLen;
  }
  return entries;
}

function entryData(buf: Buffer, e: ZipEntry, g: Guard): Buffer {
  const at = e.localHeaderOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== SIG_LOCAL) throw damaged(g);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) throw damaged(g);
  return buf.subarray(start, end);
}

/**
 * zlib's options for one entry: +1 so that "exactly as declared" passes and one byte more fails.
 * The output buffer is sized to the declared size (capped) rather than zlib's 16 KiB chunks, which
 * a large sheet would collect by the thousand and then copy into one buffer.
 */
function inflateOptions(e: ZipEntry): { maxOutputLength: number; chunkSize: number } {
  const limit = Math.max(1, e.uncompressedSize + 1);
  return { maxOutputLength: limit, chunkSize: Math.max(64, Math.min(limit, MAX_INFLATE_CHUNK)) };
}

/** Unpack one entry, never producing more than it declared. */
export function inflateEntry(buf: Buffer, e: ZipEntry, g: Guard): Buffer {
  const data = entryData(buf, e, g);
  if (e.method === 0) {
    if (e.compressedSize !== e.uncompressedSize) throw damaged(g);
    return data;
  }
  if (e.method !== 8) throw unreadable('import.read-failed', { file: g.file });
  try {
    return inflateRawSync(data, inflateOptions(e));
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw unreadable('import.zip-bomb', { file: g.file }, err);
    throw damaged(g, err);
  }
}

const inflateRawAsync = promisify(inflateRaw);

/**
 * inflateEntry on libuv's thread pool: this thread goes on meanwhile. Any failure is told by
 * inflateEntry itself (capped the same), so one file always gets one message: asynchronous zlib
 * names some damaged streams differently (one that overruns its declared size before breaking
 * off is "too large", where the synchronous one says "damaged").
 */
async function inflateEntryLater(buf: Buffer, e: ZipEntry, g: Guard): Promise<Buffer> {
  if (e.method !== 8) return inflateEntry(buf, e, g);
  try {
    return await inflateRawAsync(entryData(buf, e, g), inflateOptions(e));
  } catch {
    return inflateEntry(buf, e, g);
  }
}

/**
 * Worksheet parts at least this large (uncompressed, as declared) are inflated off the thread when
 * the caller asks (guardZip's `later`): a 10,000-row return's 14 MB sheet takes ~70 ms to inflate,
 * time the reader spends parsing the shared strings, styles and other sheets instead.
 */
export const LATER_SHEET_BYTES = 4 * 1024 * 1024;

/** Largest output buffer allocated up front for one entry (bytes); bigger entries grow by this much. */
const MAX_INFLATE_CHUNK = 64 * 1024 * 1024;

const ROW_ATTR = /\sr\s*=\s*["']?(\d+)/;

/** The last row of an Excel grid (1,048,576), where Ctrl+↓ lands. */
export const GRID_LAST_ROW = 1_048_576;
const DIMENSION = /<(?:[\w.-]+:)?dimension\s[^>]*?\bref\s*=\s*["']([^"']+)["']/;
const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** The start of the last `<row` / `<x:row` tag before `before` in a worksheet's UTF-8 bytes; -1 when none. */
function lastRowTag(xml: Buffer, before = xml.length): number {
  let at = before;
  // Bounded: "row" inside text is rare; a hostile part cannot make this scan more than 10,000 hits.
  for (let tries = 0; tries < 10_000; tries++) {
    at = xml.lastIndexOf('row', at - 1);
    if (at <= 0) return -1;
    const before = xml[at - 1];
    if ((before === 0x3c || before === 0x3a) && SPACE.has(xml[at + 3] ?? 0)) return at;
  }
  return -1;
}

/** The r of the row tag starting at `at`; 0 when it has none. */
function rowNumberAt(xml: Buffer, at: number): number {
  const tagEnd = xml.indexOf('>', at);
  const m = ROW_ATTR.exec(xml.toString('utf8', at, tagEnd < 0 ? Math.min(xml.length, at + 400) : Math.min(tagEnd, at + 400)));
  return m ? Number(m[1]) : 0;
}

/**
 * The highest row a worksheet's XML claims: its <dimension ref> and its last <row r=…>, whatever
 * its quotes, prefix or encoding (UTF-16 parts are looked at as UTF-8). A cheap look before parsing;
 * the reader counts the rows it actually finds again (read-workbook.ts). The grid's own last row
 * (GRID_LAST_ROW) is not taken as a claim: Ctrl+↓ in an empty column lands there, so a stray
 * entry or a styled empty row there is a clerk's slip, one row, not a sheet of a million rows; a
 * <dimension> reaching it likewise only says "to the end of the grid". The row before it decides.
 */
export function claimedRows(raw: Buffer): number {
  const utf16 = (raw[0] === 0xff && raw[1] === 0xfe) || (raw[0] === 0xfe && raw[1] === 0xff) || raw[1] === 0x00 || raw[0] === 0x00;
  const xml = utf16 ? Buffer.from(decodeXmlBytes(raw), 'utf8') : raw;
  let max = 0;
  const head = xml.toString('utf8', 0, Math.min(xml.length, 4096));
  const dim = DIMENSION.exec(head);
  if (dim) {
    const last = /(\d+)\s*$/.exec((dim[1] as string).split(':').pop() ?? '');
    if (last && Number(last[1]) !== GRID_LAST_ROW) max = Number(last[1]);
  }
  // Rows are written in order, so the last <row …> tag carries the highest number.
  let at = lastRowTag(xml);
  let row = at < 0 ? 0 : rowNumberAt(xml, at);
  if (row === GRID_LAST_ROW) {
    at = lastRowTag(xml, at);
    row = at < 0 ? 0 : rowNumberAt(xml, at);
  }
  return Math.max(max, row);
}

/**
 * The entries by part name as OPC compares them (partKey: case-insensitive, "\\" read as "/").
 * Two entries naming the same part make the package ambiguous — which one a reader takes is a
 * guess (Excel, LibreOffice and a hand-written reader each guess differently) — so unless their
 * unpacked bytes are identical the file is refused as damaged, naming both entries.
 */
function partsByName(buf: Buffer, entries: ZipEntry[], g: Guard): Map<string, ZipEntry> {
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) {
    const key = partKey(e.name);
    const first = byName.get(key);
    if (first === undefined) byName.set(key, e);
    else if (!key.endsWith('/') && !inflateEntry(buf, first, g).equals(inflateEntry(buf, e, g)))
      throw unreadable('import.duplicate-part', { file: g.file, first: first.name, second: e.name });
  }
  return byName;
}

export interface GuardedZip {
  /** Keyed by partKey() (lower case, "/" separators). */
  entries: Map<string, ZipEntry>;
  /** The unpacked XML parts, keyed by partKey() (media and other binaries are checked, then dropped). */
  parts: Map<string, Buffer>;
  /**
   * With `later`: the worksheet parts of LATER_SHEET_BYTES or more, still being inflated, each
   * checked as `parts` are once unpacked (rejecting with the same UnreadableWorkbookError). Never
   * left unhandled: a caller that gives up on one does not crash the process. Empty otherwise.
   */
  later: Map<string, Promise<Buffer>>;
  /**
   * Settles once every guard has passed; else rejects with the first refusal in the package's
   * order, as the guards run without `later`. With `later`, a refusal met while a sheet before it
   * is still inflating is kept here rather than thrown, and the entries after it are not unpacked.
   * Never left unhandled.
   */
  ready: Promise<void>;
}

/**
 * Every check a zip-based workbook must pass before it is parsed. Returns the entries (so the
 * caller can tell an .xlsx from an .ods or .docx) and the unpacked XML parts. `later`: leave the
 * largest sheets inflating on the thread pool (GuardedZip.later) instead of waiting for them.
 */
export function guardZip(buf: Buffer, g: Guard, later = false): GuardedZip {
  const entries = readCentralDirectory(buf, g);
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (e.uncompressedSize >= g.limits.ratioCheckMinBytes && e.uncompressedSize / Math.max(1, e.compressedSize) > g.limits.maxCompressionRatio)
      throw unreadable('import.zip-bomb', { file: g.file });
  }
  if (total > g.limits.maxUncompressedBytes)
    throw unreadable('import.too-large-uncompressed', { file: g.file, size: mb(total), max: mb(g.limits.maxUncompressedBytes) });
  const byName = partsByName(buf, entries, g);
  const parts = new Map<string, Buffer>();
  const pending = new Map<string, Promise<Buffer>>();
  const checks: Promise<unknown>[] = [];
  for (const [key, e] of byName) {
    if (key.endsWith('/')) continue;
    const sheet = /(?:^|\/)worksheets\/([^/]+)\.xml$/.exec(key)?.[1];
    const checkRows = (data: Buffer) => {
      const rows = sheet === undefined ? 0 : claimedRows(data);
      if (rows > g.limits.maxRows) {
        const tab = tabNameOfPart((k) => parts.get(k) ?? inflated(buf, byName.get(k), g), byName.keys(), key) ?? (sheet as string);
        // Past the grid's last row no spreadsheet can hold a row: the file is damaged, not merely big.
        if (rows > GRID_LAST_ROW) throw unreadable('import.row-past-grid', { file: g.file, sheet: tab, row: rows });
        throw unreadable('import.too-many-rows', { file: g.file, sheet: tab, rows, max: g.limits.maxRows });
      }
      return data;
    };
    if (later && sheet !== undefined && e.uncompressedSize >= LATER_SHEET_BYTES) {
      const part = inflateEntryLater(buf, e, g).then(checkRows);
      part.catch(() => {}); // handled by whoever awaits it (and `ready`)
      pending.set(key, part);
      checks.push(part);
      continue;
    }
    let data: Buffer;
    try {
      data = checkRows(inflateEntry(buf, e, g));
    } catch (err) {
      if (pending.size === 0) throw err;
      // A sheet before this entry may yet be refused itself: `ready` says which comes first.
      const refused = Promise.reject(err);
      refused.catch(() => {});
      checks.push(refused);
      break;
    }
    if (/\.(xml|rels)$/.test(key)) parts.set(key, data);
  }
  const ready = (async () => {
    for (const check of checks) await check;
  })();
  ready.catch(() => {});
  return { entries: byName, parts, later: pending, ready };
}

/** An entry unpacked for a message (a sheet's tab name); undefined when absent or it cannot be. */
function inflated(buf: Buffer, e: ZipEntry | undefined, g: Guard): Buffer | undefined {
  try {
    return e === undefined ? undefined : inflateEntry(buf, e, g);
  } catch {
    return undefined;
  }
}

export function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
}
