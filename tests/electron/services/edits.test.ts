// Saving typed and pasted values through the real handlers on a real database file, including
// refusals (nothing written) and the payload validation at the boundary.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createServices } from '../../../electron/services/create-services';
import type { Services } from '../../../electron/services/create-services';
import { dispatch } from '../../../shared/api/dispatch';
import { makeTempDir } from '../../helpers/tmp';

const PLAN = 'dongtou-zyyj-2023-2027';
const NOW = new Date('2026-03-15T09:00:00+08:00');
let tmp: ReturnType<typeof makeTempDir>;
let services: Services;

beforeEach(() => {
  tmp = makeTempDir();
  services = createServices({ dbPath: join(tmp.dir, 'db.sqlite'), mode: 'browser', now: () => NOW });
});
afterEach(() => {
  services.close();
  tmp.cleanup();
});

describe('saveCells', () => {
  it('a typed actual is parsed, saved, and comes back with its status', async () => {
    const { results } = await services.handlers.saveCells({ planId: PLAN, source: 'typed', edits: [{ indicatorId: 'zyyj-02', year: 2025, field: 'actual', text: '1,012' }] });
    expect(results).toEqual([
      { indicatorId: 'zyyj-02', year: 2025, field: 'actual', ok: true, cell: { target: 1050, actual: 1012, note: null, status: 'missed', gap: -38, completion: 1012 / 1050, provenance: expect.objectContaining({ source: 'typed', fileName: null }) as unknown } },
    ]);
    // Really on disk: read the file with a separate connection.
    const raw = new Database(services.dbPath, { readonly: true });
    expect(raw.prepare('SELECT value FROM actuals WHERE indicator_id = ? AND year = ?').get('zyyj-02', 2025)).toEqual({ value: 1012 });
    raw.close();
  });

  it('a pasted block: valid cells saved in one go, refused ones reported and not written', async () => {
    const { results } = await services.handlers.saveCells({
      planId: PLAN,
      source: 'pasted',
      edits: [
        { indicatorId: 'zyyj-01', year: 2025, field: 'actual', text: '11.2' },
        { indicatorId: 'zyyj-02', year: 2025, field: 'actual', text: '约1.6万' },
        { indicatorId: 'zyyj-03', year: 2025, field: 'actual', text: '２２０' },
        { indicatorId: 'zyyj-04', year: 2025, field: 'actual', text: '-1' },
        { indicatorId: 'zyyj-05', year: 2025, field: 'actual', text: '87.5%' },
        { indicatorId: 'zyyj-05', year: 2025, field: 'note', text: '含新交付小区' },
      ],
    });
    expect(results.map((r) => r.ok)).toEqual([true, false, true, false, true, true]);
    expect(results[1]!.error?.zh).toBe('“约1.6万”是约数，请填写确切数字');
    expect(results[3]!.error?.key).toBe('parse.negative-count');
    // The refusal kind is machine-readable: the renderer decides "refused" on it, not on the key.
    expect(results.map((r) => r.refusal)).toEqual([undefined, 'approximate', undefined, 'negative-count', undefined, undefined]);
    const grid = await services.handlers.getGrid({ planId: PLAN, year: 2025, department: null });
    const cell = (id: string) => grid.rows.find((r) => r.indicatorId === id)!.cells['2025']!;
    expect(cell('zyyj-01')).toMatchObject({ actual: 11.2, status: 'met' });
    expect(cell('zyyj-02')).toMatchObject({ actual: null, status: 'not-reported' });
    expect(cell('zyyj-03')).toMatchObject({ actual: 220, status: 'met' });
    expect(cell('zyyj-04')).toMatchObject({ actual: null });
    expect(cell('zyyj-05')).toMatchObject({ actual: 87.5, note: '含新交付小区', status: 'missed' });
    const sources = services.store.db.prepare("SELECT DISTINCT source FROM audit_log WHERE entity IN ('actual','note')").all();
    expect(sources).toEqual([{ source: 'pasted' }]);
  });

  it('clearing with Delete (empty text) or "/" removes the actual, audited', async () => {
    await services.handlers.saveCells({ planId: PLAN, source: 'typed', edits: [{ indicatorId: 'zyyj-07', year: 2024, field: 'actual', text: '4' }] });
    await services.handlers.saveCells({ planId: PLAN, source: 'typed', edits: [{ indicatorId: 'zyyj-07', year: 2024, field: 'actual', text: '' }] });
    const history = await services.handlers.getCellHistory({ planId: PLAN, indicatorId: 'zyyj-07', year: 2024 });
    expect(history.map((h) => [h.oldValue, h.newValue])).toEqual([
      ['4', null],
      [null, '4'],
    ]);
  });

  it('statuses: no-target for indicator 6 in 2027, pending for 2026, not-reported for a due empty year', async () => {
    const g2027 = await services.handlers.getGrid({ planId: PLAN, year: 2027, department: '区住建局' });
    expect(g2027.rows).toHaveLength(12);
    expect(g2027.rows.find((r) => r.indicatorId === 'zyyj-06')!.cells['2027']).toMatchObject({ target: '/', status: 'no-target' });
    expect(g2027.rows[0]!.cells['2026']!.status).toBe('pending');
    expect(g2027.rows[0]!.cells['2024']!.status).toBe('not-reported');
    const fund = await services.handlers.getGrid({ planId: PLAN, year: 2025, department: '市住房公积金洞头分中心' });
    expect(fund.rows.map((r) => r.indicatorId)).toEqual(['zyyj-13']);
  });
});

describe('the API boundary (dispatch)', () => {
  it('an invalid payload is a typed refusal, not a stack trace, and writes nothing', async () => {
    const before = services.store.audit.count();
    const r = await dispatch(services.handlers, 'saveCells', { planId: PLAN, source: 'typed', edits: [{ indicatorId: 'zyyj-02', year: 'x', field: 'actual', text: '1' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-request');
      expect(r.error.message.zh).toMatch(/请求格式不正确/);
      expect(JSON.stringify(r)).not.toMatch(/\bat .*\.ts:\d+/);
    }
    expect(services.store.audit.count()).toBe(before);
  });

  it('an unknown method is refused', async () => {
    const r = await dispatch(services.handlers, '__proto__', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('an unknown indicator is not-found, an unknown year refused', async () => {
    const a = await dispatch(services.handlers, 'saveCells', { planId: PLAN, source: 'typed', edits: [{ indicatorId: 'zyyj-99', year: 2025, field: 'actual', text: '1' }] });
    expect(a).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const b = await dispatch(services.handlers, 'saveCells', { planId: PLAN, source: 'typed', edits: [{ indicatorId: 'zyyj-02', year: 2031, field: 'actual', text: '1' }] });
    expect(b).toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  it('settings are validated and audited; the clerk name becomes the audit "who"', async () => {
    const bad = await dispatch(services.handlers, 'saveSettings', { department: '不存在的局', clerkName: '', clerkPhone: '', lang: 'zh' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'refused' } });
    await services.handlers.saveSettings({ department: '区住建局', clerkName: '李四', clerkPhone: '0577-1234567', lang: 'zh' });
    await services.handlers.saveCells({ planId: PLAN, source: 'typed', edits: [{ indicatorId: 'zyyj-02', year: 2024, field: 'actual', text: '850' }] });
    const [h] = await services.handlers.getCellHistory({ planId: PLAN, indicatorId: 'zyyj-02', year: 2024 });
    expect(h).toMatchObject({ who: '李四', source: 'typed', newValue: '850' });
    const boot = await services.handlers.getBootstrap({});
    expect(boot.settings).toEqual({ department: '区住建局', clerkName: '李四', clerkPhone: '0577-1234567', lang: 'zh' });
    expect(boot.today).toBe('2026-03-15');
  });
});

describe('backup', () => {
  it('the online backup is a complete, openable copy', async () => {
    await services.handlers.saveCells({ planId: PLAN, source: 'typed', edits: [{ indicatorId: 'zyyj-13', year: 2025, field: 'actual', text: '15500' }] });
    const dest = join(tmp.dir, 'backups', 'copy.sqlite');
    await services.store.backup(dest);
    const copy = new Database(dest, { readonly: true });
    expect(copy.prepare('SELECT value FROM actuals WHERE indicator_id = ?').get('zyyj-13')).toEqual({ value: 15500 });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });
});
