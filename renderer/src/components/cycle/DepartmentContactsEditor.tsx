// Settings: each department's email address, the To: of its reminders and annotated replies.
// Saved on its own button, like the department aliases.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { getApi } from '../../api';
import { useLang } from '../../i18n/context';
import { useCy } from '../../i18n/overview-messages';

export function DepartmentContactsEditor({ departments }: { departments: string[] }): React.JSX.Element {
  const c = useCy();
  const lang = useLang();
  const api = useMemo(() => getApi(), []);
  const [contacts, setContacts] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    void api.getDepartmentContacts({}).then((r) => {
      if (live && r.ok) setContacts(r.value);
    });
    return () => {
      live = false;
    };
  }, [api]);

  const save = useCallback(async () => {
    const r = await api.saveDepartmentContacts(contacts);
    if (!r.ok) setMessage({ kind: 'error', text: r.error.message[lang] });
    else {
      setContacts(r.value);
      setMessage({ kind: 'ok', text: c('contacts.saved') });
    }
  }, [api, contacts, lang, c]);

  return (
    <fieldset className="aliases" data-testid="department-contacts">
      <legend>{c('contacts.title')}</legend>
      <p className="hint">{c('contacts.hint')}</p>
      {departments.map((d) => (
        <div key={d} className="alias-row">
          <label htmlFor={`contact-${d}`}>{d}</label>
          <input id={`contact-${d}`} type="email" maxLength={254} value={contacts[d] ?? ''} onChange={(e) => setContacts({ ...contacts, [d]: e.target.value })} />
        </div>
      ))}
      <div className="alias-actions">
        <button type="button" className="small" onClick={() => void save()}>{c('contacts.save')}</button>
        {message ? <span className={message.kind === 'error' ? 'error-text' : 'hint'} role="status">{message.text}</span> : null}
      </div>
    </fieldset>
  );
}
