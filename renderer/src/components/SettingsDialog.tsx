// Settings: the clerk's department (or all, for the coordinating office), name, phone, language,
// text size.
import { useState } from 'react';
import type { Settings } from '../../../shared/api/contract';
import type { TextSize } from '../../../shared/domain/text-size';
import { DEFAULT_TEXT_SIZE, TEXT_SIZES } from '../../../shared/domain/text-size';
import { useAt } from '../i18n/accessibility-messages';
import { useT } from '../i18n/context';
import { Dialog } from './Dialog';
import { DepartmentAliasesEditor } from './import/DepartmentAliasesEditor';
import { DepartmentContactsEditor } from './cycle/DepartmentContactsEditor';

interface SettingsDialogProps {
  settings: Settings;
  departments: string[];
  onSave: (settings: Settings) => Promise<string | null>;
  onClose: () => void;
}

const ALL = '__all__';

export function SettingsDialog({ settings, departments, onSave, onClose }: SettingsDialogProps): React.JSX.Element {
  const t = useT();
  const at = useAt();
  const [draft, setDraft] = useState<Settings>(settings);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    setBusy(true);
    const problem = await onSave(draft);
    setBusy(false);
    if (problem) setError(problem);
    else onClose();
  };

  return (
    <Dialog
      title={t('settings.title')}
      onClose={onClose}
      testId="settings-dialog"
      footer={
        <>
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="button" className="primary" disabled={busy} onClick={() => void submit()}>{t('common.save')}</button>
        </>
      }
    >
      <form className="form-grid" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <label htmlFor="settings-department">{t('settings.department')}</label>
        <div>
          <select
            id="settings-department"
            value={draft.department ?? ALL}
            onChange={(e) => setDraft({ ...draft, department: e.target.value === ALL ? null : e.target.value })}
          >
            {departments.map((d) => <option key={d} value={d}>{d}</option>)}
            <option value={ALL}>{t('toolbar.all-departments')}</option>
          </select>
          <div className="hint">{t('settings.department-hint')}</div>
        </div>
        <label htmlFor="settings-clerk">{t('settings.clerk-name')}</label>
        <input id="settings-clerk" value={draft.clerkName} maxLength={100} onChange={(e) => setDraft({ ...draft, clerkName: e.target.value })} />
        <label htmlFor="settings-phone">{t('settings.clerk-phone')}</label>
        <input id="settings-phone" value={draft.clerkPhone} maxLength={50} inputMode="tel" onChange={(e) => setDraft({ ...draft, clerkPhone: e.target.value })} />
        <label htmlFor="settings-lang">{t('settings.language')}</label>
        <select id="settings-lang" value={draft.lang} onChange={(e) => setDraft({ ...draft, lang: e.target.value === 'en' ? 'en' : 'zh' })}>
          <option value="zh">{t('lang.zh')}</option>
          <option value="en">{t('lang.en')}</option>
        </select>
        <label htmlFor="settings-text-size">{at('text-size.label')}</label>
        <div>
          <select
            id="settings-text-size"
            value={draft.textSize ?? DEFAULT_TEXT_SIZE}
            onChange={(e) => setDraft({ ...draft, textSize: Number(e.target.value) as TextSize })}
          >
            {TEXT_SIZES.map((size) => <option key={size} value={size}>{at('text-size.option', { size })}</option>)}
          </select>
          <div className="hint">{at('text-size.hint')}</div>
        </div>
        <button type="submit" hidden />
      </form>
      <DepartmentAliasesEditor departments={departments} />
      <DepartmentContactsEditor departments={departments} />
      {error ? <p className="error-text" role="alert">{error}</p> : null}
    </Dialog>
  );
}
