// Import previews are bounded in memory (issue 9): freed on apply and on discard, expired after a
// period without use unless an open dialog keeps them alive, and capped in count and in rows.
// Real previews of a real exported workbook, through the same handlers the window and server use.
import { join } from 'node:path';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../shared/api/result';
import { createServices } from '../../../electron/services/create-services';
import type { Services } from '../../../electron/services/create-services';
import type { PreviewCacheOptions } from '../../../electron/services/preview-cache';
import { makeTempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
let base64: string;
let services: Services | null = null;
let clock = 0;
beforeAll(async () => {
  tmp = makeTempDir();
  const s = createServices({ dbPath: join(tmp.dir, 'source.sqlite'), mode: 'desktop' });
  const planId = s.store.plans.listPlans()[0]!.id;
  await s.handlers.saveCells({ planId, source: 'typed', edits: [{ indicatorId: 'zyyj-03', year: 2025, field: 'actual', text: '225' }] });
  base64 = (await s.handlers.exportWorkbook({ planId, year: 2025, department: '区住建局' })).base64;
  s.close();
});
afterAll(() => tmp.cleanup());
afterEach(() => {
  services?.close();
  services = null;
});

function open(previews: PreviewCacheOptions): Services {
  services?.close();
  clock = 0;
  services = createServices({ dbPath: join(tmp.dir, `t${Math.random()}.sqlite`), mode: 'browser', previews: { ...previews, now: () => clock } });
  return services;
}

async function preview(s: Services): Promise<string> {
  const planId = s.store.plans.listPlans()[0]!.id;
  const r = await s.handlers.previewImport({ planId, files: [{ name: 'r.xlsx', base64 }] });
  return r.previews[0]!.previewId;
}

async function applies(s: Services, id: string): Promise<boolean> {
  try {
    await s.handlers.applyImport({ previewIds: [id] });
    return true;
  } catch (error) {
    if (error instanceof ApiFailure && error.appMessage.key === 'import.preview-expired') return false;
    throw error;
  }
}

describe('import previews in memory', () => {
  it('at most maxEntries are held: the least recently used go first', async () => {
    const s = open({ maxEntries: 3 });
    const ids = [];
    for (let i = 0; i < 5; i += 1) ids.push(await preview(s));
    expect(s.handlers.keepImportPreviews({ previewIds: ids })).toEqual({ alive: ids.slice(2) });
    // One used again by its open dialog stays; the least recently used goes instead.
    const s2 = open({ maxEntries: 3 });
    const kept = [await preview(s2), await preview(s2), await preview(s2)];
    await s2.handlers.keepImportPreviews({ previewIds: [kept[0]!] });
    const newer = await preview(s2);
    expect(await applies(s2, kept[1]!)).toBe(false);
    expect(await applies(s2, kept[0]!)).toBe(true);
    expect(await applies(s2, newer)).toBe(true);
  });

  it('a row budget bounds memory too', async () => {
    const s = open({ maxRows: 20 });
    const first = await preview(s);
    const second = await preview(s);
    // One preview of this workbook holds more than 10 rows: only the newest fits.
    expect(await applies(s, first)).toBe(false);
    expect(await applies(s, second)).toBe(true);
  });

  it('expire after idleMs without use; an open dialog keeps them alive', async () => {
    const s = open({ idleMs: 1000 });
    const idle = await preview(s);
    const inDialog = await preview(s);
    for (let t = 400; t <= 2000; t += 400) {
      clock = t;
      expect(s.handlers.keepImportPreviews({ previewIds: [inDialog] })).toEqual({ alive: [inDialog] });
    }
    expect(await applies(s, idle)).toBe(false);
    expect(await applies(s, inDialog)).toBe(true);
  });

  it('are freed when applied and when discarded', async () => {
    const s = open({});
    const applied = await preview(s);
    const cancelled = await preview(s);
    expect(await applies(s, applied)).toBe(true);
    expect(await applies(s, applied)).toBe(false);
    expect(s.handlers.discardImportPreviews({ previewIds: [cancelled] })).toEqual({});
    expect(s.handlers.keepImportPreviews({ previewIds: [applied, cancelled] })).toEqual({ alive: [] });
    expect(await applies(s, cancelled)).toBe(false);
  });
});
