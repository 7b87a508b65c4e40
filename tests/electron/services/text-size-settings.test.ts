// The text size is a setting like the others: saved through saveSettings in the user's database,
// audited, back in the bootstrap after a restart; a size outside 100/125/150 is refused at the
// boundary; settings saved before it existed come back without it (the renderer reads 100%).
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/create-services';
import type { Services } from '../../../electron/services/create-services';
import { dispatch } from '../../../shared/api/dispatch';
import { makeTempDir } from '../../helpers/tmp';

const NOW = new Date('2026-03-15T09:00:00+08:00');
let tmp: ReturnType<typeof makeTempDir>;
let services: Services;
const open = (): Services => createServices({ dbPath: join(tmp.dir, 'db.sqlite'), mode: 'browser', now: () => NOW });

beforeEach(() => {
  tmp = makeTempDir();
  services = open();
});
afterEach(() => {
  services.close();
  tmp.cleanup();
});

describe('text size setting', () => {
  it('is stored, audited and still there after the database is opened again', async () => {
    expect((await services.handlers.getBootstrap({})).settings.textSize).toBeUndefined();
    const saved = await dispatch(services.handlers, 'saveSettings', { department: null, clerkName: '王芳', clerkPhone: '', lang: 'zh', textSize: 150 });
    expect(saved).toMatchObject({ ok: true, value: { textSize: 150 } });
    services.close();
    services = open();
    expect((await services.handlers.getBootstrap({})).settings).toEqual({ department: null, clerkName: '王芳', clerkPhone: '', lang: 'zh', textSize: 150 });
    const audit = services.store.db.prepare("SELECT new_value FROM audit_log WHERE entity = 'setting' ORDER BY id DESC LIMIT 1").get() as { new_value: string };
    expect(JSON.parse(audit.new_value)).toMatchObject({ textSize: 150 });
  });

  it('does not write the default 100%: it reads back as absent, like settings from before', async () => {
    await services.handlers.saveSettings({ department: null, clerkName: '', clerkPhone: '', lang: 'zh', textSize: 150 });
    const back = await services.handlers.saveSettings({ department: null, clerkName: '', clerkPhone: '', lang: 'zh', textSize: 100 });
    expect(back).toEqual({ department: null, clerkName: '', clerkPhone: '', lang: 'zh' });
    expect(JSON.parse(services.store.settings.get('app') ?? '{}')).not.toHaveProperty('textSize');
  });

  it('refuses a size that is not 100, 125 or 150 and keeps the stored one', async () => {
    await services.handlers.saveSettings({ department: null, clerkName: '', clerkPhone: '', lang: 'zh', textSize: 125 });
    const bad = await dispatch(services.handlers, 'saveSettings', { department: null, clerkName: '', clerkPhone: '', lang: 'zh', textSize: 300 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect((await services.handlers.getBootstrap({})).settings.textSize).toBe(125);
  });
});
