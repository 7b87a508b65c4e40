// Bytes → neutral model. Decides the format by magic bytes (never by the file name), runs the
// hostile-input guards, then the matching reader. Every refusal or failure is an
// UnreadableWorkbookError with one clear zh/en line. SheetJS (.xls) and ExcelJS (the slow .xlsx
// path) are loaded only when a file needs them: the command line reads most returns without either.
import type { NeutralWorkbook } from './model';
import type { ImportLimits } from './limits';
import { IMPORT_LIMITS } from './limits';
import { UnreadableWorkbookError, unreadable } from './import-messages';
import { guardZip, inflateEntry, mb } from './zip-guard';
import { FastReaderUnsupported, readXlsxFast } from './read-xlsx-fast';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Buffer, sig: number[]): boolean {
  return buf.length >= sig.length && sig.every((b, i) => buf[i] === b);
}

/** What a file that is not a workbook most likely is, for the message; null = just "not a workbook". */
function sniffOther(buf: Buffer, fileName: string): string | null {
  const head = buf.toString('utf8', 0, Math.min(buf.length, 4096)).replace(/^\uFEFF/, '');
  const lower = head.trimStart().toLowerCase();
  if (lower.startsWith('%pdf')) return 'PDF';
  if (lower.startsWith('<')) {
    if (lower.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'Excel 2003 XML';
    if (lower.includes('<html') || lower.includes('<table')) return 'HTML';
    return null;
  }
  if (/\.et$/i.test(fileName)) return 'WPS (.et)';
  // Text, not binary: CSV/TSV exported from another system.
  if (!head.includes('\u0000') && !head.includes('\uFFFD') && /[,\t]/.test(head)) return 'CSV';
  return null;
}

function guardXlsx(buf: Buffer, file: string, limits: ImportLimits): Map<string, Buffer> {
  const g = { file, limits };
  const { entries, parts } = guardZip(buf, g);
  if (entries.has('xl/workbook.xml')) return parts;
  if (entries.has('xl/workbook.bin')) throw unreadable('import.unsupported-format', { file, format: 'Excel .xlsb' });
  const mimetype = entries.get('mimetype');
  if (mimetype && inflateEntry(buf, mimetype, g).toString('utf8').includes('spreadsheet'))
    throw unreadable('import.unsupported-format', { file, format: 'OpenDocument (.ods)' });
  throw unreadable('import.not-a-workbook', { file });
}

async function readOle2Kind(buf: Buffer, file: string): Promise<'xls'> {
  const XLSX = await import('@e965/xlsx');
  let names: string[];
  try {
    names = XLSX.CFB.read(buf, { type: 'buffer' }).FullPaths.map((p: string) => p.replace(/\/$/, '').split('/').pop() ?? '');
  } catch (err) {
    throw unreadable('import.damaged', { file }, err);
  }
  // Office encryption wraps the whole .xlsx in an OLE2 container holding these streams.
  if (names.includes('EncryptedPackage') || names.includes('EncryptionInfo')) throw unreadable('import.encrypted', { file });
  if (names.includes('Workbook') || names.includes('Book')) return 'xls';
  if (/\.et$/i.test(file)) throw unreadable('import.unsupported-format', { file, format: 'WPS (.et)' });
  throw unreadable('import.not-a-workbook', { file });
}

function checkRows(book: NeutralWorkbook, file: string, limits: ImportLimits): NeutralWorkbook {
  for (const s of book.sheets)
    if (s.maxRow > limits.maxRows) throw unreadable('import.too-many-rows', { file, sheet: s.name, rows: s.maxRow, max: limits.maxRows });
  return book;
}

/**
 * The fast scanner reads what the importer needs in a fraction of ExcelJS's time; a part it does not
 * understand (an unusual writer) sends the whole file to ExcelJS instead.
 */
async function readXlsxParts(buf: Buffer, parts: Map<string, Buffer>): Promise<NeutralWorkbook> {
  try {
    return readXlsxFast(parts);
  } catch (err) {
    if (!(err instanceof FastReaderUnsupported) && !(err instanceof RangeError)) throw err;
    const { readXlsx } = await import('./read-xlsx');
    return readXlsx(buf);
  }
}

/** Read any workbook a clerk might send. Throws UnreadableWorkbookError, never anything else. */
export async function readWorkbook(bytes: Uint8Array, fileName: string, limits: ImportLimits = IMPORT_LIMITS): Promise<NeutralWorkbook> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const file = fileName.split(/[\\/]/).pop() ?? fileName;
  if (buf.length > limits.maxFileBytes) throw unreadable('import.too-large', { file, size: mb(buf.length), max: mb(limits.maxFileBytes) });
  if (buf.length === 0) throw unreadable('import.not-a-workbook', { file });

  try {
    if (startsWith(buf, ZIP) || startsWith(buf, ZIP_EMPTY)) {
      const parts = guardXlsx(buf, file, limits);
      return checkRows(await readXlsxParts(buf, parts), file, limits);
    }
    if (startsWith(buf, OLE2)) {
      await readOle2Kind(buf, file);
      const { readXls } = await import('./read-xls');
      try {
        return checkRows(readXls(buf), file, limits);
      } catch (err) {
        if (err instanceof UnreadableWorkbookError) throw err;
        if (/password|encrypt/i.test(String((err as Error)?.message))) throw unreadable('import.encrypted', { file }, err);
        throw unreadable('import.damaged', { file }, err);
      }
    }
  } catch (err) {
    if (err instanceof UnreadableWorkbookError) throw err;
    throw unreadable('import.read-failed', { file }, err);
  }
  const other = sniffOther(buf, file);
  if (other) throw unreadable('import.unsupported-format', { file, format: other });
  throw unreadable('import.not-a-workbook', { file });
}
