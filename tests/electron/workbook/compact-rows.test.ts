// The compact rows the importer's reading keeps (compact-rows.ts) answer every question a sheet's
// rows are asked exactly as the Map of Maps putCell fills (model.ts): the same rows in the same
// order, the same cells in the same order, a repeated address replacing the first cell in its
// place, rows that come back later, every kind of value, formulas, uncalculated formulas,
// addresses as written, number formats by style — past the first growth of its columns.
import { describe, expect, it } from 'vitest';
import { CompactRows } from '../../../electron/workbook/import/compact-rows';
import type { CellValue, NeutralCell } from '../../../electron/workbook/import/model';
import { cellAddress, newSheet, putCell } from '../../../electron/workbook/import/model';

const FORMATS = [null, '0.0%', 'General', '#,##0.00'];
const PERCENT = [false, true, false, false];

interface Added {
  row: number;
  col: number;
  address: string | null;
  style: number;
  value: CellValue;
  isError: boolean;
  formula: string | null;
  uncalculated: boolean;
}

/** The same cells put both ways. */
function both(cells: Added[]): { compact: CompactRows; maps: Map<number, Map<number, NeutralCell>> } {
  const compact = new CompactRows(FORMATS, PERCENT);
  const sheet = newSheet('s', 'visible');
  for (const c of cells) {
    compact.add(c.row, c.col, c.address, c.style, c.value, c.isError, c.formula, c.uncalculated);
    const cell: NeutralCell = {
      row: c.row,
      col: c.col,
      address: c.address ?? cellAddress(c.row, c.col),
      value: c.value,
      formula: c.formula,
      isError: c.isError,
      numFmt: FORMATS[c.style] ?? null,
      percent: PERCENT[c.style] ?? false,
    };
    if (c.uncalculated) cell.uncalculated = true;
    putCell(sheet, cell);
  }
  return { compact, maps: sheet.rows };
}

function plain(rows: ReadonlyMap<number, ReadonlyMap<number, NeutralCell>>): [number, [number, NeutralCell][]][] {
  return [...rows].map(([r, cells]) => [r, [...cells]]);
}

function cell(row: number, col: number, value: CellValue, extra: Partial<Added> = {}): Added {
  return { row, col, address: null, style: 0, value, isError: false, formula: null, uncalculated: false, ...extra };
}

describe('compact rows read as the Map of Maps putCell fills', () => {
  it('every kind of value, formula, style and written address', () => {
    const cells = [
      cell(1, 1, '填报单位：区住建局'),
      cell(1, 3, 12.5, { style: 3 }),
      cell(1, 4, 0.875, { style: 1, formula: 'B1/C1' }),
      cell(2, 2, true),
      cell(2, 3, false),
      cell(2, 4, '#DIV/0!', { isError: true, formula: 'A1/0' }),
      cell(2, 5, null, { formula: 'SUM(A1:A2)', uncalculated: true }),
      cell(3, 2, 0),
      cell(3, 3, -0.25, { address: 'C003' }),
      cell(4, 28, '/', { style: 2 }),
    ];
    const { compact, maps } = both(cells);
    expect(plain(compact)).toEqual(plain(maps));
    expect(compact.size).toBe(4);
    expect(compact.get(3)?.get(3)?.address).toBe('C003');
    expect(compact.get(4)?.get(28)?.address).toBe('AB4');
    expect(compact.get(2)?.get(5)).toEqual({ row: 2, col: 5, address: 'E2', value: null, formula: 'SUM(A1:A2)', isError: false, numFmt: null, percent: false, uncalculated: true });
    expect(compact.get(1)?.get(4)?.percent).toBe(true);
    expect(compact.get(2)?.get(4)?.isError).toBe(true);
  });

  it('a row that comes back later, and an address given twice (the second replaces the first, in its place)', () => {
    const cells = [cell(5, 1, 'a'), cell(5, 2, 'b'), cell(6, 1, 'c'), cell(5, 3, 'd'), cell(5, 1, 'e'), cell(2, 1, 'f')];
    const { compact, maps } = both(cells);
    expect(plain(compact)).toEqual(plain(maps));
    expect([...compact.keys()]).toEqual([5, 6, 2]);
    expect([...(compact.get(5)?.values() ?? [])].map((c) => c.value)).toEqual(['e', 'b', 'd']);
  });

  it('has, get, keys, values, entries and forEach agree, past the columns’ growth', () => {
    const cells: Added[] = [];
    for (let r = 1; r <= 700; r++) for (let c = 1; c <= 7; c++) cells.push(cell(r, c, c % 3 === 0 ? `名称${r}` : c % 3 === 1 ? r * 1.5 : null, { style: c % 4, formula: c === 7 ? `A${r}` : null }));
    const { compact, maps } = both(cells);
    expect(plain(compact)).toEqual(plain(maps));
    expect([...compact.keys()]).toEqual([...maps.keys()]);
    expect([...compact.values()].map((r) => [...r.values()])).toEqual([...maps.values()].map((r) => [...r.values()]));
    const seen: number[] = [];
    compact.forEach((cells, row, all) => {
      expect(all).toBe(compact);
      expect([...cells]).toEqual([...(maps.get(row) ?? [])]);
      seen.push(row);
    });
    expect(seen).toEqual([...maps.keys()]);
    expect(compact.has(700)).toBe(true);
    expect(compact.has(701)).toBe(false);
    expect(compact.get(701)).toBeUndefined();
    expect(compact.size).toBe(maps.size);
  });

  it('a row asked for again after more cells were added shows them', () => {
    const compact = new CompactRows(FORMATS, PERCENT);
    compact.add(1, 1, null, 0, 'a', false, null, false);
    expect(compact.get(1)?.size).toBe(1);
    compact.add(1, 2, null, 0, 'b', false, null, false);
    expect([...(compact.get(1)?.values() ?? [])].map((c) => c.value)).toEqual(['a', 'b']);
  });

  it('a style that names no style of the workbook means no format; any column keeps its own place', () => {
    const compact = new CompactRows(FORMATS, PERCENT);
    for (const [col, style] of [[1, Number('abc')], [2, 0.5], [3, -1], [4, FORMATS.length], [5, 2 ** 32 + 1], [6, 1]] as const)
      compact.add(1, col, null, style, 0.12, false, null, false);
    const row = compact.get(1);
    for (const col of [1, 2, 3, 4, 5]) expect(row?.get(col), `column ${col}`).toMatchObject({ numFmt: null, percent: false });
    expect(row?.get(6)).toMatchObject({ numFmt: '0.0%', percent: true });
    // Column 2³² + 7 (a corrupt r="MWLQKXC6") is not column 7.
    compact.add(2, 7, null, 0, 5, false, null, false);
    compact.add(2, 2 ** 32 + 7, 'MWLQKXC2', 0, 999, false, null, false);
    expect([...(compact.get(2)?.entries() ?? [])].map(([c, cell]) => [c, cell.value])).toEqual([
      [7, 5],
      [2 ** 32 + 7, 999],
    ]);
  });
});
