// The command line: `npm run cli -- <command>` (and later the packaged app's command line).
//   inspect FILE [--json]                                  read a workbook, touch no database
//   import FILE... [--db PATH] [--dry-run] [--json]        preview or apply returns
//   export --year Y [--department D] [--db PATH] --out FILE [--force]
//   status --year Y [--department D] [--db PATH] [--json]
// Options are parsed strictly (args.ts: one table of commands → options); errors are one clear
// line on stderr (Chinese / English), never a stack trace. Exit codes: args.ts EXIT (README).
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { translate } from '../../shared/i18n/messages';
import type { Lang } from '../../shared/i18n/messages';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';
import { displayName } from '../../shared/domain/plan';
import type { Plan } from '../../shared/domain/plan';
import { ApiFailure } from '../../shared/api/result';
import { DatabaseOpenError } from '../store/database';
import { UnreadableWorkbookError } from '../workbook/import/errors';
import { createServices, readSettings } from '../services/create-services';
import type { Services } from '../services/create-services';
import { ExportTargetError, checkExportTarget } from '../services/export-target';
import { applyImports, previewFiles } from '../services/import-service';
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
  --plan ID   export/status 的规划（默认内置规划）/ the plan for export/status (default: the embedded one)

  --db PATH   数据库文件（默认：用户数据文件夹，或环境变量 INDICATOR_DESK_DB）；
              指定的文件不存在时只有 import 会新建 / only import creates a missing --db file
  --lang zh|en  输出语言 / output language (default: zh)
  --today YYYY-MM-DD  以该日期计算状态 / compute statuses as of that date
  --force     export 覆盖已存在的文件（数据库文件除外）/ export replaces an existing file (never a database)

退出码 / exit codes: 0 全部完成 all done; 1 部分完成 partly done; 2 未做任何事 nothing done; 3 因冲突停止 stopped for conflicts`;

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };

function checkReadable(path: string): void {
  if (!existsSync(path)) throw new CliError(`找不到文件：${path}`, `no such file: ${path}`);
  if (!statSync(path).isFile()) throw new CliError(`不是文件：${path}`, `not a file: ${path}`);
}

function openServices(values: OptionValues, writes: boolean, out: Out): Services {
  const dbPath = cliDatabasePath(values, writes, out.stderr);
  return createServices({ dbPath, mode: 'desktop', now: () => todayOption(values) });
}

/** --plan (default: the embedded plan) must be a plan in the database; its id and plan are returned. */
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
  // Until --lang is known, refusals are bilingual (they always are: one line, both languages).
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
  const say = (zh: string, en: string) => (lang === 'en' ? en : zh);
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
          out.stdout(`${result.file}: ${result.format}, ${result.kind === 'plan' ? say('规划目标表', 'plan (targets only)') : say('填报表', 'return')}, ${say('单位', 'department')} ${result.department ?? '—'}, ${say('年度', 'years')} ${result.years.join(', ')}`);
          for (const row of result.rows) {
            const cells = Object.entries(row.values)
              .map(([y, v]) => `${y}:${v.actual ?? '—'}${STATUS_MARK[v.status] ?? ''}`)
              .join('  ');
            out.stdout(`  ${(row.code ?? '?').padStart(3)} ${row.indicatorId ? '' : say('[未匹配] ', '[unmatched] ')}${row.name}  ${cells}`);
          }
          for (const i of result.issues) out.stdout(`  ${i.severity === 'error' ? say('错误', 'error') : say('提示', 'warning')} ${i.sheet}!${i.cell}: ${i.message}`);
        }
        return EXIT.ok;
      }
      case 'import': {
        rest.forEach(checkReadable);
        const dryRun = flag(values, 'dry-run');
        // A dry run writes nothing, so it never creates a database either.
        const services = openServices(values, !dryRun, out);
        try {
          const plan = services.store.plans.getPlan(SEED_PLAN.id);
          const files = rest.map((f) => ({ name: basename(f), bytes: new Uint8Array(readFileSync(f)) }));
          const { pending, failures } = await previewFiles(services.store, plan, files, (done, total, name) => {
            if (done < total) out.stderr(`[${done + 1}/${total}] ${say('读取', 'reading')} ${name}`);
          });
          const settings = readSettings(services.store);
          const record = !dryRun && pending.length > 0 ? applyImports(services.store, plan, pending, { who: settings.clerkName || 'cli', at: new Date().toISOString() }) : null;
          if (flag(values, 'json')) {
            out.stdout(JSON.stringify({ dryRun, previews: pending.map((p) => p.preview), failures: failures.map((f) => ({ fileName: f.fileName, message: f.message[lang] })), import: record }));
          } else {
            for (const p of pending) {
              const v = p.preview;
              out.stdout(`${v.fileName}: ${say(`${v.changes.length} 处修改，${v.unchanged} 处相同，${v.targetDiffs.length} 处目标与规划不同，${v.unmatched.length} 行未匹配，${v.issues.length} 个问题`, `${v.changes.length} changes, ${v.unchanged} unchanged, ${v.targetDiffs.length} target differences, ${v.unmatched.length} unmatched rows, ${v.issues.length} issues`)}`);
              for (const c of v.changes) out.stdout(`  ${c.cell}  ${c.code} ${c.name} ${c.year} ${c.field === 'note' ? say('说明', 'note') : say('实际值', 'actual')}: ${c.oldValue ?? '—'} → ${c.newValue ?? '—'}`);
              for (const d of v.targetDiffs) out.stdout(`  ${d.cell}  ${say('目标不同（未采用）', 'target differs (not applied)')} ${d.code} ${d.year}: ${say('规划', 'plan')} ${d.planTarget ?? '—'}, ${say('文件', 'file')} ${d.fileTarget ?? '—'}`);
              for (const u of v.unmatched) out.stdout(`  ${u.sheet}!${u.row}  ${say('未匹配的行', 'unmatched row')}: ${u.code ?? ''} ${u.name}`);
              for (const i of v.issues) out.stdout(`  ${i.sheet}!${i.cell}  ${i.message[lang]}`);
            }
            if (dryRun) out.stdout(say('预览完毕，未写入数据库（去掉 --dry-run 即导入）。', 'Preview only; nothing written (drop --dry-run to apply).'));
            else if (record) out.stdout(say(`已导入：第 ${record.importId} 次导入，共 ${record.changeCount} 处修改。`, `Imported: import #${record.importId}, ${record.changeCount} changes.`));
          }
          // The failures of a batch go to stderr in both output modes (JSON also carries them).
          for (const f of failures) out.stderr(`${f.fileName}: ${say('无法读取，未导入', 'unreadable, not imported')} — ${f.message[lang]}`);
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
        const services = openServices(values, false, out);
        try {
          const plan = checkedPlan(values, services);
          const view = checkedView(values, services, plan);
          checkExportTarget(outFile, { dbPath: services.dbPath, overwrite: flag(values, 'force') });
          const result = await services.handlers.exportWorkbook({ planId: plan.id, ...view });
          writeFileSync(outFile, Buffer.from(result.base64, 'base64'));
          out.stdout(say(`已导出：${outFile}`, `Exported: ${outFile}`));
          return EXIT.ok;
        } finally {
          services.close();
        }
      }
      case 'status': {
        yearOption(values, true);
        const services = openServices(values, false, out);
        try {
          const plan = checkedPlan(values, services);
          const { year, department } = checkedView(values, services, plan);
          const grid = await services.handlers.getGrid({ planId: plan.id, year, department });
          if (flag(values, 'json')) {
            out.stdout(JSON.stringify({ year, department: grid.department, today: grid.today, rows: grid.rows.map((r) => ({ indicatorId: r.indicatorId, code: r.code, name: displayName(r), ...r.cells[String(year)] })) }));
          } else {
            out.stdout(say(`${year} 年度指标状态（截至 ${grid.today}）`, `Indicator status for ${year} (as of ${grid.today})`));
            for (const r of grid.rows) {
              const c = r.cells[String(year)];
              if (!c) continue;
              out.stdout(`  ${r.code.padStart(3)} ${displayName(r)}  ${say('目标', 'target')} ${c.target ?? '—'}  ${say('实际', 'actual')} ${c.actual ?? '—'}  ${translate(lang, `status.${c.status}`)}`);
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
    else if (e instanceof UnreadableWorkbookError || e instanceof DatabaseOpenError || e instanceof ExportTargetError) out.stderr(`${e.appMessage.zh} / ${e.appMessage.en}`);
    else if (e instanceof ApiFailure) out.stderr(`${e.appMessage.zh} / ${e.appMessage.en}`);
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
