// Neutral workbook + plan → what the file says, per indicator and year, with every problem as an
// issue naming its sheet and cell. Pure: nothing here touches the database (the import service
// diffs this against the store). Two paths:
//   1. exact: the app's own template (a _meta sheet naming the format) — rows by the hidden 指标ID;
//   2. heuristic: any table a clerk made — header found by its words, rows matched by 序号 + name.
import type { ImportIssue } from '../../../shared/api/contract';
import type { Plan } from '../../../shared/domain/plan';
import type { WorkbookFormat, WorkbookKind } from '../../../shared/domain/workbook-file';
import {
  FIRST_DATA_ROW,
  META_KEYS,
  META_ROWS_HEADER,
  ROW_HEADER_1,
  ROW_HEADER_2,
  SHEET_INSTRUCTIONS,
  SHEET_META,
  TEMPLATE_FORMAT_NAME,
} from '../template-format';
import type { MetaKey } from '../template-format';
import type { NeutralSheet, NeutralWorkbook } from './model';
import { getCell } from './model';
import type { TableLayout } from './header';
import { findTable } from './header';
import { cellText } from './cell-text';
import type { Matcher } from './match';
import { makeMatcher } from './match';
import { mergeRepeatedIndicators } from './repeated-rows';
import { importMessage, unreadable } from './import-messages';
import { readWorkbook } from './read-workbook';
import { IMPORT_LIMITS } from './limits';
import { Issues } from './read-value-cell';
import type { SheetInfo } from './info-lines';
import { readInfoLines } from './info-lines';
import { chooseCodePage } from './code-page-choice';
import { listed } from './stored-cells';
import type { PlanNaming } from '../../../shared/domain/plan-label';
import { planLabel } from '../../../shared/domain/plan-label';
import type { AppMessage } from '../../../shared/i18n/engine';
import type { IdLookup, InterpretedRow, TableRead } from './read-table';
import { emptyValue, readTable } from './read-table';

export type { InterpretedRow, InterpretedValue } from './read-table';

export interface InterpretedWorkbook {
  format: WorkbookFormat;
  /** 'plan' when the table has targets only (no actual columns anywhere). */
  kind: WorkbookKind;
  path: 'template' | 'heuristic';
  planId: string | null;
  /**
   * The short name and title of the plan the file was exported from, as its _meta sheet names them
   * (null each when the file does not: a hand-made table, or a return exported before _meta carried
   * them — then only planId names it).
   */
  planShortName: string | null;
  planTitle: string | null;
  department: string | null;
  /** Every department text the file names (meta sheet, 填报单位 lines), in order: two different ones are refused later. */
  departmentsNamed: string[];
  reportingYear: number | null;
  clerkName: string | null;
  clerkPhone: string | null;
  years: number[];
  rows: InterpretedRow[];
  /** ImportIssue.cell is the A1 address on ImportIssue.sheet ("E9"), or "F:F" for a whole column. */
  issues: ImportIssue[];
}


function finish(
  book: NeutralWorkbook,
  reads: TableRead[],
  issues: Issues,
  base: Pick<InterpretedWorkbook, 'path' | 'planId' | 'planShortName' | 'planTitle' | 'department' | 'departmentsNamed' | 'clerkName' | 'clerkPhone'> & { reportingYear: number | null; kind?: 'return' },
  plan: Plan,
): InterpretedWorkbook {
  const hasActual = reads.some((t) => t.hasActualColumns);
  const kind = base.kind ?? (hasActual ? 'return' : 'plan');
  let reportingYear = base.reportingYear;
  if (reportingYear === null && kind === 'return') {
    for (const t of reads)
      for (const { row } of t.rows)
        for (const [y, v] of Object.entries(row.values)) if (v.actual !== null && (reportingYear === null || Number(y) > reportingYear)) reportingYear = Number(y);
  }
  // Notes without a year of their own belong to the reporting year.
  for (const t of reads)
    for (const p of t.rows) {
      if (!p.note) continue;
      const year = reportingYear ?? (t.years.length ? Math.max(...t.years) : null);
      if (year === null) continue;
      const slot = (p.row.values[String(year)] ??= emptyValue());
      slot.note = p.note.text === '' ? null : p.note.text;
      slot.noteCell = p.note.cell;
    }

  // A cell outside the grid was not read (the readers leave it out: model.ts outsideGrid). A
  // warning, not a refusal: no spreadsheet shows such a cell — the clerk who filled the return never
  // saw it, and Excel drops it when it repairs the file — so the figures that can be seen are
  // read, and the warning names the cells in case one mattered.
  for (const s of book.sheets)
    if (s.outsideGrid.length > 0) issues.add('warning', s.name, s.outsideGrid[0] as string, importMessage('import.outside-grid', { sheet: s.name, cells: listed(s.outsideGrid) }));
  const rows = mergeRepeatedIndicators(reads, issues, plan);
  const years = [...new Set(reads.flatMap((t) => t.years))].sort((a, b) => a - b);
  return {
    format: book.format,
    kind,
    path: base.path,
    planId: base.planId,
    planShortName: base.planShortName,
    planTitle: base.planTitle,
    department: base.department,
    departmentsNamed: base.departmentsNamed,
    reportingYear,
    clerkName: base.clerkName,
    clerkPhone: base.clerkPhone,
    years,
    rows,
    issues: issues.list,
  };
}

// --- exact path -------------------------------------------------------------------------------

/**
 * "The file was exported from another plan": both plans named as a clerk knows them (planLabel —
 * short name and title; the file's plan by what its _meta says, its id only when it says nothing
 * more). The import service names the file's plan from the database when it holds it
 * (services/import-plan-names.ts). `planId` stays in the params for scripts.
 */
export function otherPlanMessage(filePlan: PlanNaming, current: Plan): AppMessage {
  return importMessage('import.other-plan', { plan: planLabel(filePlan), current: planLabel(current), planId: filePlan.id });
}

interface TemplateMeta {
  values: Partial<Record<MetaKey, string>>;
  idByRow: Map<number, string>;
}

function readTemplateMeta(book: NeutralWorkbook): TemplateMeta | null {
  const meta = book.sheets.find((s) => s.name === SHEET_META);
  if (!meta) return null;
  const values: Partial<Record<MetaKey, string>> = {};
  const idByRow = new Map<number, string>();
  const keys = new Set<string>(META_KEYS);
  let inRows = false;
  for (const r of [...meta.rows.keys()].sort((a, b) => a - b)) {
    const a = cellText(getCell(meta, r, 1));
    const b = cellText(getCell(meta, r, 2));
    if (inRows) {
      const rowNumber = Number(a);
      if (Number.isInteger(rowNumber) && b !== '') idByRow.set(rowNumber, b);
    } else if (a === META_ROWS_HEADER[0] && b === META_ROWS_HEADER[1]) inRows = true;
    else if (keys.has(a)) values[a as MetaKey] = b;
  }
  return values.format === TEMPLATE_FORMAT_NAME ? { values, idByRow } : null;
}

function interpretTemplate(book: NeutralWorkbook, plan: Plan, meta: TemplateMeta, matcher: Matcher): InterpretedWorkbook | null {
  // 填报表, and any copy of it a clerk made (Excel's "Move or Copy" gives 填报表 (2)): every sheet
  // with the template's header is read, so figures typed into a copy are never ignored; where
  // sheets disagree, the rule for repeated rows decides and names both cells (mergeRepeatedIndicators).
  const tables = book.sheets
    .filter((s) => s.name !== SHEET_META && s.name !== SHEET_INSTRUCTIONS)
    .map((s) => findTable(s, { top: ROW_HEADER_1, bottom: ROW_HEADER_2 }))
    .filter((l): l is TableLayout => l !== null && l.headerBottom + 1 === FIRST_DATA_ROW);
  if (tables.length === 0) return null;
  const issues = new Issues();
  const planId = meta.values.planId ?? null;
  const text = (k: MetaKey) => (meta.values[k] && meta.values[k] !== '' ? (meta.values[k] as string) : null);
  const filePlan = { id: planId ?? '', shortName: text('planShortName'), title: text('planTitle') };
  if (planId !== null && planId !== plan.id) issues.add('warning', SHEET_META, `B${META_KEYS.indexOf('planId') + 1}`, otherPlanMessage(filePlan, plan));
  const year = meta.values.year ? Number(meta.values.year) : null;
  const reportingYear = year !== null && Number.isInteger(year) ? year : null;
  // The 说明 column belongs to the reporting year named in the meta sheet. Another plan's indicator
  // ids mean nothing here: its rows are matched by name, as the import.other-plan warning above
  // says once, rather than with an unknown-id warning on every row.
  const otherPlan = planId !== null && planId !== plan.id;
  const reads = tables.map((layout) => {
    const idFor: IdLookup | null = otherPlan
      ? null
      : (r, cells) => {
          const fromColumn = layout.idCol === null ? '' : cellText(cells.get(layout.idCol));
          return fromColumn !== '' ? fromColumn : (meta.idByRow.get(r) ?? null);
        };
    return readTable({ ...layout, noteYear: reportingYear }, matcher, issues, idFor);
  });
  return finish(book, reads, issues, {
    path: 'template',
    planId,
    planShortName: filePlan.shortName,
    planTitle: filePlan.title,
    department: text('department'),
    departmentsNamed: text('department') === null ? [] : [text('department') as string],
    clerkName: text('clerkName'),
    clerkPhone: text('clerkPhone'),
    reportingYear,
    kind: 'return',
  }, plan);
}

// --- heuristic path ---------------------------------------------------------------------------

const NOT_A_TABLE_SHEET = new RegExp(`^(${SHEET_INSTRUCTIONS}|填报说明|说明|使用说明|instructions?|${SHEET_META})$`, 'i');

function interpretHeuristic(book: NeutralWorkbook, plan: Plan, matcher: Matcher): InterpretedWorkbook {
  const issues = new Issues();
  // Every sheet with a table is read, hidden ones (very hidden too) as well, said when a value of them is read: where a hidden
  // sheet and a visible one give an indicator different values, the visible one's is used and the
  // other named (mergeRepeatedIndicators). A sheet named like instructions (填写说明, 说明) is read
  // only when no other sheet holds a table.
  const tableIn = (sheets: NeutralSheet[]) => sheets.map((s) => findTable(s)).filter((t): t is TableLayout => t !== null);
  const sheets = book.sheets.filter((s) => s.name !== SHEET_META);
  let tables = tableIn(sheets.filter((s) => !NOT_A_TABLE_SHEET.test(s.name.trim())));
  if (tables.length === 0) tables = tableIn(sheets);
  const info: SheetInfo = { department: null, clerkName: null, clerkPhone: null, departmentsNamed: [] };
  const reads = tables.map((t) => {
    readInfoLines(t.sheet, 1, t.sheet.maxRow, info);
    return readTable(t, matcher, issues, null);
  });
  // The reporting year is the one the visible sheets name (a hidden sheet is an archive or a draft).
  const visibleTables = tables.filter((t) => t.sheet.state === 'visible');
  const namedYears = (visibleTables.length > 0 ? visibleTables : tables).map((t) => t.sheetYear).filter((y): y is number => y !== null);
  return finish(book, reads, issues, {
    path: 'heuristic',
    planId: null,
    planShortName: null,
    planTitle: null,
    ...info,
    reportingYear: namedYears.length ? Math.max(...namedYears) : null,
  }, plan);
}

/**
 * Interpret a workbook against a plan. Never throws for content: problems become issues. A legacy
 * .xls read two ways (undeclared GBK text) keeps the reading that matches the plan (code-page-choice.ts).
 */
export function interpretWorkbook(book: NeutralWorkbook, plan: Plan): InterpretedWorkbook {
  return chooseCodePage(book, plan, interpretReading);
}

function interpretReading(book: NeutralWorkbook, plan: Plan): InterpretedWorkbook {
  const matcher = makeMatcher(plan);
  const meta = readTemplateMeta(book);
  if (meta) {
    const exact = interpretTemplate(book, plan, meta, matcher);
    if (exact) return exact;
  }
  return interpretHeuristic(book, plan, matcher);
}

/** Read and interpret; a file with no recognisable table is refused like an unreadable one. */
export async function readAndInterpret(bytes: Uint8Array, fileName: string, plan: Plan): Promise<InterpretedWorkbook> {
  const book = await readWorkbook(bytes, fileName, IMPORT_LIMITS, 'values');
  const result = interpretWorkbook(book, plan);
  if (result.rows.length === 0 && result.years.length === 0)
    throw unreadable('import.no-table', { file: fileName.split(/[\\/]/).pop() ?? fileName });
  return result;
}
