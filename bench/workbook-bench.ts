// Workbook benchmarks: import (read, interpret, diff) and export for the 13-row standard return and
// for generated 1,000- and 10,000-row returns, with SheetJS reading the same bytes as a reference.
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { GridRow } from '../shared/api/contract';
import { SEED_PLAN } from '../shared/seed/zhu-you-yi-ju';
import { Store } from '../electron/store/store';
import { buildGrid } from '../electron/services/grid-service';
import { diffAgainstStore, sha256 } from '../electron/services/import-service';
import { exportTemplate } from '../electron/workbook/export/export-template';
import { interpretWorkbook } from '../electron/workbook/import/interpret';
import { readWorkbook } from '../electron/workbook/import/read-workbook';
import { IMPORT_LIMITS } from '../electron/workbook/import/limits';
import { syntheticPlan } from './synthetic-plan';
import { compareXlsxReaders } from './xlsx-reader-pair';

export { syntheticPlan };

const NOW = new Date('2026-03-15T09:00:00+08:00');
const YEAR = 2025;

export interface Figure {
  label: string;
  ms: number;
  peakMb?: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function time<T>(runs: number, fn: () => Promise<T> | T): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function peakDuring<T>(fn: () => Promise<T>): Promise<{ peakMb: number }> {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 2);
  return fn().then(() => {
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { peakMb: peak / 1024 / 1024 };
  });
}

export async function benchWorkbooks(dir: string, sizes: number[] = [13, 1000, 10000]): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const n of sizes) {
    const plan = n === 13 ? SEED_PLAN : syntheticPlan(n);
    const store = Store.open(join(dir, `bench-${n}.sqlite`), { seedPlan: plan, now: () => NOW });
    // Fill half the reporting year's actuals so the diff has both changes and unchanged cells.
    store.transaction(() => {
      plan.indicators.forEach((ind, i) => {
        if (i % 2 === 0) store.actuals.setValue(ind.id, YEAR, 1 + (i % 90), { who: 'bench', at: NOW.toISOString(), source: 'typed' });
      });
    });
    const rows: GridRow[] = buildGrid(store, plan.id, YEAR, null, NOW).rows.map((r, i) => ({
      ...r,
      cells: { ...r.cells, [String(YEAR)]: { ...(r.cells[String(YEAR)] as GridRow['cells'][string]), actual: 2 + (i % 90) } },
    }));
    const input = { plan, year: YEAR, department: null, rows, clerkName: '基准', clerkPhone: '', exportedAt: NOW, appVersion: 'bench' };
    const runs = n >= 10000 ? 3 : n >= 1000 ? 5 : 20;
    const bytes = await exportTemplate(input);
    const exportMs = await time(runs, () => exportTemplate(input));
    const exportMem = await peakDuring(() => exportTemplate(input));
    // Read as the importer reads (readAndInterpret: IMPORT_LIMITS, ReadCells 'values').
    const read = () => readWorkbook(bytes, 'bench.xlsx', IMPORT_LIMITS, 'values');
    const readMs = await time(runs, read);
    const book = await read();
    const interpretMs = await time(runs, () => interpretWorkbook(book, plan));
    const interpreted = interpretWorkbook(book, plan);
    const diffMs = await time(runs, () => diffAgainstStore(store, plan, interpreted, 'bench.xlsx', 'x'));
    const importMs = await time(runs, async () => {
      const b = await read();
      const i = interpretWorkbook(b, plan);
      diffAgainstStore(store, plan, i, 'bench.xlsx', sha256(bytes));
    });
    const importMem = await peakDuring(async () => {
      const b = await read();
      diffAgainstStore(store, plan, interpretWorkbook(b, plan), 'bench.xlsx', 'x');
    });
    const sheetjsMs = await time(runs, () => XLSX.read(bytes, { type: 'array', cellNF: true }));
    const sheetjsMem = await peakDuring(async () => {
      XLSX.read(bytes, { type: 'array', cellNF: true });
    });
    const label = n === 13 ? '13-row standard return' : `${n.toLocaleString('en-US')}-row return`;
    // Today's saxes reader against the hand-scanning one it replaced, paired and alternated: reading
    // every cell (a copy of the sheet, as the old reader always did) and as the importer reads.
    const pair = n >= 10000 ? await compareXlsxReaders(bytes, 15, 'whole') : null;
    const importerPair = n >= 10000 ? await compareXlsxReaders(bytes, 15, 'values') : null;
    figures.push(
      { label: `${label}: import total (read+interpret+diff)`, ms: importMs, peakMb: importMem.peakMb },
      { label: `${label}:   read`, ms: readMs },
      { label: `${label}:   interpret`, ms: interpretMs },
      { label: `${label}:   diff against database`, ms: diffMs },
      ...(pair && importerPair
        ? [
            { label: `${label}:   parts, saxes reader, every cell (paired: ×${pair.ratio.toFixed(2)} old)`, ms: pair.saxesMs },
            { label: `${label}:   parts, saxes reader, as the importer reads (paired: ×${importerPair.ratio.toFixed(2)} old)`, ms: importerPair.saxesMs },
            { label: `${label}:   parts, old hand-scanning reader`, ms: pair.handScanMs },
            { label: `${label}:   parts, saxes CPU time, every cell (paired: ×${pair.cpuRatio.toFixed(2)} old)`, ms: pair.saxesCpuMs },
            { label: `${label}:   parts, saxes CPU time, as the importer reads (paired: ×${importerPair.cpuRatio.toFixed(2)} old)`, ms: importerPair.saxesCpuMs },
            { label: `${label}:   parts, old hand-scanning reader CPU time`, ms: pair.handScanCpuMs },
            { label: `${label}:   parts, the XML parser alone, no reader (paired: ×${pair.parserOnlyRatio.toFixed(2)} old)`, ms: pair.parserOnlyMs },
            { label: `${label}:   parts, the XML parser alone, CPU time (paired: ×${pair.parserOnlyCpuRatio.toFixed(2)} old)`, ms: pair.parserOnlyCpuMs },
          ]
        : []),
      { label: `${label}: reference — SheetJS read of the same file`, ms: sheetjsMs, peakMb: sheetjsMem.peakMb },
      { label: `${label}: export`, ms: exportMs, peakMb: exportMem.peakMb },
    );
    store.close();
  }
  return figures;
}
