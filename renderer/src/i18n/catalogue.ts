// The UI's own words, Chinese (default) and English, rendered by the one message engine
// (shared/i18n/engine). Messages that come back from main (refusals, import issues, errors) already
// carry both languages; these are the labels around them.
import type { KeyOf, Params, PluralBase } from '../../../shared/i18n/engine';
import type { Lang } from '../../../shared/i18n/lang';
import { defineCatalogue, renderCount, translatorFor } from '../../../shared/i18n/engine';
import { UI_TEXTS_EN } from './ui-texts-en';
import { UI_TEXTS_ZH } from './ui-texts-zh';

export const UI_MESSAGES = defineCatalogue('ui', UI_TEXTS_ZH, UI_TEXTS_EN);

export type MessageKey = KeyOf<typeof UI_MESSAGES>;

/** A UI label in the given language: t(lang, key, params). */
export const t = translatorFor(UI_MESSAGES);

/**
 * A counted UI label (keys `base.one` / `base.other`, chosen by the language's plural rule, e.g.
 * "1 indicator" / "13 indicators"): tCount(lang, 'grid.count', n). `params.count` may give the
 * count formatted for display; the form is still chosen by `count`.
 */
export function tCount(lang: Lang, base: PluralBase<MessageKey>, count: number, params: Params = {}): string {
  return renderCount(UI_MESSAGES, lang, base, count, params);
}
