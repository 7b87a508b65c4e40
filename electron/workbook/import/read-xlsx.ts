// .xlsx → neutral model, with ExcelJS. Only reads: formulas keep their cached results, nothing is
// evaluated. The zip guard (zip-guard.ts) has already run on the same bytes.
import ExcelJS from 'exceljs';
import type { CellValue, MergeRange, NeutralSheet, NeutralWorkbook, SheetState } from './model';
import { cellAddress, isPercentFormat, newSheet, putCell } from './model';
import type { Parts } from './package-parts';
import type { SheetFaults } from './stored-cells';
import { CellsOutsideGrid, packageFaults } from './stored-cells';
import { IMPORT_LIMITS } from './limits';
import { guardZip } from './zip-guard';

// Worksheet parts the importer never needs; skipping them saves parse time on large files.
const IGNORED_NODES = [
  'dataValidations',
  'conditionalFormatting',
  'hyperlinks',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'rowBreaks',
  'picture',
  'drawing',
  'tableParts',
  'autoFilter',
  'extLst',
];

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

type Plain = { value: CellValue; formula: string | null; isError: boolean; uncalculated?: boolean };

function plainValue(v: ExcelJS.CellValue): Plain {
  if (v === null || v === undefined) return { value: null, formula: null, isError: false };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v, formula: null, isError: false };
  // ExcelJS turns date-formatted numbers into Dates; the grid wants the serial number back.
  if (v instanceof Date) return { value: (v.getTime() - EXCEL_EPOCH_MS) / 86_400_000, formula: null, isError: false };
  if ('richText' in v) return { value: v.richText.map((r) => r.text).join(''), formula: null, isError: false };
  if ('error' in v) return { value: String(v.error), formula: null, isError: true };
  if ('formula' in v || 'sharedFormula' in v) {
    const f = v as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
    const inner = plainValue((f.result ?? null) as ExcelJS.CellValue);
    const text = 'formula' in f ? f.formula : f.sharedFormula;
    // No cached result at all (never calculated): the importer refuses it rather than read nothing.
    return { ...inner, formula: text ?? '', ...(f.result === undefined ? { uncalculated: true } : {}) };
  }
  if ('text' in v) return plainValue((v as ExcelJS.CellHyperlinkValue).text);
  return { value: null, formula: null, isError: false };
}

const NO_FAULTS: SheetFaults = { badNumbers: new Map(), outsideGrid: [] };

function readSheet(ws: ExcelJS.Worksheet, faults: SheetFaults): NeutralSheet {
  const sheet = newSheet(ws.name, (ws.state as SheetState | undefined) ?? 'visible');
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // A row of height 0 is hidden too, but ExcelJS drops a height of 0 while loading: only the fast
    // reader sees it.
    if (row.hidden) sheet.hiddenRows.add(rowNumber);
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // A merged range's other cells echo the master's value in ExcelJS; the model keeps it once.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const plain = plainValue(cell.value);
      const { formula, isError } = plain;
      const address = cellAddress(rowNumber, col);
      // ExcelJS parseFloat()s a number's stored text ("1,6" → 1, "0x6" → 0; a formula's 0 result it
      // then loses): what the file holds decides, as in the fast reader — no figure, NaN with its
      // text (stored-cells.ts). Such a formula has a stored result, so it is not uncalculated.
      const storedText = typeof plain.value === 'number' || formula !== null ? faults.badNumbers.get(address) : undefined;
      const value = storedText === undefined ? plain.value : NaN;
      const uncalculated = storedText === undefined && plain.uncalculated;
      if (value === null && formula === null) return;
      const numFmt = cell.numFmt || null;
      putCell(sheet, {
        row: rowNumber,
        col,
        address,
        value,
        formula,
        isError,
        numFmt,
        percent: isPercentFormat(numFmt),
        ...(uncalculated ? { uncalculated } : {}),
        ...(storedText === undefined ? {} : { storedText }),
      });
    });
  });
  const cols = ws.columnCount;
  for (let c = 1; c <= cols; c++) {
    const column = ws.getColumn(c);
    // A column dragged to width 0 is what Excel shows as hidden, flag or not.
    if (column.hidden || column.width === 0) sheet.hiddenCols.add(c);
  }
  // The public route (ws.model.merges) rebuilds the model of every row; _merges is the same data.
  const merges = (ws as unknown as { _merges: Record<string, MergeRange> })._merges;
  for (const m of Object.values(merges)) sheet.merges.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
  return sheet;
}

/**
 * An .xlsx already through the zip guard, read with ExcelJS. `parts`: its unpacked XML parts
 * (GuardedZip.parts, every sheet settled); unpacked here when not given. The sheets' XML is looked
 * at first for what ExcelJS misreads (stored-cells.ts): a number stored as no figure is marked as
 * the fast reader marks it; a cell outside the grid, which ExcelJS cannot place, throws
 * CellsOutsideGrid.
 */
export async function readXlsx(bytes: Buffer, parts?: Parts): Promise<NeutralWorkbook> {
  const faults = packageFaults(parts ?? guardZip(bytes, { file: '', limits: IMPORT_LIMITS }).parts);
  for (const [sheet, f] of faults) if (f.outsideGrid.length > 0) throw new CellsOutsideGrid(sheet, f.outsideGrid);
  const wb = new ExcelJS.Workbook();
  // ExcelJS declares its own Buffer type (an ArrayBuffer); at run time it takes a Node Buffer.
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_NODES });
  return { format: 'xlsx', sheets: wb.worksheets.map((ws) => readSheet(ws, faults.get(ws.name) ?? NO_FAULTS)) };
}
