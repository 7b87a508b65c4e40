// A plan → a plan table workbook in the layout plans come in (title row 表：…, header 领域 | 序号 |
// 指标 | 2023年 目标值 … | 牵头单位, 领域 merged down its rows, "/" for no target), plus a very
// hidden _plan sheet with what the table cannot show, so importing the file gives the identical
// plan (docs/ARCHITECTURE.md §Plans as data). ExcelJS is loaded on first use.
import type { Plan } from '../../../shared/domain/plan';
import { NO_TARGET, displayName } from '../../../shared/domain/plan';
import { UNASSIGNED_LEAD } from '../../../shared/domain/plan-draft';
import { font, solidFill, thinBorders, COLOR } from '../export/styles';
import {
  FIRST_ROW, PLAN_META_KEYS, PLAN_META_ROW_HEADER, PLAN_TABLE_FORMAT_NAME, PLAN_TABLE_SCHEMA_VERSION, ROW_HEADER, ROW_TITLE, SHEET_PLAN_META, SHEET_PLAN_TABLE,
} from './plan-table-format';

/** File name like 住有宜居_五年目标.xlsx (characters Windows refuses in names replaced). */
export function planTableFileName(plan: Pick<Plan, 'shortName'>): string {
  return `${plan.shortName.replace(/[\\/:*?"<>|]/g, '_')}_五年目标.xlsx`;
}

/** The responsible units as the plan's text writes them: the lead first, marked *. */
function unitsText(lead: string, co: string[]): string {
  if (lead === UNASSIGNED_LEAD && co.length === 0) return '';
  return [`*${lead}`, ...co].join('、');
}

/** Write the plan table; resolves to the .xlsx bytes. */
export async function writePlanTable(plan: Plan): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Indicator Desk';
  const ws = wb.addWorksheet(SHEET_PLAN_TABLE);
  const years = plan.years;
  const header = ['领域', '序号', '指标', ...years.map((y) => `${y}年 目标值`), '牵头单位'];
  const lastCol = header.length;
  ws.mergeCells(ROW_TITLE, 1, ROW_TITLE, lastCol);
  ws.getCell(ROW_TITLE, 1).value = `表：${plan.tableTitle}`;
  ws.getCell(ROW_TITLE, 1).font = font({ bold: true, size: 12 });
  header.forEach((h, i) => {
    const c = ws.getCell(ROW_HEADER, i + 1);
    c.value = h;
    c.font = font({ bold: true });
    c.fill = solidFill(COLOR.headerFill);
    c.border = thinBorders();
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  let domainStart = FIRST_ROW;
  plan.indicators.forEach((ind, i) => {
    const r = FIRST_ROW + i;
    const prev = plan.indicators[i - 1];
    if (!prev || prev.domain !== ind.domain) {
      domainStart = r;
      ws.getCell(r, 1).value = ind.domain;
    }
    const next = plan.indicators[i + 1];
    if ((!next || next.domain !== ind.domain) && r > domainStart) ws.mergeCells(domainStart, 1, r, 1);
    ws.getCell(r, 2).value = ind.code;
    ws.getCell(r, 3).value = displayName(ind);
    years.forEach((y, j) => {
      const t = ind.targets[y];
      ws.getCell(r, 4 + j).value = t === undefined ? null : t === NO_TARGET ? NO_TARGET : t;
    });
    ws.getCell(r, lastCol).value = unitsText(ind.leadUnit, ind.coUnits);
    for (let c = 1; c <= lastCol; c++) {
      const cell = ws.getCell(r, c);
      cell.font = font();
      cell.border = thinBorders();
      cell.alignment = { vertical: 'middle', wrapText: c === 3 || c === lastCol, horizontal: c === 1 || c === 2 ? 'center' : undefined };
    }
  });
  ws.getColumn(1).width = 10;
  ws.getColumn(2).width = 6;
  ws.getColumn(3).width = 40;
  years.forEach((_, j) => (ws.getColumn(4 + j).width = 12));
  ws.getColumn(lastCol).width = 36;

  const meta = wb.addWorksheet(SHEET_PLAN_META, { state: 'veryHidden' });
  const values: Record<(typeof PLAN_META_KEYS)[number], string> = {
    format: PLAN_TABLE_FORMAT_NAME,
    schemaVersion: String(PLAN_TABLE_SCHEMA_VERSION),
    shortName: plan.shortName,
    title: plan.title,
    tableTitle: plan.tableTitle,
    coordinator: plan.coordinator,
    sourceNote: plan.sourceNote,
  };
  PLAN_META_KEYS.forEach((k) => meta.addRow([k, values[k]]));
  meta.addRow([...PLAN_META_ROW_HEADER]);
  plan.indicators.forEach((ind, i) =>
    meta.addRow([FIRST_ROW + i, displayName(ind), ind.kind, ind.direction, ind.tolerance ?? '', ind.plausible?.min ?? '', ind.plausible?.max ?? '']),
  );
  // Text cells: a number-looking name or key is kept as written.
  meta.eachRow((row) => row.eachCell((cell) => {
    if (typeof cell.value === 'number') return;
    cell.value = cell.value === null || cell.value === undefined ? '' : String(cell.value as string);
  }));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
