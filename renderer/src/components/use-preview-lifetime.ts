// Import previews live in the main process's memory until applied, discarded or unused for a while
// (electron/services/preview-cache.ts). While the preview dialog is open it keeps them alive; when
// it closes (cancelled or applied) it frees them.
import { useEffect, useRef } from 'react';
import { getApi } from '../api';

/** Well inside the main process's 30-minute idle expiry. */
const KEEP_ALIVE_MS = 5 * 60 * 1000;

// React's development StrictMode runs an effect's cleanup and setup again at once: discards are
// deferred a moment, and previews taken up again by a mounting dialog are struck off the list.
const toDiscard = new Set<string>();
let discardTimer: number | undefined;

function scheduleDiscard(ids: readonly string[]): void {
  for (const id of ids) toDiscard.add(id);
  if (discardTimer !== undefined) window.clearTimeout(discardTimer);
  discardTimer = window.setTimeout(() => {
    discardTimer = undefined;
    const previewIds = [...toDiscard];
    toDiscard.clear();
    if (previewIds.length > 0) void getApi().discardImportPreviews({ previewIds });
  }, 100);
}

/** Keep `previewIds` (which may grow) alive while the caller is mounted; free them when it unmounts. */
export function usePreviewLifetime(previewIds: readonly string[]): void {
  const ids = useRef<readonly string[]>(previewIds);
  useEffect(() => {
    ids.current = previewIds;
    for (const id of previewIds) toDiscard.delete(id);
  }, [previewIds]);
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (ids.current.length > 0) void getApi().keepImportPreviews({ previewIds: [...ids.current] });
    }, KEEP_ALIVE_MS);
    return () => {
      window.clearInterval(timer);
      scheduleDiscard(ids.current);
    };
  }, []);
}
