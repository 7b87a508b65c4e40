// @vitest-environment happy-dom
// useImportFlow and useShellActions against the real services with a real returned workbook
// (tests/fixtures/returns, saved by LibreOffice): files are read and previewed one by one with a
// progress line, nothing is written before apply; apply writes and offers an undo; undo reverts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportFlowOptions } from '../../../renderer/src/app/use-import-flow';
import { useImportFlow } from '../../../renderer/src/app/use-import-flow';
import { useShellActions } from '../../../renderer/src/app/use-shell-actions';
import type { NoticeMessage } from '../../../renderer/src/components/Notice';
import type { MenuAction } from '../../../shared/api/shell';
import { renderCount } from '../../../shared/i18n/engine';
import { t, UI_MESSAGES } from '../../../renderer/src/i18n/catalogue';
import { PLAN_ID, realApiPerTest } from '../real-api';

const FIXTURE = join(__dirname, '../../fixtures/returns/a-title-two-row-header.xlsx');
const real = realApiPerTest();
afterEach(() => {
  delete window.indicatorDeskShell;
});

function mount(overrides: Partial<ImportFlowOptions> = {}) {
  const notices: (NoticeMessage | null)[] = [];
  let changes = 0;
  const hook = renderHook(() => {
    return useImportFlow({
      api: real.api,
      planId: PLAN_ID,
      lang: 'zh',
      notify: (n) => notices.push(n),
      afterChange: async () => {
        changes += 1;
      },
      ...overrides,
    });
  });
  return { hook, notices, changes: () => changes };
}

async function actualOf(indicatorId: string, year: number): Promise<number | null> {
  const g = await real.services.handlers.getGrid({ planId: PLAN_ID, year, department: null });
  return g.rows.find((r) => r.indicatorId === indicatorId)?.cells[String(year)]?.actual ?? null;
}

describe('useImportFlow', () => {
  it('reads and previews each file with a progress line, writes nothing, and lists unreadable files', async () => {
    const { hook, notices } = mount();
    const bytes = readFileSync(FIXTURE);
    const file = new File([bytes], '住建局.xlsx');
    // Each file's bytes arrive when the test says so, to see the progress line at each step.
    let giveFirst: (base64: string) => void = () => {};
    let failSecond: (error: Error) => void = () => {};
    const first = new Promise<string>((resolve) => (giveFirst = resolve));
    const second = new Promise<string>((_resolve, reject) => (failSecond = reject));
    let done: Promise<void> = Promise.resolve();
    let secondAsked = false;
    act(() => {
      done = hook.result.current.importSources([
        { name: '住建局.xlsx', read: () => first },
        { name: '坏的.xlsx', read: () => ((secondAsked = true), second) },
      ]);
    });
    expect(hook.result.current.readingText).toBe('正在读取 1/2：住建局.xlsx');
    await act(async () => {
      giveFirst(bytes.toString('base64'));
      // The first file is previewed (however long that takes under load) before the second is read.
      for (let i = 0; i < 400 && !secondAsked; i += 1) await new Promise((r) => setTimeout(r, 25));
    });
    expect(hook.result.current.readingText).toBe('正在读取 2/2：坏的.xlsx');
    expect(hook.result.current.pending).toBeNull();
    await act(async () => {
      failSecond(new Error('权限不足'));
      await done;
    });
    expect(hook.result.current.readingText).toBeNull();
    expect(notices).toEqual([null]);
    const pending = hook.result.current.pending;
    expect(pending?.previews).toHaveLength(1);
    expect(pending?.previews[0]?.changes.length).toBeGreaterThan(0);
    expect(pending?.failures).toEqual([{ fileName: '坏的.xlsx', message: expect.objectContaining({ key: 'ui.read-failed', zh: '无法读取文件：权限不足' }) }]);
    expect(real.calls.filter((c) => c === 'previewImport')).toHaveLength(1);
    expect(real.calls).not.toContain('applyImport');

    // A picked File goes the same way (read with FileReader).
    act(() => hook.result.current.closePreview());
    expect(hook.result.current.pending).toBeNull();
    await act(() => hook.result.current.importFiles([file]));
    expect(hook.result.current.pending?.previews[0]?.changes).toEqual(pending?.previews[0]?.changes);
  });

  it('applies the chosen previews with an undo offer, and undoing reverts them', async () => {
    const { hook, notices, changes } = mount();
    const base64 = readFileSync(FIXTURE).toString('base64');
    await act(() => hook.result.current.importSources([{ name: '住建局.xlsx', read: () => Promise.resolve(base64) }]));
    const preview = hook.result.current.pending?.previews[0];
    if (!preview) throw new Error('no preview');
    const change = preview.changes.find((c) => c.field === 'actual' && c.newValue !== null);
    if (!change || change.indicatorId === null) throw new Error('no actual change');
    expect(await actualOf(change.indicatorId, change.year)).toBeNull();

    let refused: string | null = 'not called';
    await act(async () => {
      refused = await hook.result.current.applyImport([preview.previewId]);
    });
    expect(refused).toBeNull();
    expect(hook.result.current.pending).toBeNull();
    expect(await actualOf(change.indicatorId, change.year)).not.toBeNull();
    const applied = notices.at(-1);
    expect(applied).toMatchObject({ kind: 'info', text: { zh: expect.stringContaining('已导入'), en: expect.stringContaining('Imported') } });
    expect(applied?.undoImportId).toEqual(expect.any(Number));
    expect(changes()).toBe(1);

    await act(() => hook.result.current.undoImport(applied?.undoImportId as number));
    expect(notices.at(-1)).toMatchObject({ kind: 'info', text: { zh: expect.stringContaining('已撤销导入'), en: expect.stringContaining('Import undone') } });
    expect(await actualOf(change.indicatorId, change.year)).toBeNull();
    expect(changes()).toBe(2);

    // The same preview cannot be applied twice: the reason comes back, the dialog stays.
    await act(async () => {
      refused = await hook.result.current.applyImport([preview.previewId]);
    });
    expect(refused).toEqual(expect.any(String));
  });
});

describe('useImportFlow in English', () => {
  it('the applied and undone notices count right ("1 change", "2 changes") with ASCII punctuation', async () => {
    const { hook, notices } = mount({ lang: 'en' });
    const base64 = readFileSync(FIXTURE).toString('base64');
    await act(() => hook.result.current.importSources([{ name: 'zjj.xlsx', read: () => Promise.resolve(base64) }]));
    const preview = hook.result.current.pending?.previews[0];
    if (!preview) throw new Error('no preview');
    await act(async () => {
      await hook.result.current.applyImport([preview.previewId]);
    });
    const n = preview.changes.length;
    expect(n).toBeGreaterThan(1);
    expect(notices.at(-1)?.text.en).toBe(`Imported ${n} changes (zjj.xlsx).`);
    await act(() => hook.result.current.undoImport(notices.at(-1)?.undoImportId as number));
    expect(notices.at(-1)?.text.en).toBe(`Import undone (${n} changes reverted).`);
  });

  it('one of each: singular forms in the import summary pieces and notices', () => {
    expect(renderCount(UI_MESSAGES, 'en', 'import.applied', 1, { files: 'a.xlsx' })).toBe('Imported 1 change (a.xlsx).');
    expect(renderCount(UI_MESSAGES, 'en', 'import.undone', 1)).toBe('Import undone (1 change reverted).');
    const summary = (lang: 'zh' | 'en', files: number, changes: number, failures: number) => t(lang, 'import.summary', {
      files: renderCount(UI_MESSAGES, lang, 'import.n-files', files),
      changes: renderCount(UI_MESSAGES, lang, 'import.n-changes', changes),
      failures: renderCount(UI_MESSAGES, lang, 'import.n-unreadable', failures),
    });
    expect(summary('en', 1, 1, 0)).toBe('1 file, 1 change, 0 unreadable');
    expect(summary('en', 2, 3, 1)).toBe('2 files, 3 changes, 1 unreadable');
    expect(summary('zh', 1, 1, 0)).toBe('共 1 个文件，1 处修改，0 个文件无法读取');
  });
});

describe('useShellActions', () => {
  it('sends files from the desktop menu to the import flow and shows its messages', async () => {
    let deliver: (action: MenuAction) => void = () => {};
    let unsubscribed = 0;
    window.indicatorDeskShell = {
      onMenuAction: (cb) => {
        deliver = cb;
        return () => void (unsubscribed += 1);
      },
    };
    const notices: NoticeMessage[] = [];
    const imported: string[][] = [];
    const hook = renderHook(() =>
      useShellActions({
        importSources: async (sources) => {
          imported.push(await Promise.all(sources.map(async (s) => `${s.name}:${await s.read()}`)));
        },
        notify: (n) => notices.push(n),
      }),
    );
    await act(async () => deliver({ type: 'import-files', files: [{ name: 'a.xlsx', base64: 'QUJD' }] }));
    await waitFor(() => expect(imported).toEqual([['a.xlsx:QUJD']]));
    act(() => deliver({ type: 'show-message', zh: '已从备份恢复', en: 'Restored from the backup' }));
    expect(notices).toEqual([{ kind: 'info', text: { zh: '已从备份恢复', en: 'Restored from the backup' } }]);
    hook.unmount();
    expect(unsubscribed).toBe(1);
  });
});
