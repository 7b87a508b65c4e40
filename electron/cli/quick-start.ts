// The command line's quick start (docs/ARCHITECTURE.md §Command-line start). A coordinating office
// runs `inspect` over dozens of files, so a plain `inspect FILE [--json]` (the embedded plan, no
// --plan) runs from here, and so does `help`, loading only the workbook reader and the rules it
// needs: no database, no zod, no ExcelJS or SheetJS unless the file needs them, no exporter. Every other command line —
// including inspect with --plan, --db or --help, and any usage error — goes to main.ts's runCli, loaded
// on demand, which prints exactly what it always has.
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';
import { EXIT, flag, langOption, parseCommandLine, stringOption, todayOption } from './args';
import type { OptionValues } from './args';
import { cliErrorLine } from './cli-error-line';
import { USAGE } from './cli-usage';
import type { CliOut } from './inspect-command';
import { runInspectCommand } from './inspect-command';

/**
 * What the quick start runs: a plain inspect (its file and options) or `help` — or null when the
 * full command line should run `argv` (anything else, and anything it would refuse).
 */
function quickCommand(argv: string[]): { file: string; values: OptionValues } | 'help' | null {
  try {
    const { command, positionals, values } = parseCommandLine(argv);
    langOption(values);
    if (values.today !== undefined) todayOption(values);
    // `help` prints the usage text and nothing else, as runCli does: often a new user's first command.
    if (command === 'help') return 'help';
    // With --db the database is consulted (its plans, for the --plan hint): the full command line.
    if (command !== 'inspect' || flag(values, 'help') || stringOption(values, 'plan') !== null || stringOption(values, 'db') !== null) return null;
    const file = positionals[0];
    return file === undefined ? null : { file, values };
  } catch {
    return null; // main.ts reports it
  }
}

/** Runs `argv` (without node and script) like main.ts's runCli, and returns the exit code. */
export async function runCliQuick(argv: string[], out: CliOut): Promise<number> {
  const quick = quickCommand(argv);
  if (quick === 'help') {
    out.stdout(USAGE);
    return EXIT.ok;
  }
  if (quick === null) {
    const { runCli } = await import('./main');
    return runCli(argv, out);
  }
  try {
    return await runInspectCommand(quick.file, SEED_PLAN, quick.values, out, langOption(quick.values));
  } catch (e) {
    out.stderr(cliErrorLine(e));
    return EXIT.nothingDone;
  }
}
