// The realistic 2023–2025 actuals that `npm run screenshots` seeds (met, missed, not yet reported),
// also used by the dashboard and report tests so the pictures and the tests show the same plan.
import type { CellEdit } from '../shared/api/contract';

/** Actuals 2023, 2024, 2025 per indicator (null = not reported yet). */
export const DEMO_ACTUALS: Record<string, [number | null, number | null, number | null]> = {
  'zyyj-01': [10.2, 10.6, 10.8],
  'zyyj-02': [652, 861, 1012],
  'zyyj-03': [205, 213, 226],
  'zyyj-04': [4, 5, 6],
  'zyyj-05': [86.1, 88, 89.2],
  'zyyj-06': [1, 2, 3],
  'zyyj-07': [2, 3, 5],
  'zyyj-08': [6, 11, null],
  'zyyj-09': [33.5, 34.2, 36.1],
  'zyyj-10': [0, 1, null],
  'zyyj-11': [100, 100, 100],
  'zyyj-12': [100, 100, 100],
  'zyyj-13': [14021, 14702, null],
};

/** The clerks' 2025 notes (说明) explaining misses. */
export const DEMO_NOTES_2025: Record<string, string> = {
  'zyyj-01': '新增保障对象审核中',
  'zyyj-02': '2个项目延期至2026年交付',
  'zyyj-05': '3个新建小区物业招标中',
  'zyyj-07': '1台因居民意见未统一暂缓',
};

/** The demo data as typed edits for saveCells. */
export function demoEdits(): CellEdit[] {
  const edits: CellEdit[] = [];
  for (const [indicatorId, values] of Object.entries(DEMO_ACTUALS)) {
    values.forEach((v, i) => {
      if (v !== null) edits.push({ indicatorId, year: 2023 + i, field: 'actual', text: String(v) });
    });
  }
  for (const [indicatorId, text] of Object.entries(DEMO_NOTES_2025)) edits.push({ indicatorId, year: 2025, field: 'note', text });
  return edits;
}
