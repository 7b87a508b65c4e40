// Exports the standard template workbook (docs/ARCHITECTURE.md §Template format) for one plan, reporting year and
// department: 填报表 (the return), 填写说明 (instructions) and the very hidden _meta sheet.
// Pure in its inputs: a fixed `exportedAt` gives the same bytes every time.
import ExcelJS from 'exceljs';
import type { GridRow } from '../../../shared/api/contract';
import type { Plan } from '../../../shared/domain/plan';
import { templateFileName } from '../template-format';
import { buildInstructionsSheet } from './instructions-sheet';
import { buildMetaSheet } from './meta-sheet';
import { buildReturnSheet } from './return-sheet';
import { stampZipTimes } from './zip-time';
import { sanitizeWorkbookText } from './xml-text';

export const WORKBOOK_CREATOR = '指标填报台';

export interface ExportInput {
  plan: Plan;
  /** Reporting year: its 实际值 and 说明 are the only editable cells. */
  year: number;
  /** Null = all departments (the coordinating office's consolidated table). */
  department: string | null;
  /** One per indicator to export, in sheet order; cells keyed by year string. */
  rows: GridRow[];
  clerkName: string;
  clerkPhone: string;
  exportedAt: Date;
  appVersion: string;
}

/** Sheet protection without a password: it prevents accidents, not determined edits. */
const PROTECTION = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  // Widening a column or a row to read a long note is harmless; let clerks do it.
  formatColumns: true,
  formatRows: true,
} as const;

export async function exportTemplate(input: ExportInput): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = WORKBOOK_CREATOR;
  wb.lastModifiedBy = WORKBOOK_CREATOR;
  wb.created = input.exportedAt;
  wb.modified = input.exportedAt;
  wb.title = `${input.plan.shortName} ${input.year}年度指标填报表`;

  const { sheet, rows } = buildReturnSheet(wb, input);
  const instructions = buildInstructionsSheet(wb, input);
  buildMetaSheet(wb, input, rows);
  await sheet.protect('', PROTECTION);
  await instructions.protect('', PROTECTION);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];

  sanitizeWorkbookText(wb);
  const buffer = await wb.xlsx.writeBuffer();
  return stampZipTimes(new Uint8Array(buffer as ArrayBuffer), input.exportedAt);
}

/** File name like 住有宜居_2025年度_区住建局_指标填报.xlsx. */
export function exportFileName(plan: Pick<Plan, 'shortName'>, year: number, department: string | null): string {
  return templateFileName(plan.shortName, year, department);
}
