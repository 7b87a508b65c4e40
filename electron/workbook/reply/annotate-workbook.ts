// The annotated reply's workbook (docs/ARCHITECTURE.md §Reporting cycle, "Annotated reply"): a copy
// of the sender's OWN workbook with each problem cell filled and carrying a comment (note) in
// Chinese, plus a 问题清单 sheet listing every problem with its cell. Steps:
//   1. an .xlsx is loaded with ExcelJS, so its other sheets, formats and merges are kept as written;
//   2. an .xls (ExcelJS writes no .xls), or an .xlsx ExcelJS cannot load, is rebuilt as a new .xlsx
//      from the importer's neutral cells (values, number formats, merges, hidden rows/columns/sheets);
//   3. every annotated sheet asks for its comments to be printed: pageSetup cellComments
//      "asDisplayed", the one value LibreOffice's OOXML filter turns into its "print comments" page
//      option (listed after the sheet; "atEnd" is ignored there, and its PDF then shows no comment).
//      ExcelJS cannot write that value (its writer misspells it), so "atEnd" is written and swapped
//      in the saved parts. Excel prints hidden comments only "atEnd"; the 问题清单 sheet lists every
//      problem in print in any program.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Worksheet } from 'exceljs';
import type { WorkbookFormat } from '../../../shared/domain/workbook-file';
import { readWorkbook } from '../import/read-workbook';
import type { NeutralWorkbook } from '../import/model';
import { columnLetters, parseAddress } from '../import/model';
import type { ReplyProblem } from './problem-style';
import { PROBLEM_STYLE } from './problem-style';

export type { ReplyProblem, ReplyProblemKind } from './problem-style';

export const PROBLEM_SHEET = '问题清单';


/** The annotated workbook's bytes, and whether it had to be rebuilt (an .xls, or unloadable). */
export interface AnnotatedWorkbook {
  bytes: Uint8Array;
  rebuilt: boolean;
}

/**
 * Mark `problems` in a copy of the sender's workbook. `format` is the file's own format (from the
 * import). Throws UnreadableWorkbookError (bilingual) when the file cannot be read at all.
 */
export async function annotateWorkbook(bytes: Uint8Array, fileName: string, format: WorkbookFormat, problems: readonly ReplyProblem[]): Promise<AnnotatedWorkbook> {
  let wb: ExcelJS.Workbook | null = null;
  if (format === 'xlsx') {
    try {
      wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    } catch {
      wb = null;
    }
  }
  const rebuilt = wb === null;
  if (wb === null) wb = rebuildFromNeutral(await readWorkbook(bytes, fileName));
  markProblems(wb, problems);
  addProblemSheet(wb, problems);
  const out = await wb.xlsx.writeBuffer();
  return { bytes: await printCommentsForLibreOffice(new Uint8Array(out as ArrayBuffer)), rebuilt };
}

/** cellComments="atEnd" → "asDisplayed" in every worksheet part (see step 3 above). */
async function printCommentsForLibreOffice(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    const xml = await (zip.file(name) as JSZip.JSZipObject).async('string');
    if (xml.includes('cellComments="atEnd"')) zip.file(name, xml.replace(/cellComments="atEnd"/g, 'cellComments="asDisplayed"'));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A new workbook mirroring the neutral cells: values (formulas with their cached results), formats, merges, hidden parts. */
export function rebuildFromNeutral(book: NeutralWorkbook): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of book.sheets) {
    const ws = wb.addWorksheet(sheet.name.slice(0, 31), { state: sheet.state });
    for (const cells of sheet.rows.values()) {
      for (const c of cells.values()) {
        const cell = ws.getCell(c.row, c.col);
        if (c.formula !== null && !c.isError) cell.value = { formula: c.formula, result: c.storedText ?? c.value ?? undefined } as ExcelJS.CellFormulaValue;
        // A number stored as no figure (NaN, NeutralCell.storedText) is copied as the text the file held.
        else cell.value = c.isError ? `${String(c.value)}` : (c.storedText ?? c.value);
        if (c.numFmt && c.numFmt !== 'General') cell.numFmt = c.numFmt;
      }
    }
    for (const m of sheet.merges) {
      try {
        ws.mergeCells(m.top, m.left, m.bottom, m.right);
      } catch {
        // An overlapping merge in a legacy file: keep the values, drop the merge.
      }
    }
    for (const r of sheet.hiddenRows) ws.getRow(r).hidden = true;
    for (const c of sheet.hiddenCols) ws.getColumn(c).hidden = true;
    for (let c = 1; c <= sheet.maxCol; c++) if (!ws.getColumn(c).width) ws.getColumn(c).width = c <= 2 ? 12 : 16;
    ws.pageSetup = { ...ws.pageSetup, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  }
  return wb;
}

/** A single cell's address ("E9"), or null for a whole column / the whole file. */
function singleCell(address: string): string | null {
  const at = parseAddress(address);
  return at ? `${columnLetters(at.col)}${at.row}` : null;
}

function markProblems(wb: ExcelJS.Workbook, problems: readonly ReplyProblem[]): void {
  const bySheetCell = new Map<string, ReplyProblem[]>();
  for (const p of problems) {
    const cell = singleCell(p.cell);
    if (!p.sheet || !cell) continue;
    const key = `${p.sheet}\u0000${cell}`;
    bySheetCell.set(key, [...(bySheetCell.get(key) ?? []), p]);
  }
  const marked = new Set<Worksheet>();
  for (const [key, list] of bySheetCell) {
    const [sheetName, address] = key.split('\u0000') as [string, string];
    const ws = wb.getWorksheet(sheetName);
    if (!ws) continue;
    const own = ws.getCell(address);
    // A cell inside a merge is shown by the merge's first cell: mark that one.
    const cell = own.isMerged ? own.master : own;
    const first = list[0] as ReplyProblem;
    // A copy of the style: ExcelJS shares one style object among cells read with the same style, so
    // assigning cell.fill alone would colour every cell that shares it.
    cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: PROBLEM_STYLE[first.kind].argb } } };
    const text = list.map((p) => `【${PROBLEM_STYLE[p.kind].label}】${p.text}`).join('\n');
    const before = typeof cell.note === 'string' ? cell.note : '';
    cell.note = { texts: [{ text: before ? `${before}\n${text}` : text }], margins: { insetmode: 'auto' } } as ExcelJS.Comment;
    marked.add(ws);
  }
  // One page wide, so a marked cell never lands on a page of its own far from its row.
  for (const ws of marked) ws.pageSetup = { ...ws.pageSetup, cellComments: 'atEnd', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

function freeSheetName(wb: ExcelJS.Workbook, name: string): string {
  let candidate = name;
  for (let n = 2; wb.getWorksheet(candidate); n++) candidate = `${name}${n}`;
  return candidate;
}

function addProblemSheet(wb: ExcelJS.Workbook, problems: readonly ReplyProblem[]): void {
  const ws = wb.addWorksheet(freeSheetName(wb, PROBLEM_SHEET));
  ws.columns = [
    { header: '序号', width: 6 },
    { header: '工作表', width: 14 },
    { header: '单元格', width: 10 },
    { header: '问题类型', width: 14 },
    { header: '问题说明', width: 80 },
  ];
  ws.getRow(1).font = { bold: true };
  problems.forEach((p, i) => {
    const row = ws.addRow([i + 1, p.sheet || '—', p.cell || '—', PROBLEM_STYLE[p.kind].label, p.text]);
    row.getCell(4).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: PROBLEM_STYLE[p.kind].argb } };
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
  });
  ws.pageSetup = { ...ws.pageSetup, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}
