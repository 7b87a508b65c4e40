// Today's .xlsx reader (saxes, read-xlsx-fast.ts) against the hand-scanning reader it replaced
// (bench/reference/read-xlsx-hand-scan.ts), in ONE process, on the same unpacked parts, with a
// third run of the XML parser alone (no reader) for the floor under both: the three are run in
// turn, each round starting with the next, so the shared machine's noise and each other's garbage
// fall on all alike. Figures are medians of
// wall time and of this process's CPU time (user + system, which a busy machine inflates less),
// and the median of the per-pair ratios. The zip guard's inflation is the same for both and is
// done once, outside the timing.
import { guardZip } from '../electron/workbook/import/zip-guard';
import { IMPORT_LIMITS } from '../electron/workbook/import/limits';
import { partKey } from '../electron/workbook/import/package-parts';
import { readXlsxFast } from '../electron/workbook/import/read-xlsx-fast';
import { streamXml } from '../electron/workbook/import/xml-stream';
import type { NeutralWorkbook, ReadCells } from '../electron/workbook/import/model';
import { readXlsxFast as readXlsxHandScan } from './reference/read-xlsx-hand-scan';

export interface ReaderPair {
  pairs: number;
  /** Median milliseconds (wall) of one read of all parts. */
  saxesMs: number;
  handScanMs: number;
  /** Median of saxes/hand-scan wall time per pair (1.0 = as fast; below 1 = faster). */
  ratio: number;
  /** The same in CPU milliseconds of this process. */
  saxesCpuMs: number;
  handScanCpuMs: number;
  cpuRatio: number;
  /**
   * The XML parser alone, no reader: saxes (through xml-stream.ts, handlers doing nothing) over
   * every part the reader parses (workbook, relationships, shared strings, styles, worksheets),
   * each in full where the reader stops early. What reading XML as XML costs before any cell is
   * kept: the floor under any reader built on it. Median wall and CPU ms, and paired ratios to the
   * hand-scanning reader.
   */
  parserOnlyMs: number;
  parserOnlyCpuMs: number;
  parserOnlyRatio: number;
  parserOnlyCpuRatio: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const cellsOf = (b: NeutralWorkbook) => b.sheets.reduce((n, s) => n + [...s.rows.values()].reduce((m, r) => m + r.size, 0), 0);

/** Wall and CPU milliseconds of one call (awaited: the saxes reader is async, though with every part unpacked it never waits). */
async function timeOne(fn: () => unknown): Promise<{ wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

/** Time both readers on `bytes` (an .xlsx), `pairs` paired runs after one warm-up of each; `cells`: how today's reader reads (ReadCells). */
export async function compareXlsxReaders(bytes: Uint8Array, pairs = 15, cells: ReadCells = 'whole'): Promise<ReaderPair> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { parts } = guardZip(buf, { file: 'bench.xlsx', limits: IMPORT_LIMITS });
  // The old reader looked parts up by their names as written; today's guard keys them by partKey.
  const asWritten = { get: (name: string) => parts.get(partKey(name)) } as unknown as Map<string, Buffer>;
  const saxes = () => readXlsxFast(parts, cells);
  const hand = () => readXlsxHandScan(asWritten);
  // Reading every cell, both keep the same cells (the importer's reading leaves out formulas showing nothing).
  if (cellsOf(hand()) !== cellsOf(await readXlsxFast(parts, 'whole'))) throw new Error('the two readers read a different number of cells');
  const xmlParts = [...parts.entries()].filter(([k]) => /\.(xml|rels)$/.test(k) && !/^(docprops|xl\/theme)\//.test(k) && k !== '[content_types].xml').map(([, b]) => b);
  const NOTHING = { open() {}, close() {}, text() {} };
  const parserOnly = () => {
    for (const b of xmlParts) streamXml(b, NOTHING);
  };
  const s: { wall: number; cpu: number }[] = [];
  const h: { wall: number; cpu: number }[] = [];
  const p: { wall: number; cpu: number }[] = [];
  parserOnly();
  // The three in turn, each starting a round in its turn, so none always follows the same one.
  const order = [
    [s, saxes],
    [h, hand],
    [p, parserOnly],
  ] as const;
  for (let i = 0; i < pairs; i++) {
    for (let k = 0; k < order.length; k++) {
      const [into, fn] = order[(i + k) % order.length] as (typeof order)[number];
      into.push(await timeOne(fn));
    }
  }
  const ratiosOf = (xs: { wall: number; cpu: number }[], k: 'wall' | 'cpu') => median(xs.map((x, i) => x[k] / (h[i] as { wall: number; cpu: number })[k]));
  const ratios = (k: 'wall' | 'cpu') => ratiosOf(s, k);
  return {
    pairs,
    saxesMs: median(s.map((x) => x.wall)),
    handScanMs: median(h.map((x) => x.wall)),
    ratio: ratios('wall'),
    saxesCpuMs: median(s.map((x) => x.cpu)),
    handScanCpuMs: median(h.map((x) => x.cpu)),
    cpuRatio: ratios('cpu'),
    parserOnlyMs: median(p.map((x) => x.wall)),
    parserOnlyCpuMs: median(p.map((x) => x.cpu)),
    parserOnlyRatio: ratiosOf(p, 'wall'),
    parserOnlyCpuRatio: ratiosOf(p, 'cpu'),
  };
}
