// Making a notice's words (NoticeText, components/Notice.tsx) in both languages, so the banner can
// follow a language switch (docs/ARCHITECTURE.md §Notices): every part that sets a notice renders
// its message once per language here instead of once in the language of the moment.
import type { Lang } from '../../../shared/i18n/lang';
import type { NoticeText } from '../components/Notice';

const LANGS: readonly Lang[] = ['zh', 'en'];

/** `render` called for each UI language: inBothLanguages((l) => t(l, 'export.done', { name })). */
export function inBothLanguages(render: (lang: Lang) => string): NoticeText {
  return Object.fromEntries(LANGS.map((l) => [l, render(l)])) as Record<Lang, string>;
}

/**
 * A text that exists in one language only (a part that renders its message in the language of the
 * moment): shown as it is in either language. Prefer inBothLanguages; this is for the parts that
 * cannot give both yet.
 */
export function sameInBoth(text: string): NoticeText {
  return { zh: text, en: text };
}
