// One export measured in a fresh process (bundled by process-bench.ts, run by plain node with
// --expose-gc): `ours FILE` writes the standard template of the return whose export input
// (plan, rows: what the app hands the workbook worker) process-bench.ts saved as JSON in FILE;
// `exceljs FILE` writes the same data rows — same cells, values and 完成率 formulas with their
// cached results, one shared style per column — with ExcelJS's own streaming writer. Both read
// the same file the same way, so the process's peak RSS (getrusage maxrss) is the export's own
// plus the same input, not the database work that built the rows. Prints JSON: export ms, its CPU ms (all threads: less
// sensitive than wall time to a busy machine), bytes,
// RSS before, and the process's peak RSS.
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { GridRow } from '../shared/api/contract';
import type { Plan } from '../shared/domain/plan';
import { completionRatio } from '../shared/domain/status';
import { completionFormula } from '../shared/domain/status-excel';
import { exportTemplate } from '../electron/workbook/export/export-template';
import { columnLetter } from '../electron/workbook/export/sheet-rules';

/** What process-bench.ts saves for the child: the input of one export. */
export interface ExportBenchInput {
  plan: Plan;
  year: number;
  rows: GridRow[];
  exportedAt: string;
}

async function exceljsStreaming({ plan, year, rows }: ExportBenchInput): Promise<number> {
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
  const pct = { font: { name: '宋体', size: 10 }, numFmt: '0.0%' };
  const years = [...plan.years].sort((a, b) => a - b);
  rows.forEach((r, i) => {
    const rowNumber = i + 6;
    const row = ws.getRow(rowNumber);
    const values: ExcelJS.CellValue[] = [r.domain, r.code, r.name, r.unit, [r.leadUnit, ...r.coUnits].join('、')];
    for (const y of years) {
      const c = r.cells[String(y)];
      const target = typeof c?.target === 'number' || c?.target === '/' ? c.target : null;
      const actual = c?.actual ?? null;
      const col = values.length + 1;
      const completion =
        typeof target === 'number'
          ? {
              formula: completionFormula(r.direction, `${columnLetter(col)}${rowNumber}`, `${columnLetter(col + 1)}${rowNumber}`),
              result: (actual === null ? null : completionRatio(r.direction, target, actual)) ?? '',
            }
          : null;
      values.push(target, actual, completion);
    }
    values.push(r.cells[String(year)]?.note ?? null, r.indicatorId);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v;
      cell.style = v !== null && typeof v === 'object' ? pct : typeof v === 'number' ? num : text;
    });
    row.commit();
  });
  ws.commit();
  await wb.commit();
  await finished;
  return size;
}

async function main(): Promise<void> {
  const [which, file] = process.argv.slice(2);
  const input = JSON.parse(readFileSync(file as string, 'utf8')) as ExportBenchInput;
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let bytes: number;
  if (which === 'ours') {
    const { plan, year, rows } = input;
    bytes = (await exportTemplate({ plan, year, department: null, rows, clerkName: '基准', clerkPhone: '', exportedAt: new Date(input.exportedAt), appVersion: 'bench' })).length;
  } else {
    bytes = await exceljsStreaming(input);
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, bytes, rssBeforeMb: rssBefore / 1048576, peakMb: process.resourceUsage().maxRSS / 1024 }));
}

void main();
