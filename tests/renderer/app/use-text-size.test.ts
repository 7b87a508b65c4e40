// @vitest-environment happy-dom
// useTextSize: the size reaches the page as --text-scale and data-text-size, and Ctrl + / Ctrl − /
// Ctrl 0 step it (stopping at 100% and 150%), with the browser's own zoom for those keys prevented.
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { textSizeKey, useTextSize } from '../../../renderer/src/app/use-text-size';
import type { TextSize } from '../../../shared/domain/text-size';

function press(init: KeyboardEventInit): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  window.dispatchEvent(e);
  return e;
}

describe('textSizeKey', () => {
  it('reads Ctrl with + / = / −/ 0 (and the keypad), nothing else', () => {
    expect(textSizeKey({ key: '=', code: 'Equal', ctrlKey: true, metaKey: false, altKey: false })).toBe(1);
    expect(textSizeKey({ key: '+', code: 'Equal', ctrlKey: true, metaKey: false, altKey: false })).toBe(1);
    expect(textSizeKey({ key: '+', code: 'NumpadAdd', ctrlKey: true, metaKey: false, altKey: false })).toBe(1);
    expect(textSizeKey({ key: '-', code: 'Minus', ctrlKey: true, metaKey: false, altKey: false })).toBe(-1);
    expect(textSizeKey({ key: '0', code: 'Digit0', ctrlKey: false, metaKey: true, altKey: false })).toBe('reset');
    expect(textSizeKey({ key: '=', code: 'Equal', ctrlKey: false, metaKey: false, altKey: false })).toBeNull();
    expect(textSizeKey({ key: '=', code: 'Equal', ctrlKey: true, metaKey: false, altKey: true })).toBeNull();
    expect(textSizeKey({ key: 'c', code: 'KeyC', ctrlKey: true, metaKey: false, altKey: false })).toBeNull();
  });
});

describe('useTextSize', () => {
  it('sets --text-scale and data-text-size on the page, and removes the attribute at 100%', () => {
    const hook = renderHook(({ size }: { size: TextSize }) => useTextSize(size, () => undefined), { initialProps: { size: 150 } });
    const root = document.documentElement;
    expect(root.style.getPropertyValue('--text-scale')).toBe('1.5');
    expect(root.getAttribute('data-text-size')).toBe('150');
    hook.rerender({ size: 100 });
    expect(root.style.getPropertyValue('--text-scale')).toBe('1');
    expect(root.hasAttribute('data-text-size')).toBe(false);
    hook.unmount();
  });

  it('steps the size with Ctrl + / Ctrl − / Ctrl 0 and prevents the browser zoom', () => {
    const asked: TextSize[] = [];
    const hook = renderHook(({ size }: { size: TextSize }) => useTextSize(size, (next) => asked.push(next)), { initialProps: { size: 100 } });
    const up = press({ key: '=', code: 'Equal', ctrlKey: true });
    expect(up.defaultPrevented).toBe(true);
    expect(asked).toEqual([125]);
    hook.rerender({ size: 150 });
    press({ key: '+', code: 'Equal', ctrlKey: true, shiftKey: true });
    expect(asked).toEqual([125]); // already the largest: nothing to change
    press({ key: '-', code: 'Minus', ctrlKey: true });
    press({ key: '0', code: 'Digit0', ctrlKey: true });
    expect(asked).toEqual([125, 125, 100]);
    const plain = press({ key: '=', code: 'Equal' });
    expect(plain.defaultPrevented).toBe(false);
    hook.unmount();
    press({ key: '0', code: 'Digit0', ctrlKey: true });
    expect(asked).toHaveLength(3);
  });
});
