// `import FILE... [--department D] [--prefer incoming|current] [--include-other-units] [--dry-run] [--json]`:
// the batch rules live in services/batch-import.ts; this file only words the outcome. Exit codes
// (args.ts EXIT): 0 done; 1 partly done (other units' values skipped, or some files unreadable);
// 2 nothing readable / bad input; 3 conflicts unanswered (docs/ARCHITECTURE.md §Consolidation).
import { basename } from 'node:path';
import type { ConflictSide, ImportConflict } from '../../shared/api/contract';
import type { Params, PluralBase } from '../../shared/i18n/engine';
import { render, renderCount } from '../../shared/i18n/engine';
import type { Lang } from '../../shared/i18n/lang';
import type { Services } from '../services/create-services';
import { readSettings } from '../services/create-services';
import type { Prefer } from '../services/batch-import';
import { importBatch } from '../services/batch-import';
import type { ExitCode, OptionValues } from './args';
import { EXIT, UsageError, flag, stringOption } from './args';
import type { CliTextKey } from './cli-texts';
import { CLI_TEXTS } from './cli-texts';
import type { ImportCliTextKey } from './import-texts';
import { IMPORT_CLI_TEXTS } from './import-texts';
import { CYCLE_CLI_TEXTS } from './cycle-texts';
import { issuesToList } from '../../shared/api/preview-issues';
import { otherPlanHint } from './import-plan-hint';

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };

/** `--prefer incoming|current`, or null when absent; anything else is a UsageError. */
function preferOf(values: OptionValues): Prefer | null {
  const v = stringOption(values, 'prefer');
  if (v === null) return null;
  if (v === 'incoming' || v === 'current') return v;
  throw new UsageError(`${render(IMPORT_CLI_TEXTS, 'en', 'cli.bad-prefer')} / ${render(IMPORT_CLI_TEXTS, 'zh', 'cli.bad-prefer')}`);
}

/**
 * Run `import` on `paths` through services.imports (before-import backup included) with the
 * consolidation rules, print previews, conflicts, resolutions and skipped values, and return the
 * exit code. Throws UsageError for a bad `--prefer`; an unknown `--department` refuses the batch.
 */
export async function runImportCommand(
  values: OptionValues,
  paths: string[],
  read: (path: string) => Uint8Array,
  services: Services,
  planId: string,
  out: Out,
  lang: Lang,
  now: () => Date,
): Promise<ExitCode> {
  const say = (key: CliTextKey, params: Params = {}): string => render(CLI_TEXTS, lang, key, params);
  const sayImport = (key: ImportCliTextKey, params: Params = {}): string => render(IMPORT_CLI_TEXTS, lang, key, params);
  // Counted messages: "1 change" / "2 changes" in English by the language's plural rule.
  const count = (base: PluralBase<CliTextKey>, n: number, params: Params = {}): string => renderCount(CLI_TEXTS, lang, base, n, params);
  const countImport = (base: PluralBase<ImportCliTextKey>, n: number, params: Params = {}): string => renderCount(IMPORT_CLI_TEXTS, lang, base, n, params);
  const unspecified = sayImport('cli.unspecified');
  const dryRun = flag(values, 'dry-run');
  const prefer = preferOf(values);
  const settings = readSettings(services.store);
  const files = paths.map((f) => ({ name: basename(f), bytes: read(f) }));
  const outcome = await importBatch(services, planId, files, {
    department: stringOption(values, 'department'),
    prefer,
    includeOtherUnits: flag(values, 'include-other-units'),
    dryRun,
    who: settings.clerkName || 'cli',
    at: now().toISOString(),
    onProgress: (done, total, name) => {
      if (done < total) out.stderr(say('cli.reading', { index: done + 1, total, name }));
    },
  });
  const { pending, failures, conflicts, record, skipped, refused } = outcome;
  const fileOf = (previewId: string | null) => pending.find((p) => p.preview.previewId === previewId)?.preview.fileName ?? '';
  const side = (s: ConflictSide) =>
    s.previewId === null
      ? `${sayImport('cli.current')} ${s.value ?? '—'}（${s.provenance?.fileName ?? s.provenance?.source ?? ''}${s.provenance?.department ? `，${s.provenance.department}` : ''}${s.provenance ? `，${s.provenance.who} ${s.provenance.at}` : ''}）`
      : `${fileOf(s.previewId)} ${s.value ?? '—'}（${s.cell ?? ''}，${s.provenance?.department ?? unspecified}）`;
  const conflictLine = (c: ImportConflict) => `  ${sayImport('cli.conflict')} ${c.code} ${c.name} ${c.year}: ${[c.current, ...c.incoming].filter((s) => s !== null).map(side).join(' ≠ ')}`;

  if (flag(values, 'json')) {
    out.stdout(
      JSON.stringify({
        dryRun,
        previews: pending.map((p) => p.preview),
        failures: failures.map((f) => ({ fileName: f.fileName, message: f.message[lang] })),
        conflicts,
        resolutions: outcome.resolutions,
        import: record,
      }),
    );
  } else {
    for (const p of pending) {
      const v = p.preview;
      out.stdout(say('cli.preview-summary', {
        file: v.fileName,
        changes: count('cli.n-changes', v.changes.length),
        unchanged: count('cli.n-unchanged', v.unchanged),
        targetDiffs: count('cli.n-target-diffs', v.targetDiffs.length),
        unmatched: count('cli.n-unmatched', v.unmatched.length),
        issues: count('cli.n-issues', issuesToList(v).length),
        department: sayImport('cli.department', { department: v.department ?? unspecified }),
      }));
      for (const c of v.changes) out.stdout(`  ${c.cell}  ${c.code} ${c.name} ${c.year} ${say(c.field === 'note' ? 'cli.field-note' : 'cli.field-actual')}: ${c.oldValue ?? '—'} → ${c.newValue ?? '—'}`);
      for (const d of v.targetDiffs) out.stdout(`  ${d.cell}  ${say('cli.target-differs', { code: d.code, year: d.year, planTarget: d.planTarget ?? '—', fileTarget: d.fileTarget ?? '—' })}`);
      for (const u of v.unmatched) out.stdout(`  ${u.sheet}!${u.cell ?? u.row}  ${say('cli.unmatched-row')}: ${u.code ?? ''} ${u.name}`);
      // Unmatched rows are listed just above: not a second time as issues.
      for (const i of issuesToList(v)) out.stdout(`  ${i.sheet ? `${i.sheet}!${i.cell}  ` : ''}${i.message[lang]}`);
    }
  }
  // A file of another plan of the database: which --plan reads it as that plan's own (stderr, both modes).
  for (const p of pending) {
    const hint = otherPlanHint(lang, p.preview.fileName, p.preview.plan, planId);
    if (hint !== null) out.stderr(hint);
  }
  // The failures of a batch go to stderr in both output modes (JSON also carries them).
  for (const f of failures.filter((x) => x.message.key !== 'import.two-departments')) out.stderr(`${f.fileName}: ${say('cli.unreadable')} — ${f.message[lang]}`);
  // What was held back goes to stderr, so a script sees it even with --json.
  for (const f of failures.filter((x) => x.message.key === 'import.two-departments')) out.stderr(`${f.message.zh} / ${f.message.en}`);
  if (refused === 'two-departments') return EXIT.nothingDone;
  if (conflicts.length > 0) {
    out.stderr(countImport('cli.conflicts-head', conflicts.length));
    for (const c of conflicts) out.stderr(conflictLine(c));
  }
  if (refused === 'conflicts') {
    out.stderr(sayImport('cli.conflicts-refused'));
    return EXIT.conflicts;
  }
  for (const r of outcome.resolutions) {
    const c = conflicts.find((x) => x.indicatorId === r.indicatorId && x.year === r.year);
    const label = `${c?.code ?? r.indicatorId} ${r.year}`;
    if (r.take === 'current') out.stderr(`  ${sayImport('cli.kept-current', { label })}`);
    else {
      const several = (c?.incoming.length ?? 0) > 1;
      const value = c?.incoming.find((s) => s.previewId === r.take)?.value ?? '—';
      out.stderr(`  ${sayImport(several ? 'cli.took-later' : 'cli.took', { label, file: fileOf(r.take), value })}`);
    }
  }
  if (skipped.length > 0) {
    out.stderr(countImport('cli.skipped-head', skipped.length));
    for (const s of skipped) out.stderr(`  ${s.fileName} ${s.change.cell}  ${s.change.code} ${s.change.name} ${s.change.year}: ${s.change.newValue ?? '—'}`);
  }
  // Values for locked cells (reporting cycle) were set apart by the preview and never written.
  const locked = pending.flatMap((p) => (p.preview.locked ?? []).map((change) => ({ fileName: p.preview.fileName, change })));
  if (locked.length > 0) {
    out.stderr(render(CYCLE_CLI_TEXTS, lang, 'cli.locked-head', { count: locked.length }));
    for (const s of locked) out.stderr(`  ${s.fileName} ${s.change.cell}  ${s.change.code} ${s.change.name} ${s.change.year}: ${s.change.newValue ?? '—'}`);
  }
  if (!flag(values, 'json')) {
    // Nothing was previewed when every file failed: "preview done" would read as success.
    if (dryRun && pending.length > 0) out.stdout(say('cli.dry-run-done'));
    else if (record) out.stdout(count('cli.imported', record.changeCount, { id: record.importId }));
  }
  if (failures.length > 0 && pending.length === 0) return EXIT.nothingDone;
  if (dryRun && conflicts.length > 0 && !prefer) return EXIT.conflicts;
  // A value that could not be read, or a row matching no indicator, was left out: partly done,
  // said on stderr too (what exit 1 means must reach a script that only keeps stderr).
  let leftOut = false;
  for (const { preview } of pending) {
    const unreadable = preview.issues.filter((i) => i.severity === 'error').length;
    if (unreadable === 0 && preview.unmatched.length === 0) continue;
    leftOut = true;
    out.stderr(sayImport('cli.left-out', {
      file: preview.fileName,
      unreadable: countImport('cli.n-unreadable', unreadable),
      unmatched: countImport('cli.n-no-indicator', preview.unmatched.length),
    }));
  }
  return skipped.length > 0 || locked.length > 0 || failures.length > 0 || leftOut ? EXIT.partial : EXIT.ok;
}
