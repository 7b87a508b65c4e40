// The two heavy workbook jobs — writing an export, reading an import — behind one interface, so the
// services do not care where they run: in this process (the CLI, tests) or on a worker thread
// (the Electron main process and the browser-mode server, whose event loop must never stall).
// The modules doing the work are loaded on first use: a command that needs neither loads neither.
import type { Plan } from '../../../shared/domain/plan';
import type { ExportInput } from '../export/export-template';
import type { InterpretedWorkbook } from '../import/interpret';

export interface WorkbookJobs {
  /** The standard template as .xlsx bytes (see export-template.ts). */
  exportTemplate(input: ExportInput): Promise<Uint8Array>;
  /** Read and interpret one file; rejects with UnreadableWorkbookError for a file it cannot read. */
  readAndInterpret(bytes: Uint8Array, fileName: string, plan: Plan): Promise<InterpretedWorkbook>;
}

/** Runs the jobs on the caller's thread, loading ExcelJS / the importer only when first asked. */
export const inProcessJobs: WorkbookJobs = {
  exportTemplate: async (input) => (await import('../export/export-template')).exportTemplate(input),
  readAndInterpret: async (bytes, fileName, plan) => (await import('../import/interpret')).readAndInterpret(bytes, fileName, plan),
};
