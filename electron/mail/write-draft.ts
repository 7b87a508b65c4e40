// 导出并发送邮件: the exported workbook and an .eml draft carrying it, written side by side in the
// folder the clerk chose. Existing files are never overwritten: a " (2)", " (3)"… suffix is added.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { EmlDraftInput } from './eml';
import { buildEmlDraft } from './eml';
import { safeFileName } from './file-names';

export { safeFileName };

/** A file name that does not exist yet in `folder`, from `fileName` plus a counter if needed. */
export function freeFileName(folder: string, fileName: string): string {
  const ext = extname(fileName);
  const stem = fileName.slice(0, fileName.length - ext.length);
  let candidate = fileName;
  for (let n = 2; existsSync(join(folder, candidate)); n += 1) candidate = `${stem} (${n})${ext}`;
  return candidate;
}

export function writeWorkbookWithDraft(options: {
  folder: string;
  fileName: string;
  workbook: Uint8Array;
  draft: Omit<EmlDraftInput, 'attachment' | 'attachmentName'>;
}): { workbookPath: string; emlPath: string } {
  mkdirSync(options.folder, { recursive: true });
  const workbookName = freeFileName(options.folder, safeFileName(options.fileName));
  const workbookPath = join(options.folder, workbookName);
  writeFileSync(workbookPath, options.workbook, { flag: 'wx' });
  const emlName = freeFileName(options.folder, workbookName.replace(/\.xlsx$/i, '') + '.eml');
  const emlPath = join(options.folder, emlName);
  const eml = buildEmlDraft({ ...options.draft, attachment: options.workbook, attachmentName: workbookName });
  writeFileSync(emlPath, eml, { encoding: 'ascii', flag: 'wx' });
  return { workbookPath, emlPath };
}
