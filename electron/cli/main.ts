// The command line: `npm run cli -- <command>` (and later the packaged app's command line).
//   inspect FILE [--json]                                  read a workbook, touch no database
//   import FILE... [--db PATH] [--dry-run] [--json]        preview or apply returns
//   export --year Y [--department D] [--db PATH] --out FILE
//   status --year Y [--department D] [--db PATH] [--json]
//   report --year Y --out FILE.pdf|FILE.xlsx [--db PATH] [--lang en]
// Errors are one clear line on stderr (Chinese / English) and exit code 2; never a stack trace.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { translate } from '../../shared/i18n/messages';
import type { Lang } from '../../shared/i18n/messages';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';
import { displayName } from '../../shared/domain/plan';
import { ApiFailure } from '../../shared/api/result';
import { DatabaseOpenError } from '../store/database';
import { UnreadableWorkbookError } from '../workbook/import/errors';
import { createServices, readSettings } from '../services/create-services';
import type { Services } from '../services/create-services';
import { applyImports, previewFiles } from '../services/import-service';
import { resolveDbPath } from '../services/paths';
import { inspectFile } from './inspect';
import { NO_CHROMIUM_MESSAGE, chromiumReportRenderer, findChromium } from '../report/chromium-pdf';
import { startWebServer } from '../web/server';
import type { ParsedArgs } from './args';
import { UsageError, parseArgs, stringOption, yearOption } from './args';

const USAGE = `指标填报台 命令行 / Indicator Desk command line

  inspect FILE [--json]                                   读取并解析工作簿，不改动数据库 / read a workbook, no database
  import FILE... [--db PATH] [--dry-run] [--json]         预览（--dry-run）或导入填报表 / preview or apply returns
  export --year Y [--department D] [--db PATH] --out FILE 导出标准模板 / export the standard template
  status --year Y [--department D] [--db PATH] [--json]   各指标状态 / statuses as the grid shows them
  report --year Y --out FILE.pdf|FILE.xlsx [--db PATH]    领导报告：PDF 或汇总工作簿 / leadership report: PDF or consolidated workbook

  --db PATH   数据库文件（默认：用户数据文件夹，或环境变量 INDICATOR_DESK_DB）
  --lang en   英文输出 / English output (default: zh)
  --today YYYY-MM-DD  以该日期计算状态 / compute statuses as of that date`;

/** The built renderer (the report view is printed from it): dist/renderer beside dist/electron. */
const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };

class CliError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

function todayOf(args: ParsedArgs): Date {
  const t = stringOption(args, 'today');
  if (!t) return new Date();
  const d = new Date(`${t}T12:00:00`);
  if (Number.isNaN(d.getTime())) throw new UsageError(`bad --today ${t} / 日期格式应为 YYYY-MM-DD`);
  return d;
}

function langOf(args: ParsedArgs): Lang {
  return stringOption(args, 'lang') === 'en' ? 'en' : 'zh';
}

function checkReadable(path: string): void {
  if (!existsSync(path)) throw new CliError(`找不到文件：${path}`, `no such file: ${path}`);
  if (!statSync(path).isFile()) throw new CliError(`不是文件：${path}`, `not a file: ${path}`);
}

function openServices(args: ParsedArgs, now: () => Date): Services {
  return createServices({ dbPath: resolveDbPath(stringOption(args, 'db')), mode: 'desktop', now });
}

const STATUS_MARK: Record<string, string> = { met: '✓', missed: '✗', near: '≈', 'no-target': '/', 'not-reported': '?', pending: '·' };

export async function runCli(argv: string[], out: Out): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    out.stderr(e instanceof Error ? e.message : String(e));
    return 2;
  }
  const [command, ...rest] = args.positional;
  const lang = langOf(args);
  const say = (zh: string, en: string) => (lang === 'en' ? en : zh);
  try {
    switch (command) {
      case 'inspect': {
        const file = rest[0];
        if (!file || rest.length > 1) throw new UsageError('usage: inspect FILE [--json]');
        checkReadable(file);
        const result = await inspectFile(file, SEED_PLAN, todayOf(args), lang);
        if (args.options.has('json')) out.stdout(JSON.stringify(result));
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
        return 0;
      }
      case 'import': {
        if (rest.length === 0) throw new UsageError('usage: import FILE... [--db PATH] [--dry-run] [--json]');
        rest.forEach(checkReadable);
        const now = () => todayOf(args);
        const services = openServices(args, now);
        try {
          const plan = services.store.plans.getPlan(SEED_PLAN.id);
          const files = rest.map((f) => ({ name: basename(f), bytes: new Uint8Array(readFileSync(f)) }));
          const { pending, failures } = await previewFiles(services.store, plan, files, (done, total, name) => {
            if (done < total) out.stderr(`[${done + 1}/${total}] ${say('读取', 'reading')} ${name}`);
          });
          const dryRun = args.options.has('dry-run');
          const settings = readSettings(services.store);
          const record = !dryRun && pending.length > 0 ? applyImports(services.store, plan, pending, { who: settings.clerkName || 'cli', at: new Date().toISOString() }) : null;
          if (args.options.has('json')) {
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
            for (const f of failures) out.stdout(`${f.fileName}: ${say('无法读取', 'unreadable')} — ${f.message[lang]}`);
            if (dryRun) out.stdout(say('预览完毕，未写入数据库（去掉 --dry-run 即导入）。', 'Preview only; nothing written (drop --dry-run to apply).'));
            else if (record) out.stdout(say(`已导入：第 ${record.importId} 次导入，共 ${record.changeCount} 处修改。`, `Imported: import #${record.importId}, ${record.changeCount} changes.`));
          }
          return failures.length > 0 && pending.length === 0 ? 2 : 0;
        } finally {
          services.close();
        }
      }
      case 'export': {
        const year = yearOption(args, true) as number;
        const outFile = stringOption(args, 'out');
        if (!outFile) throw new UsageError('--out FILE is required / 需要 --out 指定输出文件');
        const services = openServices(args, () => todayOf(args));
        try {
          const result = await services.handlers.exportWorkbook({ planId: SEED_PLAN.id, year, department: stringOption(args, 'department') });
          writeFileSync(outFile, Buffer.from(result.base64, 'base64'));
          out.stdout(say(`已导出：${outFile}`, `Exported: ${outFile}`));
          return 0;
        } finally {
          services.close();
        }
      }
      case 'status': {
        const year = yearOption(args, true) as number;
        const services = openServices(args, () => todayOf(args));
        try {
          const grid = await services.handlers.getGrid({ planId: SEED_PLAN.id, year, department: stringOption(args, 'department') });
          if (args.options.has('json')) {
            out.stdout(JSON.stringify({ year, department: grid.department, today: grid.today, rows: grid.rows.map((r) => ({ indicatorId: r.indicatorId, code: r.code, name: displayName(r), ...r.cells[String(year)] })) }));
          } else {
            out.stdout(say(`${year} 年度指标状态（截至 ${grid.today}）`, `Indicator status for ${year} (as of ${grid.today})`));
            for (const r of grid.rows) {
              const c = r.cells[String(year)];
              if (!c) continue;
              out.stdout(`  ${r.code.padStart(3)} ${displayName(r)}  ${say('目标', 'target')} ${c.target ?? '—'}  ${say('实际', 'actual')} ${c.actual ?? '—'}  ${translate(lang, `status.${c.status}`)}`);
            }
          }
          return 0;
        } finally {
          services.close();
        }
      }
      case 'report': {
        const year = yearOption(args, true) as number;
        const outFile = stringOption(args, 'out');
        const format = outFile?.toLowerCase().endsWith('.pdf') ? 'pdf' : outFile?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : null;
        if (!outFile || !format) throw new UsageError('--out FILE.pdf or FILE.xlsx is required / 需要 --out 指定 .pdf 或 .xlsx 输出文件');
        const chromiumPath = format === 'pdf' ? findChromium() : null;
        if (format === 'pdf' && !chromiumPath) throw new CliError(NO_CHROMIUM_MESSAGE.zh, NO_CHROMIUM_MESSAGE.en);
        if (format === 'pdf' && !existsSync(join(RENDERER_DIR, 'index.html'))) {
          throw new CliError(`找不到界面文件 ${RENDERER_DIR}（请先运行 npm run build:renderer）`, `the UI files are missing at ${RENDERER_DIR} (run npm run build:renderer first)`);
        }
        // The PDF prints the app's own report view, served for this run on 127.0.0.1.
        let serverUrl = '';
        const services = createServices({
          dbPath: resolveDbPath(stringOption(args, 'db')),
          mode: 'desktop',
          now: () => todayOf(args),
          ...(chromiumPath ? { renderReportPdf: chromiumReportRenderer(() => serverUrl, chromiumPath) } : {}),
        });
        const server = format === 'pdf' ? await startWebServer({ handlers: services.handlers, staticDir: RENDERER_DIR, port: 0 }) : null;
        serverUrl = server?.url ?? '';
        try {
          const result = await services.handlers.exportReport({ planId: SEED_PLAN.id, year, format, lang });
          writeFileSync(outFile, Buffer.from(result.base64, 'base64'));
          out.stdout(say(`已导出报告：${outFile}`, `Report written: ${outFile}`));
          return 0;
        } finally {
          await server?.close();
          services.close();
        }
      }
      case undefined:
      case 'help':
      case '--help':
        out.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command: ${command} / 未知命令：${command}\n\n${USAGE}`);
    }
  } catch (e) {
    if (e instanceof UsageError) out.stderr(e.message);
    else if (e instanceof CliError) out.stderr(`${e.zh} / ${e.en}`);
    else if (e instanceof UnreadableWorkbookError || e instanceof DatabaseOpenError) out.stderr(`${e.appMessage.zh} / ${e.appMessage.en}`);
    else if (e instanceof ApiFailure) out.stderr(`${e.appMessage.zh} / ${e.appMessage.en}`);
    else out.stderr(`出错了 / Error: ${e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)}`);
    return 2;
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
      process.exitCode = 2;
    },
  );
}
