// No silent choices: the header rules table (header.ts HEADER_RULES), one test per entry; two
// columns for the same year and role in several shapes (hidden draft before or after the visible
// final one, both visible); invisible characters in figures. Files written with openpyxl.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { HEADER_RULES, classifyHeader } from '../../../electron/workbook/import/header-rules';
import type { InterpretedWorkbook } from '../../../electron/workbook/import/interpret';
import { readAndInterpret } from '../../../electron/workbook/import/interpret';
import { CASE_EXPECTED, CASE_HEADER, CASE_READING, caseReading, caseRows } from '../../helpers/case-return';
import type { PyCell } from '../../helpers/python';
import { writeWithPython } from '../../helpers/python';
import { makeTempDir } from '../../helpers/tmp';

/** Per rule of the table: header texts it must claim (and, where it matters, what must not fall to it). */
const RULE_CASES: Record<string, { claims: string[]; notClaims?: [string, string | null][] }> = {
  id: { claims: ['指标ID', '指标id'] },
  note: { claims: ['说明', '备注', '未完成原因说明', '2025年实际完成情况说明', '完成率说明', '原因'], notClaims: [['2025年实际值', 'actual'], ['2025年实际值（未完成的请说明原因）', 'actual'], ['2025年目标值（备注：约束性）', 'target'], ['指标名称及说明', 'name']] },
  'other-period': {
    claims: [
      '上半年实际值', '2025年上半年实际值', '2025年1-11月完成', '上年实际值', '去年实际值', '上年同期', '2025年预计完成值', '第一季度实际值', '1季度完成',
      '2025年实际值（1-11月）', '2025年1—11月', '1至11月实际', '前三季度', '四季度', '截至11月底实际值', '2025年实际值（截至2025年11月30日）',
      '（半年）实际值', '2025年11月实际值', '十一月实际值', '一至十月完成', '12月实际值', '月度完成', '2025年实际值【上半年】', '2025年实际值（预计）',
      '2025年本月完成', '当月完成', '2025年年中完成', '2025年十二月完成', '12月份完成', '1月-11月实际',
    ],
    notClaims: [
      ['2025年实际值', 'actual'], ['累计完成', 'cumulative'], ['2025年12月底实际值', 'actual'], ['2025年1-12月完成', 'actual'], ['截至2025年底实际值', 'actual'],
      ['2025年实际值（截至2025年12月31日）', 'actual'], ['十二月底实际值', 'actual'], ['2025年实际值（个月）', 'actual'],
      ['截至2025年12月完成', 'actual'], ['2025年1月-12月完成', 'actual'], ['2025年1月至12月实际完成', 'actual'], ['一至十二月完成', 'actual'],
      ['一月至十二月完成', 'actual'], ['截至2025年12月份累计完成', 'cumulative'], ['2025年本年累计', 'cumulative'],
    ],
  },
  situation: { claims: ['完成情况', '2025年实际完成情况', '工作进展'], notClaims: [['2025年实际完成情况说明', 'note']] },
  cumulative: { claims: ['累计完成', '2025年累计实际值', '累计完成值'], notClaims: [['累计完成率', 'completion'], ['累计目标', 'target'], ['2025年1-11月累计完成', 'other-period']] },
  completion: { claims: ['2025年完成率', '完成比例', '完成进度', '达成率'] },
  target: { claims: ['2025年目标值', '规划目标', '2025年度计划', '目标'] },
  actual: { claims: ['2025年实际值', '2025年完成值', '实际完成', '完成', '2025年执行数', '2025年实绩'] },
  'year-only': { claims: ['2025年', '２０２５年度', '2025'], notClaims: [['年', null]] },
  code: { claims: ['序号', '编号', 'No.', '序号（编号）'] },
  domain: { claims: ['领域', '类别', '领域类别'] },
  unit: { claims: ['单位', '计量单位'] },
  name: { claims: ['指标名称', '主要指标', '指标（单位）', '名称', '项目', '指标内容', '指标名称及说明', '指标及说明'] },
};

describe('header rules: one table, a test per entry', () => {
  it('every rule of the table has its test below, and no test is for a rule that does not exist', () => {
    expect(HEADER_RULES.map((r) => r.role).sort()).toEqual(Object.keys(RULE_CASES).sort());
  });
  it.each(HEADER_RULES.map((r) => [r.role, r.why] as const))('%s (%s)', (role) => {
    const cases = RULE_CASES[role] as (typeof RULE_CASES)[string];
    for (const text of cases.claims) expect([text, classifyHeader(text)]).toEqual([text, role]);
    for (const [text, other] of cases.notClaims ?? []) expect([text, classifyHeader(text)]).toEqual([text, other]);
  });
});

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  tmp = makeTempDir();
});
afterAll(() => tmp.cleanup());

let n = 0;
async function readRows(rows: PyCell[][], hiddenCols: string[] = []): Promise<InterpretedWorkbook> {
  const file = writeWithPython(join(tmp.dir, `h${++n}.xlsx`), rows, { sheet: '2025年度', hiddenCols });
  return readAndInterpret(readFileSync(file), file, SEED_PLAN);
}

/** The case table with a second 2025年实际值 column inserted at `at` (0-based), holding draft figures. */
function withDraftColumn(at: number): PyCell[][] {
  return caseRows().map((row, i) => {
    const copy = [...row];
    copy.splice(at, 0, i < 2 ? null : i === 2 ? '2025年实际值' : Number(row[5]) - 1);
    return copy;
  });
}

describe('two columns for the same year and role', () => {
  it('hidden draft AFTER the visible final one: the visible one is read, the hidden one reported by column', async () => {
    const book = await readRows(withDraftColumn(6), ['G']);
    expect(caseReading(book)).toEqual(CASE_READING);
    const issues = book.issues.filter((i) => i.message.key === 'import.superseded-column');
    expect(issues.map((i) => [i.severity, i.cell, i.message.params.used, i.message.params.hidden])).toEqual([['warning', 'G:G', 'F', 'G']]);
    expect(issues[0]?.message.zh).toContain('隐藏的 G 列未读取');
  });

  it('both visible: neither is read, and the ambiguity names both columns', async () => {
    const book = await readRows(withDraftColumn(5));
    expect(book.rows.every((r) => r.values['2025']?.actual === null || r.values['2025']?.actual === undefined)).toBe(true);
    // Targets are still read: only the ambiguous year and role is left out.
    expect(book.rows.find((r) => r.code === '13')?.values['2025']?.target).toBe(15460);
    const issues = book.issues.filter((i) => i.message.key === 'import.ambiguous-columns');
    expect(issues.map((i) => [i.severity, i.cell, i.message.params.columns])).toEqual([['error', 'F:F,G:G', 'F, G']]);
    expect(issues[0]?.message.en).toContain('none was read');
  });

  it('both hidden: neither is read, the ambiguity is reported saying both are hidden', async () => {
    const book = await readRows(withDraftColumn(5), ['F', 'G']);
    const issues = book.issues.filter((i) => i.message.key === 'import.ambiguous-hidden-columns');
    expect(issues.map((i) => i.cell)).toEqual(['F:F,G:G']);
    expect(issues[0]?.message.zh).toContain('都是隐藏列');
    expect(issues[0]?.message.zh).toContain('取消隐藏');
    // Still a return: the actual columns are there, only unread.
    expect(book.kind).toBe('return');
  });
});

describe('note words win over role words', () => {
  it('a 未完成原因说明 column is the note column, not a second actual', async () => {
    const header = [...CASE_HEADER.slice(0, 7), '未完成原因说明'];
    const book = await readRows(caseRows({ header }));
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(book.issues).toEqual([]);
  });
});

describe('invisible characters in figures', () => {
  const pasted: Record<string, string> = {
    '1': '\u200e11.4', // left-to-right mark
    '2': '1,062\u200b', // zero-width space
    '3': '\u00a0223\u00a0', // no-break spaces
    '5': '\u202a90.5\u202c', // bidi embedding
    '13': '15\u2060712\ufeff', // word joiner, BOM
  };

  it('are stripped when a clean number remains, each with a warning naming them', async () => {
    const book = await readRows(caseRows({ actual: (code, v) => pasted[code] ?? v }));
    expect(caseReading(book)).toEqual(CASE_READING);
    const warned = book.issues.filter((i) => i.message.key === 'import.invisible-stripped');
    expect(warned.map((i) => [i.severity, i.cell, i.message.params.value])).toEqual([
      ['warning', 'F4', 11.4],
      ['warning', 'F5', 1062],
      ['warning', 'F6', 223],
      ['warning', 'F8', 90.5],
      ['warning', 'F16', 15712],
    ]);
    expect(warned[0]?.message.params.chars).toBe('U+200E');
    expect(warned[4]?.message.params.chars).toBe('U+2060, U+FEFF');
  });

  it('a value that is no number even without them is refused, saying so', async () => {
    const book = await readRows(caseRows({ actual: (code, v) => (code === '4' ? '约\u200b6' : v) }));
    const refused = book.issues.filter((i) => i.severity === 'error');
    expect(refused.map((i) => [i.cell, i.message.key, i.message.params.chars])).toEqual([['F7', 'import.invisible-not-a-number', 'U+200B']]);
    expect(book.rows.find((r) => r.code === '4')?.values['2025']?.actual).toBeNull();
    expect(CASE_EXPECTED.actual['4']).toBe(6);
  });
});
