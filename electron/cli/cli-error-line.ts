// How a failed command is told on stderr: one bilingual line, never a stack trace (exit code 2).
// Shared by the full command line (main.ts) and the quick start (quick-start.ts).
import { DeskError } from '../../shared/errors';
import { UsageError } from './args';
import { CliError } from './db-option';

/** The stderr line for an error a command threw: its own message for usage and refusals, else "出错了 / Error: <first line>". */
export function cliErrorLine(e: unknown): string {
  if (e instanceof UsageError) return e.message;
  if (e instanceof CliError) return `${e.zh} / ${e.en}`;
  if (e instanceof DeskError) return `${e.appMessage.zh} / ${e.appMessage.en}`;
  return `出错了 / Error: ${e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)}`;
}
