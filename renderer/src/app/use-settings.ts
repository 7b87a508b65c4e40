// The clerk's settings (department, name, phone, language, text size) and the UI language: the
// language switch and the text size (Ctrl + / Ctrl −) take effect at once and are saved in the
// background; the settings dialog saves and waits. The page's lang attribute and title follow the
// language.
import { useCallback, useEffect, useState } from 'react';
import type { IndicatorDeskApi, Settings } from '../../../shared/api/contract';
import type { TextSize } from '../../../shared/domain/text-size';
import { DEFAULT_TEXT_SIZE } from '../../../shared/domain/text-size';
import type { Lang } from '../../../shared/i18n/lang';
import { t } from '../i18n/catalogue';
import type { AppMessage } from '../../../shared/i18n/engine';
import type { NoticeText } from '../components/Notice';

/** A save's outcome: the settings as stored, or the reason in the UI language (`problem`) and in both (`message`). */
export type SettingsOutcome = { ok: true; saved: Settings } | { ok: false; problem: string; message: AppMessage };

export interface SettingsState {
  lang: Lang;
  /** The settings as last saved (lang there may lag behind `lang` while a switch is being saved). */
  settings: Settings;
  /** Switch the UI language now and save it; a failed save is passed to onProblem. */
  switchLanguage: (next: Lang) => void;
  /** Save settings (the dialog); the language and text size follow the saved ones. */
  saveSettings: (next: Settings) => Promise<SettingsOutcome>;
  /** The text size in effect (percent); may be ahead of `settings.textSize` while it is being saved. */
  textSize: TextSize;
  /** Change the text size now and save it; a failed save is passed to onProblem. */
  changeTextSize: (next: TextSize) => void;
}

/** `onProblem` gets a failed background save's reason in both languages (it becomes a notice that follows the language). */
export function useSettings(api: IndicatorDeskApi, initial: Settings, onProblem: (message: NoticeText) => void): SettingsState {
  const [settings, setSettings] = useState(initial);
  const [lang, setLang] = useState<Lang>(initial.lang);
  const [textSize, setTextSize] = useState<TextSize>(initial.textSize ?? DEFAULT_TEXT_SIZE);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t(lang, 'app.name');
  }, [lang]);

  const saveSettings = useCallback(
    async (next: Settings): Promise<SettingsOutcome> => {
      const r = await api.saveSettings(next);
      if (!r.ok) return { ok: false, problem: r.error.message[lang], message: r.error.message };
      setSettings(r.value);
      setLang(r.value.lang);
      setTextSize(r.value.textSize ?? DEFAULT_TEXT_SIZE);
      return { ok: true, saved: r.value };
    },
    [api, lang],
  );

  const switchLanguage = useCallback(
    (next: Lang) => {
      setLang(next);
      void saveSettings({ ...settings, lang: next }).then((outcome) => {
        if (!outcome.ok) onProblem(outcome.message);
      });
    },
    [onProblem, saveSettings, settings],
  );

  const changeTextSize = useCallback(
    (next: TextSize) => {
      setTextSize(next);
      void saveSettings({ ...settings, lang, textSize: next }).then((outcome) => {
        if (!outcome.ok) onProblem(outcome.message);
      });
    },
    [lang, onProblem, saveSettings, settings],
  );

  return { lang, settings, switchLanguage, saveSettings, textSize, changeTextSize };
}
