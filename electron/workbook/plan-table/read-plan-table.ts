// A plan table (领域 | 序号 | 指标(单位) | 2023年 目标值 … | 牵头单位) → a PlanDraft with what was
// inferred for each indicator, or errors naming their cells. The header is found by the importer's
// own rules (import/header.ts findTable), so every layout a return may have (title rows, merged
// 领域 cells, a two-row header) is a plan table layout too. Pure in its input (a neutral workbook):
// nothing here touches the database (docs/ARCHITECTURE.md §Plans as data).
import type { ImportIssue } from '../../../shared/api/contract';
import type { Direction, IndicatorKind, Target } from '../../../shared/domain/plan';
import { isPercentUnit } from '../../../shared/domain/plan';
import type { IndicatorDraft, PlanDraft } from '../../../shared/domain/plan-draft';
import { UNASSIGNED_LEAD } from '../../../shared/domain/plan-draft';
import type { DirectionReason, KindReason, TargetRead } from '../../../shared/domain/plan-inference';
import {
  inferDirection, inferKind, percentCellValue, readTargetText, shortNameFromTitle, normalizeUnit, splitNameUnit, splitUnits, squashCjkSpaces, stripTablePrefix, targetOf,
} from '../../../shared/domain/plan-inference';
import { planMessage } from '../../../shared/i18n/plan-messages';
import { findTable } from '../import/header';
import { cellText } from '../import/cell-text';
import { classifyHeader } from '../import/header-rules';
import type { TableLayout } from '../import/header';
import type { NeutralCell, NeutralSheet, NeutralWorkbook } from '../import/model';
import { cellAddress, getCell } from '../import/model';
import { readPlanMeta } from './plan-meta';
import { UNITS_HEADER } from './plan-table-format';

/** What the reader inferred for one indicator, for the preview (the user may correct each). */
export interface InferredIndicator {
  /** The row on the sheet and the name cell ("C5"). */
  row: number;
  nameCell: string;
  kindReason: KindReason | 'from-file';
  directionReason: DirectionReason | 'from-file';
  /** False when the table has no 牵头单位 column (the lead is UNASSIGNED_LEAD). */
  leadFromTable: boolean;
}

export interface PlanTableRead {
  /** Null when there are errors: nothing may be created from it. */
  draft: PlanDraft | null;
  /** Parallel to draft.indicators (also filled when there are errors, for the messages). */
  inferred: InferredIndicator[];
  /** The plan named by the title (“学有优教”), null when it names none. */
  titleName: string | null;
  sheet: string | null;
  issues: ImportIssue[];
}

const FOOTER = /^(注|备注|说明|附注|资料来源)[:：]|填报人|填报单位|联系电话|制表/;

function mergedText(sheet: NeutralSheet, row: number, col: number): string {
  const own = getCell(sheet, row, col);
  if (own && own.value !== null && cellText(own) !== '') return cellText(own);
  for (const m of sheet.merges) if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return cellText(getCell(sheet, m.top, m.left));
  return '';
}

/** The first text above the header (表：某区“学有优教”工程五年目标), '' when none. */
function titleAbove(sheet: NeutralSheet, headerTop: number): string {
  for (let r = 1; r < headerTop; r++)
    for (const c of [...(sheet.rows.get(r)?.values() ?? [])].sort((a, b) => a.col - b.col)) {
      const t = cellText(c);
      if (t !== '') return t;
    }
  return '';
}

/** Columns the generic layout does not name: 领域 and the responsible units. */
function extraColumns(layout: TableLayout): { domainCol: number | null; unitsCol: number | null } {
  let domainCol: number | null = null;
  let unitsCol: number | null = null;
  for (let col = 1; col <= layout.sheet.maxCol; col++) {
    const text = [...new Set([layout.headerTop, layout.headerBottom].map((r) => mergedText(layout.sheet, r, col)))].join('');
    if (domainCol === null && classifyHeader(text) === 'domain') domainCol = col;
    if (unitsCol === null && UNITS_HEADER.test(text)) unitsCol = col;
  }
  return { domainCol, unitsCol };
}

/** One target cell: a number cell (a percent-formatted one in percent units ×100), or text read by readTargetText. */
function readTargetCell(cell: NeutralCell | undefined, unit: string): TargetRead {
  if (!cell || cell.value === null) return { kind: 'empty' };
  if (typeof cell.value === 'number' && !cell.isError) {
    return { kind: 'number', value: cell.percent && (isPercentUnit(unit) || unit === '') ? percentCellValue(cell.value) : cell.value, qualifier: 'none' };
  }
  return readTargetText(String(cell.value), unit);
}

/** Read the plan table of a workbook. `fileName` only names the file in messages. */
export function readPlanTable(book: NeutralWorkbook, fileName: string): PlanTableRead {
  const issues: ImportIssue[] = [];
  const add = (severity: ImportIssue['severity'], sheet: string, cell: string, m: ImportIssue['message']) => issues.push({ severity, sheet, cell, message: m });
  const layouts = book.sheets.filter((s) => s.state === 'visible').map((s) => findTable(s)).filter((t): t is TableLayout => t !== null);
  const layout = layouts.find((l) => l.valueCols.some((v) => v.role === 'target'));
  if (!layout) {
    add('error', book.sheets[0]?.name ?? '', 'A1', planMessage('table.no-table', { file: fileName.split(/[\\/]/).pop() ?? fileName }));
    return { draft: null, inferred: [], titleName: null, sheet: null, issues };
  }
  const { sheet } = layout;
  for (const c of layout.columnIssues) add(c.severity, sheet.name, c.cell, c.message);
  const targetCols = layout.valueCols.filter((v) => v.role === 'target');
  const actualCols = layout.valueCols.filter((v) => v.role === 'actual');
  if (actualCols.length > 0) add('warning', sheet.name, cellAddress(layout.headerTop, actualCols[0]!.col), planMessage('table.actual-columns', { columns: actualCols.map((v) => cellAddress(layout.headerTop, v.col)).join(', ') }));
  // Years left to right, each the one before plus one. A year out of order is the one reported
  // (the gap it leaves before it is the same mistake).
  const yearProblems = (key: 'table.years-out-of-order' | 'table.years-gap', bad: (year: number, previous: number) => boolean) =>
    targetCols.flatMap((v, i) => {
      const prev = targetCols[i - 1];
      if (!prev || !bad(v.year, prev.year)) return [];
      const cell = cellAddress(layout.headerTop, v.col);
      return [{ cell, message: planMessage(key, { cell, year: v.year, previous: prev.year }) }];
    });
  const disorder = yearProblems('table.years-out-of-order', (y, p) => y <= p);
  for (const p of disorder.length > 0 ? disorder : yearProblems('table.years-gap', (y, prev) => y !== prev + 1)) add('error', sheet.name, p.cell, p.message);

  const { domainCol, unitsCol } = extraColumns(layout);
  const title = titleAbove(sheet, layout.headerTop);
  const meta = readPlanMeta(book);
  const indicators: IndicatorDraft[] = [];
  const inferred: InferredIndicator[] = [];
  const codeRows = new Map<string, number>();
  let domain = '';
  for (const r of [...sheet.rows.keys()].filter((n) => n > layout.headerBottom).sort((a, b) => a - b)) {
    const nameCell = getCell(sheet, r, layout.nameCol);
    const rawName = cellText(nameCell);
    const hasTargets = targetCols.some((v) => cellText(getCell(sheet, r, v.col)) !== '');
    if (domainCol !== null) {
      const d = squashCjkSpaces(mergedText(sheet, r, domainCol));
      if (d !== '') domain = d;
    }
    if (rawName === '') {
      if (hasTargets) add('error', sheet.name, cellAddress(r, layout.nameCol), planMessage('table.values-without-name', { row: r }));
      continue;
    }
    if (FOOTER.test(rawName) && !hasTargets) continue;
    // The unit in the name's brackets, else the 单位 column's.
    const fromName = splitNameUnit(rawName);
    const name = fromName.name;
    const unit = fromName.unit !== '' || layout.unitCol === null ? fromName.unit : normalizeUnit(cellText(getCell(sheet, r, layout.unitCol)));
    const codeText = layout.codeCol === null ? '' : cellText(getCell(sheet, r, layout.codeCol));
    const code = codeText === '' ? String(indicators.length + 1) : codeText.replace(/\.0+$/, '');
    const seenAt = codeRows.get(code);
    if (seenAt !== undefined && layout.codeCol !== null)
      add('error', sheet.name, cellAddress(r, layout.codeCol), planMessage('table.duplicate-code', { code, first: seenAt, row: r }));
    codeRows.set(code, r);

    const reads = targetCols.map((v) => ({ v, read: readTargetCell(getCell(sheet, r, v.col), unit) }));
    const targets: Record<number, Target> = {};
    for (const { v, read } of reads) {
      const cell = cellAddress(r, v.col);
      if (read.kind === 'text') add('error', sheet.name, cell, planMessage('table.text-target', { row: r, name: rawName, year: v.year, text: read.text }));
      else if (read.kind === 'empty') add('warning', sheet.name, cell, planMessage('table.empty-target', { row: r, name: rawName, year: v.year }));
      const t = targetOf(read);
      if (t !== null) targets[v.year] = t;
    }
    const k = inferKind(name, unit);
    const d = inferDirection(k.kind, reads.map((x) => x.read));
    const units = unitsCol === null ? { lead: null, co: [] } : splitUnits(cellText(getCell(sheet, r, unitsCol)));
    const fromFile = meta?.rows.get(r);
    const own = fromFile && fromFile.name === rawName ? fromFile : null;
    indicators.push({
      code,
      domain,
      name,
      unit,
      kind: own?.kind ?? k.kind,
      direction: own?.direction ?? d.direction,
      tolerance: own?.tolerance ?? null,
      leadUnit: units.lead ?? UNASSIGNED_LEAD,
      coUnits: units.co,
      targets,
      ...(own?.plausible ? { plausible: own.plausible } : {}),
    });
    inferred.push({ row: r, nameCell: cellAddress(r, layout.nameCol), kindReason: own ? 'from-file' : k.reason, directionReason: own ? 'from-file' : d.reason, leadFromTable: units.lead !== null });
  }
  if (indicators.length === 0) add('error', sheet.name, cellAddress(layout.headerTop, layout.nameCol), planMessage('table.empty', { sheet: sheet.name, row: layout.headerTop }));
  if (indicators.length > 0 && inferred.some((i) => !i.leadFromTable))
    add('warning', sheet.name, cellAddress(layout.headerTop, layout.nameCol), planMessage('table.no-lead-unit', { lead: UNASSIGNED_LEAD }));

  const tableTitle = meta?.values.tableTitle ?? stripTablePrefix(title);
  const titleName = meta?.values.shortName ?? shortNameFromTitle(title);
  const domains = [...new Set(indicators.map((i) => i.domain))];
  const draft: PlanDraft = {
    shortName: titleName ?? '',
    title: meta?.values.title ?? tableTitle,
    tableTitle,
    years: targetCols.map((v) => v.year),
    domains,
    coordinator: meta?.values.coordinator ?? '',
    sourceNote: meta?.values.sourceNote ?? '',
    indicators,
  };
  const failed = issues.some((i) => i.severity === 'error');
  return { draft: failed ? null : draft, inferred, titleName, sheet: sheet.name, issues };
}

export type { Direction, IndicatorKind };
