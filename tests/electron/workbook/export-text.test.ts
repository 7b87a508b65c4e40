// Exported text is always well-formed XML (issue 9): characters XML 1.0 forbids never reach the
// workbook, whatever is in the database, and a note's own spaces and line breaks survive export
// and re-import. The workbook is read back by openpyxl (a strict XML reader) and by our importer.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/create-services';
import type { Services } from '../../../electron/services/create-services';
import { previewFile } from '../../../electron/services/import-service';
import { xmlSafeText } from '../../../electron/workbook/export/xml-text';
import { makeTempDir } from '../../helpers/tmp';
import { PYTHON } from '../../helpers/python';

let tmp: ReturnType<typeof makeTempDir>;
let services: Services;
let planId: string;
beforeAll(() => {
  tmp = makeTempDir();
  services = createServices({ dbPath: join(tmp.dir, 'text.sqlite'), mode: 'desktop', now: () => new Date('2026-03-01T08:00:00Z') });
  planId = services.store.plans.listPlans()[0]!.id;
});
afterAll(() => {
  services.close();
  tmp.cleanup();
});

/** Notes column (by its header) of 填报表, read by openpyxl: {indicatorId: note}. */
function notesByOpenpyxl(file: string): Record<string, string | null> {
  const script = `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])['填报表']
head = {}
for row in ws.iter_rows(min_row=1, max_row=8):
    for c in row:
        if isinstance(c.value, str): head.setdefault(c.value.strip(), c.column)
id_col = head['指标ID']
note_col = [col for name, col in head.items() if '说明' in name][0]
out = {}
for r in range(1, ws.max_row + 1):
    v = ws.cell(r, id_col).value
    if isinstance(v, str) and v.startswith('zyyj-'): out[v] = ws.cell(r, note_col).value
print(json.dumps(out))
`;
  return JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' })) as Record<string, string | null>;
}

async function exportTo(name: string): Promise<{ file: string; bytes: Uint8Array }> {
  const exported = await services.handlers.exportWorkbook({ planId, year: 2025, department: null });
  const bytes = new Uint8Array(Buffer.from(exported.base64, 'base64'));
  const file = join(tmp.dir, name);
  writeFileSync(file, bytes);
  return { file, bytes };
}

describe('XML-forbidden characters', () => {
  it('xmlSafeText keeps tab, LF, CR, CJK and astral characters; drops C0 controls, U+FFFE/U+FFFF and lone surrogates', () => {
    expect(xmlSafeText('a\tb\nc\rd 住房 😀')).toBe('a\tb\nc\rd 住房 😀');
    expect(xmlSafeText('x\u0000\u0001\u0008\u000b\u000c\u001fy\uFFFE\uFFFFz\uD800w\uDC00v')).toBe('xyzwv');
  });

  it('notes holding them (written before this rule, straight into the table) export to a file openpyxl reads', async () => {
    const put = services.store.db.prepare("UPDATE actuals SET note = ? WHERE indicator_id = ? AND year = 2025");
    await services.handlers.saveCells({ planId, source: 'typed', edits: ['zyyj-04', 'zyyj-05'].map((id) => ({ indicatorId: id, year: 2025, field: 'note' as const, text: 'placeholder' })) });
    put.run('bad\uFFFEchar\uFFFF', 'zyyj-04');
    put.run('ctl\u0001\u0008x\u001f', 'zyyj-05');
    const { file } = await exportTo('forbidden.xlsx');
    const notes = notesByOpenpyxl(file);
    expect(notes['zyyj-04']).toBe('badchar');
    expect(notes['zyyj-05']).toBe('ctlx');
  });

  it('a note typed with them is saved without them', async () => {
    await services.handlers.saveCells({ planId, source: 'typed', edits: [{ indicatorId: 'zyyj-06', year: 2025, field: 'note', text: 'typed\uFFFF\u0002 note' }] });
    expect(services.store.actuals.get('zyyj-06', 2025).note).toBe('typed note');
  });
});

describe('a note round trip', () => {
  it("trailing spaces, leading spaces and line breaks survive; re-importing the app's own export shows no changes", async () => {
    const notes: Record<string, string> = { 'zyyj-01': 'trailing  ', 'zyyj-02': '  leading', 'zyyj-03': 'two\n\nlines\n', 'zyyj-07': 'tab\tinside' };
    await services.handlers.saveCells({ planId, source: 'typed', edits: Object.entries(notes).map(([id, text]) => ({ indicatorId: id, year: 2025, field: 'note' as const, text })) });
    const { file, bytes } = await exportTo('roundtrip.xlsx');
    const read = notesByOpenpyxl(file);
    for (const [id, text] of Object.entries(notes)) expect(read[id]).toBe(text);
    const { preview } = await previewFile(services.store, services.store.plans.getPlan(planId), 'roundtrip.xlsx', bytes);
    // (zyyj-04/05 hold the forbidden characters of the test above: those do differ, rightly.)
    expect(preview.changes.filter((c) => c.indicatorId in notes)).toEqual([]);
    expect(preview.unchanged).toBeGreaterThanOrEqual(Object.keys(notes).length);
  });
});
