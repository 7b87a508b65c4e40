// The exporter sizes 目标值 / 实际值 columns from the numbers' widths as the cells show them
// (toLocaleString('en-US'): thousands grouped, at most 3 decimals), computed without formatting
// each number; this checks that shortcut against the formatter itself.
import { describe, expect, it } from 'vitest';
import { groupedNumber, groupedNumberLength } from '../../../electron/workbook/export/return-sheet-layout';

const EDGES = [0, -0, 1, -1, 999, 1000, -1000, 12345.5, 999.9995, 1.0005, 0.1 + 0.2, 87.5, 1e21, 1e-7, -1234.567, 123456789.123, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity];

describe('groupedNumberLength', () => {
  it('is the length of the en-US text for edge cases and 20,000 pseudo-random figures', () => {
    const values = [...EDGES];
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 20000; i += 1) {
      const v = (next() - 0.4) * 10 ** Math.floor(next() * 16 - 4);
      const digits = Math.floor(next() * 5); // 0–4 decimals: the shortcut and the fallback
      values.push(Math.round(v * 10 ** digits) / 10 ** digits);
    }
    for (const v of values) {
      const expected = Object.is(v, -0) ? 1 : v.toLocaleString('en-US').length;
      expect({ v, length: groupedNumberLength(v) }).toEqual({ v, length: expected });
      expect(groupedNumber(v).length).toBe(groupedNumberLength(v));
    }
  });
});
