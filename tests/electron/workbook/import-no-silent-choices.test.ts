// No silent choices, beyond columns (import-header-rules.test.ts): several note columns, a 完成情况
// column beside the actuals, an empty copy of a value column, the same table on two sheets, the
// same indicator in two rows, digits split by spaces, and "/" or "-" where an actual belongs. Each
// kind in several shapes, in files written by openpyxl or xlwt, read by the real importer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import type { InterpretedWorkbook } from '../../../electron/workbook/import/interpret';
import { readAndInterpret } from '../../../electron/workbook/import/interpret';
import { CASE_EXPECTED, CASE_HEADER, CASE_READING, caseReading, caseRows } from '../../helpers/case-return';
import type { PyCell, SheetSpec } from '../../helpers/python';
import { writeSheets, writeWithPython } from '../../helpers/python';
import { makeTempDir } from '../../helpers/tmp';
import { MAX_NOTE_LENGTH } from '../../../shared/domain/note';

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  tmp = makeTempDir();
});
afterAll(() => tmp.cleanup());

let n = 0;
async function read(sheets: SheetSpec[], ext: 'xlsx' | 'xls' = 'xlsx'): Promise<InterpretedWorkbook> {
  const out = writeSheets(join(tmp.dir, `c${++n}.${ext}`), sheets);
  return readAndInterpret(readFileSync(out), out, SEED_PLAN);
}
const one = (rows: PyCell[][], extra: Omit<SheetSpec, 'name' | 'rows'> = {}) => [{ name: '2025年度', rows, ...extra }];
const keyed = (book: InterpretedWorkbook, key: string) => book.issues.filter((i) => i.message.key === key);
const actualOf = (book: InterpretedWorkbook, code: string) => book.rows.find((r) => r.code === code)?.values['2025']?.actual;
const noteOf = (book: InterpretedWorkbook, code: string) => book.rows.find((r) => r.code === code)?.values['2025']?.note;

/** The case table with one more column at the end: `header`, and `cell(code)` in each row. */
function withColumn(header: string, cell: (code: string, row: PyCell[]) => PyCell, base = caseRows()): PyCell[][] {
  return base.map((row, i) => (i < 2 ? row : i === 2 ? [...row, header] : [...row, cell(String(row[1]), row)]));
}

describe('several note columns: every note is read', () => {
  it.each(['xlsx', 'xls'] as const)('说明 then 备注, the note only in the second (.%s)', async (ext) => {
    const rows = withColumn('备注', (code) => (code === '3' ? '备注写在第二列' : null));
    const book = await read(one(rows), ext);
    expect(noteOf(book, '3')).toBe('备注写在第二列');
    expect(noteOf(book, '12')).toBe(CASE_EXPECTED.note['12']);
    expect(book.issues).toEqual([]);
  });

  it('both filled in one row: both texts, left to right, one per line', async () => {
    const book = await read(one(withColumn('备注', (code) => (code === '12' ? '已报街道' : null))));
    expect(noteOf(book, '12')).toBe(`${CASE_EXPECTED.note['12']}\n已报街道`);
    expect(book.rows.find((r) => r.code === '12')?.values['2025']?.noteCell).toBe('2025年度!H15');
  });

  it('the same words in both are one note', async () => {
    const book = await read(one(withColumn('备注', (code) => (code === '12' ? CASE_EXPECTED.note['12'] ?? null : null))));
    expect(noteOf(book, '12')).toBe(CASE_EXPECTED.note['12']);
  });

  it('a hidden 备注 beside a visible 说明 is a draft: not joined, named', async () => {
    const book = await read(one(withColumn('备注', (code) => (code === '12' ? '旧稿的说明' : null)), { hiddenCols: ['I'] }));
    expect(noteOf(book, '12')).toBe(CASE_EXPECTED.note['12']);
    expect(keyed(book, 'import.superseded-column').map((i) => [i.cell, i.message.params.used])).toEqual([['I:I', 'H']]);
  });

  it('a note column naming another year keeps its note under that year', async () => {
    const base = caseRows({ header: [...CASE_HEADER.slice(0, 7), '2025年说明'] });
    const book = await read(one(withColumn('2024年备注', (code) => (code === '4' ? '上年的说明' : null), base)));
    expect(book.rows.find((r) => r.code === '4')?.values['2024']?.note).toBe('上年的说明');
    expect(noteOf(book, '4')).toBeNull();
    expect(noteOf(book, '12')).toBe(CASE_EXPECTED.note['12']);
  });
});

describe('完成情况 beside 实际值 is the narrative, alone it is the figures', () => {
  it.each(['完成情况', '2025年实际完成情况', '工作进展情况'])('%s in words beside 2025年实际值 is a note column', async (header) => {
    const book = await read(one(withColumn(header, (code) => (code === '6' ? '已完成两个社区' : null))));
    expect(caseReading(book).actual).toEqual(CASE_READING.actual);
    expect(book.kind).toBe('return');
    expect(noteOf(book, '6')).toBe('已完成两个社区');
    expect(book.issues).toEqual([]);
  });

  it('2025年完成情况 with no 实际值 column holds the actuals', async () => {
    const header = CASE_HEADER.map((h) => (h === '2025年实际值' ? '2025年完成情况' : h));
    const book = await read(one(caseRows({ header })));
    expect(caseReading(book)).toEqual(CASE_READING);
  });

  it('完成情况 holding figures beside an empty 2025年实际值 holds the actuals', async () => {
    const rows = withColumn('2025年完成情况', (_code, row) => row[5] ?? null).map((row, i) => (i < 3 ? row : row.map((c, j) => (j === 5 ? null : c))));
    const book = await read(one(rows));
    expect(caseReading(book).actual).toEqual(CASE_READING.actual);
    expect(keyed(book, 'import.unused-empty-column').map((i) => [i.cell, i.message.params.used])).toEqual([['F:F', 'I']]);
  });

  it('完成情况 holding the final figures beside a hidden draft 2025年实际值: the visible figures are read, the draft named', async () => {
    const rows = withColumn('完成情况', (_code, row) => row[5] ?? null).map((row, i) => (i < 3 ? row : row.map((c, j) => (j === 5 ? 1 : c))));
    const book = await read(one(rows, { hiddenCols: ['F'] }));
    expect(caseReading(book).actual).toEqual(CASE_READING.actual);
    expect(keyed(book, 'import.superseded-column').map((i) => [i.cell, i.message.params.used])).toEqual([['F:F', 'I']]);
  });

  it('完成情况 holding other figures beside a filled 2025年实际值: neither is read, both named with their headers', async () => {
    const book = await read(one(withColumn('完成情况', (_code, row) => Number(row[5]) + 1)));
    expect(Object.keys(caseReading(book).actual)).toEqual([]);
    expect(keyed(book, 'import.ambiguous-columns')[0]?.message.params.columns).toBe('F: 2025年实际值; I: 完成情况');
  });
});

describe('an empty copy of a value column does not block the filled one', () => {
  it.each([
    ['after', 'visible', [] as string[]],
    ['after', 'hidden', ['I']],
  ])('an empty 2025年实际值 column %s the filled one (%s)', async (_where, _state, hiddenCols) => {
    const book = await read(one(withColumn('2025年实际值', () => null), { hiddenCols }));
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(keyed(book, 'import.unused-empty-column').map((i) => [i.severity, i.cell, i.message.params.used])).toEqual([['warning', 'I:I', 'F']]);
  });

  it('a column holding only "/" or "-" holds no figure: it does not compete', async () => {
    const book = await read(one(withColumn('2025年实际值', (code) => (Number(code) % 2 ? '/' : '-'))));
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(keyed(book, 'import.unused-empty-column').map((i) => i.cell)).toEqual(['I:I']);
  });

  it('a hidden column holding the figures beats a visible empty one', async () => {
    const rows = withColumn('2025年实际值', (_code, row) => row[5] ?? null).map((row, i) => (i < 3 ? row : row.map((c, j) => (j === 5 ? null : c))));
    const book = await read(one(rows, { hiddenCols: ['I'] }));
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(book.rows.find((r) => r.code === '2')?.values['2025']?.actualCell).toBe('2025年度!I5');
    expect(keyed(book, 'import.unused-empty-column').map((i) => [i.cell, i.message.params.used])).toEqual([['F:F', 'I']]);
    expect(keyed(book, 'import.hidden-column').map((i) => i.cell)).toEqual(['I:I']);
  });

  it('two visible copies with the same figures are no choice: read, no error', async () => {
    const book = await read(one(withColumn('2025年实际值', (_code, row) => row[5] ?? null)));
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(book.issues).toEqual([]);
  });

  it('two visible columns with different figures: a return still, not a plan, with the actuals unread and both columns named', async () => {
    const book = await read(one(withColumn('2025年实际值', (_code, row) => Number(row[5]) + 1)));
    expect(book.kind).toBe('return');
    expect(Object.keys(caseReading(book).actual)).toEqual([]);
    expect(keyed(book, 'import.ambiguous-columns').map((i) => [i.severity, i.cell, i.message.params.columns])).toEqual([['error', 'F:F,I:I', 'F, I']]);
  });

  it('an ambiguity quotes the headers when they differ', async () => {
    const book = await read(one(withColumn('2025年实际完成值', (_code, row) => Number(row[5]) + 1)));
    expect(keyed(book, 'import.ambiguous-columns')[0]?.message.params.columns).toBe('F: 2025年实际值; I: 2025年实际完成值');
  });

  it.each(['上半年实际值', '2025年1-11月完成', '上年实际值', '2025年预计完成值'])('a column of another period (%s) never competes with the year', async (header) => {
    const book = await read(one(withColumn(header, (_code, row) => Number(row[5]) / 2)));
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(book.issues).toEqual([]);
  });
});

describe('the same table on two sheets', () => {
  const draft = caseRows({ actual: () => 1 });
  it.each([
    ['first', 0],
    ['last', 1],
  ])('a hidden draft sheet placed %s: the visible figures are read, the draft named once with its count', async (_where, at) => {
    const sheets: SheetSpec[] = [{ name: '2025年度', rows: caseRows() }];
    sheets.splice(at, 0, { name: '2025年度(初稿)', rows: draft, state: 'hidden' });
    const book = await read(sheets);
    expect(caseReading(book)).toEqual(CASE_READING);
    // Nothing of the draft is read, so it is not said to be "read anyway".
    expect(keyed(book, 'import.hidden-sheet')).toEqual([]);
    expect(keyed(book, 'import.superseded-row')).toEqual([]);
    const told = keyed(book, 'import.superseded-sheet');
    const differing = Object.entries(CASE_EXPECTED.actual).filter(([, v]) => v !== 1);
    expect(told.map((i) => [i.severity, i.sheet, i.cell, i.message.params.used, i.message.params.count, i.message.params.examples])).toEqual([
      ['warning', '2025年度(初稿)', 'F4', '2025年度', differing.length, 'F4, F5, F6'],
    ]);
    expect(book.issues).toHaveLength(1);
  });

  it('a hidden draft sheet differing in a few cells names each of them', async () => {
    const few = caseRows({ actual: (code, v) => (code === '2' || code === '9' ? v + 1 : v) });
    const book = await read([{ name: '2025年度', rows: caseRows() }, { name: '初稿', rows: few, state: 'hidden' }]);
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(keyed(book, 'import.superseded-row').map((i) => [i.sheet, i.cell, i.message.params.used])).toEqual([
      ['初稿', 'F5', '2025年度!F5'],
      ['初稿', 'F12', '2025年度!F12'],
    ]);
    expect(keyed(book, 'import.hidden-sheet')).toEqual([]);
  });

  it('a hidden draft superseded by two visible sheets is named once per visible sheet', async () => {
    const gaps = caseRows({ actual: (code, v) => (['2', '5', '7', '11'].includes(code) ? null : v) });
    const book = await read([{ name: '填报表', rows: gaps }, { name: '填报表 (2)', rows: caseRows() }, { name: '初稿', rows: caseRows({ actual: () => 1 }), state: 'hidden' }]);
    expect(caseReading(book)).toEqual(CASE_READING);
    const told = keyed(book, 'import.superseded-sheet').map((i) => [i.message.params.used, i.message.params.count]);
    const differing = Object.entries(CASE_EXPECTED.actual).filter(([, v]) => v !== 1).map(([code]) => code);
    const fromCopy = differing.filter((code) => ['2', '5', '7', '11'].includes(code)).length;
    expect(told).toEqual([
      ['填报表', differing.length - fromCopy],
      ['填报表 (2)', fromCopy],
    ]);
  });

  it('a hidden draft between two visible sheets: the sheet whose figures are read is the one named as filling', async () => {
    const first = caseRows({ actual: (code, v) => (Number(code) > 7 ? null : v) });
    const second = [...caseRows().slice(0, 3), ...caseRows().slice(10)];
    const book = await read([
      { name: '填报表', rows: first },
      { name: '草稿', rows: caseRows({ actual: (code, v) => (Number(code) > 10 ? v + 1 : v) }), state: 'hidden' },
      { name: '填报表 (2)', rows: second },
    ]);
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(keyed(book, 'import.filled-from-sheet').map((i) => [i.sheet, i.message.params.blank, i.message.params.count])).toEqual([['填报表 (2)', '填报表', 6]]);
    expect(keyed(book, 'import.hidden-sheet')).toEqual([]);
  });

  it('a hidden sheet that fills what the visible one left blank is read, and said to be', async () => {
    const blank = caseRows({ actual: (code, v) => (code === '4' ? null : v) });
    const book = await read([{ name: '2025年度', rows: blank }, { name: '补充', rows: caseRows(), state: 'hidden' }]);
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(keyed(book, 'import.hidden-sheet').map((i) => i.sheet)).toEqual(['补充']);
  });

  it('a hidden sheet with other indicators is read, not taken for a draft', async () => {
    const rows = caseRows();
    const visible = rows.filter((_r, i) => i < 7);
    const hidden = [...rows.slice(0, 3), ...rows.slice(7)];
    const book = await read([{ name: '2025年度', rows: visible }, { name: '续表', rows: hidden, state: 'hidden' }]);
    expect(caseReading(book)).toEqual(CASE_READING);
  });

  it.each(['xlsx', 'xls'] as const)('two visible sheets that disagree: the disagreeing figures are unread, each named with both cells (.%s)', async (ext) => {
    const book = await read([{ name: '2025年度(初稿)', rows: draft }, { name: '2025年度', rows: caseRows() }], ext);
    const errors = keyed(book, 'import.ambiguous-value');
    // The draft holds 1 for every actual: each indicator whose final figure is not 1 disagrees.
    const differing = Object.entries(CASE_EXPECTED.actual).filter(([, v]) => v !== 1).map(([code]) => code);
    expect(errors).toHaveLength(differing.length);
    for (const code of differing) expect(actualOf(book, code)).toBeNull();
    expect(errors[0]?.severity).toBe('error');
    expect(errors[0]?.message.params).toMatchObject({ first: '2025年度(初稿)!F4', second: '2025年度!F4', firstValue: '1', secondValue: String(CASE_EXPECTED.actual['1']) });
    // The targets agree on both sheets: read, without a word.
    expect(caseReading(book).target).toEqual(CASE_READING.target);
  });

  it('a visible copy of the same figures is no choice: read without an error', async () => {
    const book = await read([{ name: '汇总', rows: caseRows() }, { name: '2025年度', rows: caseRows() }]);
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(book.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('a hidden sheet of another year is read, with the hidden-sheet warning', async () => {
    const rows2024 = caseRows({ header: CASE_HEADER.map((h) => h.replace('2025', '2024').replace('2027年目标值', '备用')) });
    const book = await read([{ name: '2025年度', rows: caseRows() }, { name: '2024年度', rows: rows2024, state: 'hidden' }]);
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(book.rows.find((r) => r.code === '2')?.values['2024']?.actual).toBe(CASE_EXPECTED.actual['2']);
    expect(keyed(book, 'import.hidden-sheet').map((i) => i.sheet)).toEqual(['2024年度']);
  });
});

describe('the same indicator in two rows', () => {
  /** The case table with indicator 1's row repeated just below the header, its actual `draft`. */
  const repeated = (draft: PyCell) => {
    const rows = caseRows();
    rows.splice(3, 0, (rows[3] as PyCell[]).map((c, i) => (i === 5 ? draft : c)));
    return rows;
  };

  it.each(['xlsx', 'xls'] as const)('a hidden draft row above the final one: the visible row is read (.%s)', async (ext) => {
    const book = await read(one(repeated(1), { hiddenRows: [4] }), ext);
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(keyed(book, 'import.superseded-row').map((i) => [i.cell, i.message.params.used])).toEqual([['F4', '2025年度!F5']]);
  });

  it('the final row hidden and the draft visible: the visible one is read, the hidden one named', async () => {
    const book = await read(one(repeated(1), { hiddenRows: [5] }));
    expect(actualOf(book, '1')).toBe(1);
    expect(keyed(book, 'import.superseded-row').map((i) => i.message.params.hidden)).toEqual(['2025年度!F5']);
  });

  it('both visible and different: neither is read, both named', async () => {
    const book = await read(one(repeated(1)));
    expect(actualOf(book, '1')).toBeNull();
    expect(keyed(book, 'import.ambiguous-value').map((i) => [i.severity, i.message.params.first, i.message.params.second])).toEqual([['error', '2025年度!F4', '2025年度!F5']]);
  });

  it.each([
    ['below', 5, 4],
    ['above', 4, 5],
  ])('a visible "/" beats a hidden row\'s figure %s it', async (_where, hiddenRow, visibleRow) => {
    // Row 4 is the repeated row, row 5 the original; the visible one says "/".
    const rows = repeated(1);
    (rows[visibleRow - 1] as PyCell[])[5] = '/';
    const book = await read(one(rows, { hiddenRows: [hiddenRow] }));
    expect(actualOf(book, '1')).toBeNull();
    expect(keyed(book, 'import.superseded-row').map((i) => [i.message.params.used, i.message.params.hidden])).toEqual([[`2025年度!F${visibleRow}`, `2025年度!F${hiddenRow}`]]);
    expect(keyed(book, 'import.mark-no-value').map((i) => i.cell)).toEqual([`F${visibleRow}`]);
  });

  it('a hidden draft row none of whose values is read is not said to be "read anyway"', async () => {
    const book = await read(one(repeated(1), { hiddenRows: [4] }));
    expect(keyed(book, 'import.hidden-row')).toEqual([]);
    expect(book.issues.map((i) => i.message.key)).toEqual(['import.superseded-row']);
  });

  it('a hidden row whose figure is the only one is read, and said to be', async () => {
    const rows = repeated(CASE_EXPECTED.actual['1'] as number);
    (rows[4] as PyCell[])[5] = null;
    const book = await read(one(rows, { hiddenRows: [4] }));
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(keyed(book, 'import.hidden-row').map((i) => i.cell)).toEqual(['C4']);
  });

  it('a visible row filling what another visible row left blank is read, and said', async () => {
    const rows = repeated(null);
    const book = await read(one(rows));
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(keyed(book, 'import.filled-from-row').map((i) => [i.cell, i.message.params.blank])).toEqual([['F5', '2025年度!F4']]);
  });

  it.each(['xlsx', 'xls'] as const)('a visible sheet filling blanks of another is read, and said once for the pair (.%s)', async (ext) => {
    const gaps = caseRows({ actual: (code, v) => (['2', '5', '7', '11'].includes(code) ? null : v) });
    const book = await read([{ name: '填报表', rows: gaps }, { name: '填报表 (2)', rows: caseRows() }], ext);
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(keyed(book, 'import.filled-from-sheet').map((i) => [i.sheet, i.cell, i.message.params.blank, i.message.params.count, i.message.params.examples])).toEqual([
      ['填报表 (2)', 'F5', '填报表', 4, 'F5, F8, F10'],
    ]);
    expect(book.issues).toHaveLength(1);
  });

  it.each([
    ['below', 4, 5],
    ['above', 5, 4],
  ])('a visible "-" %s a visible figure: neither is read, both named with what they say', async (_where, markRow, figureRow) => {
    const rows = repeated(CASE_EXPECTED.actual['1'] as number);
    (rows[markRow - 1] as PyCell[])[5] = '-';
    const book = await read(one(rows));
    expect(actualOf(book, '1')).toBeNull();
    const [first, second] = markRow < figureRow ? [`2025年度!F${markRow}`, `2025年度!F${figureRow}`] : [`2025年度!F${figureRow}`, `2025年度!F${markRow}`];
    const [firstValue, secondValue] = markRow < figureRow ? ['-', String(CASE_EXPECTED.actual['1'])] : [String(CASE_EXPECTED.actual['1']), '-'];
    expect(keyed(book, 'import.ambiguous-value').map((i) => [i.severity, i.message.params.first, i.message.params.second, i.message.params.firstValue, i.message.params.secondValue])).toEqual([
      ['error', first, second, firstValue, secondValue],
    ]);
    expect(keyed(book, 'import.filled-from-row')).toEqual([]);
    // The "-" is not also said to be "read as not given": the error says neither is read.
    expect(keyed(book, 'import.mark-no-value')).toEqual([]);
  });

  it.each(['xlsx', 'xls'] as const)('"/" on a copied sheet against a figure on the original: neither is read (.%s)', async (ext) => {
    const slashed = caseRows({ actual: (code, v) => (code === '6' ? '/' : v) });
    const book = await read([{ name: '填报表', rows: caseRows() }, { name: '填报表 (2)', rows: slashed }], ext);
    expect(actualOf(book, '6')).toBeNull();
    expect(keyed(book, 'import.ambiguous-value').map((i) => [i.message.params.first, i.message.params.second])).toEqual([['填报表!F9', '填报表 (2)!F9']]);
  });

  it('a hidden row filling what the visible one left blank is read and its cell named', async () => {
    const rows = repeated(CASE_EXPECTED.actual['1'] as number);
    (rows[4] as PyCell[])[5] = null;
    const book = await read(one(rows, { hiddenRows: [4] }));
    expect(actualOf(book, '1')).toBe(CASE_EXPECTED.actual['1']);
    expect(keyed(book, 'import.filled-from-row').map((i) => [i.cell, i.message.params.blank])).toEqual([['F4', '2025年度!F5']]);
    expect(keyed(book, 'import.hidden-row').map((i) => i.cell)).toEqual(['C4']);
  });

  it('both visible and the same: read, no issue', async () => {
    const book = await read(one(repeated(CASE_EXPECTED.actual['1'] as number)));
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(book.issues).toEqual([]);
  });
});

describe('digits split by spaces are not joined', () => {
  const typed: Record<string, string> = { '1': '11\u00a04', '2': '10 62', '3': '2 2 3', '4': ' 6 ', '13': '15 712', '9': '35.6\u00a0' };
  it.each(['xlsx', 'xls'] as const)('only a thousands grouping is read (.%s)', async (ext) => {
    const book = await read(one(caseRows({ actual: (code, v) => typed[code] ?? v })), ext);
    expect(['1', '2', '3'].map((c) => actualOf(book, c))).toEqual([null, null, null]);
    expect(['4', '13', '9'].map((c) => actualOf(book, c))).toEqual([6, 15712, 35.6]);
    const refused = book.issues.filter((i) => i.severity === 'error');
    expect(refused.map((i) => [i.cell, i.message.key])).toEqual([
      ['F4', 'parse.space-inside'],
      ['F5', 'parse.space-inside'],
      ['F6', 'parse.space-inside'],
    ]);
    // The refusal and the warning quote what the clerk sees, a space where the no-break space was.
    expect(refused[0]?.message.params.text).toBe('11 4');
    expect(keyed(book, 'import.invisible-stripped').map((i) => [i.cell, i.message.params.text])).toEqual([['F12', '35.6']]);
  });
});

describe('a mark where an actual belongs', () => {
  it.each(['/', '-', '——', '－'])('"%s" is no figure, and said so', async (mark) => {
    const book = await read(one(caseRows({ actual: (code, v) => (code === '3' ? mark : v) })));
    expect(actualOf(book, '3')).toBeNull();
    expect(keyed(book, 'import.mark-no-value').map((i) => [i.severity, i.cell, i.message.params.text])).toEqual([['warning', 'F6', mark]]);
    expect(keyed(book, 'import.mark-no-value')[0]?.message.zh).toContain('不是 0');
  });

  it('a blank or spaces-only cell is simply empty', async () => {
    const book = await read(one(caseRows({ actual: (code, v) => (code === '3' ? '   ' : code === '4' ? null : v) })));
    expect([actualOf(book, '3'), actualOf(book, '4')]).toEqual([null, null]);
    expect(book.issues).toEqual([]);
  });
});

describe('a note longer than the grid allows', () => {
  it('is refused with its length, as typing it would be; one of exactly the limit is read', async () => {
    const rows = withColumn('备注', (code) => (code === '3' ? '长'.repeat(MAX_NOTE_LENGTH + 1) : code === '4' ? '短'.repeat(MAX_NOTE_LENGTH) : null));
    const book = await read(one(rows));
    expect(noteOf(book, '3')).toBeNull();
    expect(noteOf(book, '4')).toHaveLength(MAX_NOTE_LENGTH);
    expect(book.issues.map((i) => [i.severity, i.cell, i.message.key, i.message.params.length])).toEqual([['error', 'I6', 'import.note-too-long', MAX_NOTE_LENGTH + 1]]);
  });
});

describe('the year a sheet is about', () => {
  it.each(['2026年1月报送', '2024-2025'])('a sheet named "%s" takes the title\'s year, not the name\'s', async (name) => {
    // Headers without a year (目标值 / 实际值 / 说明): the year comes from the sheet.
    const header = ['领域', '序号', '指标名称', '单位', '目标值', '实际值', '2027年目标值', '说明'];
    const rows = caseRows({ header });
    rows[1] = ['填报单位：青岚区住房和城乡建设局', null, null, null, null, '填报日期：2026年1月8日'];
    const book = await read([{ name, rows }]);
    expect(book.reportingYear).toBe(2025);
    expect(caseReading(book).actual).toEqual(CASE_READING.actual);
  });
});

describe('characters that look like part of a number', () => {
  it('a soft hyphen is stripped with a warning; a typographic minus is a minus', async () => {
    const book = await read(one(caseRows({ actual: (code, v) => (code === '7' ? '7\u00ad' : code === '9' ? `\u2212${v}` : v) })));
    expect(actualOf(book, '7')).toBe(7);
    expect(keyed(book, 'import.invisible-stripped').map((i) => [i.cell, i.message.params.chars])).toEqual([['F10', 'U+00AD']]);
    // 新开工装配式建筑占新建建筑比例 is a rate: a negative figure is read as one (and the plausibility check is the grid's).
    expect(actualOf(book, '9')).toBe(-(CASE_EXPECTED.actual['9'] as number));
  });
});

describe('a remark in brackets on a value header does not make it a note', () => {
  it.each(['2025年实际值（未完成的请说明原因）', '2025年实际值（备注：截至12月底）', '2025年实际完成值(说明:快报数)'])('%s holds the actuals', async (header) => {
    const book = await read(one(caseRows({ header: CASE_HEADER.map((h) => (h === '2025年实际值' ? header : h)) })));
    expect(book.kind).toBe('return');
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(book.issues).toEqual([]);
  });

  it('figures under a 说明 header are read as notes, and said', async () => {
    const book = await read(one(withColumn('2025年实际完成情况说明', (_code, row) => row[5] ?? null)));
    expect(caseReading(book).actual).toEqual(CASE_READING.actual);
    expect(keyed(book, 'import.note-column-figures').map((i) => [i.severity, i.cell, i.message.params.header])).toEqual([['warning', 'I:I', '2025年实际完成情况说明']]);
  });
});

describe('invisible characters in a name or 序号', () => {
  it('do not stop the row matching its indicator', async () => {
    const rows = caseRows();
    (rows[5] as PyCell[])[2] = `公租房在保\u200b家庭户数(户)`;
    (rows[3] as PyCell[])[1] = '1\u200b';
    const book = await read(one(rows));
    expect(caseReading(book)).toEqual(CASE_READING);
    expect(book.issues).toEqual([]);
  });

  it('a cell of only invisible characters is blank, not a mark', async () => {
    const book = await read(one(caseRows({ actual: (code, v) => (code === '3' ? '\u200b' : v) })));
    expect(actualOf(book, '3')).toBeNull();
    expect(book.issues).toEqual([]);
  });
});

describe('a formula nobody calculated in the 说明 column (openpyxl writes no result)', () => {
  it('is refused, never read as an empty note', async () => {
    const rows = caseRows().map((row) => (row[1] === 12 ? row.map((c, j) => (j === 7 ? '="两户"&"外出务工"' : c)) : row));
    const book = await read(one(rows));
    expect(noteOf(book, '12')).toBeNull();
    expect(keyed(book, 'import.formula-uncalculated').map((i) => [i.severity, i.cell])).toEqual([['error', 'H15']]);
  });
});

describe('a formula whose stored result is empty (xlwt writes no result)', () => {
  it('is read as no figure, and said', async () => {
    const out = join(tmp.dir, 'xlwt-formula.xls');
    writeWithPython(out, caseRows({ actual: (code, v) => (code === '3' ? '=200+23' : v) }), { sheet: '2025年度' });
    const book = await readAndInterpret(readFileSync(out), out, SEED_PLAN);
    expect(actualOf(book, '3')).toBeNull();
    expect(keyed(book, 'import.formula-shows-nothing').map((i) => [i.severity, i.cell, i.message.params.formula])).toEqual([['warning', 'F6', '200+23']]);
  });
});
