// Each issue of an import preview is listed once (docs/ARCHITECTURE.md §The import preview: each fact once):
// a preview compared again (a department chosen, a file left out: consolidateImport) keeps every
// issue exactly once — it listed some twice, since it cut the file's issues off by counting from the
// end while implausible-value warnings came after them — and the window and the CLI list a row that
// matches no indicator under the unmatched rows only (issuesToList). Real services on a temporary
// SQLite file; the return written by openpyxl.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/create-services';
import type { Services } from '../../../electron/services/create-services';
import type { ImportIssue } from '../../../shared/api/contract';
import { issuesToList } from '../../../shared/api/preview-issues';
import { SEED_PLAN } from '../../../shared/seed/zhu-you-yi-ju';
import { writeHandMadeReturn } from '../../helpers/returns';
import { makeTempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
let services: Services;
let base64 = '';
beforeAll(() => {
  tmp = makeTempDir('issues-once-');
  services = createServices({ dbPath: join(tmp.dir, 'db.sqlite'), mode: 'browser', now: () => new Date(2026, 2, 15, 9) });
  // 250 for a rate (implausible), 222.5 households (not whole: implausible), one row of no indicator,
  // and no 填报单位 line (the department is chosen in the preview).
  const file = writeHandMadeReturn({
    path: join(tmp.dir, 'return.xlsx'),
    year: 2025,
    departments: [],
    actuals: { '3': 222.5, '5': 250, '6': 98 },
    extraRows: [{ code: '99', name: '不存在的指标', actual: 5 }],
  });
  base64 = readFileSync(file).toString('base64');
});
afterAll(() => {
  services.close();
  tmp.cleanup();
});

const keyed = (issues: readonly ImportIssue[]) => issues.map((i) => `${i.message.key}@${i.sheet}!${i.cell}`);

describe('a preview lists each issue once', () => {
  it('compared again with a department chosen, it keeps every issue once and drops only "names no department"', async () => {
    const batch = await services.handlers.previewImport({ planId: SEED_PLAN.id, files: [{ name: 'return.xlsx', base64 }] });
    const first = batch.previews[0]!;
    const before = keyed(first.issues);
    expect(before.filter((k) => k.startsWith('plausible.value-warning'))).toHaveLength(2);
    expect(before).toContain('import.no-department@!');
    expect(new Set(before).size).toBe(before.length);

    const again = await services.handlers.consolidateImport({ previewIds: [first.previewId], departments: { [first.previewId]: '区住建局' } });
    const after = keyed(again.previews[0]!.issues);
    expect(after).toEqual(before.filter((k) => !k.startsWith('import.no-department')));

    // Compared once more without a choice: still the same list, nothing doubled.
    const third = await services.handlers.consolidateImport({ previewIds: [first.previewId], departments: {} });
    expect(keyed(third.previews[0]!.issues)).toEqual(after);
  });

  it('a row matching no indicator is listed under the unmatched rows, not again among the issues to list', async () => {
    const batch = await services.handlers.previewImport({ planId: SEED_PLAN.id, files: [{ name: 'return.xlsx', base64 }] });
    const preview = batch.previews[0]!;
    expect(preview.unmatched.map((u) => u.name)).toEqual(['不存在的指标']);
    // The preview still carries the warning (scripts, the annotated reply) …
    expect(preview.issues.filter((i) => i.message.key === 'import.unmatched-row')).toHaveLength(1);
    // … but it is not listed a second time.
    const listed = issuesToList(preview);
    expect(listed.some((i) => i.message.key === 'import.unmatched-row')).toBe(false);
    expect(listed).toHaveLength(preview.issues.length - 1);
  });
});
