// Running the command line from a test: in-process through runCli (fast; what it printed collected
// line by line) or as a real child process through tsx (exit codes, process start, what a script sees).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from '../../electron/cli/main';

/** The command line's entry point, for a child process. */
export const CLI_MAIN = join(__dirname, '../../electron/cli/main.ts');

/** What an in-process run printed: stdout and stderr, each line ending in "\n", and the exit code. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Run the command line in this process with `argv` (no program name). */
export async function cliInProcess(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => (out += `${s}\n`), stderr: (s) => (err += `${s}\n`) });
  return { code, out, err };
}

/** What a child process printed and its exit code. */
export interface CliChildRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run the command line as a child process (node --import tsx electron/cli/main.ts) with `argv` and
 * `--today 2026-03-15`, so dates in its output do not depend on the day the test runs.
 */
export function cliChild(...argv: string[]): Promise<CliChildRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', CLI_MAIN, ...argv, '--today', '2026-03-15'], { maxBuffer: 16 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
