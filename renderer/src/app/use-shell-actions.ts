// The desktop shell's native-menu actions (none in browser mode): files handed over by the OS or
// the 导入 menu go to the import flow; messages (e.g. a restored backup) go to the notice.
import { useEffect } from 'react';
import type { IndicatorDeskShell } from '../api/global';
import type { NoticeMessage } from '../components/Notice';
import type { ImportSource } from './use-import-flow';

export function useShellActions(options: {
  importSources: (sources: ImportSource[]) => Promise<void>;
  notify: (notice: NoticeMessage) => void;
}): void {
  const { importSources, notify } = options;
  useEffect(() => {
    const shell: IndicatorDeskShell | undefined = window.indicatorDeskShell;
    // Mounted once the plan is known: the preload holds actions that arrive before that.
    if (!shell) return;
    return shell.onMenuAction((action) => {
      if (action.type === 'import-files') {
        void importSources(action.files.map((f) => ({ name: f.name, read: () => Promise.resolve(f.base64) })));
      } else {
        // Both languages kept: the notice follows a later language switch.
        notify({ kind: 'info', text: { zh: action.zh, en: action.en } });
      }
    });
  }, [importSources, notify]);
}
