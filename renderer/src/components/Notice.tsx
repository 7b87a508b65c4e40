// The banner under the toolbar for one message at a time: information (an export done, an import
// applied, with its 撤销导入 button) or an error; closed with ×. And the import progress line.
// A notice holds its words in both languages and shows the one in effect each time it renders, so
// switching the language with a notice showing re-words it (docs/ARCHITECTURE.md §Notices).
import type { JSX } from 'react';
import type { Lang } from '../../../shared/i18n/lang';
import { useLang, useT } from '../i18n/context';

/**
 * A notice's words in both UI languages (an AppMessage is one). Made with inBothLanguages()
 * (app/notice-text.ts) from a catalogue, or taken from an API error's message.
 */
export type NoticeText = Readonly<Record<Lang, string>>;

export interface NoticeMessage {
  kind: 'info' | 'error';
  /** In both languages: the banner shows the UI language's, even after a switch. */
  text: NoticeText;
  /** An applied import the banner offers to undo. */
  undoImportId?: number;
}

interface NoticeProps {
  notice: NoticeMessage | null;
  /** "Reading file 2 of 3 …" while an import reads its files, or null. */
  progress: string | null;
  onUndoImport: (importId: number) => void;
  onClose: () => void;
}

export function Notice({ notice, progress, onUndoImport, onClose }: NoticeProps): JSX.Element {
  const t = useT();
  const lang = useLang();
  return (
    <>
      {progress ? <div className="banner banner-info" role="status" data-testid="import-progress">{progress}</div> : null}
      {notice ? (
        <div className={notice.kind === 'error' ? 'banner banner-error' : 'banner banner-info'} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
          <span>{notice.text[lang]}</span>
          {notice.undoImportId !== undefined ? (
            <button type="button" className="small" onClick={() => { const id = notice.undoImportId as number; onClose(); onUndoImport(id); }}>
              {t('import.undo')}
            </button>
          ) : null}
          <button type="button" className="icon-button" aria-label={t('common.close')} onClick={onClose}>×</button>
        </div>
      ) : null}
    </>
  );
}
