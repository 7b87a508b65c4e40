// The command line: `npm run cli -- <command>` (and later the packaged app's command line).
//   inspect FILE [--json]                                  read a workbook, touch no database
//   import FILE... [--db PATH] [--dry-run] [--json]        preview or apply returns
//   export --year Y [--department D] [--db PATH] --out FILE
//   status --year Y [--department D] [--db PATH] [--json]
// Errors are one clear line on stderr (Chinese / English) and exit code 2; never a stack trace.
// An applied import first takes the same 'before-import' backup as the window (services.imports).
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DeskError } from '../../shared/errors';
import type { Params } from '../../shared/i18n/engine';
import { bilingual, render } from '../../shared/i18n/engine';
import type { Lang } from '../../shared/i18n/lang';
import { statusLabel } from '../../shared/i18n/messages';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';
import { displayName } from '../../shared/domain/plan';
import { BACKUP_FOLDER_NAME } from '../backup/backups';
import { createServices } from '../services/create-services';
import type { Services } from '../services/create-services';
import { resolveDbPath } from '../services/paths';
import type { CliTextKey } from './cli-texts';
import { CLI_TEXTS } from './cli-texts';
import { inspectFile } from './inspect';
import { runImportCommand } from './import-command';
import type { ParsedArgs } from './args';
import { UsageError, parseArgs, stringOption, yearOption } from './args';

const USAGE = `指标填报台 命令行 / Indicator Desk command line

  inspect FILE [--json]                                   读取并解析工作簿，不改动数据库 / read a workbook, no database
  import FILE... [--db PATH] [--dry-run] [--json]         预览（--dry-run）或导入填报表 / preview or apply returns
      [--department D]         未写明单位的报表按单位 D 读取 / department for returns that name none
      [--prefer incoming|current]  冲突时采用文件中的值或保留当前值（否则退出码 3）/ settle conflicts (else exit 3)
      [--include-other-units]  一并导入其他单位指标的数值（否则跳过，退出码 1）/ also apply other units' values (else skipped, exit 1)
  export --year Y [--department D] [--db PATH] --out FILE 导出标准模板 / export the standard template
  status --year Y [--department D] [--db PATH] [--json]   各指标状态 / statuses as the grid shows them

  --db PATH   数据库文件（默认：用户数据文件夹，或环境变量 INDICATOR_DESK_DB）
  --lang en   英文输出 / English output (default: zh)
  --today YYYY-MM-DD  以该日期计算状态 / compute statuses as of that date`;

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };


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
  if (!existsSync(path)) throw new DeskError(bilingual(CLI_TEXTS, 'cli.no-such-file', { path }));
  if (!statSync(path).isFile()) throw new DeskError(bilingual(CLI_TEXTS, 'cli.not-a-file', { path }));
}

/** `withImportBackups`: take the 'before-import' backup in the data folder's backups/, as the window does. */
function openServices(args: ParsedArgs, now: () => Date, withImportBackups = false): Services {
  const dbPath = resolveDbPath(stringOption(args, 'db'));
  const importBackups = withImportBackups ? { folder: join(dirname(dbPath), BACKUP_FOLDER_NAME) } : undefined;
  return createServices({ dbPath, mode: 'desktop', now, importBackups });
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
  const say = (key: CliTextKey, params: Params = {}): string => render(CLI_TEXTS, lang, key, params);
  try {
    switch (command) {
      case 'inspect': {
        const file = rest[0];
        if (!file || rest.length > 1) throw new UsageError('usage: inspect FILE [--json]');
        checkReadable(file);
        const result = await inspectFile(file, SEED_PLAN, todayOf(args), lang);
        if (args.options.has('json')) out.stdout(JSON.stringify(result));
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
        return 0;
      }
      case 'import': {
        if (rest.length === 0) throw new UsageError('usage: import FILE... [--department D] [--prefer incoming|current] [--include-other-units] [--db PATH] [--dry-run] [--json]');
        rest.forEach(checkReadable);
        const now = () => todayOf(args);
        const services = openServices(args, now, true);
        try {
          return await runImportCommand(args, rest, (f) => new Uint8Array(readFileSync(f)), services, SEED_PLAN.id, out, lang, () => new Date());
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
          out.stdout(say('cli.exported', { path: outFile }));
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
            out.stdout(say('cli.status-title', { year, today: grid.today }));
            for (const r of grid.rows) {
              const c = r.cells[String(year)];
              if (!c) continue;
              out.stdout(`  ${r.code.padStart(3)} ${displayName(r)}  ${say('cli.status-line', { target: c.target ?? '—', actual: c.actual ?? '—', status: statusLabel(lang, c.status) })}`);
            }
          }
          return 0;
        } finally {
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
    else if (e instanceof DeskError) out.stderr(`${e.appMessage.zh} / ${e.appMessage.en}`);
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
