// `reply FILE --out DIR`: the annotated reply to a received return (services/reply-service.ts) —
// the marked-up copy of the sender's workbook and an .eml draft carrying it, written into DIR
// (never overwriting: " (2)"… is added). Exit codes (args.ts EXIT): 0 written; 2 nothing written
// (unreadable file, a file never imported, no problems, bad options).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { render } from '../../shared/i18n/engine';
import type { Lang } from '../../shared/i18n/lang';
import type { Plan } from '../../shared/domain/plan';
import type { Services } from '../services/create-services';
import { readDepartmentAliases, readSettings } from '../services/create-services';
import { readDepartmentContacts } from '../services/department-contacts';
import { draftAnnotatedReply } from '../services/reply-service';
import { DRAFT_TEXTS } from '../services/draft-texts';
import { freeFileName } from '../mail/write-draft';
import type { ExitCode } from './args';
import { EXIT } from './args';

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };

/** Write the reply for `path` into `outDir`; throws DeskError/ApiFailure (bilingual) when nothing can be written. */
export async function runReplyCommand(path: string, outDir: string, services: Services, plan: Plan, today: Date, out: Out, lang: Lang): Promise<ExitCode> {
  const settings = readSettings(services.store);
  const reply = await draftAnnotatedReply(services.store, plan, { name: basename(path), bytes: new Uint8Array(readFileSync(path)) }, {
    today,
    lang,
    clerkName: settings.clerkName,
    clerkPhone: settings.clerkPhone,
    contacts: readDepartmentContacts(services.store),
    aliases: readDepartmentAliases(services.store),
  });
  mkdirSync(outDir, { recursive: true });
  const workbookName = freeFileName(outDir, reply.workbookName);
  writeFileSync(join(outDir, workbookName), reply.workbook, { flag: 'wx' });
  // The draft carries its own copy of the workbook, so its attachment name need not match the file's.
  const emlName = freeFileName(outDir, workbookName.replace(/\.xlsx$/i, '.eml'));
  writeFileSync(join(outDir, emlName), reply.eml, { encoding: 'ascii', flag: 'wx' });
  out.stdout(render(DRAFT_TEXTS, lang, 'reply.written', { workbook: join(outDir, workbookName), count: reply.problems.length, eml: join(outDir, emlName) }));
  return EXIT.ok;
}
