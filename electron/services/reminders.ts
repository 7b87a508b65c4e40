// Reminders (issue 13 part 4; docs/ARCHITECTURE.md §Reporting cycle): for every department that has
// not submitted a reporting year, an .eml draft to its address (department contacts, settings) with
// its own template attached — the standard export, pre-filled with what is known — the list of what
// is missing (due cells empty, misses without a note) and the deadline.
import type { Plan } from '../../shared/domain/plan';
import { displayName } from '../../shared/domain/plan';
import type { Params } from '../../shared/i18n/engine';
import { render } from '../../shared/i18n/engine';
import type { Lang } from '../../shared/i18n/lang';
import { DONE_STATES, isDueEmpty, isMissWithoutNote } from '../../shared/domain/reporting-overview';
import { buildPlainEml } from '../mail/eml';
import { safeFileName } from '../mail/file-names';
import type { Store } from '../store/store';
import type { DraftTextKey } from './draft-texts';
import { DRAFT_TEXTS } from './draft-texts';
import { buildReportingOverview, departmentCells } from './reporting-overview';

export interface ReminderDraft {
  department: string;
  to: string;
  /** Proposed .eml file name. */
  fileName: string;
  eml: string;
  /** The attached template's name, and how many items the body lists as missing. */
  attachmentName: string;
  missing: number;
}

export interface RemindersOutcome {
  drafts: ReminderDraft[];
  /** Departments owing a return that have no address: no draft was made for them. */
  withoutAddress: string[];
}

export interface ReminderOptions {
  today: Date;
  lang?: Lang;
  contacts: Readonly<Record<string, string>>;
  /** The department's template (the standard export for the year, pre-filled). */
  template: (department: string) => Promise<{ fileName: string; bytes: Uint8Array }>;
  clerkName?: string;
  clerkPhone?: string;
}

/** Drafts for every department that has not submitted `year` (overview state not submitted/locked). */
export async function draftReminders(store: Store, plan: Plan, year: number, options: ReminderOptions): Promise<RemindersOutcome> {
  const lang = options.lang ?? 'zh';
  const t = (key: DraftTextKey, params: Params = {}): string => render(DRAFT_TEXTS, lang, key, params);
  const overview = buildReportingOverview(store, plan, year, options.today);
  const byId = new Map(plan.indicators.map((i) => [i.id, i]));
  const drafts: ReminderDraft[] = [];
  const withoutAddress: string[] = [];
  for (const row of overview.rows) {
    if (DONE_STATES.includes(row.state)) continue;
    const to = options.contacts[row.department];
    if (!to) {
      withoutAddress.push(row.department);
      continue;
    }
    const missing: string[] = [];
    for (const c of departmentCells(store, plan, year, row.department, options.today)) {
      const name = displayName(byId.get(c.indicatorId) ?? { name: c.indicatorId, unit: '' });
      if (isDueEmpty(c)) missing.push(t('remind.due-empty', { code: c.code, name, year }));
      else if (isMissWithoutNote(c)) missing.push(t('remind.miss-no-note', { code: c.code, name, year, actual: c.actual ?? '', target: String(c.target ?? '') }));
    }
    const template = await options.template(row.department);
    const overdue = row.overdue ? t('remind.overdue', { days: row.daysOverdue }) : '';
    const asked = { plan: plan.shortName, year, deadline: row.deadline, overdue, file: template.fileName };
    // A sent-back department did submit: the reminder says when it came back and why, not "not submitted".
    const returned = row.state === 'returned' ? store.reporting.state(plan.id, year, row.department) : null;
    const ask = returned
      ? t('remind.ask-returned', { ...asked, date: returned.at.slice(0, 10), reason: returned.reason ?? '—' })
      : t('remind.ask', asked);
    // What is still missing; a sent-back return with nothing missing says nothing here ("all filled in,
    // please check and submit" would contradict the send-back and its reason, said above).
    const missingLines = missing.length > 0
      ? [t('remind.missing-head', { count: missing.length }), ...missing.map((m, i) => `  ${i + 1}. ${m}`), '']
      : returned ? [] : [t('remind.nothing-missing'), ''];
    const close = returned ? (row.overdue ? 'remind.close-returned-overdue' : 'remind.close-returned') : row.overdue ? 'remind.close-overdue' : 'remind.close';
    const body = [
      t('remind.greeting'),
      '',
      ask,
      '',
      ...missingLines,
      t(close),
      '',
      ...(options.clerkName ? [t('reply.clerk', { name: options.clerkName, phone: options.clerkPhone ? ` ${options.clerkPhone}` : '' })] : []),
      t('reply.signature'),
    ];
    const eml = buildPlainEml({
      to,
      subject: t('remind.subject', { department: row.department, plan: plan.shortName, year, deadline: row.deadline }),
      body: body.join('\r\n') + '\r\n',
      attachmentName: template.fileName,
      attachment: template.bytes,
      date: options.today,
    });
    drafts.push({ department: row.department, to, fileName: safeFileName(`催报_${row.department}_${year}.eml`), eml, attachmentName: template.fileName, missing: missing.length });
  }
  return { drafts, withoutAddress };
}
