// The very hidden _meta sheet: what was exported, for whom, and which indicator sits in which row,
// so the importer's exact path can read a return back even if the clerk re-sorted its rows.
import type { Workbook, Worksheet } from 'exceljs';
import type { Plan } from '../../../shared/domain/plan';
import type { MetaKey } from '../template-format';
import { META_KEYS, META_ROWS_HEADER, SHEET_META, TEMPLATE_FORMAT_NAME, TEMPLATE_SCHEMA_VERSION } from '../template-format';
import type { ExportedRow } from './return-sheet';

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
  };
}

export function buildMetaSheet(wb: Workbook, input: MetaInput, rows: readonly ExportedRow[]): Worksheet {
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
  rows.forEach((row, i) => {
    const r = headerRow + 1 + i;
    ws.getCell(r, 1).value = row.row;
    ws.getCell(r, 2).value = row.indicatorId;
    ws.getCell(r, 3).value = row.code;
  });
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 32;
  return ws;
}
