// @vitest-environment happy-dom
// useFileDrop on the real window's drag events: the overlay shows while files hover (however many
// child elements the drag crosses), drops hand over the files, drags without files are ignored.
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useFileDrop } from '../../../renderer/src/app/use-file-drop';

afterEach(() => cleanup());

/** A drag event carrying `types` and `files`, as the browser sends while something is dragged. */
function drag(type: string, types: string[], files: File[] = []): Event {
  const e = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(e, 'dataTransfer', { value: { types, files, dropEffect: 'none' } });
  act(() => {
    window.dispatchEvent(e);
  });
  return e;
}

describe('useFileDrop', () => {
  it('shows while files hover, survives crossing child elements, and hands over the dropped files', () => {
    const dropped: string[][] = [];
    const hook = renderHook(() => useFileDrop((files) => dropped.push(files.map((f) => f.name))));
    expect(hook.result.current.dragging).toBe(false);
    expect(drag('dragenter', ['Files']).defaultPrevented).toBe(true);
    drag('dragenter', ['Files']); // into a child element
    drag('dragleave', ['Files']); // out of it
    expect(hook.result.current.dragging).toBe(true);
    const over = drag('dragover', ['Files']);
    expect(over.defaultPrevented).toBe(true);
    expect((over as Event & { dataTransfer: { dropEffect: string } }).dataTransfer.dropEffect).toBe('copy');
    const drop = drag('drop', ['Files'], [new File(['x'], 'a.xlsx'), new File(['y'], 'b.xls')]);
    expect(drop.defaultPrevented).toBe(true);
    expect(hook.result.current.dragging).toBe(false);
    expect(dropped).toEqual([['a.xlsx', 'b.xls']]);
  });

  it('hides when the files leave the window, and ignores drags without files', () => {
    const dropped: File[][] = [];
    const hook = renderHook(() => useFileDrop((files) => dropped.push(files)));
    drag('dragenter', ['Files']);
    drag('dragleave', ['Files']);
    expect(hook.result.current.dragging).toBe(false);
    expect(drag('dragenter', ['text/plain']).defaultPrevented).toBe(false);
    expect(hook.result.current.dragging).toBe(false);
    drag('drop', ['text/plain']);
    expect(dropped).toEqual([]);
  });

  it('stops listening when unmounted', () => {
    const dropped: File[][] = [];
    const hook = renderHook(() => useFileDrop((files) => dropped.push(files)));
    hook.unmount();
    expect(drag('drop', ['Files'], [new File(['x'], 'a.xlsx')]).defaultPrevented).toBe(false);
    expect(dropped).toEqual([]);
  });
});
