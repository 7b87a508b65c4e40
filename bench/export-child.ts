// One export measured in a fresh process (bundled by process-bench.ts, run by plain node with
// --expose-gc): `ours N` writes the standard template of an N-row return; `exceljs N` writes a
// comparable sheet (same rows, columns, values, one style per column) with ExcelJS's own streaming
// writer. Prints JSON: export ms, RSS before, and the process's peak RSS (getrusage maxrss).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { GridRow } from '../shared/api/contract';
import { SEED_PLAN } from '../shared/seed/zhu-you-yi-ju';
import { Store } from '../electron/store/store';
import { buildGrid } from '../electron/services/grid-service';
import { exportTemplate } from '../electron/workbook/export/export-template';
import { syntheticPlan } from './synthetic-plan';

const NOW = new Date('2026-03-15T09:00:00+08:00');
const YEAR = 2025;

async function exceljsStreaming(rows: GridRow[], years: number[]): Promise<number> {
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      size += chunk.length;
      done();
    },
  });
  const finished = new Promise((resolve) => sink.on('finish', resolve));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet('填报表');
  const text = { font: { name: '宋体', size: 10 }, alignment: { vertical: 'middle' as const, wrapText: true } };
  const num = { font: { name: '宋体', size: 10 }, numFmt: '#,##0' };
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 6);
    const values: (string | number | null)[] = [r.domain, r.code, r.name, r.unit, [r.leadUnit, ...r.coUnits].join('、')];
    for (const y of years) {
      const c = r.cells[String(y)];
      values.push(typeof c?.target === 'number' || c?.target === '/' ? c.target : null, c?.actual ?? null, null);
    }
    values.push(r.cells[String(YEAR)]?.note ?? null, r.indicatorId);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v;
      cell.style = typeof v === 'number' ? num : text;
    });
    row.commit();
  });
  ws.commit();
  await wb.commit();
  await finished;
  return size;
}

async function main(): Promise<void> {
  const [which, nText] = process.argv.slice(2);
  const n = Number(nText);
  const plan = n === 13 ? SEED_PLAN : syntheticPlan(n);
  const dir = mkdtempSync(join(tmpdir(), 'indicator-desk-export-'));
  try {
    const store = Store.open(join(dir, 'bench.sqlite'), { seedPlan: plan, now: () => NOW });
    // Half the reporting year's actuals filled, as in workbook-bench.ts.
    const rows: GridRow[] = buildGrid(store, plan.id, YEAR, null, NOW).rows.map((r, i) =>
      i % 2 === 0 ? r : { ...r, cells: { ...r.cells, [String(YEAR)]: { ...(r.cells[String(YEAR)] as GridRow['cells'][string]), actual: 2 + (i % 90) } } },
    );
    store.close();
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const t0 = performance.now();
    let bytes: number;
    if (which === 'ours') {
      bytes = (await exportTemplate({ plan, year: YEAR, department: null, rows, clerkName: '基准', clerkPhone: '', exportedAt: NOW, appVersion: 'bench' })).length;
    } else {
      bytes = await exceljsStreaming(rows, [...plan.years].sort((a, b) => a - b));
    }
    const ms = performance.now() - t0;
    process.stdout.write(JSON.stringify({ ms, bytes, rssBeforeMb: rssBefore / 1048576, peakMb: process.resourceUsage().maxRSS / 1024 }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
