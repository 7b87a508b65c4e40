// The clerk's settings (department, name, phone, language) and the UI language: the language
// switch takes effect at once and is saved in the background; the settings dialog saves and waits.
// The page's lang attribute and title follow the language.
import { useCallback, useEffect, useState } from 'react';
import type { IndicatorDeskApi, Settings } from '../../../shared/api/contract';
import type { Lang } from '../../../shared/i18n/lang';
import { t } from '../i18n/catalogue';

/** A save's outcome: the settings as stored, or the reason in the UI language. */
export type SettingsOutcome = { ok: true; saved: Settings } | { ok: false; problem: string };

export interface SettingsState {
  lang: Lang;
  /** The settings as last saved (lang there may lag behind `lang` while a switch is being saved). */
  settings: Settings;
  /** Switch the UI language now and save it; a failed save is passed to onProblem. */
  switchLanguage: (next: Lang) => void;
  /** Save settings (the dialog); the language follows the saved one. */
  saveSettings: (next: Settings) => Promise<SettingsOutcome>;
}

export function useSettings(api: IndicatorDeskApi, initial: Settings, onProblem: (text: string) => void): SettingsState {
  const [settings, setSettings] = useState(initial);
  const [lang, setLang] = useState<Lang>(initial.lang);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t(lang, 'app.name');
  }, [lang]);

  const saveSettings = useCallback(
    async (next: Settings): Promise<SettingsOutcome> => {
      const r = await api.saveSettings(next);
      if (!r.ok) return { ok: false, problem: r.error.message[lang] };
      setSettings(r.value);
      setLang(r.value.lang);
      return { ok: true, saved: r.value };
    },
    [api, lang],
  );

  const switchLanguage = useCallback(
    (next: Lang) => {
      setLang(next);
      void saveSettings({ ...settings, lang: next }).then((outcome) => {
        if (!outcome.ok) onProblem(outcome.problem);
      });
    },
    [onProblem, saveSettings, settings],
  );

  return { lang, settings, switchLanguage, saveSettings };
}
