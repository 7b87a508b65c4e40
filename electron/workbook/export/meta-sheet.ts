// The very hidden _meta sheet: what was exported, for whom, and which indicator sits in which row,
// so the importer's exact path can read a return back even if the clerk re-sorted its rows.
import type { Workbook, Worksheet } from 'exceljs';
import type { Provenance } from '../../../shared/api/contract';
import type { Plan } from '../../../shared/domain/plan';
import type { MetaKey } from '../template-format';
import { META_KEYS, META_ROWS_HEADER, META_SOURCE_HEADER, SHEET_META, TEMPLATE_FORMAT_NAME, TEMPLATE_SCHEMA_VERSION } from '../template-format';
import type { ExportedRow } from './return-sheet';
import { SheetRowWriter } from './sheet-row-xml';

export interface MetaInput {
  plan: Plan;
  year: number;
  department: string | null;
  exportedAt: Date;
  appVersion: string;
  clerkName: string;
  clerkPhone: string;
}

export function metaValues(input: MetaInput): Record<MetaKey, string | number | null> {
  return {
    format: TEMPLATE_FORMAT_NAME,
    schemaVersion: TEMPLATE_SCHEMA_VERSION,
    planId: input.plan.id,
    planVersion: input.plan.version,
    department: input.department,
    year: input.year,
    exportedAt: input.exportedAt.toISOString(),
    appVersion: input.appVersion,
    clerkName: input.clerkName,
    clerkPhone: input.clerkPhone,
    planShortName: input.plan.shortName,
    planTitle: input.plan.title,
  };
}

/**
 * `sources` gives each exported indicator's reporting-year provenance (by indicator id), carried in
 * the columns after the row map so a consolidated workbook still says where each figure came from.
 */
export function buildMetaSheet(wb: Workbook, input: MetaInput, rows: readonly ExportedRow[], sources: ReadonlyMap<string, Provenance> = new Map()): Worksheet {
  const ws = wb.addWorksheet(SHEET_META, { state: 'veryHidden' });
  const values = metaValues(input);
  META_KEYS.forEach((key, i) => {
    ws.getCell(i + 1, 1).value = key;
    const value = values[key];
    // Strings stay strings (a phone number "+86…" or a name "=…" is text, not a formula).
    ws.getCell(i + 1, 2).value = value === '' ? null : value;
  });
  const headerRow = META_KEYS.length + 2; // one blank row after the keys
  META_ROWS_HEADER.forEach((h, i) => {
    ws.getCell(headerRow, i + 1).value = h;
  });
  META_SOURCE_HEADER.forEach((h, i) => {
    ws.getCell(headerRow, META_ROWS_HEADER.length + 1 + i).value = h;
  });
  // Widths go out with the first row.
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 32;
  // The row map, one row per exported indicator, written as XML (see sheet-row-xml.ts) once the rows above are out.
  ws.getRow(headerRow).commit();
  const out = new SheetRowWriter(wb, ws);
  rows.forEach((row, i) => {
    out.begin(headerRow + 1 + i);
    out.number(1, row.row);
    out.string(2, row.indicatorId);
    out.string(3, row.code);
    const p = sources.get(row.indicatorId);
    if (p) {
      [p.source, p.who, p.at, p.fileName, p.sha256, p.department].forEach((v, j) => {
        const col = META_ROWS_HEADER.length + 1 + j;
        if (v === null || v === undefined || v === '') out.nothing(col);
        else if (typeof v === 'number') out.number(col, v);
        else out.string(col, v);
      });
    }
    out.end();
  });
  out.flush();
  return ws;
}
