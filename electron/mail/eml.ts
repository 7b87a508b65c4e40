// Builds an unsent email draft (.eml) carrying an exported workbook: Outlook, Thunderbird, Foxmail
// and the Windows Mail app open it as a new message ready for the clerk to address and send.
// Pure: same input, same bytes (the caller passes the date and boundary for reproducible tests).
import type { KeyOf, Params } from '../../shared/i18n/engine';
import { defineCatalogue, render } from '../../shared/i18n/engine';
import type { Lang } from '../../shared/i18n/lang';
import type { StatusCounts } from './summary';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface EmlDraftInput {
  planName: string;
  department: string | null;
  year: number;
  clerkName: string;
  clerkPhone?: string;
  counts: Pick<StatusCounts, 'met' | 'missed' | 'near' | 'not-reported' | 'no-target' | 'total'>;
  attachmentName: string;
  attachment: Uint8Array;
  lang?: Lang;
  date?: Date;
  /** MIME boundary; must not occur in the content (base64 lines never contain '_', ours do). */
  boundary?: string;
}

const CRLF = '\r\n';

/** Base64 in lines of at most 76 characters (RFC 2045 §6.8). */
export function base64Lines(bytes: Uint8Array): string {
  const b64 = Buffer.from(bytes).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join(CRLF);
}

/**
 * RFC 2047 encoded-words (=?UTF-8?B?…?=), each at most 75 characters, split only between
 * characters so no word carries half a UTF-8 sequence. Returns the words; callers fold them.
 */
export function encodedWords(text: string): string[] {
  const words: string[] = [];
  let chunk = '';
  const flush = (): void => {
    if (chunk) words.push(`=?UTF-8?B?${Buffer.from(chunk, 'utf8').toString('base64')}?=`);
    chunk = '';
  };
  for (const ch of text) {
    // 39 bytes → 52 base64 characters + 12 for the =?UTF-8?B? … ?= wrapper = 64 ≤ 75, which
    // also leaves room for "Subject: " within the recommended 78-character line.
    if (Buffer.byteLength(chunk + ch, 'utf8') > 39) flush();
    chunk += ch;
  }
  flush();
  return words.length > 0 ? words : ['=?UTF-8?B??='];
}

/** A header value: plain ASCII as is, anything else as folded encoded-words. */
function headerText(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : encodedWords(text).join(CRLF + ' ');
}

/** RFC 2231 parameter continuations (filename*0*=UTF-8''…) keeping each header line short. */
function rfc2231Parameter(name: string, value: string): string {
  const encoded = encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const parts: string[] = [];
  let rest = encoded;
  while (rest.length > 0) {
    let cut = Math.min(48, rest.length);
    // Never split a %XX escape.
    const lastPercent = rest.lastIndexOf('%', cut - 1);
    if (lastPercent > cut - 3 && lastPercent >= 0 && cut < rest.length) cut = lastPercent;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return parts.map((part, i) => `${name}*${i}*=${i === 0 ? "UTF-8''" : ''}${part}`).join(';' + CRLF + ' ');
}

function rfc2822Date(date: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${days[date.getUTCDay()]}, ${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/** The draft's words in either language (the clerk's interface language). */
export const MAIL_TEXTS = defineCatalogue(
  'mail',
  {
    'mail.all-departments': '全部单位',
    'mail.subject': '{department}{plan}{year}年度指标填报',
    'mail.greeting': '您好：',
    'mail.attached': '现报送{department}《{plan}》{year}年度指标完成情况，详见附件“{file}”。',
    'mail.counts': '{year}年度共 {total} 项指标：达标 {met} 项，未达标 {missed} 项，接近目标 {near} 项，未填报 {notReported} 项，无目标 {noTarget} 项。',
    'mail.clerk': '填报人：{name}',
    'mail.clerk-unset': '（未填写）',
    'mail.phone': '    联系电话：{phone}',
    'mail.signature': '（本邮件草稿由指标填报台生成）',
  },
  {
    'mail.all-departments': 'All departments',
    'mail.subject': '{department}: {plan} indicator return for {year}',
    'mail.greeting': 'Hello,',
    'mail.attached': 'Please find attached the {year} indicator return of {department} for "{plan}" ({file}).',
    'mail.counts': '{year}: {total} indicators — met {met}, missed {missed}, near {near}, not reported {notReported}, no target {noTarget}.',
    'mail.clerk': 'Clerk: {name}',
    'mail.clerk-unset': '(not set)',
    'mail.phone': '    Phone: {phone}',
    'mail.signature': '(Drafted by Indicator Desk)',
  },
);

function langOf(input: Pick<EmlDraftInput, 'lang'>): Lang {
  return input.lang ?? 'zh';
}

function departmentOf(input: Pick<EmlDraftInput, 'department' | 'lang'>): string {
  return input.department ?? render(MAIL_TEXTS, langOf(input), 'mail.all-departments');
}

export function emailSubject(input: Pick<EmlDraftInput, 'planName' | 'department' | 'year' | 'lang'>): string {
  return render(MAIL_TEXTS, langOf(input), 'mail.subject', { department: departmentOf(input), plan: input.planName, year: input.year });
}

export function emailBody(input: EmlDraftInput): string {
  const c = input.counts;
  const lang = langOf(input);
  const t = (key: KeyOf<typeof MAIL_TEXTS>, params: Params = {}): string => render(MAIL_TEXTS, lang, key, params);
  const params = { department: departmentOf(input), plan: input.planName, year: input.year, file: input.attachmentName };
  const lines = [
    t('mail.greeting'),
    '',
    t('mail.attached', params),
    '',
    t('mail.counts', { year: input.year, total: c.total, met: c.met, missed: c.missed, near: c.near, notReported: c['not-reported'], noTarget: c['no-target'] }),
    '',
    `${t('mail.clerk', { name: input.clerkName || t('mail.clerk-unset') })}${input.clerkPhone ? t('mail.phone', { phone: input.clerkPhone }) : ''}`,
    '',
    t('mail.signature'),
  ];
  return lines.join(CRLF) + CRLF;
}

/** A plain draft: addressee, subject and body text, one attachment (any MIME type, .xlsx by default). */
export interface PlainEmlInput {
  /** The addressee ("" leaves To: empty for the clerk to fill in). Must be ASCII (an email address). */
  to?: string;
  subject: string;
  /** Plain text; lines joined with CRLF by the caller or here. */
  body: string;
  attachmentName: string;
  attachment: Uint8Array;
  attachmentType?: string;
  date?: Date;
  /** MIME boundary; must not occur in the content (base64 lines never contain '_', ours do). */
  boundary?: string;
}

/**
 * Any unsent draft (.eml) as text with CRLF line endings, ASCII only (everything else is encoded):
 * the one MIME writer behind the export draft, the reminders and the annotated reply.
 */
export function buildPlainEml(input: PlainEmlInput): string {
  const boundary = input.boundary ?? `=_IndicatorDesk_${(input.date?.getTime() ?? Date.now()).toString(36)}`;
  const to = (input.to ?? '').replace(/[\r\n]/g, '');
  const headers = [
    'X-Unsent: 1',
    'MIME-Version: 1.0',
    `Date: ${rfc2822Date(input.date ?? new Date())}`,
    `To: ${headerText(to)}`,
    `Subject: ${headerText(input.subject)}`,
    'X-Mailer: Indicator Desk',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
  ];
  const nameWords = encodedWords(input.attachmentName).join(CRLF + ' ');
  const parts = [
    `--${boundary}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(Buffer.from(input.body, 'utf8')),
    `--${boundary}`,
    `Content-Type:${CRLF} ${input.attachmentType ?? XLSX_MIME};${CRLF} name="${nameWords}"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment;${CRLF} ${rfc2231Parameter('filename', input.attachmentName)}`,
    '',
    base64Lines(input.attachment),
    `--${boundary}--`,
    '',
  ];
  return [...headers, '', 'This is a multi-part message in MIME format.', ...parts].join(CRLF);
}

/** The whole .eml draft as text with CRLF line endings (ASCII only: everything else is encoded). */
export function buildEmlDraft(input: EmlDraftInput): string {
  const draft: PlainEmlInput = { subject: emailSubject(input), body: emailBody(input), attachmentName: input.attachmentName, attachment: input.attachment };
  if (input.date) draft.date = input.date;
  if (input.boundary) draft.boundary = input.boundary;
  return buildPlainEml(draft);
}
