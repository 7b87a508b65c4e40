// What kind of workbook a file is, declared once for the importer, the contract and the CLI
// (docs/ARCHITECTURE.md §Import pipeline).
import { z } from 'zod';

/** The container format, decided by magic bytes: Office Open XML (.xlsx) or BIFF (.xls). */
export const WorkbookFormatSchema = z.enum(['xlsx', 'xls']);
export type WorkbookFormat = z.infer<typeof WorkbookFormatSchema>;

/** 'return': a table with actuals (applied on import); 'plan': targets only (compared, never applied). */
export const WorkbookKindSchema = z.enum(['return', 'plan']);
export type WorkbookKind = z.infer<typeof WorkbookKindSchema>;
