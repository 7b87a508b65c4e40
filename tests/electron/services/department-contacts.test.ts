// Department contacts on a real database: saved and audited as a setting; an address that is not an
// email address, or an unknown department, refuses the whole save in Chinese and English with
// nothing written; blank addresses are dropped.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/create-services';
import type { Services } from '../../../electron/services/create-services';
import { dispatch } from '../../../shared/api/dispatch';
import { makeTempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
let services: Services;
let db: string;
beforeAll(() => {
  tmp = makeTempDir();
  db = join(tmp.dir, 'db.sqlite');
  services = createServices({ dbPath: db, mode: 'browser', now: () => new Date('2026-03-05T10:00:00+08:00') });
});
afterAll(() => {
  services.close();
  tmp.cleanup();
});

function auditRows(): number {
  const raw = new Database(db, { readonly: true });
  try {
    return (raw.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'setting' AND field = 'departmentContacts'").get() as { n: number }).n;
  } finally {
    raw.close();
  }
}

describe('department contacts', () => {
  it('saves addresses (blank ones dropped) with an audit row', async () => {
    const saved = await dispatch(services.handlers, 'saveDepartmentContacts', { 区住建局: ' zjj@dongtou.gov.cn ', 市住房公积金洞头分中心: '' });
    expect(saved).toEqual({ ok: true, value: { 区住建局: 'zjj@dongtou.gov.cn' } });
    expect(auditRows()).toBe(1);
  });

  it('refuses a bad address or an unknown department, writing nothing', async () => {
    const bad = await dispatch(services.handlers, 'saveDepartmentContacts', { 区住建局: 'zjj at dongtou' });
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'refused', message: { zh: '“zjj at dongtou”不是有效的邮箱地址（区住建局）', en: '"zjj at dongtou" is not a valid email address (区住建局)' } });
    const unknown = await dispatch(services.handlers, 'saveDepartmentContacts', { 区教育局: 'edu@dongtou.gov.cn' });
    expect(unknown.ok ? null : unknown.error.code).toBe('refused');
    expect(unknown.ok ? '' : unknown.error.message.zh).toContain('区教育局');
    expect(await services.handlers.getDepartmentContacts({})).toEqual({ 区住建局: 'zjj@dongtou.gov.cn' });
    expect(auditRows()).toBe(1);
  });
});
