// Today's .xlsx reader (saxes, read-xlsx-fast.ts) against the hand-scanning reader it replaced
// (bench/reference/read-xlsx-hand-scan.ts), in ONE process, on the same unpacked parts: the two
// are run paired and alternated (old, new, new, old, …) so the shared machine's noise falls on
// both alike, and the figure is the median of each and the median of the per-pair ratios. The
// zip guard's inflation is the same for both and is done once, outside the timing.
import { guardZip } from '../electron/workbook/import/zip-guard';
import { IMPORT_LIMITS } from '../electron/workbook/import/limits';
import { partKey } from '../electron/workbook/import/package-parts';
import { readXlsxFast } from '../electron/workbook/import/read-xlsx-fast';
import { readXlsxFast as readXlsxHandScan } from './reference/read-xlsx-hand-scan';

export interface ReaderPair {
  pairs: number;
  /** Median milliseconds of one read of all parts. */
  saxesMs: number;
  handScanMs: number;
  /** Median of saxes/hand-scan per pair (1.0 = as fast; below 1 = faster). */
  ratio: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Time both readers on `bytes` (an .xlsx), `pairs` paired runs after one warm-up of each. */
export function compareXlsxReaders(bytes: Uint8Array, pairs = 15): ReaderPair {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { parts } = guardZip(buf, { file: 'bench.xlsx', limits: IMPORT_LIMITS });
  // The old reader looked parts up by their names as written; today's guard keys them by partKey.
  const asWritten = { get: (name: string) => parts.get(partKey(name)) } as unknown as Map<string, Buffer>;
  const saxes = () => readXlsxFast(parts);
  const hand = () => readXlsxHandScan(asWritten);
  const cellsOf = (b: ReturnType<typeof saxes>) => b.sheets.reduce((n, s) => n + [...s.rows.values()].reduce((m, r) => m + r.size, 0), 0);
  const expected = cellsOf(saxes());
  if (cellsOf(hand()) !== expected) throw new Error('the two readers read a different number of cells');
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  const timeOne = (fn: () => unknown) => {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  };
  for (let i = 0; i < pairs; i++) {
    // Alternate which goes first, so neither always runs on the other's leftover garbage.
    const [x, y] = i % 2 === 0 ? [timeOne(saxes), timeOne(hand)] : (([h, s]) => [s, h])([timeOne(hand), timeOne(saxes)]);
    a.push(x as number);
    b.push(y as number);
    ratios.push((x as number) / (y as number));
  }
  return { pairs, saxesMs: median(a), handScanMs: median(b), ratio: median(ratios) };
}
