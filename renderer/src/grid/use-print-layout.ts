// Printing prints every row (issue 15). On screen AG Grid draws only the rows and columns in view
// (virtualisation), so a print of the screen grid stops where the window does. Around a print —
// Ctrl+P, window.print(), Chromium's page.pdf and Electron's printToPDF all fire 'beforeprint' and
// 'afterprint' — the grid switches to AG Grid's print layout (every row and column in the DOM, the
// grid as tall as its rows; print.css lets it run over pages) and back to the normal layout after.
import type { RefObject } from 'react';
import { useEffect } from 'react';
import { flushSync } from 'react-dom';
import type { GridApi } from 'ag-grid-community';

/** Switch `apiRef`'s grid to print layout while the page prints; back to normal afterwards. */
export function usePrintLayout<T>(apiRef: RefObject<GridApi<T> | null>): void {
  useEffect(() => {
    const toPrint = (): void => {
      const api = apiRef.current;
      if (!api || api.isDestroyed()) return;
      // The browser lays the page out for print right after this handler returns, so the grid's
      // React rows must be in the DOM by then: render synchronously.
      flushSync(() => api.setGridOption('domLayout', 'print'));
    };
    const toScreen = (): void => {
      const api = apiRef.current;
      if (!api || api.isDestroyed()) return;
      api.setGridOption('domLayout', 'normal');
    };
    window.addEventListener('beforeprint', toPrint);
    window.addEventListener('afterprint', toScreen);
    return () => {
      window.removeEventListener('beforeprint', toPrint);
      window.removeEventListener('afterprint', toScreen);
    };
  }, [apiRef]);
}
