// The command line: `npm run cli -- <command>` (and later the packaged app's command line).
//   inspect FILE [--json] [--plan ID|NAME] [--db PATH]     read a workbook (a database only for --plan/--db)
//   import FILE... [--db PATH] [--plan ID|NAME] [--dry-run] [--json]   preview or apply returns
//          [--department D] [--prefer incoming|current] [--include-other-units]   (import-command.ts)
//   export --year Y [--department D] [--plan ID] [--db PATH] --out FILE [--force]
//   status --year Y [--department D] [--plan ID] [--db PATH] [--json]
//   report --year Y [--plan ID] [--db PATH] --out FILE.pdf|FILE.xlsx [--force]
//   status --year Y --by-department [--json]  /  reply FILE --out DIR  /  remind --year Y --out DIR
//          (the reporting cycle: remind-status-command.ts, reply-command.ts)
//   submit | send-back --reason R | lock | unlock --reason R  --year Y [--department D]   (cycle-command.ts)
//   deadline --year Y [--set YYYY-MM-DD];  miss-note [--set required|optional]
// Options are parsed strictly (args.ts: one table of commands → options); errors are one clear
// line on stderr (Chinese / English), never a stack trace. Exit codes: args.ts EXIT (README).
// An applied import first takes the same 'before-import' backup as the window (services.imports).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Params } from '../../shared/i18n/engine';
import { render } from '../../shared/i18n/engine';
import type { Lang } from '../../shared/i18n/lang';
import { statusLabel } from '../../shared/i18n/messages';
import { SEED_PLAN } from '../../shared/seed/zhu-you-yi-ju';
import { displayName } from '../../shared/domain/plan';
import type { Plan } from '../../shared/domain/plan';
import { BACKUP_FOLDER_NAME } from '../backup/backups';
import { createServices } from '../services/create-services';
import type { Services } from '../services/create-services';
import { checkExportTarget } from '../services/export-target';
import { checkPlanDepartment, departmentsOfPlan } from '../services/plan-departments';
import { builtRendererDir } from '../services/paths';
import type { CliTextKey } from './cli-texts';
import { CLI_TEXTS } from './cli-texts';
import { USAGE } from './cli-usage';
import { checkReadable, runInspectCommand } from './inspect-command';
import { cliErrorLine } from './cli-error-line';
import { runImportCommand } from './import-command';
import { planOption } from './plan-option';
import { runPlanCommand } from './plan-command';
import { runReplyCommand } from './reply-command';
import { runRemindCommand, runStatusByDepartment } from './remind-status-command';
import { runCycleCommand } from './cycle-command';
import type { CliReportPrinter, OpenReportPrinter, ReportPdfRequest } from './report-printer';
import { chromiumCliReportPrinter } from './report-printer';
import type { OptionValues } from './args';
import { COMMANDS, EXIT, UsageError, flag, langOption, parseCommandLine, requireChoice, stringOption, todayOption, yearOption } from './args';
import { cliDatabasePath } from './db-option';

/** The built renderer (the report view is printed from it), found from this module's place. */
const RENDERER_DIR = builtRendererDir(import.meta.url);

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };

/**
 * `writes`: the command writes, so it may create an explicit --db that does not exist (db-option.ts).
 * `withImportBackups`: take the 'before-import' backup in the data folder's backups/, as the window does.
 */
function openServices(values: OptionValues, out: Out, writes: boolean, withImportBackups = false): Services {
  const dbPath = cliDatabasePath(values, writes, out.stderr);
  const importBackups = withImportBackups ? { folder: join(dirname(dbPath), BACKUP_FOLDER_NAME) } : undefined;
  return createServices({ dbPath, mode: 'desktop', now: () => todayOption(values), importBackups });
}

/** --plan (an id or a name; default: the only or embedded plan) must be a plan in the database (plan-option.ts). */
function checkedPlan(values: OptionValues, services: Services): Plan {
  return services.store.plans.getPlan(planOption(values, services.store.plans.listPlans()));
}

/**
 * inspect's plan: the embedded one without touching a database; with --plan or --db, --plan's (or
 * the default plan) from the database, with all its plans (a file of another one gets a --plan hint).
 */
function inspectPlan(values: OptionValues, out: Out): { plan: Plan; plans: Plan[] } {
  if (stringOption(values, 'plan') === null && stringOption(values, 'db') === null) return { plan: SEED_PLAN, plans: [] };
  const services = openServices(values, out, false);
  try {
    return { plan: checkedPlan(values, services), plans: services.store.plans.listPlans().map((p) => services.store.plans.getPlan(p.id)) };
  } finally {
    services.close();
  }
}

/**
 * --year must be one of the plan's years; --department one of the plan's departments
 * (plan-departments.ts): a department of another plan only is refused naming this plan's.
 */
function checkedView(values: OptionValues, services: Services, plan: Plan): { year: number; department: string | null } {
  const year = requireChoice('--year', yearOption(values, true) as number, plan.years);
  const department = stringOption(values, 'department');
  if (department !== null && !services.store.plans.listDepartments().includes(department)) requireChoice('--department', department, departmentsOfPlan(services.store, plan));
  checkPlanDepartment(services.store, plan, department);
  return { year, department };
}

/** What the caller may supply: `reportPrinter` prints `report --out FILE.pdf` (default: an installed Chromium). */
export interface CliOptions {
  reportPrinter?: CliReportPrinter;
}

export async function runCli(argv: string[], out: Out, options: CliOptions = {}): Promise<number> {
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
        // The plan is resolved only after the file is found, so a missing file is reported first.
        const file = rest[0] as string;
        checkReadable(file);
        const { plan, plans } = inspectPlan(values, out);
        return await runInspectCommand(file, plan, values, out, lang, plans);
      }
      case 'import': {
        rest.forEach(checkReadable);
        const dryRun = flag(values, 'dry-run');
        // A dry run writes nothing, so it never creates a database either.
        const services = openServices(values, out, !dryRun, true);
        try {
          const planId = planOption(values, services.store.plans.listPlans());
          return await runImportCommand(values, rest, (f) => new Uint8Array(readFileSync(f)), services, planId, out, lang, () => new Date());
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
          // The return is always an .xlsx workbook: a.csv or a.xls would be a misnamed xlsx file.
          if (!outFile.toLowerCase().endsWith('.xlsx')) throw new UsageError('--out 须是 .xlsx 文件（填报表总是 .xlsx 工作簿）/ --out must name an .xlsx file (the return is always an .xlsx workbook)');
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
          if (flag(values, 'by-department')) return runStatusByDepartment(services, plan, checkedView(values, services, plan).year, todayOption(values), flag(values, 'json'), out, lang);
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
      case 'report': {
        const outFile = stringOption(values, 'out');
        const format = outFile?.toLowerCase().endsWith('.pdf') ? 'pdf' : outFile?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : null;
        if (!outFile || !format) throw new UsageError('需要 --out 指定 .pdf 或 .xlsx 输出文件 / --out FILE.pdf or FILE.xlsx is required');
        yearOption(values, true);
        // The PDF prints the app's own report view: by default an installed Chromium on a server for
        // this run; the packaged app injects Electron's printer instead (report-printer.ts).
        const printer = format === 'pdf' ? (options.reportPrinter ?? chromiumCliReportPrinter(RENDERER_DIR)) : null;
        printer?.check();
        let opened: OpenReportPrinter | null = null;
        const services = createServices({
          dbPath: cliDatabasePath(values, false, out.stderr),
          mode: 'desktop',
          now: () => todayOption(values),
          ...(printer ? { renderReportPdf: (request: ReportPdfRequest) => (opened ? opened.render(request) : Promise.reject(new Error('report printer not open'))) } : {}),
        });
        try {
          const plan = checkedPlan(values, services);
          const { year } = checkedView(values, services, plan);
          checkExportTarget(outFile, { dbPath: services.dbPath, overwrite: flag(values, 'force') });
          if (printer) opened = await printer.open(services.handlers);
          const result = await services.handlers.exportReport({ planId: plan.id, year, format, lang });
          writeFileSync(outFile, Buffer.from(result.base64, 'base64'));
          out.stdout(say('cli.report-written', { path: outFile }));
          return EXIT.ok;
        } finally {
          await opened?.close();
          services.close();
        }
      }
      case 'plan':
        return await runPlanCommand(values, rest, {
          open: (writes) => openServices(values, out, writes),
          read: (f) => new Uint8Array(readFileSync(f)),
          checkReadable,
          out,
          lang,
        });
      case 'reply': {
        const file = rest[0] as string;
        checkReadable(file);
        const outDir = stringOption(values, 'out');
        if (!outDir) throw new UsageError('需要 --out 指定输出文件夹 / --out DIR is required');
        const services = openServices(values, out, false);
        try {
          return await runReplyCommand(file, outDir, services, checkedPlan(values, services), todayOption(values), out, lang);
        } finally {
          services.close();
        }
      }
      case 'remind': {
        const outDir = stringOption(values, 'out');
        if (!outDir) throw new UsageError('需要 --out 指定输出文件夹 / --out DIR is required');
        yearOption(values, true);
        const services = openServices(values, out, false);
        try {
          const plan = checkedPlan(values, services);
          return await runRemindCommand(services, plan, checkedView(values, services, plan).year, todayOption(values), outDir, out, lang);
        } finally {
          services.close();
        }
      }
      case 'submit':
      case 'send-back':
      case 'lock':
      case 'unlock':
      case 'deadline':
      case 'miss-note': {
        if (command !== 'miss-note') yearOption(values, true);
        const services = openServices(values, out, false);
        try {
          return runCycleCommand(command, values, services, out, lang, () => todayOption(values));
        } finally {
          services.close();
        }
      }
      default:
        throw new UsageError(`未知命令：${command} / unknown command: ${command}\n\n${USAGE}`);
    }
  } catch (e) {
    out.stderr(cliErrorLine(e));
    return EXIT.nothingDone;
  }
}

// Run when executed directly from sources (tsx electron/cli/main.ts …), not when imported by tests
// or bundled (the bundle's entry is bin.ts).
const invokedDirectly = process.argv[1] !== undefined && /cli[\\/]main\.(ts|js|cjs|mjs)$/.test(process.argv[1]);
if (invokedDirectly) {
  void import('./run-process').then(({ runCliProcess }) => runCliProcess(process.argv.slice(2)));
}
