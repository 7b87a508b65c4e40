// `inspect FILE`: read and interpret a workbook without touching any database, and describe it in
// the JSON shape scripts rely on (see README). Statuses come from the shared rule.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportIssue } from '../../shared/api/contract';
import type { Plan } from '../../shared/domain/plan';
import { cellStatus } from '../../shared/domain/status';
import type { CellStatus } from '../../shared/domain/status';
import type { WorkbookFormat, WorkbookKind } from '../../shared/domain/workbook-file';
import type { Lang } from '../../shared/i18n/lang';
import type { InterpretedWorkbook } from '../workbook/import/interpret';
import { readAndInterpret } from '../workbook/import/interpret';
import { implausibleValueIssues } from '../workbook/import/plausible-issues';
import type { PlanOfBook } from '../services/plan-match';

export interface InspectJson {
  file: string;
  format: WorkbookFormat;
  kind: WorkbookKind;
  department: string | null;
  years: number[];
  rows: {
    code: string | null;
    name: string;
    indicatorId: string | null;
    /** `status` is null on a row that matches no indicator of the plan (not judged). */
    values: Record<string, { target: number | '/' | null; actual: number | null; note: string | null; status: CellStatus | null }>;
  }[];
  issues: { severity: 'error' | 'warning'; sheet: string; cell: string; message: string }[];
}

/** The issues inspect reports: the file's, then values outside the plausible range (shared rule). */
function allIssues(book: InterpretedWorkbook, plan: Plan): ImportIssue[] {
  return [...book.issues, ...implausibleValueIssues(book, plan)];
}

export function describeWorkbook(file: string, book: InterpretedWorkbook, plan: Plan, today: Date, lang: Lang, issues: readonly ImportIssue[] = allIssues(book, plan)): InspectJson {
  const byId = new Map(plan.indicators.map((i) => [i.id, i]));
  return {
    file,
    format: book.format,
    kind: book.kind,
    department: book.department,
    years: book.years,
    rows: book.rows.map((row) => {
      const ind = row.indicatorId ? byId.get(row.indicatorId) : undefined;
      const values: InspectJson['rows'][number]['values'] = {};
      for (const [yearText, v] of Object.entries(row.values)) {
        const year = Number(yearText);
        // A matched row is judged against the plan's target (the plan is the source of truth). An
        // unmatched row is not judged: whether more is better is the plan's to say (近视率 ≤28 is
        // met by 27), and a guess would show a wrong ✓ or ✗.
        const status = ind ? cellStatus({ indicator: ind, year, target: ind.targets[year], actual: v.actual, today }).status : null;
        values[yearText] = { target: v.target, actual: v.actual, note: v.note, status };
      }
      return { code: ind ? ind.code : row.code, name: row.name, indicatorId: row.indicatorId, values };
    }),
    // Values outside the plausible range (shared rule) are reported with the file's other issues.
    issues: issues.map((i) => ({ severity: i.severity, sheet: i.sheet, cell: i.cell, message: i.message[lang] })),
  };
}

/** What inspect found: the JSON scripts read, and the database's plan the file belongs to when that is another plan. */
export interface Inspected {
  json: InspectJson;
  /** The message key of each of `json.issues`, in order (not in the JSON: for the text listing's each-fact-once rule). */
  issueKeys: string[];
  /** Null without a database (`plans` empty), or when the file is `plan`'s own or no plan's. */
  otherPlan: PlanOfBook | null;
}

/**
 * Read `path` against `plan`. `plans` are the database's plans (none without --db/--plan): with
 * them the file's plan is named as the database holds it and the plan it belongs to is found.
 */
export async function inspectFile(path: string, plan: Plan, today: Date, lang: Lang, plans: readonly Plan[] = []): Promise<Inspected> {
  const bytes = new Uint8Array(readFileSync(path));
  const read = await readAndInterpret(bytes, basename(path), plan);
  if (plans.length === 0) {
    const issues = allIssues(read, plan);
    return { json: describeWorkbook(path, read, plan, today, lang, issues), issueKeys: issues.map((i) => i.message.key), otherPlan: null };
  }
  // Loaded only with a database: the quick start's plain inspect loads no service (cli-quick-start.test.ts).
  const [{ planOfBook }, { namePlansFromStore }] = await Promise.all([import('../services/plan-match'), import('../services/import-plan-names')]);
  const book = namePlansFromStore(read, plan, plans);
  const belongsTo = planOfBook(book, plans);
  const issues = allIssues(book, plan);
  return { json: describeWorkbook(path, book, plan, today, lang, issues), issueKeys: issues.map((i) => i.message.key), otherPlan: belongsTo !== null && belongsTo.planId !== plan.id ? belongsTo : null };
}
