// The annotated reply (issue 13 part 5; docs/ARCHITECTURE.md §Reporting cycle): for an imported return
// with problems, a copy of the sender's own workbook with each problem cell marked, a 问题清单
// sheet, and an .eml reply draft carrying it. Steps:
//   1. read and preview the file exactly as an import would (nothing is written);
//   2. refuse a file no import holds (matched by sha256), so a reply always answers a real return;
//   3. gather its problems (reply-problems.ts) — none: refused, there is nothing to send back;
//   4. annotate a copy (workbook/reply/annotate-workbook.ts; an .xls comes back as .xlsx);
//   5. word the mail (draft-texts.ts) and build the draft with the one MIME writer (mail/eml.ts).
import type { Plan } from '../../shared/domain/plan';
import type { Lang } from '../../shared/i18n/lang';
import { render } from '../../shared/i18n/engine';
import type { Params } from '../../shared/i18n/engine';
import { buildPlainEml } from '../mail/eml';
import { safeFileName } from '../mail/file-names';
import type { Store } from '../store/store';
import type { ReplyProblem } from '../workbook/reply/problem-style';
import { PROBLEM_STYLE } from '../workbook/reply/problem-style';
import { inProcessJobs } from '../workbook/jobs/jobs';
import type { ReadWorkbookJob } from './import-service';
import { previewFile, sha256 } from './import-service';
import type { DraftTextKey } from './draft-texts';
import { DRAFT_TEXTS, draftFail } from './draft-texts';
import { returnProblems } from './reply-problems';

export interface ReplyOptions {
  today: Date;
  /** The mail's language (the clerk's); the comments in the workbook are Chinese. */
  lang?: Lang;
  clerkName?: string;
  clerkPhone?: string;
  /** department → email address (settings); the reply is addressed to the return's department. */
  contacts?: Readonly<Record<string, string>>;
  aliases?: Readonly<Record<string, string>>;
  read?: ReadWorkbookJob;
}

export interface AnnotatedReply {
  problems: ReplyProblem[];
  department: string | null;
  /** The annotated copy (.xlsx) and its proposed name ("<stem>_批注回复.xlsx"). */
  workbookName: string;
  workbook: Uint8Array;
  /** The .eml draft (ASCII text) and its proposed name. */
  emlName: string;
  eml: string;
  /** True when the reply had to be rebuilt as a new .xlsx (a legacy .xls, or unloadable by ExcelJS). */
  rebuilt: boolean;
}

/** The import that holds a file with these bytes, or null (undone imports count: the file was received). */
export function importHolding(store: Store, sha: string): { importId: number; department: string | null } | null {
  for (const record of store.imports.list(1_000_000)) {
    const file = record.files.find((f) => f.sha256 === sha);
    if (file) return { importId: record.importId, department: file.department ?? null };
  }
  return null;
}

const MAX_LISTED = 30;

/**
 * Draft the annotated reply for one received file. Throws (bilingual, nothing written):
 * UnreadableWorkbookError for a file that cannot be read; ApiFailure "reply.not-imported" for a
 * file no import holds; "reply.no-problems" when there is nothing to send back.
 */
export async function draftAnnotatedReply(store: Store, plan: Plan, file: { name: string; bytes: Uint8Array }, options: ReplyOptions): Promise<AnnotatedReply> {
  const read = options.read ?? inProcessJobs.readAndInterpret;
  const item = await previewFile(store, plan, file.name, file.bytes, null, options.aliases ?? {}, read);
  const held = importHolding(store, sha256(file.bytes));
  if (!held) draftFail('refused', 'reply.not-imported', { file: file.name });
  const department = item.preview.department ?? held.department;
  const problems = returnProblems(store, plan, item, options.today);
  if (problems.length === 0) draftFail('refused', 'reply.no-problems', { file: file.name });

  const { annotateWorkbook } = await import('../workbook/reply/annotate-workbook');
  const annotated = await annotateWorkbook(file.bytes, file.name, item.preview.format, problems);
  const stem = file.name.replace(/\.(xlsx|xls)$/i, '');
  const workbookName = safeFileName(`${stem}_批注回复.xlsx`);
  const lang = options.lang ?? 'zh';
  const t = (key: DraftTextKey, params: Params = {}): string => render(DRAFT_TEXTS, lang, key, params);
  const year = item.book.reportingYear ?? Math.max(...item.book.years, plan.years[0] ?? 0);
  const lines = [
    t('reply.greeting'),
    '',
    t('reply.found', { file: file.name, count: problems.length, reply: workbookName }),
    ...problems.slice(0, MAX_LISTED).map((p, i) => `  ${i + 1}. ${p.sheet ? `${p.sheet}!` : ''}${p.cell || '—'} 【${PROBLEM_STYLE[p.kind].label}】${p.text}`),
    ...(problems.length > MAX_LISTED ? [`  ${t('reply.more', { count: problems.length - MAX_LISTED })}`] : []),
    '',
    t('reply.ask'),
    ...(annotated.rebuilt ? ['', t(item.preview.format === 'xls' ? 'reply.legacy' : 'reply.rebuilt')] : []),
    '',
    ...(options.clerkName ? [t('reply.clerk', { name: options.clerkName, phone: options.clerkPhone ? ` ${options.clerkPhone}` : '' })] : []),
    t('reply.signature'),
  ];
  const eml = buildPlainEml({
    to: department ? (options.contacts?.[department] ?? '') : '',
    subject: t('reply.subject', { department: department ?? '', plan: plan.shortName, year }),
    body: lines.join('\r\n') + '\r\n',
    attachmentName: workbookName,
    attachment: annotated.bytes,
    date: options.today,
  });
  return { problems, department, workbookName, workbook: annotated.bytes, emlName: workbookName.replace(/\.xlsx$/, '.eml'), eml, rebuilt: annotated.rebuilt };
}
