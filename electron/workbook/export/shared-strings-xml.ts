// sharedStrings.xml of a streaming workbook, written as one string (docs/ARCHITECTURE.md §Export
// speed). A 10,000-row export has ~30,000 shared strings; ExcelJS 4.4.0 renders them through its
// xform tree (an element object and several pushes per string), a tenth of the export's time. The
// bytes are the same as ExcelJS writes: the XML declaration, <sst count uniqueCount>, one
// <si><t> per string, xml:space="preserve" where ExcelJS's TextXform puts it.
//
// It relies on the ExcelJS internals named in SharedStringsInternals (exceljs is pinned at 4.4.0
// in package.json); the export tests read every text back with ExcelJS, openpyxl, SheetJS and
// LibreOffice.
import type { Workbook } from 'exceljs';
import { xmlEncode } from './sheet-row-xml';

/** The parts of ExcelJS 4.4.0's WorkbookWriter used here. */
interface SharedStringsInternals {
  sharedStrings: { values: unknown[] };
  zip: { append(data: string, options: { name: string }): unknown };
  addSharedStrings(): Promise<void>;
}

/** Where ExcelJS's TextXform adds xml:space="preserve". */
const PRESERVE = /^\s|\n|\s$/;

/**
 * Makes the commit of streaming workbook `wb` write its shared strings here when they are all plain
 * strings (ExcelJS writes them when any is rich text).
 */
export function writeSharedStringsAsXml(wb: Workbook): void {
  const writer = wb as unknown as SharedStringsInternals;
  const writeOwn = writer.addSharedStrings.bind(writer);
  writer.addSharedStrings = () => {
    const values = writer.sharedStrings.values;
    if (values.length === 0 || !values.every((v) => typeof v === 'string')) return writeOwn();
    let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${values.length}" uniqueCount="${values.length}">`;
    for (const text of values as string[]) {
      xml += PRESERVE.test(text) ? `<si><t xml:space="preserve">${xmlEncode(text)}</t></si>` : `<si><t>${xmlEncode(text)}</t></si>`;
    }
    writer.zip.append(`${xml}</sst>`, { name: '/xl/sharedStrings.xml' });
    return Promise.resolve();
  };
}
