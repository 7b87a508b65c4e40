// The packaged app as a command-line tool: `指标填报台 --cli inspect FILE` (or any command of
// electron/cli) runs the same CLI as `npm run cli`, on the desktop app's database, with no window.
// On Windows a GUI executable has no console of its own: redirect output (`> out.txt`) to see it.
import { DB_ENV } from '../services/paths';

/** The CLI arguments if this launch asked for the command line, else null. */
export function cliArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--cli');
  return at < 0 ? null : argv.slice(at + 1);
}

/** Run the CLI; the database defaults to the desktop app's (moved folder included). */
export async function runPackagedCli(args: string[], desktopDbPath: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (!env[DB_ENV]) env[DB_ENV] = desktopDbPath;
  // Loaded only for `--cli` launches: a windowed start never reads the command line's code.
  const { runCli } = await import('../cli/main');
  return runCli(args, {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
  });
}
