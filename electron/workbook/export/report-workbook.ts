// The consolidated workbook of the leadership report (issue 15): the standard 填报表 for every
// department with every year's targets, actuals and completion (its status colours are live
// conditional formats, as in the template), the 填写说明 and _meta sheets so our own importer and
// `inspect` read it back, and a 汇总 sheet of counts: outlooks per 领域 and the reporting year's
// completeness per department, then each indicator's outlook. Built from the template's pieces.
import type { Workbook, Worksheet } from 'exceljs';
import type { DashboardData } from '../../../shared/domain/dashboard';
import type { Outlook } from '../../../shared/domain/progress';
import { OUTLOOKS } from '../../../shared/domain/progress';
import type { ExportInput } from './export-template';
import { PROTECTION, streamWorkbook, writeInstructionsAndMeta } from './export-template';
import { writeReturnSheet } from './return-sheet';
import { COLOR, cellStyle, font, statusDxf, thinBorders } from './styles';
import { xmlSafeDeep } from './xml-text';

export const SHEET_SUMMARY = '汇总';

/** The outlook labels of the 进度 panel (Chinese: the workbook is Chinese like the template). */
export const OUTLOOK_ZH: Record<Outlook, string> = { ahead: '超前', 'on-track': '正常', behind: '滞后', 'at-risk': '有风险', 'no-data': '无数据' };

/** Live colours of the 进度 column (conditional formats on the label, so an edited label recolours). */
const OUTLOOK_DXF: [Outlook, string, string][] = [
  ['ahead', COLOR.metFill, COLOR.metFont],
  ['behind', COLOR.nearFill, COLOR.nearFont],
  ['at-risk', COLOR.missedFill, COLOR.missedFont],
];

export interface ReportWorkbookInput extends Omit<ExportInput, 'department'> {
  dashboard: DashboardData;
}

function header(ws: Worksheet, row: number, labels: string[]): void {
  labels.forEach((label, i) => {
    const c = ws.getCell(row, i + 1);
    c.value = label;
    c.style = cellStyle({ bold: true, fill: COLOR.headerFill, horizontal: 'center' });
  });
}

function body(ws: Worksheet, row: number, values: (string | number)[]): void {
  values.forEach((v, i) => {
    const c = ws.getCell(row, i + 1);
    c.value = v;
    c.font = font();
    c.border = thinBorders();
  });
}

/** The 汇总 sheet; returns it. Rows: title, outlook counts per 领域 (+ 合计), completeness, indicators. */
export function buildSummarySheet(wb: Workbook, data: DashboardData): Worksheet {
  const ws = wb.addWorksheet(SHEET_SUMMARY);
  ws.getCell(1, 1).value = `${data.planTitle} 实施进度汇总（${data.year}年度）`;
  ws.getCell(1, 1).font = font({ size: 14, bold: true });
  let r = 3;
  ws.getCell(r, 1).value = '各领域指标进度（项）';
  ws.getCell(r, 1).font = font({ bold: true });
  header(ws, r + 1, ['领域', ...OUTLOOKS.map((o) => OUTLOOK_ZH[o]), '合计']);
  r += 2;
  for (const d of data.domains) {
    body(ws, r, [d.domain, ...OUTLOOKS.map((o) => d.counts[o]), OUTLOOKS.reduce((n, o) => n + d.counts[o], 0)]);
    r += 1;
  }
  body(ws, r, ['合计', ...OUTLOOKS.map((o) => data.totals[o]), data.indicators.length]);
  ws.getRow(r).font = font({ bold: true });
  r += 2;
  ws.getCell(r, 1).value = `各单位${data.year}年度填报完整度（项）`;
  ws.getCell(r, 1).font = font({ bold: true });
  header(ws, r + 1, ['单位', '牵头指标', '已填报', '未填报']);
  r += 2;
  for (const d of data.departments) {
    body(ws, r, [d.department, d.expected, d.reported, d.expected - d.reported]);
    r += 1;
  }
  if (data.departments.length > 0) {
    const first = r - data.departments.length;
    ws.addConditionalFormatting({
      ref: `D${first}:D${r - 1}`,
      rules: [{ type: 'expression', priority: 1, formulae: [`D${first}>0`], style: statusDxf(COLOR.missedFill, COLOR.missedFont) }],
    });
  }
  r += 1;
  ws.getCell(r, 1).value = '各指标进度';
  ws.getCell(r, 1).font = font({ bold: true });
  header(ws, r + 1, ['序号', '指标', '牵头单位', '最新实际', '最终目标', '预计', '进度']);
  r += 2;
  const firstIndicator = r;
  for (const i of data.indicators) {
    const p = i.progress;
    body(ws, r, [i.code, `${i.name}（${i.unit}）`, i.leadUnit, p.latestActual ?? '—', p.finalTarget ?? '—', p.projected === null ? '—' : Math.round(p.projected * 10) / 10, OUTLOOK_ZH[p.outlook]]);
    r += 1;
  }
  if (data.indicators.length > 0) {
    ws.addConditionalFormatting({
      ref: `G${firstIndicator}:G${r - 1}`,
      rules: OUTLOOK_DXF.map(([o, fill, fontColour], k) => ({
        type: 'expression' as const,
        priority: k + 2,
        formulae: [`G${firstIndicator}="${OUTLOOK_ZH[o]}"`],
        style: statusDxf(fill, fontColour),
      })),
    });
  }
  ws.getColumn(1).width = 22;
  ws.getColumn(2).width = 40;
  ws.getColumn(3).width = 22;
  for (let c = 4; c <= 8; c += 1) ws.getColumn(c).width = 11;
  return ws;
}

/** The consolidated workbook's bytes: 填报表 (all departments), 汇总, 填写说明, _meta. */
export async function exportReportWorkbook(input: ReportWorkbookInput): Promise<Uint8Array> {
  const full: ExportInput = xmlSafeDeep({ ...input, department: null });
  return streamWorkbook(input.exportedAt, `${input.plan.shortName} ${input.year}年度实施进度汇总`, async (wb) => {
    const rows = await writeReturnSheet(wb, full, PROTECTION);
    buildSummarySheet(wb, input.dashboard).commit();
    await writeInstructionsAndMeta(wb, full, rows);
  });
}

/** 住有宜居_2025年度_实施进度汇总.xlsx / .pdf */
export function reportFileName(planShortName: string, year: number, ext: 'pdf' | 'xlsx'): string {
  return `${planShortName}_${year}年度_实施进度报告.${ext}`;
}
