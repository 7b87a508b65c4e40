// `plan import FILE [--name NAME] [--dry-run] [--revise --reason R] [--as-new] [--json]`,
// `plan list [--json]`, `plan export ID --out FILE [--force]`: plans as data on the command line,
// through the same plan service as the window (services/plan-service.ts; docs/ARCHITECTURE.md
// §Plans as data). Exit codes (args.ts EXIT): 0 done (or said why nothing was needed); 2 nothing
// done (bad table, unknown plan, bad options, or targets that differ from the matching plan with
// neither --revise nor --as-new).
import { basename } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { PlanTablePreview } from '../../shared/api/plan-schemas';
import type { Target } from '../../shared/domain/plan';
import { NO_TARGET } from '../../shared/domain/plan';
import type { Params } from '../../shared/i18n/engine';
import { render } from '../../shared/i18n/engine';
import type { Lang } from '../../shared/i18n/lang';
import type { Services } from '../services/create-services';
import { readSettings } from '../services/create-services';
import { checkExportTarget } from '../services/export-target';
import { createPlanFromDraft, listPlanSummaries, previewPlanTableBytes, reviseFromDraft } from '../services/plan-service';
import { writePlanTable } from '../workbook/plan-table/write-plan-table';
import type { ExitCode, OptionValues } from './args';
import { EXIT, UsageError, flag, stringOption } from './args';
import { openForDryRun } from './plan-dry-run-db';
import type { PlanCliTextKey } from './plan-texts';
import { PLAN_CLI_TEXTS } from './plan-texts';

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };

export interface PlanCommandIo {
  /** Open the services; `writes` lets an explicit --db that does not exist be created. */
  open: (writes: boolean) => Services;
  read: (path: string) => Uint8Array;
  checkReadable: (path: string) => void;
  out: Out;
  lang: Lang;
}

const targetText = (t: Target | null) => (t === null ? '—' : t === NO_TARGET ? '/' : String(t));

/** One CLI error line in both languages, as every other CLI error: `中文 / English`. */
export function bothLanguages(key: PlanCliTextKey, params: Params = {}): string {
  return `${render(PLAN_CLI_TEXTS, 'zh', key, params)} / ${render(PLAN_CLI_TEXTS, 'en', key, params)}`;
}

/** A plan named by id or short name; a bilingual UsageError listing the plans otherwise. */
export function findPlanId(services: Services, plan: string): string {
  const plans = services.store.plans.listPlans();
  const found = plans.find((p) => p.id === plan) ?? plans.find((p) => p.shortName === plan);
  if (!found) throw new UsageError(bothLanguages('plan.unknown', { plan, choices: plans.map((p) => `${p.id} (${p.shortName})`).join(', ') }));
  return found.id;
}

function printPreview(p: PlanTablePreview, say: (k: PlanCliTextKey, params?: Params) => string, out: Out, lang: Lang): void {
  const d = p.draft;
  if (!d) return;
  out.stdout(say('plan.read', { file: p.fileName, sheet: p.sheet ?? '', name: d.shortName || '?', first: d.years[0] ?? '', last: d.years[d.years.length - 1] ?? '', count: d.indicators.length }));
  d.indicators.forEach((ind, i) => {
    const why = p.inferred[i];
    const reasons = why ? [say(`plan.reason.${why.kindReason}`), say(`plan.reason.${why.directionReason}`)].join(lang === 'zh' ? '；' : '; ') : '';
    const targets = d.years.map((y) => `${y}:${targetText(ind.targets[y] ?? null)}`).join('  ');
    out.stdout(say('plan.indicator', { code: ind.code, name: ind.name, unit: ind.unit || '—', kind: say(`plan.kind.${ind.kind}`), direction: say(`plan.direction.${ind.direction}`), reasons, targets }));
    // Lead unit and co-units apart, as the window's preview shows them (PlanTablePreviewRows).
    if (why?.leadFromTable) out.stdout(say('plan.lead', { lead: ind.leadUnit }) + (ind.coUnits.length ? say('plan.co-units', { units: ind.coUnits.join('、') }) : ''));
  });
}

/** Run `plan <sub> …`; returns the exit code. Throws UsageError for bad options. */
export async function runPlanCommand(values: OptionValues, args: string[], io: PlanCommandIo): Promise<ExitCode> {
  const { out, lang } = io;
  const say = (key: PlanCliTextKey, params: Params = {}): string => render(PLAN_CLI_TEXTS, lang, key, params);
  const both = (key: PlanCliTextKey) => bothLanguages(key);
  const [sub, ...rest] = args;
  const json = flag(values, 'json');
  if (sub === 'list' && rest.length === 0) {
    const services = io.open(false);
    try {
      const plans = listPlanSummaries(services.store);
      if (json) out.stdout(JSON.stringify(plans));
      else for (const p of plans) out.stdout(say('plan.list-line', { id: p.id, name: p.shortName, first: p.years[0] ?? '', last: p.years[p.years.length - 1] ?? '', count: p.indicatorCount }));
      return EXIT.ok;
    } finally {
      services.close();
    }
  }
  if (sub === 'export' && rest.length === 1) {
    const outFile = stringOption(values, 'out');
    if (!outFile) throw new UsageError('需要 --out 指定输出文件 / --out FILE is required');
    const services = io.open(false);
    try {
      const plan = services.store.plans.getPlan(findPlanId(services, rest[0] as string));
      checkExportTarget(outFile, { dbPath: services.dbPath, overwrite: flag(values, 'force') });
      // As for `export`: the plan table is always an .xlsx workbook, never a misnamed one.
      if (!outFile.toLowerCase().endsWith('.xlsx')) throw new UsageError('--out 须是 .xlsx 文件（规划表总是 .xlsx 工作簿）/ --out must name an .xlsx file (the plan table is always an .xlsx workbook)');
      writeFileSync(outFile, await writePlanTable(plan));
      out.stdout(say('plan.exported', { path: outFile }));
      return EXIT.ok;
    } finally {
      services.close();
    }
  }
  if (sub !== 'import' || rest.length !== 1) throw new UsageError(both('plan.usage'));
  return importPlan(values, rest[0] as string, io, say, both);
}

async function importPlan(
  values: OptionValues,
  file: string,
  io: PlanCommandIo,
  say: (key: PlanCliTextKey, params?: Params) => string,
  both: (key: PlanCliTextKey) => string,
): Promise<ExitCode> {
  const { out } = io;
  const revise = flag(values, 'revise');
  const asNew = flag(values, 'as-new');
  const reason = stringOption(values, 'reason');
  const dryRun = flag(values, 'dry-run');
  if (revise && asNew) throw new UsageError(both('plan.revise-or-new'));
  if (revise && (reason === null || reason.trim() === '')) throw new UsageError(both('plan.reason-needed'));
  io.checkReadable(file);
  const services = dryRun ? openForDryRun(values, io.open, io.out.stderr) : io.open(true);
  try {
    const preview = await previewPlanTableBytes(services.store, io.read(file), basename(file), stringOption(values, 'name') ?? undefined);
    const json = flag(values, 'json');
    const errors = preview.issues.filter((i) => i.severity === 'error');
    const issueLine = (i: PlanTablePreview['issues'][number]) => `${i.sheet}!${i.cell}: ${i.message.zh} / ${i.message.en}`;
    if (!json) printPreview(preview, say, out, io.lang);
    for (const i of preview.issues) (i.severity === 'error' ? out.stderr : out.stdout)(issueLine(i));
    if (errors.length > 0 || !preview.draft) {
      if (json) out.stdout(JSON.stringify({ preview, created: null }));
      return EXIT.nothingDone;
    }
    const draft = preview.draft;
    const match = preview.match;
    const ctx = { who: readSettings(services.store).clerkName.trim() || 'cli', at: new Date().toISOString(), source: 'plan-import' };
    if (revise) {
      if (!match) {
        out.stderr(bothLanguages('plan.no-match'));
        return EXIT.nothingDone;
      }
      printChanges(preview, say, out, json);
      if (dryRun) return EXIT.ok;
      const changed = reviseFromDraft(services.store, match.planId, draft, reason as string, ctx);
      if (json) out.stdout(JSON.stringify({ revised: match.planId, changed }));
      else out.stdout(say('plan.revised', { name: match.shortName, count: changed, reason: reason as string }));
      return EXIT.ok;
    }
    if (match && !asNew) {
      if (json) out.stdout(JSON.stringify({ preview, created: null, matched: match.planId }));
      else {
        out.stdout(say('plan.same', { name: match.shortName, id: match.planId }));
        printChanges(preview, say, out, false);
      }
      // Differing targets and no choice made: nothing was done, and the clerk is told what to do.
      if (match.targetChanges.length === 0) return EXIT.ok;
      out.stderr(bothLanguages('plan.use-revise'));
      return EXIT.nothingDone;
    }
    if (dryRun) {
      if (json) out.stdout(JSON.stringify({ preview, created: null }));
      else out.stdout(say('plan.dry-run'));
      // As the real run would: a short name that names another plan is refused (exit 2), unless --as-new numbers it.
      const nameInUse = !asNew && preview.issues.some((i) => i.message.key === 'plan.short-name-in-use');
      return nameInUse ? EXIT.nothingDone : EXIT.ok;
    }
    const plan = createPlanFromDraft(services.store, draft, asNew, ctx);
    if (json) out.stdout(JSON.stringify({ preview, created: { id: plan.id, shortName: plan.shortName } }));
    else out.stdout(say('plan.created', { name: plan.shortName, id: plan.id, count: plan.indicators.length }));
    return EXIT.ok;
  } finally {
    services.close();
  }
}

function printChanges(preview: PlanTablePreview, say: (key: PlanCliTextKey, params?: Params) => string, out: Out, json: boolean): void {
  if (json) return;
  const changes = preview.match?.targetChanges ?? [];
  if (changes.length === 0) {
    out.stdout(say('plan.same-targets'));
    return;
  }
  out.stdout(say('plan.differs', { count: changes.length }));
  for (const c of changes) out.stdout(say('plan.change', { code: c.code, name: c.name, year: c.year, from: targetText(c.from), to: targetText(c.to) }));
}
