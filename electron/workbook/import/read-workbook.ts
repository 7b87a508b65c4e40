// Bytes → neutral model. Decides the format by magic bytes (never by the file name), runs the
// hostile-input guards, then the matching reader: .xlsx (a zip: the fast reader, ExcelJS as
// fallback), .xls (an OLE2 file: SheetJS; decrypted first when stored under Office's default
// password), an encrypted .xlsx (OLE2 around a zip, likewise), Excel 2003 XML (SheetJS, after the
// XML guards). Every refusal or failure is an UnreadableWorkbookError with one clear zh/en line
// that says what the clerk can do. SheetJS (.xls) and ExcelJS (the slow .xlsx path) are loaded only
// when a file needs them: the command line reads most returns without either.
import type { NeutralWorkbook, ReadCells } from './model';
import type { ImportLimits } from './limits';
import { IMPORT_LIMITS } from './limits';
import { UnreadableWorkbookError, unreadable } from './import-messages';
import type { GuardedZip } from './zip-guard';
import { guardZip, inflateEntry, mb } from './zip-guard';
import { FastReaderUnsupported, PackageDamaged, readXlsxFast } from './read-xlsx-fast';
import { mainDocumentPart, rootElementOf } from './package-parts';
import type { Decryption } from './decrypt';
import { decryptWithDefaultPassword } from './decrypt';
import { decodeXmlBytes, streamXml } from './xml-stream';
import { CellsOutsideGrid, listed } from './stored-cells';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Buffer, sig: number[]): boolean {
  return buf.length >= sig.length && sig.every((b, i) => buf[i] === b);
}

/**
 * The first bytes of a file as text, when they are text: UTF-16 with a BOM (Excel's "Unicode
 * text"), UTF-8, or GBK (a CSV exported on a Chinese Windows); a character cut at the end of the
 * slice is dropped. null when they are none of these (binary).
 */
function textHead(buf: Buffer): string | null {
  const head = buf.subarray(0, Math.min(buf.length, 4096));
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return decodeXmlBytes(head.subarray(0, head.length & ~1));
  if (head.includes(0)) return null;
  // A multi-byte character cut by the slice: tried again without its first bytes.
  const cuts = head.length < buf.length ? [0, 1, 2, 3] : [0];
  for (const encoding of ['utf-8', 'gbk'])
    for (const cut of cuts) {
      try {
        return new TextDecoder(encoding, { fatal: true }).decode(head.subarray(0, head.length - cut));
      } catch {
        // not this encoding, or not cut here
      }
    }
  return null;
}

/** What a file that is not a workbook most likely is, for the message; null = just "not a workbook". */
function sniffOther(buf: Buffer, fileName: string): string | null {
  const head = (textHead(buf) ?? buf.toString('utf8', 0, Math.min(buf.length, 4096))).replace(/^\uFEFF/, '');
  const lower = head.trimStart().toLowerCase();
  if (lower.startsWith('%pdf')) return 'PDF';
  if (lower.startsWith('<')) {
    if (lower.includes('<html') || lower.includes('<table')) return 'HTML';
    return null;
  }
  if (/\.et$/i.test(fileName)) return 'WPS (.et)';
  // Text, not binary: CSV/TSV exported from another system, or saved from Excel as text, in
  // UTF-8, UTF-16 or GBK — whatever the file's name says.
  if (!head.includes('\u0000') && !head.includes('\uFFFD') && /[,\t]/.test(head)) return /,/.test(head) ? 'CSV' : 'TXT';
  return null;
}

/** The package's parts, its largest sheets still inflating off this thread (GuardedZip.later). */
type XlsxParts = Pick<GuardedZip, 'parts' | 'later' | 'ready'>;

/** Every part unpacked, the ones still inflating included (a main part stored where sheets go). */
async function settled(zip: GuardedZip): Promise<Map<string, Buffer>> {
  const parts = new Map(zip.parts);
  for (const [key, part] of zip.later) parts.set(key, await part);
  return parts;
}

async function guardXlsx(buf: Buffer, zip: GuardedZip, g: { file: string; limits: ImportLimits }): Promise<XlsxParts> {
  const { file } = g;
  const { entries, later, ready } = zip;
  let { parts } = zip;
  let main = mainDocumentPart(parts, entries.keys());
  if ((main === null || !parts.has(main)) && later.size > 0) {
    parts = await settled(zip);
    main = mainDocumentPart(parts, entries.keys());
  }
  // A .docx or .pptx has a main part too: only a <workbook> makes a spreadsheet.
  if (main?.endsWith('.xml') && rootElementOf(parts, main) === 'workbook') return { parts, later, ready };
  if (main?.endsWith('.bin')) throw unreadable('import.unsupported-format', { file, format: 'Excel .xlsb' });
  const mimetype = entries.get('mimetype');
  if (mimetype && inflateEntry(buf, mimetype, g).toString('utf8').includes('spreadsheet'))
    throw unreadable('import.unsupported-format', { file, format: 'OpenDocument (.ods)' });
  // A .zip of returns (mailed that way, or renamed): say to unpack it, naming the workbooks inside.
  const inside = [...entries.values()].map((e) => e.name.split(/[\\/]/).pop() ?? '').filter((n) => /\.(xlsx|xlsm|xls|et|csv)$/i.test(n));
  if (inside.length > 0) throw unreadable('import.zip-archive', { file, names: inside.slice(0, 3).join(', ') + (inside.length > 3 ? ' …' : '') });
  throw unreadable('import.not-a-workbook', { file });
}

/**
 * An .xlsx package, guarded and read. Its largest sheets inflate while the rest is read
 * (zip-guard.ts GuardedZip.later), yet every guard decides as if all were unpacked first: the
 * first refusal in the package's order is what the clerk is told, before anything a reader met,
 * and a part no reader looks at is still checked.
 */
async function readXlsxPackage(buf: Buffer, file: string, limits: ImportLimits, cells: ReadCells): Promise<NeutralWorkbook> {
  const g = { file, limits };
  const zip = guardZip(buf, g, true);
  const reading = guardXlsx(buf, zip, g).then((parts) => readXlsxParts(buf, file, parts, cells));
  reading.catch(() => {}); // told below, once every guard has passed
  await zip.ready;
  return reading;
}

type Ole2Kind = { kind: 'xls' } | { kind: 'encrypted-package'; encryptionInfo: Uint8Array | null };

/** What an OLE2 compound file holds; stream names are compared case-insensitively, as Excel does. */
async function readOle2Kind(buf: Buffer, file: string): Promise<Ole2Kind> {
  const XLSX = await import('@e965/xlsx');
  const streams = new Map<string, Uint8Array | null>();
  try {
    const cfb = XLSX.CFB.read(buf, { type: 'buffer' });
    cfb.FullPaths.forEach((p: string, i: number) => {
      const name = (p.replace(/\/$/, '').split('/').pop() ?? '').toLowerCase();
      const content = cfb.FileIndex[i]?.content;
      if (!streams.has(name)) streams.set(name, content instanceof Uint8Array ? content : null);
    });
  } catch (err) {
    throw unreadable('import.damaged', { file }, err);
  }
  // Office encryption wraps the whole .xlsx in an OLE2 container holding these streams.
  if (streams.has('encryptedpackage') || streams.has('encryptioninfo')) return { kind: 'encrypted-package', encryptionInfo: streams.get('encryptioninfo') ?? null };
  // "Workbook" (BIFF8), "Book" (BIFF5, Excel 95), in whatever case the writer chose.
  if (streams.has('workbook') || streams.has('book')) return { kind: 'xls' };
  if (/\.et$/i.test(file)) throw unreadable('import.unsupported-format', { file, format: 'WPS (.et)' });
  throw unreadable('import.not-a-workbook', { file });
}

/** A failed decryption as the clerk's message: a password they must remove, or a scheme we cannot undo. */
function notDecrypted(d: Extract<Decryption, { ok: false }>, file: string) {
  return unreadable(d.reason === 'password' ? 'import.encrypted' : 'import.encryption-unsupported', { file }, d.cause);
}

/** A BIFF .xls; one stored encrypted under Office's default password is decrypted first. */
async function readLegacyXls(buf: Buffer, file: string): Promise<NeutralWorkbook> {
  const { readXls } = await import('./read-xls');
  try {
    return readXls(buf);
  } catch (err) {
    if (!/password|encrypt/i.test(String((err as Error)?.message))) throw unreadable('import.damaged', { file }, err);
  }
  const d = await decryptWithDefaultPassword(buf, null);
  if (!d.ok) throw notDecrypted(d, file);
  try {
    return readXls(d.bytes);
  } catch (err) {
    throw unreadable('import.damaged', { file }, err);
  }
}

/** Whether bytes are an Excel 2003 XML spreadsheet (SpreadsheetML), in any encoding XML allows. */
function spreadsheetMl(buf: Buffer): string | null {
  const head = decodeXmlBytes(buf.subarray(0, 4096)).trimStart();
  if (!head.startsWith('<') || !head.includes('urn:schemas-microsoft-com:office:spreadsheet')) return null;
  return decodeXmlBytes(buf);
}

/**
 * Refuses a sheet holding more rows than a return can (limits.maxRows), counting the rows that hold
 * a cell — not the highest row number: a stray entry at the grid's last row is one row, and an
 * empty (styled) row costs nothing. Named by its tab name.
 */
function checkRows(book: NeutralWorkbook, file: string, limits: ImportLimits): NeutralWorkbook {
  for (const s of book.sheets)
    if (s.rows.size > limits.maxRows) throw unreadable('import.too-many-rows', { file, sheet: s.name, rows: s.rows.size, max: limits.maxRows });
  return book;
}

/**
 * The fast scanner reads what the importer needs in a fraction of ExcelJS's time; a part it does not
 * understand (an unusual writer) sends the whole file to ExcelJS instead. A package pointing at
 * parts it lacks is damaged (PackageDamaged): ExcelJS would read it as empty sheets.
 */
async function readXlsxParts(buf: Buffer, file: string, { parts, later, ready }: XlsxParts, cells: ReadCells): Promise<NeutralWorkbook> {
  try {
    return await readXlsxFast(parts, cells, later);
  } catch (err) {
    if (err instanceof PackageDamaged) throw unreadable('import.damaged', { file }, err);
    if (!(err instanceof FastReaderUnsupported) && !(err instanceof RangeError)) throw err;
    // Every guard (a sheet still inflating included) decides before ExcelJS reads the package.
    await ready;
    const all = new Map(parts);
    for (const [key, part] of later) all.set(key, await part);
    const { readXlsx } = await import('./read-xlsx');
    try {
      return await readXlsx(buf, all);
    } catch (e) {
      // The fast reader leaves such cells out with a warning; ExcelJS cannot, so the file is refused naming them.
      if (e instanceof CellsOutsideGrid) throw unreadable('import.outside-grid-unreadable', { file, sheet: e.sheet, cells: listed(e.refs) }, e);
      throw e;
    }
  }
}

/**
 * Read any workbook a clerk might send. Throws UnreadableWorkbookError, never anything else.
 * `cells`: 'values' for the importer, 'whole' for a copy of the sheet (ReadCells, model.ts).
 */
export async function readWorkbook(bytes: Uint8Array, fileName: string, limits: ImportLimits = IMPORT_LIMITS, cells: ReadCells = 'whole'): Promise<NeutralWorkbook> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const file = fileName.split(/[\\/]/).pop() ?? fileName;
  if (buf.length > limits.maxFileBytes) throw unreadable('import.too-large', { file, size: mb(buf.length), max: mb(limits.maxFileBytes) });
  if (buf.length === 0) throw unreadable('import.not-a-workbook', { file });

  try {
    if (startsWith(buf, ZIP) || startsWith(buf, ZIP_EMPTY)) {
      return checkRows(await readXlsxPackage(buf, file, limits, cells), file, limits);
    }
    if (startsWith(buf, OLE2)) {
      const ole = await readOle2Kind(buf, file);
      if (ole.kind === 'xls') return checkRows(await readLegacyXls(buf, file), file, limits);
      const d = await decryptWithDefaultPassword(buf, ole.encryptionInfo);
      if (!d.ok) throw notDecrypted(d, file);
      // The decrypted package passes the same guards as any other .xlsx.
      if (!startsWith(d.bytes, ZIP)) throw unreadable('import.damaged', { file });
      return checkRows(await readXlsxPackage(d.bytes, file, limits, cells), file, limits);
    }
    const xml = spreadsheetMl(buf);
    if (xml !== null) {
      // Checked as XML first (DOCTYPE, entities, depth refused) before SheetJS reads it.
      streamXml(xml, { open() {}, close() {}, text() {} });
      const { readXls } = await import('./read-xls');
      return checkRows(readXls(xml), file, limits);
    }
  } catch (err) {
    if (err instanceof UnreadableWorkbookError) throw err;
    throw unreadable('import.read-failed', { file }, err);
  }
  const other = sniffOther(buf, file);
  if (other) throw unreadable('import.unsupported-format', { file, format: other });
  throw unreadable('import.not-a-workbook', { file });
}
