// @vitest-environment happy-dom
// The Notice banner: roles by kind, the import-progress line, the 撤销导入 button (closes the
// banner, then undoes) and ×, in the language of the surrounding LangContext — and, when that
// language changes with a notice showing, the same notice re-worded in the new one.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { NoticeMessage } from '../../../renderer/src/components/Notice';
import { Notice } from '../../../renderer/src/components/Notice';
import { LangContext } from '../../../renderer/src/i18n/context';
import type { Lang } from '../../../shared/i18n/lang';

afterEach(() => cleanup());

function show(notice: NoticeMessage | null, progress: string | null = null, lang: Lang = 'zh') {
  const log: string[] = [];
  render(
    createElement(LangContext.Provider, { value: lang },
      createElement(Notice, { notice, progress, onUndoImport: (id: number) => log.push(`undo:${id}`), onClose: () => log.push('close') })),
  );
  return log;
}

describe('Notice', () => {
  it('offers to undo an applied import: the banner closes, then the import is undone', () => {
    const log = show({ kind: 'info', text: { zh: '已导入 3 处修改（a.xlsx）。', en: 'Imported 3 changes (a.xlsx).' }, undoImportId: 7 });
    expect(screen.getByTestId('notice').getAttribute('role')).toBe('status');
    fireEvent.click(screen.getByRole('button', { name: '撤销导入' }));
    expect(log).toEqual(['close', 'undo:7']);
  });

  it('shows an error as an alert without an undo button, closed with ×', () => {
    const log = show({ kind: 'error', text: { zh: '出错', en: 'boom' } }, null, 'en');
    expect(screen.getByRole('alert').textContent).toContain('boom');
    expect(screen.queryByRole('button', { name: 'Undo import' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(log).toEqual(['close']);
  });

  it('shows the import progress line, and nothing without a notice', () => {
    show(null, '正在读取 1/2：a.xlsx');
    expect(screen.getByTestId('import-progress').textContent).toBe('正在读取 1/2：a.xlsx');
    expect(screen.queryByTestId('notice')).toBeNull();
  });

  it('re-words a notice showing when the language changes (it keeps both languages, not a rendered string)', () => {
    const notice: NoticeMessage = { kind: 'info', text: { zh: '已导出：a.xlsx', en: 'Exported: a.xlsx' }, undoImportId: 3 };
    const tree = (lang: Lang) =>
      createElement(LangContext.Provider, { value: lang },
        createElement(Notice, { notice, progress: null, onUndoImport: () => {}, onClose: () => {} }));
    const { rerender } = render(tree('zh'));
    expect(screen.getByTestId('notice').textContent).toContain('已导出：a.xlsx');
    expect(screen.getByRole('button', { name: '撤销导入' })).toBeTruthy();
    rerender(tree('en'));
    expect(screen.getByTestId('notice').textContent).toContain('Exported: a.xlsx');
    expect(screen.getByTestId('notice').textContent).not.toContain('已导出');
    expect(screen.getByRole('button', { name: 'Undo import' })).toBeTruthy();
  });
});
