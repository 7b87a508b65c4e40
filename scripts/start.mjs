// `npm start`: the desktop app when an Electron runtime is installed, otherwise browser mode.
// Arguments after `npm start --` are passed on (e.g. `npm start -- --db D:\\data.sqlite` in browser mode).
// INDICATOR_DESK_START_DRY_RUN=1 prints the chosen command as JSON instead of running it (tests).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The Electron executable if the `electron` package has its binary, else null. */
export function findElectronBinary() {
  try {
    // The package's main export is the path of the downloaded executable; it throws when the
    // download was skipped (ELECTRON_SKIP_BINARY_DOWNLOAD=1) or failed.
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export function planStart(args, electronBinary = findElectronBinary()) {
  if (electronBinary && !args.includes('--web')) {
    return {
      mode: 'desktop',
      steps: [
        { command: npm, args: ['run', 'build'] },
        { command: electronBinary, args: ['.', ...args] },
      ],
    };
  }
  return {
    mode: 'browser',
    notice: electronBinary ? null : '未找到 Electron 运行时，改用浏览器模式…\nNo Electron runtime found; starting browser mode…',
    steps: [{ command: npm, args: ['run', 'web', '--', ...args.filter((a) => a !== '--web')] }],
  };
}

function run(step) {
  return new Promise((resolve) => {
    const env = { ...process.env };
    // Set by some tools; it would make the Electron binary behave as plain Node.
    delete env.ELECTRON_RUN_AS_NODE;
    const child = spawn(step.command, step.args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' && step.command === npm });
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
    child.on('error', (error) => {
      console.error(`${step.command}: ${error.message}`);
      resolve(1);
    });
  });
}

async function main() {
  const plan = planStart(process.argv.slice(2));
  if (plan.notice) console.log(plan.notice);
  if (process.env.INDICATOR_DESK_START_DRY_RUN === '1') {
    console.log(JSON.stringify(plan));
    return;
  }
  for (const step of plan.steps) {
    const code = await run(step);
    if (code !== 0) process.exit(code);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
