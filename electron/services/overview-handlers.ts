// The reporting cycle's API handlers (contacts, 报送情况, annotated reply, reminders), kept apart from
// create-services.ts, which spreads them into the one handler map the window, browser mode and
// tests call (docs/ARCHITECTURE.md §Reporting cycle).
import type { ApiHandlers } from '../../shared/api/contract';
import { fail } from '../../shared/api/result';
import type { Lang } from '../../shared/i18n/lang';
import type { Store } from '../store/store';
import { readKeptFile } from './import-archive';
import { readDepartmentContacts, saveDepartmentContacts } from './department-contacts';
import { buildReportingOverview } from './reporting-overview';
import { draftReminders } from './reminders';
import { draftAnnotatedReply } from './reply-service';
import type { ReadWorkbookJob } from './import-service';
import { draftFail } from './draft-texts';

type CycleMethods = 'getDepartmentContacts' | 'saveDepartmentContacts' | 'getReportingOverview' | 'draftImportReply' | 'draftReminders';

export interface CycleDeps {
  store: Store;
  dataFolder: string;
  now: () => Date;
  ctx: () => { who: string; at: string };
  settings: () => { clerkName: string; clerkPhone: string; lang: Lang };
  aliases: () => Readonly<Record<string, string>>;
  read: ReadWorkbookJob;
  /** The department's template for a year, as exportWorkbook makes it. */
  exportWorkbook: ApiHandlers['exportWorkbook'];
}

const base64 = (text: string): string => Buffer.from(text, 'ascii').toString('base64');

export function overviewHandlers(deps: CycleDeps): Pick<ApiHandlers, CycleMethods> {
  const { store } = deps;
  return {
    getDepartmentContacts: () => readDepartmentContacts(store),
    saveDepartmentContacts: (contacts) => saveDepartmentContacts(store, contacts, deps.ctx()),
    getReportingOverview: ({ planId, year }) => buildReportingOverview(store, store.plans.getPlan(planId), year, deps.now()),
    draftImportReply: async ({ planId, importId, sha256 }) => {
      const record = store.imports.get(importId);
      if (!record) fail('not-found', 'import.not-found', { id: importId });
      const file = record.files.find((f) => f.sha256 === sha256);
      if (!file) draftFail('not-found', 'reply.not-in-import', { id: importId, file: sha256.slice(0, 12) });
      const bytes = readKeptFile(deps.dataFolder, file);
      if (!bytes) draftFail('not-found', 'reply.file-missing', { id: importId, file: file.name });
      const s = deps.settings();
      const reply = await draftAnnotatedReply(store, store.plans.getPlan(planId), { name: file.name, bytes }, {
        today: deps.now(), lang: s.lang, clerkName: s.clerkName, clerkPhone: s.clerkPhone, contacts: readDepartmentContacts(store), aliases: deps.aliases(), read: deps.read,
      });
      return { fileName: reply.emlName, base64: base64(reply.eml), problems: reply.problems.length };
    },
    draftReminders: async ({ planId, year }) => {
      const plan = store.plans.getPlan(planId);
      const s = deps.settings();
      const outcome = await draftReminders(store, plan, year, {
        today: deps.now(),
        lang: s.lang,
        contacts: readDepartmentContacts(store),
        clerkName: s.clerkName,
        clerkPhone: s.clerkPhone,
        template: async (department) => {
          const r = await deps.exportWorkbook({ planId, year, department });
          return { fileName: r.fileName, bytes: new Uint8Array(Buffer.from(r.base64, 'base64')) };
        },
      });
      return { drafts: outcome.drafts.map((d) => ({ department: d.department, fileName: d.fileName, base64: base64(d.eml), missing: d.missing })), withoutAddress: outcome.withoutAddress };
    },
  };
}
