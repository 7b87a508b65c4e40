// @vitest-environment happy-dom
// The import progress line ("正在读取 1/1：a.xlsx") follows a language switch while a file is being
// read, as notices do (docs/ARCHITECTURE.md §Notices): the hook keeps which file, not the words.
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useImportFlow } from '../../../renderer/src/app/use-import-flow';
import type { Lang } from '../../../shared/i18n/lang';
import { PLAN_ID, realApiPerTest } from '../real-api';

const real = realApiPerTest();

describe('the import progress line', () => {
  it('is re-worded when the language changes while a file is read', async () => {
    const hook = renderHook(({ lang }: { lang: Lang }) => useImportFlow({ api: real.api, planId: PLAN_ID, lang, notify: () => {}, afterChange: async () => {} }), {
      initialProps: { lang: 'zh' as Lang },
    });
    let fail: (error: Error) => void = () => {};
    const bytes = new Promise<string>((_resolve, reject) => (fail = reject));
    let done: Promise<void> = Promise.resolve();
    act(() => {
      done = hook.result.current.importSources([{ name: 'a.xlsx', read: () => bytes }]);
    });
    expect(hook.result.current.readingText).toBe('正在读取 1/1：a.xlsx');
    hook.rerender({ lang: 'en' });
    expect(hook.result.current.readingText).toBe('Reading 1/1: a.xlsx');
    await act(async () => {
      fail(new Error('gone'));
      await done;
    });
    expect(hook.result.current.readingText).toBeNull();
  });
});
