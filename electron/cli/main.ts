// The command line: `npm run cli -- <command>` (and later the packaged app's command line).
//   inspect FILE [--json]                                  read a workbook, touch no database
//   import FILE... [--db PATH] [--dry-run] [--json]        preview or apply returns
//   export --year Y [--department D] [--plan ID] [--db PATH] --out FILE [--force]
//   status --year Y [--department D] [--plan ID] [--db PATH] [--json]
// Options are parsed strictly (args.ts: one table of commands → options); errors are one clear
// line on stderr (Chinese / English), never a stack trace. Exit codes: args.ts EXIT (README).
// An applied import first takes the same 'before-import' backup as the window (services.imports).
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DeskError } from '../../shared/errors';
import type { Params } from '../../shared/i18n/engine';
import { bilingual, render } from '../../shared/i18n/engine';
import type { Lang } from '../../shared/i18n/lang';
import { statusLabel } from '../../shared/i18n/messages';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';
import { displayName } from '../../shared/domain/plan';
import type { Plan } from '../../shared/domain/plan';
import { BACKUP_FOLDER_NAME } from '../backup/backups';
import { createServices, readSettings } from '../services/create-services';
import type { Services } from '../services/create-services';
import { checkExportTarget } from '../services/export-target';
import type { CliTextKey } from './cli-texts';
import { CLI_TEXTS } from './cli-texts';
import { inspectFile } from './inspect';
import type { OptionValues } from './args';
import { COMMANDS, EXIT, UsageError, flag, langOption, parseCommandLine, requireChoice, stringOption, todayOption, yearOption } from './args';
import { CliError, cliDatabasePath } from './db-option';

const USAGE = `指标填报台 命令行 / Indicator Desk command line

  inspect FILE [--json]                                   读取并解析工作簿，不改动数据库 / read a workbook, no database
  import FILE... [--db PATH] [--dry-run] [--json]         预览（--dry-run）或导入填报表 / preview or apply returns
  export --year Y [--department D] [--db PATH] --out FILE [--force]
                                                          导出标准模板 / export the standard template
  status --year Y [--department D] [--db PATH] [--json]   各指标状态 / statuses as the grid shows them

  --db PATH   数据库文件（默认：用户数据文件夹，或环境变量 INDICATOR_DESK_DB）；
              指定的文件不存在时只有 import 会新建 / only import creates a missing --db file
  --plan ID   export/status 的规划（默认内置规划）/ the plan for export/status (default: the embedded one)
  --lang zh|en  输出语言 / output language (default: zh)
  --today YYYY-MM-DD  以该日期计算状态 / compute statuses as of that date
  --force     export 覆盖已存在的文件（数据库文件除外）/ export replaces an existing file (never a database)

退出码 / exit codes: 0 全部完成 all done; 1 部分完成 partly done; 2 未做任何事 nothing done; 3 因冲突停止 stopped for conflicts`;

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };


function checkReadable(path: string): void {
  if (!existsSync(path)) throw new DeskError(bilingual(CLI_TEXTS, 'cli.no-such-file', { path }));
  if (!statSync(path).isFile()) throw new DeskError(bilingual(CLI_TEXTS, 'cli.not-a-file', { path }));
}

/**
 * `writes`: the command writes, so it may create an explicit --db that does not exist (db-option.ts).
 * `withImportBackups`: take the 'before-import' backup in the data folder's backups/, as the window does.
 */
function openServices(values: OptionValues, out: Out, writes: boolean, withImportBackups = false): Services {
  const dbPath = cliDatabasePath(values, writes, out.stderr);
  const importBackups = withImportBackups ? { folder: join(dirname(dbPath), BACKUP_FOLDER_NAME) } : undefined;
  return createServices({ dbPath, mode: 'desktop', now: () => todayOption(values), importBackups });
}

/** --plan (default: the embedded plan) must be a plan in the database. */
function checkedPlan(values: OptionValues, services: Services): Plan {
  const id = stringOption(values, 'plan') ?? SEED_PLAN.id;
  requireChoice('--plan', id, services.store.plans.listPlans().map((p) => p.id));
  return services.store.plans.getPlan(id);
}

/** --year must be one of the plan's years; --department one of the plan's departments. */
function checkedView(values: OptionValues, services: Services, plan: Plan): { year: number; department: string | null } {
  const year = requireChoice('--year', yearOption(values, true) as number, plan.years);
  const department = stringOption(values, 'department');
  if (department !== null) requireChoice('--department', department, services.store.plans.listDepartments());
  return { year, department };
}

const STATUS_MARK: Record<string, string> = { met: '✓', missed: '✗', near: '≈', 'no-target': '/', 'not-reported': '?', pending: '·' };

export async function runCli(argv: string[], out: Out): Promise<number> {
  let values: OptionValues;
  let command: string | null;
  let rest: string[];
  let lang: Lang;
  try {
    ({ command, positionals: rest, values } = parseCommandLine(argv));
    lang = langOption(values);
    if (values.today !== undefined) todayOption(values);
  } catch (e) {
    out.stderr(e instanceof Error ? e.message : String(e));
    return EXIT.nothingDone;
  }
  const say = (key: CliTextKey, params: Params = {}): string => render(CLI_TEXTS, lang, key, params);
  try {
    if (command === null || command === 'help') {
      out.stdout(USAGE);
      return command === null && !flag(values, 'help') ? EXIT.nothingDone : EXIT.ok;
    }
    if (flag(values, 'help')) {
      out.stdout(`用法 / usage: ${COMMANDS[command]?.usage ?? command}\n\n${USAGE}`);
      return EXIT.ok;
    }
    switch (command) {
      case 'inspect': {
        const file = rest[0] as string;
        checkReadable(file);
        const result = await inspectFile(file, SEED_PLAN, todayOption(values), lang);
        if (flag(values, 'json')) out.stdout(JSON.stringify(result));
        else {
          out.stdout(say('cli.inspect-summary', { file: result.file, format: result.format, kind: say(result.kind === 'plan' ? 'cli.kind-plan' : 'cli.kind-return'), department: result.department ?? '—', years: result.years.join(', ') }));
          for (const row of result.rows) {
            const cells = Object.entries(row.values)
              .map(([y, v]) => `${y}:${v.actual ?? '—'}${STATUS_MARK[v.status] ?? ''}`)
              .join('  ');
            out.stdout(`  ${(row.code ?? '?').padStart(3)} ${row.indicatorId ? '' : say('cli.unmatched-mark')}${row.name}  ${cells}`);
          }
          for (const i of result.issues) out.stdout(`  ${say(i.severity === 'error' ? 'cli.severity-error' : 'cli.severity-warning')} ${i.sheet}!${i.cell}: ${i.message}`);
        }
        return EXIT.ok;
      }
      case 'import': {
        rest.forEach(checkReadable);
        const dryRun = flag(values, 'dry-run');
        // A dry run writes nothing, so it never creates a database either.
        const services = openServices(values, out, !dryRun, true);
        try {
          // The window's import path (services.imports): preview, then the before-import backup
          // and one transaction — so a CLI import can be undone from a backup just the same.
          const files = rest.map((f) => ({ name: basename(f), bytes: new Uint8Array(readFileSync(f)) }));
          const { pending, failures } = await services.imports.preview(SEED_PLAN.id, files, (done, total, name) => {
            if (done < total) out.stderr(say('cli.reading', { index: done + 1, total, name }));
          });
          const settings = readSettings(services.store);
          const record = !dryRun && pending.length > 0 ? await services.imports.apply(SEED_PLAN.id, pending, settings.clerkName || 'cli') : null;
          if (flag(values, 'json')) {
            out.stdout(JSON.stringify({ dryRun, previews: pending.map((p) => p.preview), failures: failures.map((f) => ({ fileName: f.fileName, message: f.message[lang] })), import: record }));
          } else {
            for (const p of pending) {
              const v = p.preview;
              out.stdout(`${v.fileName}: ${say('cli.preview-summary', { changes: v.changes.length, unchanged: v.unchanged, targetDiffs: v.targetDiffs.length, unmatched: v.unmatched.length, issues: v.issues.length })}`);
              for (const c of v.changes) out.stdout(`  ${c.cell}  ${c.code} ${c.name} ${c.year} ${say(c.field === 'note' ? 'cli.field-note' : 'cli.field-actual')}: ${c.oldValue ?? '—'} → ${c.newValue ?? '—'}`);
              for (const d of v.targetDiffs) out.stdout(`  ${d.cell}  ${say('cli.target-differs', { code: d.code, year: d.year, planTarget: d.planTarget ?? '—', fileTarget: d.fileTarget ?? '—' })}`);
              for (const u of v.unmatched) out.stdout(`  ${u.sheet}!${u.row}  ${say('cli.unmatched-row')}: ${u.code ?? ''} ${u.name}`);
              for (const i of v.issues) out.stdout(`  ${i.sheet}!${i.cell}  ${i.message[lang]}`);
            }
            if (dryRun) out.stdout(say('cli.dry-run-done'));
            else if (record) out.stdout(say('cli.imported', { id: record.importId, count: record.changeCount }));
          }
          // The failures of a batch go to stderr in both output modes (JSON also carries them).
          for (const f of failures) out.stderr(`${f.fileName}: ${say('cli.unreadable')} — ${f.message[lang]}`);
          if (failures.length === 0) return EXIT.ok;
          return pending.length > 0 ? EXIT.partial : EXIT.nothingDone;
        } finally {
          services.close();
        }
      }
      case 'export': {
        const outFile = stringOption(values, 'out');
        if (!outFile) throw new UsageError('需要 --out 指定输出文件 / --out FILE is required');
        yearOption(values, true);
        const services = openServices(values, out, false);
        try {
          const plan = checkedPlan(values, services);
          const view = checkedView(values, services, plan);
          checkExportTarget(outFile, { dbPath: services.dbPath, overwrite: flag(values, 'force') });
          const result = await services.handlers.exportWorkbook({ planId: plan.id, ...view });
          writeFileSync(outFile, Buffer.from(result.base64, 'base64'));
          out.stdout(say('cli.exported', { path: outFile }));
          return EXIT.ok;
        } finally {
          services.close();
        }
      }
      case 'status': {
        yearOption(values, true);
        const services = openServices(values, out, false);
        try {
          const plan = checkedPlan(values, services);
          const { year, department } = checkedView(values, services, plan);
          const grid = await services.handlers.getGrid({ planId: plan.id, year, department });
          if (flag(values, 'json')) {
            out.stdout(JSON.stringify({ year, department: grid.department, today: grid.today, rows: grid.rows.map((r) => ({ indicatorId: r.indicatorId, code: r.code, name: displayName(r), ...r.cells[String(year)] })) }));
          } else {
            out.stdout(say('cli.status-title', { year, today: grid.today }));
            for (const r of grid.rows) {
              const c = r.cells[String(year)];
              if (!c) continue;
              out.stdout(`  ${r.code.padStart(3)} ${displayName(r)}  ${say('cli.status-line', { target: c.target ?? '—', actual: c.actual ?? '—', status: statusLabel(lang, c.status) })}`);
            }
          }
          return EXIT.ok;
        } finally {
          services.close();
        }
      }
      default:
        throw new UsageError(`未知命令：${command} / unknown command: ${command}\n\n${USAGE}`);
    }
  } catch (e) {
    if (e instanceof UsageError) out.stderr(e.message);
    else if (e instanceof CliError) out.stderr(`${e.zh} / ${e.en}`);
    else if (e instanceof DeskError) out.stderr(`${e.appMessage.zh} / ${e.appMessage.en}`);
    else out.stderr(`出错了 / Error: ${e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)}`);
    return EXIT.nothingDone;
  }
}

// Run when executed directly (tsx electron/cli/main.ts …), not when imported by tests.
const invokedDirectly = process.argv[1] !== undefined && /cli[\\/]main\.(ts|js|cjs|mjs)$/.test(process.argv[1]);
if (invokedDirectly) {
  runCli(process.argv.slice(2), { stdout: (s) => process.stdout.write(`${s}\n`), stderr: (s) => process.stderr.write(`${s}\n`) }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`出错了 / Error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = EXIT.nothingDone;
    },
  );
}
