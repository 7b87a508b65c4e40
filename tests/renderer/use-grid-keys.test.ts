// @vitest-environment happy-dom
// useGridKeys: which key does what on the grid's container, and that an open editor keeps its keys.
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyLike } from '../../renderer/src/grid/use-grid-keys';
import { useGridKeys } from '../../renderer/src/grid/use-grid-keys';
import { MemoryPort } from './memory-port';

afterEach(() => cleanup());

function key(k: string, mods: Partial<Pick<KeyLike, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>> = {}) {
  const e = {
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...mods,
    prevented: false,
    stopped: false,
    preventDefault: () => {
      e.prevented = true;
    },
    stopPropagation: () => {
      e.stopped = true;
    },
  };
  return e;
}

function mount(answers: { cleared?: boolean; discarded?: boolean } = {}) {
  const port = new MemoryPort([], []);
  const log: string[] = [];
  const hook = renderHook(() =>
    useGridKeys({
      port: { current: port },
      undo: async () => void log.push('undo'),
      redo: async () => void log.push('redo'),
      clearSelection: () => (log.push('clear'), answers.cleared ?? true),
      discardSelection: () => (log.push('discard'), answers.discarded ?? true),
      setExtending: (x) => void log.push(`extend:${x}`),
    }),
  );
  /** One key press as the browser delivers it: capture phase, then bubble. */
  const press = (e: ReturnType<typeof key>) => {
    act(() => {
      hook.result.current.onKeyDownCapture(e);
      if (!e.stopped) hook.result.current.onKeyDown(e);
    });
    return e;
  };
  return { port, log, press, hook };
}

describe('useGridKeys', () => {
  it('Ctrl+Z undoes; Ctrl+Y, Ctrl+Shift+Z and ⌘Y redo; the keys go no further', () => {
    const { log, press } = mount();
    const z = press(key('z', { ctrlKey: true }));
    expect(z.prevented && z.stopped).toBe(true);
    press(key('y', { ctrlKey: true }));
    press(key('Z', { ctrlKey: true, shiftKey: true }));
    press(key('y', { metaKey: true }));
    press(key('z', { ctrlKey: true, altKey: true }));
    expect(log.filter((l) => !l.startsWith('extend'))).toEqual(['undo', 'redo', 'redo', 'redo']);
  });

  it('Delete and Backspace clear the selection; the key is consumed only when something was cleared', () => {
    const { log, press } = mount();
    expect(press(key('Delete')).prevented).toBe(true);
    expect(press(key('Backspace')).prevented).toBe(true);
    expect(log.filter((l) => l === 'clear')).toHaveLength(2);
    const nothing = mount({ cleared: false });
    expect(nothing.press(key('Delete')).prevented).toBe(false);
  });

  it('Esc drops drafts, but an Esc that closes an open editor only closes it', () => {
    const { port, log, hook, press } = mount();
    // The editor is open when the key goes down; AG Grid has closed it by the time the key bubbles.
    port.editing = true;
    const first = key('Escape');
    act(() => hook.result.current.onKeyDownCapture(first));
    port.editing = false;
    act(() => hook.result.current.onKeyDown(first));
    expect(first.prevented).toBe(false);
    expect(log).not.toContain('discard');
    expect(press(key('Escape')).prevented).toBe(true);
    expect(log.filter((l) => l === 'discard')).toHaveLength(1);
  });

  it('shift+arrow and shift+click extend the copy range; any other key starts a new one', () => {
    const { log, press, hook } = mount();
    press(key('ArrowDown', { shiftKey: true }));
    press(key('ArrowDown'));
    press(key('ArrowRight', { shiftKey: true, ctrlKey: true }));
    act(() => hook.result.current.onMouseDownCapture({ shiftKey: true }));
    expect(log).toEqual(['extend:true', 'extend:false', 'extend:false', 'extend:true']);
  });

  it('leaves every key to an open editor (its own undo, its own Delete)', () => {
    const { port, log, press } = mount();
    port.editing = true;
    press(key('z', { ctrlKey: true }));
    press(key('Delete'));
    press(key('Escape'));
    expect(log).toEqual([]);
  });
});
