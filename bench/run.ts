// `npm run bench`: prints figures (not pass/fail) for the goals in the issues:
//  - 13-row import ≤ 30 ms and export ≤ 50 ms in-process; 10,000-row import no slower than SheetJS;
//  - 10,000-row grid: first render ≤ 1 s, edit-to-colour ≤ 50 ms (measured in Chromium);
//  - 30 returns of 13 rows previewed and applied with conflict detection ≤ 1.0× SheetJS reading them.
//  - whole processes (process-bench.ts): the command line against SheetJS, the export against
//    ExcelJS's streaming writer, each case a fresh process.
import { formatProcessFigure, benchProcesses } from './process-bench';
//  - desktop start-up: process start to the window factory's call, with the built main bundle.
import { benchStartup } from './startup-bench';
import { makeTempDirSync } from './tmp';
import { benchWorkbooks } from './workbook-bench';

/**
 * `npm run bench -- --only inspect,grid`: only the named parts (inspect = the command line's
 * whole-process runs, export = the export's, workbooks, consolidation, startup, grid); all without it.
 */
const ONLY = ((at) => (at < 0 ? null : new Set((process.argv[at + 1] ?? '').split(','))))(process.argv.indexOf('--only'));
const want = (part: string): boolean => ONLY === null || ONLY.has(part);

async function main(): Promise<void> {
  const tmp = makeTempDirSync();
  try {
    console.log(`Indicator Desk benchmarks — node ${process.version}, ${new Date().toISOString()}`);
    console.log('Whole processes (fresh node per run, paired and alternated, medians; peak = getrusage maxrss)');
    if (want('inspect') || want('export')) for (const f of await benchProcesses(tmp.dir, { inspect: want('inspect'), export: want('export') })) console.log(formatProcessFigure(f));
    // In-process peaks count earlier runs' garbage (no --expose-gc): memory is judged above, per process.
    if (want('workbooks')) console.log('Workbooks in-process (median of several runs)');
    if (want('workbooks')) for (const f of await benchWorkbooks(tmp.dir)) console.log(`  ${f.label.padEnd(62)} ${f.ms.toFixed(1).padStart(9)} ms`);
    if (want('consolidation')) console.log('Consolidation (30 returns of 13 rows, whole import vs SheetJS reading them)');
    const { benchConsolidation } = await import('./consolidation-bench');
    if (want('consolidation')) for (const f of await benchConsolidation(tmp.dir)) console.log(`  ${f.label.padEnd(62)} ${f.ms.toFixed(2).padStart(9)}${f.label.includes('ratio') ? '' : ' ms'}`);
    const s = want('startup') ? await benchStartup(tmp.dir) : null;
    if (s) console.log(`Desktop start-up (built main bundle under the Electron stand-in, median of ${s.runs} starts)`);
    if (s) console.log(`  ${'process start → window factory called'.padEnd(62)} ${s.windowMs.toFixed(1).padStart(9)} ms`);
    if (s) console.log(`  ${'  of which Node itself (bare script, same runs)'.padEnd(62)} ${s.nodeMs.toFixed(1).padStart(9)} ms`);
    if (s) console.log(`  read at start: main.cjs ${s.mainKb.toFixed(0)} KB + chunks ${s.startupChunksKb.toFixed(0)} KB; on first use: ${s.lazyKb.toFixed(0)} KB (ExcelJS, SheetJS, CLI)`);
    if (want('grid')) try {
      const { benchGrid } = await import('./grid-bench');
      console.log('Grid (real renderer in Chromium, browser mode)');
      for (const f of await benchGrid(tmp.dir)) console.log(`  ${f.label.padEnd(62)} ${f.ms.toFixed(1).padStart(9)} ms`);
    } catch (e) {
      console.log(`Grid benchmark not run: ${e instanceof Error ? e.message : String(e)}`);
    }
  } finally {
    tmp.cleanup();
  }
}

void main();
