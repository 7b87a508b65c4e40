// @vitest-environment happy-dom
// useModalFocus on a real (happy-dom) dialog: focus moves in on open and back to the opener on
// close; Tab and Shift+Tab wrap inside; Esc closes; Enter in a field presses the primary button but
// not when a field handled it or an input method is composing; only the topmost dialog answers.
import { act, cleanup, render } from '@testing-library/react';
import { createElement as h, useRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { tabbables, useModalFocus } from '../../../renderer/src/app/use-modal-focus';

interface Calls { closed: string[]; saved: string[] }

function TestDialog({ name, calls, handlesEnter = false, withTextArea = false }: { name: string; calls: Calls; handlesEnter?: boolean; withTextArea?: boolean }): React.JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  useModalFocus(ref, { onClose: () => calls.closed.push(name) });
  return h('div', { ref, role: 'dialog', tabIndex: -1, 'data-testid': name },
    h('button', { type: 'button', id: `${name}-x` }, '×'),
    h('input', { id: `${name}-field`, onKeyDown: handlesEnter ? (e: React.KeyboardEvent) => { if (e.key === 'Enter') e.preventDefault(); } : undefined }),
    withTextArea ? h('textarea', { id: `${name}-reason` }) : null,
    h('div', { className: 'dialog-footer' },
      h('button', { type: 'button', id: `${name}-cancel` }, 'Cancel'),
      h('button', { type: 'button', className: 'primary', id: `${name}-save`, onClick: () => calls.saved.push(name) }, 'Save')));
}

function key(target: Element, init: KeyboardEventInit): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(e);
  return e;
}

const byId = (id: string): HTMLElement => document.getElementById(id) as HTMLElement;

afterEach(cleanup);

describe('useModalFocus', () => {
  it('takes the focus on open and gives it back to the opener on close', () => {
    const calls: Calls = { closed: [], saved: [] };
    document.body.innerHTML = '<button id="opener">Open</button>';
    byId('opener').focus();
    const view = render(h(TestDialog, { name: 'a', calls }));
    expect(document.activeElement).toBe(view.getByTestId('a'));
    view.unmount();
    expect(document.activeElement).toBe(byId('opener'));
  });

  it('wraps Tab and Shift+Tab inside the dialog and closes on Esc', () => {
    const calls: Calls = { closed: [], saved: [] };
    const view = render(h(TestDialog, { name: 'a', calls }));
    const dialog = view.getByTestId('a');
    expect(tabbables(dialog).map((e) => e.id)).toEqual(['a-x', 'a-field', 'a-cancel', 'a-save']);
    byId('a-save').focus();
    expect(key(byId('a-save'), { key: 'Tab' }).defaultPrevented).toBe(true);
    expect(document.activeElement?.id).toBe('a-x');
    key(byId('a-x'), { key: 'Tab', shiftKey: true });
    expect(document.activeElement?.id).toBe('a-save');
    // In the middle, Tab is the browser's own move.
    byId('a-field').focus();
    expect(key(byId('a-field'), { key: 'Tab' }).defaultPrevented).toBe(false);
    key(byId('a-field'), { key: 'Escape' });
    expect(calls.closed).toEqual(['a']);
  });

  it('presses the primary button on Enter in a field, not on a button, not while composing', () => {
    const calls: Calls = { closed: [], saved: [] };
    render(h(TestDialog, { name: 'a', calls }));
    key(byId('a-field'), { key: 'Enter', isComposing: true });
    expect(calls.saved).toEqual([]);
    key(byId('a-cancel'), { key: 'Enter' });
    expect(calls.saved).toEqual([]);
    expect(key(byId('a-field'), { key: 'Enter' }).defaultPrevented).toBe(true);
    expect(calls.saved).toEqual(['a']);
  });

  it('keeps Enter in a text area a new line; Ctrl+Enter there presses the primary button, not elsewhere', () => {
    const calls: Calls = { closed: [], saved: [] };
    render(h(TestDialog, { name: 'a', calls, withTextArea: true }));
    expect(key(byId('a-reason'), { key: 'Enter' }).defaultPrevented).toBe(false);
    expect(calls.saved).toEqual([]);
    key(byId('a-cancel'), { key: 'Enter', ctrlKey: true });
    expect(calls.saved).toEqual([]);
    expect(key(byId('a-reason'), { key: 'Enter', ctrlKey: true }).defaultPrevented).toBe(true);
    expect(calls.saved).toEqual(['a']);
  });

  it('leaves Enter to a field that handles it itself', () => {
    const calls: Calls = { closed: [], saved: [] };
    render(h(TestDialog, { name: 'a', calls, handlesEnter: true }));
    key(byId('a-field'), { key: 'Enter' });
    expect(calls.saved).toEqual([]);
  });

  it('lets only the topmost of two open dialogs answer Esc', () => {
    const calls: Calls = { closed: [], saved: [] };
    const outer = render(h(TestDialog, { name: 'outer', calls }));
    const inner = render(h(TestDialog, { name: 'inner', calls }));
    act(() => { key(byId('inner-field'), { key: 'Escape' }); });
    expect(calls.closed).toEqual(['inner']);
    inner.unmount();
    key(byId('outer-field'), { key: 'Escape' });
    expect(calls.closed).toEqual(['inner', 'outer']);
    outer.unmount();
  });
});
