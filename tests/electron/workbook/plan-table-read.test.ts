// Reading plan tables typed into workbooks (openpyxl) and re-saved by LibreOffice: the seed's own
// table gives the embedded plan; variants (no 序号, 牵头单位, qualifiers, "/") and bad tables, each
// refused with a message naming its cell.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../electron/workbook/import/read-workbook';
import { readPlanTable } from '../../../electron/workbook/plan-table/read-plan-table';
import { UNASSIGNED_LEAD } from '../../../shared/domain/plan-draft';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { seedTableFromText, writePlanTables, XUE_YOU_YOU_JIAO } from '../../helpers/plan-tables';
import type { TableSpec } from '../../helpers/plan-tables';
import { makeTempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
let files: Record<string, string>;

const seed = seedTableFromText();
const row = (code: string, name: string, targets: string[], domain = '住房保障') => ({ domain, code, name, targets });
const SPECS: Record<string, TableSpec> = {
  seed,
  xue: XUE_YOU_YOU_JIAO,
  noCode: { ...XUE_YOU_YOU_JIAO, noCode: true, unitsHeader: undefined, title: '学有优教五年目标' },
  duplicateCode: { ...seed, rows: [row('1', 'A率(%)', ['1', '2', '3', '4', '5']), row('1', 'B数(个)', ['1', '2', '3', '4', '5'])] },
  yearsOutOfOrder: { ...seed, years: [2023, 2024, 2026, 2025, 2027], rows: [row('1', 'A率(%)', ['1', '2', '3', '4', '5'])] },
  textTarget: { ...seed, rows: [row('1', 'A率(%)', ['1', '2', '3', '4', '5']), row('2', '城乡危房整治(个)', ['1', '2', '全面完成', '4', '5'])] },
  empty: { ...seed, rows: [] },
  // Units in a 单位 column rather than in the names (full-width ％ as typed on a Chinese keyboard).
  unitColumn: {
    ...seed,
    unitColumn: true,
    rows: [
      { ...row('1', '城镇住房保障受益覆盖率', ['24', '25', '26', '27', '28']), unit: '％' },
      { ...row('2', '累计新增保障性租赁住房', ['500', '1000', '1500', '2000', '2500']), unit: '套' },
      { ...row('3', '住宅小区专业物业服务覆盖率(%)', ['80', '82', '84', '86', '88']), unit: '' },
      { ...row('4', '城乡危房整治', ['/', '/', '10', '10', '10']), unit: '个' },
    ],
  },
};

beforeAll(() => {
  tmp = makeTempDir();
  files = writePlanTables(tmp.dir, SPECS);
}, 300_000);
afterAll(() => tmp.cleanup());

async function read(name: string) {
  const path = files[name] as string;
  return readPlanTable(await readWorkbook(new Uint8Array(readFileSync(path)), `${name}.xlsx`), `${name}.xlsx`);
}

const errors = (r: Awaited<ReturnType<typeof read>>) => r.issues.filter((i) => i.severity === 'error').map((i) => ({ cell: i.cell, zh: i.message.zh, en: i.message.en }));

describe('the seed table, typed from the seed document and saved by LibreOffice', () => {
  it('reads as the embedded plan: indicators, order, 序号, names, units, kinds, directions, every target', async () => {
    const result = await read('seed');
    expect(errors(result)).toEqual([]);
    const draft = result.draft!;
    expect(draft.shortName).toBe('住有宜居');
    expect(draft.tableTitle).toBe(SEED_PLAN.tableTitle);
    expect(draft.years).toEqual(SEED_PLAN.years);
    expect(draft.domains).toEqual(SEED_PLAN.domains);
    const pick = (i: { code: string; domain: string; name: string; unit: string; kind: string; direction: string; targets: object }) => ({
      code: i.code, domain: i.domain, name: i.name, unit: i.unit, kind: i.kind, direction: i.direction, targets: i.targets,
    });
    expect(draft.indicators.map(pick)).toEqual(SEED_PLAN.indicators.map(pick));
    // No 牵头单位 column: the lead is marked unassigned, with a warning.
    expect(draft.indicators.every((i) => i.leadUnit === UNASSIGNED_LEAD)).toBe(true);
    expect(result.issues.some((i) => i.severity === 'warning' && i.message.key === 'table.no-lead-unit')).toBe(true);
  });
});

describe('variants', () => {
  it('学有优教: title name, 牵头单位 with *, ≥/≤/控制在…以内/降至 qualifiers, a …下降率 with rising targets, "/"', async () => {
    const result = await read('xue');
    expect(errors(result)).toEqual([]);
    const d = result.draft!;
    expect(d.shortName).toBe('学有优教');
    expect(d.tableTitle).toBe('某区“学有优教”工程五年目标');
    expect(d.domains).toEqual(['学前教育', '义务教育', '教育保障']);
    expect(d.indicators.map((i) => [i.code, i.name, i.unit, i.kind, i.direction])).toEqual([
      ['1', '普惠性幼儿园在园幼儿占比', '%', 'rate', 'higher'],
      ['2', '累计新增托位数', '个', 'cumulative', 'higher'],
      ['3', '义务教育学校专任教师本科及以上学历比例', '%', 'rate', 'higher'],
      ['4', '中小学生近视率', '%', 'rate', 'lower'],
      ['5', '学生体质健康优良率下降率', '%', 'rate', 'higher'],
      ['6', '教师年均培训学时', '学时', 'stock', 'higher'],
    ]);
    expect(d.indicators[3]!.targets).toEqual({ 2023: 52, 2024: 51, 2025: 50, 2026: 49, 2027: 48 });
    expect(d.indicators[2]!.targets[2027]).toBe(95);
    expect(d.indicators[5]!.targets).toEqual({ 2023: 72, 2024: 72, 2025: 72, 2026: '/', 2027: '/' });
    expect(d.indicators[1]).toMatchObject({ leadUnit: '区卫生健康局', coUnits: ['区教育局'] });
    expect(result.inferred[3]).toMatchObject({ directionReason: 'upper-bound', kindReason: 'percent-unit', nameCell: 'C6' });
  });

  it('no 序号 column: codes are the row order; a title with no quoted name gives no name', async () => {
    const result = await read('noCode');
    expect(result.draft!.indicators.map((i) => i.code)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(result.titleName).toBeNull();
  });
});

describe('a 单位 column', () => {
  it('gives each indicator its unit (and the kind that follows from it); a unit in the name still counts', async () => {
    const result = await read('unitColumn');
    expect(errors(result)).toEqual([]);
    expect(result.draft!.indicators.map((i) => [i.name, i.unit, i.kind])).toEqual([
      ['城镇住房保障受益覆盖率', '%', 'rate'],
      ['累计新增保障性租赁住房', '套', 'cumulative'],
      ['住宅小区专业物业服务覆盖率', '%', 'rate'],
      ['城乡危房整治', '个', 'stock'],
    ]);
    expect(result.draft!.indicators[3]!.targets).toEqual({ 2023: '/', 2024: '/', 2025: 10, 2026: 10, 2027: 10 });
  });
});

describe('bad tables: a message naming the cell, no draft', () => {
  it('duplicate 序号', async () => {
    const result = await read('duplicateCode');
    expect(result.draft).toBeNull();
    expect(errors(result)).toEqual([{ cell: 'B4', zh: expect.stringContaining('序号“1”重复') as string, en: expect.stringContaining('rows 3 and 4') as string }]);
  });
  it('a year header out of order', async () => {
    const result = await read('yearsOutOfOrder');
    expect(result.draft).toBeNull();
    expect(errors(result)).toEqual([{ cell: 'G2', zh: expect.stringContaining('G2 是 2025 年，排在 2026 年之后') as string, en: expect.stringContaining('G2 is 2025, after 2026') as string }]);
  });
  it('a target that is text', async () => {
    const result = await read('textTarget');
    expect(result.draft).toBeNull();
    expect(errors(result)).toEqual([{ cell: 'F4', zh: expect.stringContaining('“全面完成”不是数字') as string, en: expect.stringContaining('the 2025 target "全面完成" is not a number') as string }]);
  });
  it('an empty table', async () => {
    const result = await read('empty');
    expect(result.draft).toBeNull();
    expect(errors(result)).toEqual([{ cell: 'C2', zh: expect.stringContaining('没有任何指标') as string, en: expect.stringContaining('has no indicators') as string }]);
  });
});
