// Builds the hand-made-looking returns in tests/fixtures/returns/: each is drawn with ExcelJS the way
// a clerk would lay it out, then opened and re-saved by LibreOffice (xlsx and/or legacy BIFF .xls),
// so the committed files are real office-suite output. Run: npx tsx scripts/make-fixtures.ts
// The tests assert every value of these files from the design written here (see the README).
import ExcelJS from 'exceljs';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { convertWithLibreOffice } from '../tests/helpers/libreoffice';
import { makeTempDir } from '../tests/helpers/tmp';

const OUT = join(import.meta.dirname, '..', 'tests', 'fixtures', 'returns');
// The helper passes arguments without a shell, so the filter name must not be quoted.
const XLS = 'xls:MS Excel 97';

type Cell = string | number | null | { formula: string; result: number } | { value: number; numFmt: string };
type Grid = (Cell | undefined)[][];

function put(ws: ExcelJS.Worksheet, startRow: number, grid: Grid): void {
  grid.forEach((cells, i) => {
    cells.forEach((v, j) => {
      if (v === undefined || v === null) return;
      const cell = ws.getCell(startRow + i, j + 1);
      if (typeof v === 'object' && 'numFmt' in v) {
        cell.value = v.value;
        cell.numFmt = v.numFmt;
      } else cell.value = v;
    });
  });
}

const pct = (value: number, numFmt = '0.0%') => ({ value, numFmt });

/** A: title rows, 填报单位 line, two-row header with merged year groups, merged 领域, 0.0% cells, formulas. */
function fixtureA(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('填报');
  put(ws, 1, [
    ['洞头区“住有宜居”工程指标完成情况表'],
    ['填报单位：区住建局', undefined, undefined, undefined, undefined, '填报人：王芳', undefined, undefined, '联系电话：0577-63488888'],
    [],
    ['领域', '序号', '指标', '2024年', undefined, undefined, '2025年', undefined, undefined, '说明'],
    [undefined, undefined, undefined, '目标值', '实际值', '完成率', '目标值', '实际值', '完成率'],
    ['住房保障', 1, '城镇住房保障受益覆盖率（%）', 10.5, 10.8, { formula: 'E6/D6', result: 10.8 / 10.5 }, 11, 11.2, { formula: 'H6/G6', result: 11.2 / 11 }, '含公租房和保障性租赁住房'],
    [undefined, 2, '保障性租赁住房累计建设筹集套（间）数（套）', 847, 850, { formula: 'E7/D7', result: 850 / 847 }, 1050, { formula: '850+210', result: 1060 }, { formula: 'H7/G7', result: 1060 / 1050 }],
    [undefined, 3, '公租房在保家庭户数（户）', 210, 212, null, 220, 225],
    [undefined, 4, '老旧小区累计改造个数（个）', 5, 5, null, 6, 6],
    ['住房品质', 5, '住宅小区专业物业服务覆盖率（%）', 87.5, pct(0.88), null, pct(0.9, '0%'), pct(0.875), null, '物业覆盖率按小区数计'],
    [],
    ['填报日期：2026年1月10日'],
  ]);
  ws.mergeCells('A1:J1');
  ws.mergeCells('A2:E2');
  for (const c of ['A', 'B', 'C', 'J']) ws.mergeCells(`${c}4:${c}5`);
  ws.mergeCells('D4:F4');
  ws.mergeCells('G4:I4');
  ws.mergeCells('A6:A9');
  for (const r of [6, 7]) for (const c of ['F', 'I']) ws.getCell(`${c}${r}`).numFmt = '0.0%';
}

/** B: single-row headers "2024年 目标值", text numbers (full-width, 1,062, 11.3%), blanks, "/", label + value cells. */
function fixtureB(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Sheet1');
  put(ws, 1, [
    ['2025年度住有宜居指标填报表'],
    ['报送单位：', '区住建局', undefined, '联系人：', '李明'],
    ['序号', '指标', '2024年 目标值', '2024年 实际值', '2025年目标', '2025年完成值', '2025年完成率', '备注'],
    ['1', '城镇住房保障受益覆盖率（%）', 10.5, 10.7, 11, '11.3%', null, '按常住人口口径'],
    ['2', '保障性租赁住房累计建设筹集套（间）数（套）', 847, 847, 1050, '1,062'],
    ['3', '公租房在保家庭户数（户）', 210, '２１５', 220, '２２６'],
    ['5', '住宅小区专业物业服务覆盖率（%）', 87.5, 88, 90, '87.5%'],
    ['6', '创建未来社区累计数量（个）', 2, '-', '/', '—'],
    ['7', '住宅加装电梯累计数量（台）', 4, 4, 6, '/'],
  ]);
}

/** C: 计划/完成 wording under "2025年度", rows shuffled, blank rows, 合计, a hidden row and a hidden column. */
function fixtureC(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('住建局');
  put(ws, 1, [
    ['序号', '指标', '2024年度', undefined, '2025年度', undefined, undefined],
    [undefined, undefined, '计划', '完成', '计划', '完成', '完成率'],
    [3, '公租房在保家庭户数（户）', 210, 211, 220, 224, { formula: 'F3/E3', result: 224 / 220 }],
    [1, '城镇住房保障受益覆盖率（%）', 10.5, 10.6, 11, 11.4, { formula: 'F4/E4', result: 11.4 / 11 }],
    [],
    [13, '住房公积金年末实缴职工人数（人）', 14660, 14702, 15460, 15588],
    [4, '老旧小区累计改造个数（个）', 5, 5, 6, 7],
    [],
    [2, '保障性租赁住房累计建设筹集套（间）数（套）', 847, 851, 1050, 1055],
    ['合计', undefined, 15732, 15779, 16747, { formula: 'SUM(F3:F9)', result: 16885.4 }],
  ]);
  ws.mergeCells('A1:A2');
  ws.mergeCells('B1:B2');
  ws.mergeCells('C1:D1');
  ws.mergeCells('E1:G1');
  ws.mergeCells('A10:B10');
  ws.getRow(7).hidden = true; // 老旧小区
  ws.getColumn(4).hidden = true; // 2024 完成
  const help = wb.addWorksheet('填写说明');
  put(help, 1, [['填写说明'], ['1. 指标名称请勿修改'], ['2. 完成值填写截至年底数']]);
}

/** D: name variants, a 序号 that disagrees, a row not in the plan, a unit column, bad and blank values. */
function fixtureD(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('2025');
  put(ws, 1, [
    ['序号', '指标名称', '单位', '2025年目标值', '2025年实际值', '说明'],
    [1, '城镇住房保障受益覆盖率(%)', '%', 11, 11.1],
    [2, '保障性租赁住房累计建设筹集套(间)数', '套', 1050, 1052, '未写单位'],
    [3, '公租房 在保 家庭户数 （户）', '户', 220, 221],
    [4, '老旧小区累计改造个数【个】', '个', 6, 6],
    [5, '住宅加装电梯累计数量（台）', '台', 6, 7, '序号写错'],
    [14, '住房租赁市场监测覆盖率（%）', '%', 50, 60],
    [8, '创县级及以上优质工程累计数量（个）', '个', 15, '约1.6万'],
    [9, '新开工装配式建筑占新建建筑比例（%）', '%', 35, 'abc'],
    [10, '建设浙派民居特色村累计数量（个）', '个', '-', '   '],
    [11, '城乡危房整治率（%）', '%', '100%', pct(1, '0%')],
    [13, '住房公积金年末实缴职工人数', '万人', 15460, 1.6],
  ]);
}

/** E: one sheet per year (2023年度, 2024年度) plus 填写说明; role-only headers take the sheet's year. */
function fixtureE(wb: ExcelJS.Workbook): void {
  const help = wb.addWorksheet('填写说明');
  put(help, 1, [['每年一张表，请勿改动表头']]);
  const years: [string, Grid][] = [
    ['2023年度', [
      [1, '城镇住房保障受益覆盖率（%）', 10, 10.2],
      [2, '保障性租赁住房累计建设筹集套（间）数（套）', 637, 640, '提前完成'],
      [3, '公租房在保家庭户数（户）', 200, 205],
    ]],
    ['2024年度', [
      [1, '城镇住房保障受益覆盖率（%）', 10.5, 10.6],
      [2, '保障性租赁住房累计建设筹集套（间）数（套）', 847, 850, '新增筹集 3 套'],
      [3, '公租房在保家庭户数（户）', 210, 212],
    ]],
  ];
  for (const [name, rows] of years) {
    const ws = wb.addWorksheet(name);
    put(ws, 1, [[`${name}住有宜居指标完成情况`], ['序号', '指标', '目标值', '实际值', '说明'], ...rows]);
    ws.mergeCells('A1:E1');
  }
}

/** F: the seed plan's own table (targets only, "/" and "100%" as printed) → a plan, not a return. */
function fixtureF(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('五年目标');
  put(ws, 1, [
    ['表：温州市洞头区“住有宜居”工程五年目标'],
    ['领域', '序号', '指标', '2023年 目标值', '2024年 目标值', '2025年 目标值', '2026年 目标值', '2027年 目标值'],
    ['住 房 保 障', 1, '城镇住房保障受益覆盖率(%)', 10, 10.5, 11, 11.5, 12],
    [undefined, 2, '保障性租赁住房累计建设筹集套(间)数(套)', 637, 847, 1050, 1060, 1100],
    [undefined, 3, '公租房在保家庭户数(户)', 200, 210, 220, 230, 240],
    [undefined, 4, '老旧小区累计改造个数(个)', 4, 5, 6, 7, 8],
    ['住 房 品 质', 5, '住宅小区专业物业服务覆盖率(%)', 85, 87.5, 90, 92.5, 95],
    [undefined, 6, '创建未来社区累计数量(个)', 1, 2, 3, 4, '/'],
    [undefined, 7, '住宅加装电梯累计数量(台)', 2, 4, 6, 8, 10],
    [undefined, 8, '创县级及以上优质工程累计数量(个)', 5, 10, 15, 20, 25],
    [undefined, 9, '新开工装配式建筑占新建建筑比例(%)', 33, 34, 35, 36, 37],
    [undefined, 10, '建设浙派民居特色村累计数量(个)', 0, 1, 3, 4, 5],
    ['住 房 安 全', 11, '城乡危房整治率(%)', '100%', '100%', '100%', '100%', '100%'],
    [undefined, 12, '农村困难家庭危房改造救助率(%)', '100%', '100%', '100%', '100%', '100%'],
    ['住 房 市 场', 13, '住房公积金年末实缴职工人数(人)', 13862, 14660, 15460, 16260, 17060],
  ]);
  ws.mergeCells('A1:H1');
  ws.mergeCells('A3:A6');
  ws.mergeCells('A7:A12');
  ws.mergeCells('A13:A14');
}

const FIXTURES: { name: string; build: (wb: ExcelJS.Workbook) => void; formats: string[] }[] = [
  { name: 'a-title-two-row-header', build: fixtureA, formats: ['xlsx', XLS] },
  { name: 'b-single-row-header-text-numbers', build: fixtureB, formats: [XLS, 'xlsx'] },
  { name: 'c-plan-wording-shuffled-hidden', build: fixtureC, formats: ['xlsx', XLS] },
  { name: 'd-name-variants-bad-values', build: fixtureD, formats: ['xlsx'] },
  { name: 'e-per-year-sheets', build: fixtureE, formats: ['xlsx'] },
  { name: 'f-seed-targets-only', build: fixtureF, formats: ['xlsx', XLS] },
];

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT)) if (/\.(xlsx|xls)$/.test(f)) rmSync(join(OUT, f));
  const tmp = makeTempDir('fixtures-');
  try {
    for (const fx of FIXTURES) {
      const wb = new ExcelJS.Workbook();
      wb.creator = 'clerk';
      fx.build(wb);
      const drawn = join(tmp.dir, `${fx.name}.xlsx`);
      await wb.xlsx.writeFile(drawn);
      for (const format of fx.formats) {
        const out = await convertWithLibreOffice(drawn, format, OUT);
        console.log('wrote', out);
      }
    }
  } finally {
    tmp.cleanup();
  }
}

await main();
