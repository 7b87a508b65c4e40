// Every kind of write leaves an audit row (who, when, old, new, source) in the same transaction.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../../electron/store/store';
import type { WriteContext } from '../../../electron/store/store';
import { ApiFailure } from '../../../shared/api/result';
import { makeTempDir } from '../../helpers/tmp';

let tmp: ReturnType<typeof makeTempDir>;
let store: Store;
const ctx: WriteContext = { who: '张三', at: '2026-03-15T01:00:00.000Z', source: 'typed' };

beforeEach(() => {
  tmp = makeTempDir();
  store = Store.open(join(tmp.dir, 'db.sqlite'), { now: () => new Date('2026-03-15T00:00:00Z') });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

function lastAudit() {
  return store.db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;
}

describe('audit rows', () => {
  it('the first open seeds the plan with audit rows for plan, departments, indicators and all 65 targets', () => {
    const count = (entity: string) => (store.db.prepare('SELECT count(*) AS n FROM audit_log WHERE entity = ? AND source = ?').get(entity, 'seed') as { n: number }).n;
    expect(count('plan')).toBe(1);
    expect(count('indicator')).toBe(13);
    expect(count('target')).toBe(65);
    expect(count('department')).toBe(store.plans.listDepartments().length);
  });

  it('reopening does not seed twice', () => {
    const n = store.audit.count();
    store.close();
    store = Store.open(join(tmp.dir, 'db.sqlite'));
    expect(store.audit.count()).toBe(n);
    expect(store.plans.listPlans()).toHaveLength(1);
  });

  it('actual: insert, update, delete each write old and new', () => {
    store.transaction(() => store.actuals.setValue('zyyj-02', 2025, 1012, ctx));
    expect(lastAudit()).toMatchObject({ entity: 'actual', action: 'insert', indicator_id: 'zyyj-02', year: 2025, old_value: null, new_value: '1012', who: '张三', source: 'typed', at: ctx.at });
    store.transaction(() => store.actuals.setValue('zyyj-02', 2025, 1100, { ...ctx, source: 'pasted' }));
    expect(lastAudit()).toMatchObject({ entity: 'actual', action: 'update', old_value: '1012', new_value: '1100', source: 'pasted' });
    store.transaction(() => store.actuals.setValue('zyyj-02', 2025, null, ctx));
    expect(lastAudit()).toMatchObject({ entity: 'actual', action: 'delete', old_value: '1100', new_value: null });
  });

  it('an unchanged value writes nothing', () => {
    store.transaction(() => store.actuals.setValue('zyyj-02', 2025, 1012, ctx));
    const n = store.audit.count();
    store.transaction(() => store.actuals.setValue('zyyj-02', 2025, 1012, ctx));
    expect(store.audit.count()).toBe(n);
  });

  it('note', () => {
    store.transaction(() => store.actuals.setNote('zyyj-06', 2025, '第三个未来社区已验收', ctx));
    expect(lastAudit()).toMatchObject({ entity: 'note', field: 'note', old_value: null, new_value: '第三个未来社区已验收' });
    expect(store.actuals.get('zyyj-06', 2025)).toEqual({ indicatorId: 'zyyj-06', year: 2025, value: null, note: '第三个未来社区已验收' });
  });

  it('target, including a change to "/"', () => {
    store.transaction(() => store.plans.setTarget('zyyj-07', 2027, 12, ctx));
    expect(lastAudit()).toMatchObject({ entity: 'target', action: 'update', old_value: '10', new_value: '12' });
    store.transaction(() => store.plans.setTarget('zyyj-07', 2027, '/', ctx));
    expect(lastAudit()).toMatchObject({ entity: 'target', old_value: '12', new_value: '/' });
    expect(store.plans.getPlan('dongtou-zyyj-2023-2027').indicators[6]!.targets[2027]).toBe('/');
  });

  it('department and setting', () => {
    store.transaction(() => store.plans.addDepartment('区城乡住房工作协调委员会办公室', ctx));
    expect(lastAudit()).toMatchObject({ entity: 'department', action: 'insert', new_value: '区城乡住房工作协调委员会办公室' });
    store.transaction(() => store.settings.set('app', '{"clerkName":"张三"}', { ...ctx, source: 'settings' }));
    expect(lastAudit()).toMatchObject({ entity: 'setting', field: 'app', new_value: '{"clerkName":"张三"}', source: 'settings' });
  });

  it('import: the import row and each change name the file and its sha256', () => {
    const fileCtx = { ...ctx, source: 'imported', sourceFile: '住有宜居_2025年度_区住建局_指标填报.xlsx', sourceSha256: 'ab'.repeat(32) };
    store.transaction(() => {
      const id = store.imports.create([{ name: fileCtx.sourceFile, sha256: fileCtx.sourceSha256 }], 1, fileCtx);
      store.actuals.setValue('zyyj-03', 2025, 221, { ...fileCtx, importId: id });
    });
    expect(lastAudit()).toMatchObject({ entity: 'actual', source: 'imported', source_file: fileCtx.sourceFile, source_sha256: fileCtx.sourceSha256, import_id: 1 });
  });

  it('writing outside a transaction is refused, so no change can lack its audit row', () => {
    expect(() => store.actuals.setValue('zyyj-02', 2025, 1, ctx)).toThrow(/transaction/);
    expect(store.actuals.get('zyyj-02', 2025).value).toBeNull();
  });
});

describe('refused writes write nothing', () => {
  it('an unknown indicator', () => {
    const n = store.audit.count();
    expect(() => store.transaction(() => store.actuals.setValue('zyyj-99', 2025, 1, ctx))).toThrow(ApiFailure);
    expect(store.audit.count()).toBe(n);
  });

  it('a year outside the plan', () => {
    const n = store.audit.count();
    let error: unknown;
    try {
      store.transaction(() => store.actuals.setValue('zyyj-02', 2030, 1, ctx));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiFailure);
    expect((error as ApiFailure).appMessage.zh).toBe('2030 年不在规划年度范围内');
    expect(store.audit.count()).toBe(n);
    expect(store.db.prepare('SELECT count(*) AS n FROM actuals').get()).toEqual({ n: 0 });
  });

  it('a failure half-way through a batch rolls back the whole batch', () => {
    expect(() =>
      store.transaction(() => {
        store.actuals.setValue('zyyj-02', 2025, 1012, ctx);
        store.actuals.setValue('zyyj-99', 2025, 1, ctx);
      }),
    ).toThrow(ApiFailure);
    expect(store.actuals.get('zyyj-02', 2025).value).toBeNull();
  });
});
