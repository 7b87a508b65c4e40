// `import FILE... [--department D] [--prefer incoming|current] [--include-other-units] [--dry-run] [--json]`:
// the batch rules live in services/batch-import.ts; this file only words the outcome. Exit codes:
// 0 done; 1 other units' values skipped; 2 nothing readable / bad input; 3 conflicts unanswered.
import { basename } from 'node:path';
import type { Lang } from '../../shared/i18n/messages';
import type { ImportConflict, ConflictSide } from '../../shared/api/contract';
import { UNSPECIFIED_DEPARTMENT } from '../../shared/domain/departments';
import type { Services } from '../services/create-services';
import { readSettings } from '../services/create-services';
import type { Prefer } from '../services/batch-import';
import { importBatch } from '../services/batch-import';
import type { ParsedArgs } from './args';
import { UsageError, stringOption } from './args';

/** Exit code for conflicts left unanswered (defined here until the CLI's shared exit-code list has it). */
export const EXIT_CONFLICTS = 3;
/** Exit code when other units' values were skipped (the import itself went through). */
export const EXIT_SKIPPED = 1;

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };

function preferOf(args: ParsedArgs): Prefer | null {
  const v = args.options.get('prefer');
  if (v === undefined) return null;
  if (v === 'incoming' || v === 'current') return v;
  throw new UsageError(`--prefer must be incoming or current / --prefer 只能是 incoming（采用文件中的值）或 current（保留当前值）`);
}

export async function runImportCommand(
  args: ParsedArgs,
  paths: string[],
  read: (path: string) => Uint8Array,
  services: Services,
  planId: string,
  out: Out,
  lang: Lang,
  now: () => Date,
): Promise<number> {
  const say = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const dryRun = args.options.has('dry-run');
  const prefer = preferOf(args);
  const settings = readSettings(services.store);
  const files = paths.map((f) => ({ name: basename(f), bytes: read(f) }));
  const outcome = await importBatch(services, planId, files, {
    department: stringOption(args, 'department'),
    prefer,
    includeOtherUnits: args.options.has('include-other-units'),
    dryRun,
    who: settings.clerkName || 'cli',
    at: now().toISOString(),
    onProgress: (done, total, name) => {
      if (done < total) out.stderr(`[${done + 1}/${total}] ${say('读取', 'reading')} ${name}`);
    },
  });
  const { pending, failures, conflicts, record, skipped, refused } = outcome;
  const fileOf = (previewId: string | null) => pending.find((p) => p.preview.previewId === previewId)?.preview.fileName ?? '';
  const side = (s: ConflictSide) =>
    s.previewId === null
      ? `${say('当前', 'current')} ${s.value ?? '—'}（${s.provenance?.fileName ?? s.provenance?.source ?? ''}${s.provenance?.department ? `，${s.provenance.department}` : ''}${s.provenance ? `，${s.provenance.who} ${s.provenance.at}` : ''}）`
      : `${fileOf(s.previewId)} ${s.value ?? '—'}（${s.cell ?? ''}，${s.provenance?.department ?? UNSPECIFIED_DEPARTMENT}）`;
  const conflictLine = (c: ImportConflict) => `  ${say('冲突', 'conflict')} ${c.code} ${c.name} ${c.year}: ${[c.current, ...c.incoming].filter((s) => s !== null).map(side).join(' ≠ ')}`;

  if (args.options.has('json')) {
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
      out.stdout(`${v.fileName}: ${say(`${v.changes.length} 处修改，${v.unchanged} 处相同，${v.targetDiffs.length} 处目标与规划不同，${v.unmatched.length} 行未匹配，${v.issues.length} 个问题`, `${v.changes.length} changes, ${v.unchanged} unchanged, ${v.targetDiffs.length} target differences, ${v.unmatched.length} unmatched rows, ${v.issues.length} issues`)}；${say('填报单位', 'department')} ${v.department ?? UNSPECIFIED_DEPARTMENT}`);
      for (const c of v.changes) out.stdout(`  ${c.cell}  ${c.code} ${c.name} ${c.year} ${c.field === 'note' ? say('说明', 'note') : say('实际值', 'actual')}: ${c.oldValue ?? '—'} → ${c.newValue ?? '—'}`);
      for (const d of v.targetDiffs) out.stdout(`  ${d.cell}  ${say('目标不同（未采用）', 'target differs (not applied)')} ${d.code} ${d.year}: ${say('规划', 'plan')} ${d.planTarget ?? '—'}, ${say('文件', 'file')} ${d.fileTarget ?? '—'}`);
      for (const u of v.unmatched) out.stdout(`  ${u.sheet}!${u.row}  ${say('未匹配的行', 'unmatched row')}: ${u.code ?? ''} ${u.name}`);
      for (const i of v.issues) out.stdout(`  ${i.sheet ? `${i.sheet}!${i.cell}  ` : ''}${i.message[lang]}`);
    }
    for (const f of failures) out.stdout(`${f.fileName}: ${say('无法读取', 'unreadable')} — ${f.message[lang]}`);
  }
  // What was held back goes to stderr, so a script sees it even with --json.
  for (const f of failures.filter((x) => x.message.key === 'import.two-departments')) out.stderr(`${f.message.zh} / ${f.message.en}`);
  if (refused === 'two-departments') return 2;
  if (conflicts.length > 0) {
    out.stderr(say(`${conflicts.length} 处冲突（文件与当前值或文件之间不一致）：`, `${conflicts.length} conflicts (files disagree with the current value or with each other):`));
    for (const c of conflicts) out.stderr(conflictLine(c));
  }
  if (refused === 'conflicts') {
    out.stderr(
      say(
        '有冲突未处理，未写入任何内容。请用 --prefer incoming（采用文件中的值；多个文件不一致时采用命令行中靠后的文件）或 --prefer current（保留当前值）指定。',
        'Conflicts are unanswered; nothing was written. Use --prefer incoming (take the files\' values; when files disagree, the later file on the command line) or --prefer current (keep the current values).',
      ),
    );
    return EXIT_CONFLICTS;
  }
  for (const r of outcome.resolutions) {
    const c = conflicts.find((x) => x.indicatorId === r.indicatorId && x.year === r.year);
    const label = `${c?.code ?? r.indicatorId} ${r.year}`;
    if (r.take === 'current') out.stderr(say(`  ${label}：保留当前值（--prefer current）`, `  ${label}: current value kept (--prefer current)`));
    else {
      const several = (c?.incoming.length ?? 0) > 1;
      const v = c?.incoming.find((s) => s.previewId === r.take)?.value ?? '—';
      out.stderr(
        several
          ? say(`  ${label}：文件之间不一致，按 --prefer incoming 采用命令行中靠后的文件 ${fileOf(r.take)} 的值 ${v}`, `  ${label}: files disagree; --prefer incoming takes the later file on the command line, ${fileOf(r.take)}: ${v}`)
          : say(`  ${label}：采用文件 ${fileOf(r.take)} 的值 ${v}（--prefer incoming）`, `  ${label}: took ${v} from ${fileOf(r.take)} (--prefer incoming)`),
      );
    }
  }
  if (skipped.length > 0) {
    out.stderr(say(`${skipped.length} 个数值属于其他单位的指标，未导入（加 --include-other-units 一并导入）：`, `${skipped.length} values belong to other departments' indicators and were skipped (add --include-other-units to import them):`));
    for (const s of skipped) out.stderr(`  ${s.fileName} ${s.change.cell}  ${s.change.code} ${s.change.name} ${s.change.year}: ${s.change.newValue ?? '—'}`);
  }
  if (!args.options.has('json')) {
    if (dryRun) out.stdout(say('预览完毕，未写入数据库（去掉 --dry-run 即导入）。', 'Preview only; nothing written (drop --dry-run to apply).'));
    else if (record) out.stdout(say(`已导入：第 ${record.importId} 次导入，共 ${record.changeCount} 处修改。`, `Imported: import #${record.importId}, ${record.changeCount} changes.`));
  }
  if (failures.length > 0 && pending.length === 0) return 2;
  if (dryRun && conflicts.length > 0 && !prefer) return EXIT_CONFLICTS;
  return skipped.length > 0 ? EXIT_SKIPPED : 0;
}
