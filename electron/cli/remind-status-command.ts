// The reporting cycle's commands besides `reply` (reply-command.ts):
//   status --year Y --by-department [--json]   报送情况: one line (or JSON row) per department;
//   remind --year Y --out DIR                  one .eml reminder per department that has not submitted.
// Exit codes (args.ts EXIT): 0 done; 1 partly done (remind: departments without an address are
// listed on stderr and get no draft); 2 nothing done (bad options).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Params } from '../../shared/i18n/engine';
import { formatDateTime, render } from '../../shared/i18n/engine';
import type { Lang } from '../../shared/i18n/lang';
import type { Plan } from '../../shared/domain/plan';
import type { Services } from '../services/create-services';
import { readSettings } from '../services/create-services';
import { readDepartmentContacts } from '../services/department-contacts';
import { buildReportingOverview } from '../services/reporting-overview';
import { draftReminders } from '../services/reminders';
import type { DraftTextKey } from '../services/draft-texts';
import { DRAFT_TEXTS } from '../services/draft-texts';
import { freeFileName } from '../mail/write-draft';
import type { ExitCode } from './args';
import { EXIT } from './args';

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };

/** `status --by-department`: the overview as text lines or one JSON object (ReportingOverviewSchema). */
export function runStatusByDepartment(services: Services, plan: Plan, year: number, today: Date, json: boolean, out: Out, lang: Lang): ExitCode {
  const say = (key: DraftTextKey, params: Params = {}): string => render(DRAFT_TEXTS, lang, key, params);
  const overview = buildReportingOverview(services.store, plan, year, today);
  if (json) {
    out.stdout(JSON.stringify(overview));
    return EXIT.ok;
  }
  out.stdout(say('overview.title', { year, today: overview.today }));
  for (const r of overview.rows) {
    out.stdout(
      `  ${say('overview.line', {
        department: r.department,
        state: say(`state.${r.state}`),
        deadline: r.deadline,
        overdue: r.overdue ? say('overview.overdue', { days: r.daysOverdue }) : r.lateDays > 0 ? say('overview.late', { days: r.lateDays }) : '',
        filled: r.filled,
        due: r.due,
        misses: r.missesWithoutNote,
        last: r.lastImport ? `${r.lastImport.fileName} ${formatDateTime(lang, r.lastImport.at)}` : say('overview.no-import'),
      })}`,
    );
  }
  return EXIT.ok;
}

/** `remind`: drafts into `outDir`; a department without an address is named on stderr (exit 1). */
export async function runRemindCommand(services: Services, plan: Plan, year: number, today: Date, outDir: string, out: Out, lang: Lang): Promise<ExitCode> {
  const say = (key: DraftTextKey, params: Params = {}): string => render(DRAFT_TEXTS, lang, key, params);
  const settings = readSettings(services.store);
  const outcome = await draftReminders(services.store, plan, year, {
    today,
    lang,
    contacts: readDepartmentContacts(services.store),
    clerkName: settings.clerkName,
    clerkPhone: settings.clerkPhone,
    template: async (department) => {
      const r = await services.handlers.exportWorkbook({ planId: plan.id, year, department });
      return { fileName: r.fileName, bytes: new Uint8Array(Buffer.from(r.base64, 'base64')) };
    },
  });
  if (outcome.drafts.length > 0) mkdirSync(outDir, { recursive: true });
  for (const d of outcome.drafts) {
    const path = join(outDir, freeFileName(outDir, d.fileName));
    writeFileSync(path, d.eml, { encoding: 'ascii', flag: 'wx' });
    out.stdout(say('remind.written', { path }));
  }
  for (const department of outcome.withoutAddress) {
    const m = { department };
    out.stderr(`${render(DRAFT_TEXTS, 'zh', 'remind.no-address', m)} / ${render(DRAFT_TEXTS, 'en', 'remind.no-address', m)}`);
  }
  if (outcome.drafts.length === 0 && outcome.withoutAddress.length === 0) out.stdout(say('remind.none', { year }));
  return outcome.withoutAddress.length > 0 ? EXIT.partial : EXIT.ok;
}
