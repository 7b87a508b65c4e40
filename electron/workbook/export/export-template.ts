// Exports the standard template workbook (docs/ARCHITECTURE.md §Template format) for one plan, reporting year and
// department: 填报表 (the return), 填写说明 (instructions) and the very hidden _meta sheet.
// Pure in its inputs: a fixed `exportedAt` gives the same bytes every time. Written through ExcelJS's
// streaming writer: rows go to the zip (native deflate) as they are made, not held as one workbook.
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Workbook } from 'exceljs';
import type { GridRow, Provenance } from '../../../shared/api/contract';
import type { Plan } from '../../../shared/domain/plan';
import { templateFileName } from '../template-format';
import { buildInstructionsSheet } from './instructions-sheet';
import { buildMetaSheet } from './meta-sheet';
import { writeReturnSheet } from './return-sheet';
import type { ExportedRow } from './return-sheet';
import { shareDxfStyles } from './conditional-format-xml';
import { writeSharedStringsAsXml } from './shared-strings-xml';
import { stampZipTimes } from './zip-time';
import { xmlSafeDeep } from './xml-text';

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
  /**
   * Set when the exported department-year (or, for all departments, the whole year) is locked
   * (docs/ARCHITECTURE.md §Reporting cycle): the words shown after 已锁定 in the header, e.g. the
   * lock's reason ('' for none). Every cell is then protected. Cells of other locked departments in
   * a consolidated export are protected through their row's `locked` cell.
   */
  locked?: string | null;
}

/** Sheet protection without a password: it prevents accidents, not determined edits. */
export const PROTECTION = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  // Widening a column or a row to read a long note is harmless; let clerks do it.
  formatColumns: true,
  formatRows: true,
} as const;

export async function exportTemplate(rawInput: ExportInput): Promise<Uint8Array> {
  // Texts XML 1.0 forbids are removed from the whole input first (see xml-text.ts).
  const input = xmlSafeDeep(rawInput);
  return streamWorkbook(input.exportedAt, `${input.plan.shortName} ${input.year}年度指标填报表`, async (wb) => {
    // Sheets are written (and committed) in tab order: 填报表, 填写说明, _meta.
    const rows = await writeReturnSheet(wb, input, PROTECTION);
    await writeInstructionsAndMeta(wb, input, rows);
  });
}

/** Commits the 填写说明 (protected) and _meta sheets, the last two of the template's tabs. */
export async function writeInstructionsAndMeta(wb: Workbook, input: ExportInput, rows: ExportedRow[]): Promise<void> {
  const instructions = buildInstructionsSheet(wb, input);
  await instructions.protect('', PROTECTION);
  instructions.commit();
  buildMetaSheet(wb, input, rows, reportingYearSources(input)).commit();
}

/**
 * Where each reporting-year figure came from (by indicator id), carried in the meta sheet so the
 * exported workbook still says it (docs/ARCHITECTURE.md §Consolidation).
 */
function reportingYearSources(input: ExportInput): Map<string, Provenance> {
  const sources = new Map<string, Provenance>();
  for (const r of input.rows) {
    const p = r.cells[String(input.year)]?.provenance;
    if (p) sources.set(r.indicatorId, p);
  }
  return sources;
}

/**
 * Runs `write` against an ExcelJS streaming workbook writer (sheets must be added and committed in
 * tab order) and returns the finished file's bytes, its zip entries dated `exportedAt` so the same
 * input always gives the same bytes. Shared by the template and the report workbook.
 */
export async function streamWorkbook(exportedAt: Date, title: string, write: (wb: Workbook) => Promise<void>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('finish', resolve);
    sink.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  wb.creator = WORKBOOK_CREATOR;
  wb.lastModifiedBy = WORKBOOK_CREATOR;
  wb.created = exportedAt;
  wb.modified = exportedAt;
  wb.title = title;
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  shareDxfStyles(wb);
  writeSharedStringsAsXml(wb);
  await write(wb);
  await wb.commit();
  await finished;
  const zip = Buffer.concat(chunks);
  // A plain Uint8Array view of the same bytes: `new Uint8Array(buffer)` would copy the whole file.
  return stampZipTimes(new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength), exportedAt);
}

/** File name like 住有宜居_2025年度_区住建局_指标填报.xlsx. */
export function exportFileName(plan: Pick<Plan, 'shortName'>, year: number, department: string | null): string {
  return templateFileName(plan.shortName, year, department);
}
