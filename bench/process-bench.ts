// Whole-process benchmarks, each case a fresh `node` process (what a user waits for):
//  - the command line (`node scripts/cli.cjs inspect FILE --json`, the built bundle) paired with
//    SheetJS reading the same file in its own process: runs alternate A/B, B/A, medians compared
//    (hyperfine-like), each process's output going to a file. Goals: 13 rows ≤ 0.5×, 10,000 rows ≤ 0.6×.
//  - the export against ExcelJS's own streaming writer writing the same data rows (export-child.ts),
//    each run in a fresh process with --expose-gc that reads the same prepared input (built here
//    from a real store, outside the measured processes); peak = the process's getrusage maxrss.
//    Goals: 10,000 rows ≤ 1.0× the streaming writer's time and ≤ 200 MiB peak.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { GridRow } from '../shared/api/contract';
import { SEED_PLAN } from '../shared/seed/zhu-you-yi-ju';
import { Store } from '../electron/store/store';
import { buildGrid } from '../electron/services/grid-service';
import { exportTemplate } from '../electron/workbook/export/export-template';
import type { ExportBenchInput } from './export-child';
import { syntheticPlan } from './synthetic-plan';

const root = join(import.meta.dirname, '..');
const NOW = new Date('2026-03-15T09:00:00+08:00');

export interface ProcessFigure {
  label: string;
  oursMs: number;
  refMs: number;
  ratio: number;
  goal: number;
  oursPeakMb?: number;
  refPeakMb?: number;
  peakGoalMb?: number;
  /** Median CPU ms of the measured export (all threads): steadier than wall time on a shared machine. */
  oursCpuMs?: number;
  refCpuMs?: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
}

function timed(args: string[]): { ms: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

/**
 * A process run with its standard output going to `outFile`, as `command > out.json` would: the
 * process still produces and writes every byte, but the timing no longer includes this harness
 * collecting a 6 MB pipe and decoding it into a string after the process has ended (~110 ms for
 * the 10,000-row inspect, none of it the command's).
 */
function timedToFile(args: string[], outFile: string): number {
  const fd = openSync(outFile, 'w');
  try {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return ms;
  } finally {
    closeSync(fd);
  }
}

/** Alternating paired runs of two commands, each with its output to a file in `dir`; medians of each. */
function paired(a: string[], b: string[], runs: number, dir: string): { a: number; b: number } {
  const as: number[] = [];
  const bs: number[] = [];
  const run = (args: string[], side: string) => timedToFile(args, join(dir, `stdout-${side}.txt`));
  run(a, 'a'); // warm the file cache for both
  run(b, 'b');
  for (let i = 0; i < runs; i += 1) {
    if (i % 2 === 0) {
      as.push(run(a, 'a'));
      bs.push(run(b, 'b'));
    } else {
      bs.push(run(b, 'b'));
      as.push(run(a, 'a'));
    }
  }
  return { a: median(as), b: median(bs) };
}

async function writeReturn(dir: string, n: number): Promise<string> {
  const plan = n === 13 ? SEED_PLAN : syntheticPlan(n);
  const store = Store.open(join(dir, `return-${n}.sqlite`), { seedPlan: plan, now: () => NOW });
  const rows: GridRow[] = buildGrid(store, plan.id, 2025, null, NOW).rows.map((r, i) => ({
    ...r,
    cells: { ...r.cells, '2025': { ...(r.cells['2025'] as GridRow['cells'][string]), actual: 2 + (i % 90) } },
  }));
  store.close();
  const file = join(dir, `return-${n}.xlsx`);
  writeFileSync(file, await exportTemplate({ plan, year: 2025, department: null, rows, clerkName: '基准', clerkPhone: '', exportedAt: NOW, appVersion: 'bench' }));
  return file;
}

/** The export input of an n-row return, built from a real store: half the reporting year's actuals filled. */
function exportBenchInput(dir: string, n: number): ExportBenchInput {
  const plan = n === 13 ? SEED_PLAN : syntheticPlan(n);
  const store = Store.open(join(dir, `export-${n}.sqlite`), { seedPlan: plan, now: () => NOW });
  const rows: GridRow[] = buildGrid(store, plan.id, 2025, null, NOW).rows.map((r, i) =>
    i % 2 === 0 ? r : { ...r, cells: { ...r.cells, '2025': { ...(r.cells['2025'] as GridRow['cells'][string]), actual: 2 + (i % 90) } } },
  );
  store.close();
  return { plan, year: 2025, rows, exportedAt: NOW.toISOString() };
}

const SHEETJS_READ = "require('@e965/xlsx').read(require('node:fs').readFileSync(process.argv[1]), { type: 'buffer', cellNF: true })";

/** `parts`: which halves to run (run.ts --only); both by default. */
export async function benchProcesses(dir: string, parts: { inspect: boolean; export: boolean } = { inspect: true, export: true }): Promise<ProcessFigure[]> {
  const figures: ProcessFigure[] = [];
  // Build the command line's bundle if needed, outside the timed runs.
  timed([join(root, 'scripts', 'cli.cjs'), 'help']);
  for (const [n, runs, goal] of [
    // 31 runs for 13 rows: a 100 ms process on a shared machine needs more runs for a steady median.
    [13, 31, 0.5],
    [10000, 7, 0.6],
  ] as const) {
    if (!parts.inspect) break;
    const file = await writeReturn(dir, n);
    const r = paired([join(root, 'scripts', 'cli.cjs'), 'inspect', file, '--json'], ['-e', SHEETJS_READ, file], runs, dir);
    // What was timed did the whole job: every row of the return is in the JSON it wrote.
    const written = JSON.parse(readFileSync(join(dir, 'stdout-a.txt'), 'utf8')) as { rows: unknown[] };
    if (written.rows.length !== n) throw new Error(`inspect wrote ${written.rows.length} rows, expected ${n}`);
    figures.push({ label: `inspect ${n.toLocaleString('en-US')} rows (cli) vs SheetJS read`, oursMs: r.a, refMs: r.b, ratio: r.a / r.b, goal });
  }

  if (!parts.export) return figures;
  // The export child, bundled so it runs in plain node (no tsx in the measured memory).
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const out = mkdtempSync(join(root, '.tmp', 'bench-'));
  try {
    await build({
      entryPoints: [join(root, 'bench', 'export-child.ts')],
      outfile: join(out, 'export-child.mjs'),
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external: ['exceljs'],
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      logLevel: 'warning',
    });
    const child = (which: string, inputFile: string) => {
      const r = timed(['--expose-gc', join(out, 'export-child.mjs'), which, inputFile]);
      return JSON.parse(r.stdout) as { ms: number; cpuMs: number; peakMb: number };
    };
    for (const [n, runs] of [
      [1000, 7],
      [10000, 7],
    ] as const) {
      const inputFile = join(out, `export-input-${n}.json`);
      writeFileSync(inputFile, JSON.stringify(exportBenchInput(dir, n)));
      const ours: { ms: number; cpuMs: number; peakMb: number }[] = [];
      const ref: { ms: number; cpuMs: number; peakMb: number }[] = [];
      for (let i = 0; i < runs; i += 1) {
        if (i % 2 === 0) {
          ours.push(child('ours', inputFile));
          ref.push(child('exceljs', inputFile));
        } else {
          ref.push(child('exceljs', inputFile));
          ours.push(child('ours', inputFile));
        }
      }
      const oursMs = median(ours.map((x) => x.ms));
      const refMs = median(ref.map((x) => x.ms));
      figures.push({
        label: `export ${n.toLocaleString('en-US')} rows vs ExcelJS streaming writer`,
        oursMs,
        refMs,
        ratio: oursMs / refMs,
        goal: 1.0,
        oursPeakMb: median(ours.map((x) => x.peakMb)),
        refPeakMb: median(ref.map((x) => x.peakMb)),
        ...(n === 10000 ? { peakGoalMb: 200 } : {}),
        oursCpuMs: median(ours.map((x) => x.cpuMs)),
        refCpuMs: median(ref.map((x) => x.cpuMs)),
      });
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return figures;
}

/** One line per figure: ours, the reference, the ratio against its goal. */
export function formatProcessFigure(f: ProcessFigure): string {
  const mark = (ok: boolean) => (ok ? 'meets goal' : 'MISSES goal');
  const peak =
    f.oursPeakMb === undefined ? '' : `   peak ${f.oursPeakMb.toFixed(0)} MiB vs ${f.refPeakMb?.toFixed(0)} MiB${f.peakGoalMb ? ` (goal ≤ ${f.peakGoalMb}: ${mark(f.oursPeakMb <= f.peakGoalMb)})` : ''}`;
  const cpu = f.oursCpuMs === undefined || f.refCpuMs === undefined ? '' : `   cpu ${f.oursCpuMs.toFixed(0)} ms vs ${f.refCpuMs.toFixed(0)} ms = ${(f.oursCpuMs / f.refCpuMs).toFixed(2)}×`;
  return `  ${f.label.padEnd(52)} ${f.oursMs.toFixed(0).padStart(6)} ms vs ${f.refMs.toFixed(0).padStart(6)} ms = ${f.ratio.toFixed(2)}× (goal ≤ ${f.goal}×: ${mark(f.ratio <= f.goal)})${peak}${cpu}`;
}
