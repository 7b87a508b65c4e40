// History: the annotated reply to one imported file — the sender's workbook marked up, in an .eml
// draft offered as a download — or the reason there is none (no problems, kept copy gone).
import { useMemo, useState } from 'react';
import { getApi } from '../../api';
import { downloadBase64 } from '../../files';
import { useLang } from '../../i18n/context';
import { cyCount, useCy } from '../../i18n/overview-messages';
import { EML_TYPE } from './use-reporting-overview';

export function ReplyButton({ planId, importId, sha256 }: { planId: string; importId: number; sha256: string }): React.JSX.Element {
  const c = useCy();
  const lang = useLang();
  const api = useMemo(() => getApi(), []);
  const [text, setText] = useState<string | null>(null);
  const draft = async (): Promise<void> => {
    setText(c('reply.working'));
    const r = await api.draftImportReply({ planId, importId, sha256 });
    if (!r.ok) {
      setText(r.error.message[lang]);
      return;
    }
    downloadBase64(r.value.fileName, r.value.base64, EML_TYPE);
    setText(cyCount(lang, 'reply.done', r.value.problems, { name: r.value.fileName }));
  };
  return (
    <span className="reply-action">
      <button type="button" className="small" onClick={() => void draft()} data-testid="reply-button">{c('reply.button')}</button>
      {text ? <span className="hint" role="status">{text}</span> : null}
    </span>
  );
}
