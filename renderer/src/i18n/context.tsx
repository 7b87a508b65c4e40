// The current UI language for every component, with a translator bound to it.
import { createContext, useContext } from 'react';
import type { Lang } from '../../../shared/i18n/lang';
import type { Params } from '../../../shared/i18n/engine';
import type { MessageKey } from './catalogue';
import { t } from './catalogue';

export const LangContext = createContext<Lang>('zh');

export function useLang(): Lang {
  return useContext(LangContext);
}

export function useT(): (key: MessageKey, params?: Params) => string {
  const lang = useLang();
  return (key, params) => t(lang, key, params);
}
