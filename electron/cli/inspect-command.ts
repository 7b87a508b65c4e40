// `inspect FILE [--json]`: what the command prints, in one place for both ways in — the full command
// line (main.ts, which also resolves --plan from a database) and the quick start (quick-start.ts,
// which runs inspect without loading the rest of the command line).
import { existsSync, statSync } from 'node:fs';
import { DeskError } from '../../shared/errors';
import type { Params } from '../../shared/i18n/engine';
import { bilingual, render } from '../../shared/i18n/engine';
import type { Lang } from '../../shared/i18n/lang';
import type { Plan } from '../../shared/domain/plan';
import type { OptionValues } from './args';
import { EXIT, flag, todayOption } from './args';
import type { CliTextKey } from './cli-texts';
import { CLI_TEXTS } from './cli-texts';
import { inspectFile } from './inspect';
import { otherPlanHint } from './import-plan-hint';
import { ISSUES_LISTED_APART } from '../../shared/api/preview-issues';

/** Where a command's lines go (one line per call, no trailing newline). */
export type CliOut = { stdout: (s: string) => void; stderr: (s: string) => void };

/** A path the command reads must be an existing file; throws DeskError (cli.no-such-file / cli.not-a-file). */
export function checkReadable(path: string): void {
  if (!existsSync(path)) throw new DeskError(bilingual(CLI_TEXTS, 'cli.no-such-file', { path }));
  if (!statSync(path).isFile()) throw new DeskError(bilingual(CLI_TEXTS, 'cli.not-a-file', { path }));
}

const STATUS_MARK: Record<string, string> = { met: '✓', missed: '✗', near: '≈', 'no-target': '/', 'not-reported': '?', pending: '·' };

/**
 * Reads `file` against `plan` and prints it: one JSON line (--json, inspect.ts's InspectJson) or a
 * summary, one line per row (year:actual + status mark) and one per issue. Returns EXIT.ok; throws
 * DeskError for a missing or unreadable file (the caller prints it and exits 2). `plans`: the
 * database's, when --db or --plan gave one — then a file of another of them gets a `--plan` hint.
 */
export async function runInspectCommand(file: string, plan: Plan, values: OptionValues, out: CliOut, lang: Lang, plans: readonly Plan[] = []): Promise<number> {
  const say = (key: CliTextKey, params: Params = {}): string => render(CLI_TEXTS, lang, key, params);
  checkReadable(file);
  const { json: result, issueKeys, otherPlan } = await inspectFile(file, plan, todayOption(values), lang, plans);
  if (flag(values, 'json')) out.stdout(JSON.stringify(result));
  else {
    out.stdout(say('cli.inspect-summary', { file: result.file, format: result.format, kind: say(result.kind === 'plan' ? 'cli.kind-plan' : 'cli.kind-return'), department: result.department ?? '—', years: result.years.join(', ') }));
    for (const row of result.rows) {
      const cells = Object.entries(row.values)
        .map(([y, v]) => `${y}:${v.actual ?? '—'}${(v.status === null ? '' : STATUS_MARK[v.status] ?? '')}`)
        .join('  ');
      out.stdout(`  ${(row.code ?? '?').padStart(3)} ${row.indicatorId ? '' : say('cli.unmatched-mark')}${row.name}  ${cells}`);
    }
    // A row matching no indicator is marked in its line above: not listed again as an issue (preview-issues.ts).
    result.issues.forEach((i, n) => {
      if (!ISSUES_LISTED_APART.has(issueKeys[n] ?? '')) out.stdout(`  ${say(i.severity === 'error' ? 'cli.severity-error' : 'cli.severity-warning')} ${i.sheet}!${i.cell}: ${i.message}`);
    });
  }
  // A file of another plan of the database: which --plan reads it as its own (stderr: --json stays one document).
  const hint = otherPlanHint(lang, result.file, otherPlan, plan.id);
  if (hint !== null) out.stderr(hint);
  return EXIT.ok;
}
