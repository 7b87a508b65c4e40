// The UI words of accessibility (text size, the announcer, landmarks): a catalogue on the one
// message engine (typed keys, Chinese and English).
import type { KeyOf, Params } from '../../../shared/i18n/engine';
import { defineCatalogue, translatorFor } from '../../../shared/i18n/engine';
import { useLang } from './context';

export const ACCESSIBILITY_MESSAGES = defineCatalogue(
  'text-size-keyboard',
  {
    'text-size.label': '文字大小',
    'text-size.option': '{size}%',
    'text-size.hint': '也可按 Ctrl + 放大、Ctrl − 缩小、Ctrl 0 恢复。',
    'legend.region': '状态图例与统计',
    'announcer.label': '提示',
  },
  {
    'text-size.label': 'Text size',
    'text-size.option': '{size}%',
    'text-size.hint': 'Or press Ctrl + to enlarge, Ctrl − to reduce, Ctrl 0 to reset.',
    'legend.region': 'Status legend and counts',
    'announcer.label': 'Announcements',
  },
);

export type AccessibilityKey = KeyOf<typeof ACCESSIBILITY_MESSAGES>;

export const at = translatorFor(ACCESSIBILITY_MESSAGES);

/** The accessibility words in the current UI language. */
export function useAt(): (key: AccessibilityKey, params?: Params) => string {
  const lang = useLang();
  return (key, params) => at(lang, key, params);
}
