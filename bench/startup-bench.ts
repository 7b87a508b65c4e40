// Start-up of the desktop main process: the built main bundle (minified, as packaged) booted in
// Node under the Electron stand-in of the shell tests (tests/electron/shell/fixtures/boot-main.mjs),
// timed from process start to the window factory's `new BrowserWindow`. Everything below the
// stand-in is real (database opened and migrated, daily backup checked, IPC and menu registered);
// Chromium's own start is not included, so the figure is what our code adds before the window.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildElectron } from '../scripts/build-electron.mjs';

const root = join(import.meta.dirname, '..');
const harness = join(root, 'tests', 'electron', 'shell', 'fixtures', 'boot-main.mjs');

export interface StartupFigures {
  /** Median ms from process start to the first `new BrowserWindow`, over `runs` starts. */
  windowMs: number;
  runs: number;
  /** Size of what the main process parses before the window: the main bundle (KB). */
  mainKb: number;
  /** Median ms from process start to the first line of a bare script: Node's own share of windowMs. */
  nodeMs: number;
  /** Size of the chunks main.cjs requires as it starts (KB). */
  startupChunksKb: number;
  /** Size of the chunks loaded on first use: workbook reading and writing, the command line (KB). */
  lazyKb: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Build the main bundle into a scratch folder inside the repository and time `runs` starts. */
export async function benchStartup(tmpDir: string, runs = 9): Promise<StartupFigures> {
  // Inside the repository (.tmp/ is ignored) so the bundle resolves better-sqlite3 from node_modules.
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const outdir = mkdtempSync(join(root, '.tmp', 'bench-main-'));
  try {
    const built = await buildElectron({ outdir });
    const kb = (files: string[]) => files.reduce((sum, f) => sum + statSync(f).size / 1024, 0);
    const userData = join(tmpDir, 'startup-userData');
    const start = () => {
      const out = execFileSync(process.execPath, [harness, root, userData, join(tmpDir, 'none.xlsx'), built.main], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      return (JSON.parse(out) as { firstWindowMs: number }).firstWindowMs;
    };
    const bare = () => Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(performance.now()))'], { encoding: 'utf8' }));
    start(); // first start creates and migrates the database and takes the day's backup
    // Interleaved, so a change in the machine's load affects both figures alike.
    const times: number[] = [];
    const nodeTimes: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      times.push(start());
      nodeTimes.push(bare());
    }
    return {
      windowMs: median(times),
      nodeMs: median(nodeTimes),
      runs,
      mainKb: kb([built.main]),
      startupChunksKb: kb(built.startupChunks),
      lazyKb: kb(built.lazyChunks),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
