// The grid's side of the plausibility rule on real seed rows: which edits of an action need a
// confirm, judged together (a paste), and whether a shown cell is marked.
import { describe, expect, it } from 'vitest';
import type { CellEdit, GridRow } from '../../shared/api/contract';
import { cellImplausibility, implausibleEdits, plausibleSubjectOf } from '../../renderer/src/grid/plausible-cells';
import { seedRow } from './grid-fixtures';

const actual = (indicatorId: string, year: number, text: string): CellEdit => ({ indicatorId, year, field: 'actual', text });

function lookup(...rows: GridRow[]): (id: string) => GridRow | undefined {
  return (id) => rows.find((r) => r.indicatorId === id);
}

describe('plausible-cells', () => {
  it('the subject carries the row\'s targets (not "/", not absent) and its own range', () => {
    const row = { ...seedRow('zyyj-06'), plausible: { min: null, max: 10 } };
    const s = plausibleSubjectOf(row);
    expect(s.targets).toEqual({ 2023: 1, 2024: 2, 2025: 3, 2026: 4, 2027: '/' });
    expect(s.plausible).toEqual({ min: null, max: 10 });
    expect(cellImplausibility(row, 2025, 11)?.key).toBe('plausible.above-max');
  });

  it('typing 250 in the 物业服务 rate needs a confirm; 95 and a note do not', () => {
    const rows = lookup(seedRow('zyyj-05'));
    const found = implausibleEdits([actual('zyyj-05', 2025, '250'), actual('zyyj-05', 2025, '95'), { ...actual('zyyj-05', 2025, '999'), field: 'note' }], rows);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ indicator: '住宅小区专业物业服务覆盖率（%）', value: 250 });
    expect(found[0]!.reason.key).toBe('plausible.rate-above-100');
  });

  it('"250%" typed with its sign, blanks, "/" and refused text are not asked about', () => {
    const rows = lookup(seedRow('zyyj-05'));
    expect(implausibleEdits([actual('zyyj-05', 2025, '250%')], rows)).toHaveLength(1);
    expect(implausibleEdits([actual('zyyj-05', 2025, ''), actual('zyyj-05', 2025, '/'), actual('zyyj-05', 2025, 'abc')], rows)).toEqual([]);
  });

  it('"12%" typed for a count (户) asks to confirm, taken as 12; "12" and a rate\'s "12%" do not', () => {
    const rows = lookup(seedRow('zyyj-03'), seedRow('zyyj-05'));
    const found = implausibleEdits([actual('zyyj-03', 2025, '12%')], rows);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ indicator: '公租房在保家庭户数（户）', value: 12 });
    expect(found[0]!.reason.key).toBe('plausible.percent-sign');
    expect(found[0]!.reason.zh).toContain('以“户”计，不是百分比');
    expect(implausibleEdits([actual('zyyj-03', 2025, '12'), actual('zyyj-05', 2025, '12%')], rows)).toEqual([]);
  });

  it('a paste is judged as a whole: a cumulative 2025 below the 2024 pasted with it', () => {
    const rows = lookup(seedRow('zyyj-02', { 2024: 800 }));
    expect(implausibleEdits([actual('zyyj-02', 2025, '900')], rows)).toEqual([]);
    const found = implausibleEdits([actual('zyyj-02', 2024, '1000'), actual('zyyj-02', 2025, '900')], rows);
    expect(found.map((f) => [f.edit.year, f.reason.key])).toEqual([[2025, 'plausible.cumulative-below-previous']]);
  });

  it('a shown cell is marked from its row: a saved 2025 below 2024 of a cumulative count', () => {
    const row = seedRow('zyyj-02', { 2024: 1000, 2025: 900 });
    expect(cellImplausibility(row, 2025, 900)?.key).toBe('plausible.cumulative-below-previous');
    expect(cellImplausibility(row, 2024, 1000)).toBeNull();
    expect(cellImplausibility(row, 2025, null)).toBeNull();
  });
});
