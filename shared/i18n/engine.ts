// THE message engine (docs/ARCHITECTURE.md §Message engine). Every user-facing word of every layer
// comes from a catalogue made with defineCatalogue() and is rendered here: one placeholder syntax
// ({name}), one way to build a two-language AppMessage, one set of Intl number and date formatters.
// Catalogues stay beside the code they serve (shared, UI, grid, importer, shell, menu, backups);
// tests/shared/i18n-catalogues.test.ts checks that each has every key in both languages with the
// same placeholders.
import type { Lang } from './lang';

/** Values for {name} placeholders. Numbers are written as they are (String(n)), not grouped. */
export type Params = Readonly<Record<string, string | number>>;

/**
 * A message that can be shown in either language: the key, its parameters, and both renderings.
 * Validated where it crosses the API by AppMessageSchema (app-message-schema.ts), kept out of this
 * module so the command line's inspect loads no zod (docs/ARCHITECTURE.md §Command-line start).
 */
export type AppMessage = { key: string; params: Record<string, string | number>; zh: string; en: string };

/** One area's messages in both languages; K is the union of its keys (typed at every call). */
export interface Catalogue<K extends string> {
  /** Short name for reports ("shared", "ui", "grid", "import", "shell", "menu", "backup"). */
  readonly area: string;
  readonly texts: Readonly<Record<Lang, Readonly<Record<K, string>>>>;
}

/** The keys of a catalogue, e.g. `KeyOf<typeof GRID_MESSAGES>`. */
export type KeyOf<C> = C extends Catalogue<infer K> ? K : never;

const registry: Catalogue<string>[] = [];

/**
 * Make a catalogue. `en` must have exactly the keys of `zh` (a compile error otherwise); the
 * placeholders are checked by the catalogue test. Registered for that test.
 */
export function defineCatalogue<const Z extends Record<string, string>>(
  area: string,
  zh: Z,
  en: { readonly [K in keyof Z]: string },
): Catalogue<Extract<keyof Z, string>> {
  const catalogue: Catalogue<Extract<keyof Z, string>> = { area, texts: { zh, en } as Record<Lang, Record<Extract<keyof Z, string>, string>> };
  registry.push(catalogue);
  return catalogue;
}

/** Every catalogue defined so far (those whose modules have been loaded). */
export function registeredCatalogues(): readonly Catalogue<string>[] {
  return registry;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Each template split once into [text, name, text, name, …, text]: an import of a large return
 * renders tens of thousands of messages, and a regular-expression replace with a callback per
 * message was a tenth of such an inspect's time.
 */
const compiled = new Map<string, readonly string[]>();

function partsOf(template: string): readonly string[] {
  let parts = compiled.get(template);
  if (parts === undefined) {
    parts = template.split(PLACEHOLDER);
    compiled.set(template, parts);
  }
  return parts;
}

/** Fill {name} placeholders; unknown names stay visible rather than vanish. */
export function fillTemplate(template: string, params: Params = {}): string {
  const parts = partsOf(template);
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    out += (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : `{${name}}`) + (parts[i + 1] as string);
  }
  return out;
}

/** The placeholder names of a template, sorted and without repeats. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string))].sort();
}

/** One message in one language. A key missing in `lang` falls back to Chinese, then to the key. */
export function render<K extends string>(catalogue: Catalogue<K>, lang: Lang, key: K, params: Params = {}): string {
  const template = catalogue.texts[lang][key] ?? catalogue.texts.zh[key] ?? key;
  return fillTemplate(template, params);
}

/** A catalogue's renderer bound once: `const t = translatorFor(UI_MESSAGES); t('zh', 'app.name')`. */
export function translatorFor<K extends string>(catalogue: Catalogue<K>): (lang: Lang, key: K, params?: Params) => string {
  return (lang, key, params = {}) => render(catalogue, lang, key, params);
}

/** One message in both languages, as it crosses the process boundary (AppMessage). */
export function bilingual<K extends string>(catalogue: Catalogue<K>, key: K, params: Params = {}): AppMessage {
  return { key, params: { ...params }, zh: render(catalogue, 'zh', key, params), en: render(catalogue, 'en', key, params) };
}

/**
 * What is wrong with a catalogue: keys present in one language only, empty texts, and keys whose
 * placeholders differ between the languages. Empty when all is well.
 */
export function catalogueProblems(catalogue: Catalogue<string>): string[] {
  const problems: string[] = [];
  const { zh, en } = catalogue.texts;
  for (const key of new Set([...Object.keys(zh), ...Object.keys(en)])) {
    const a = zh[key];
    const b = en[key];
    if (a === undefined || b === undefined) {
      problems.push(`${catalogue.area}: "${key}" has no ${a === undefined ? 'zh' : 'en'} text`);
      continue;
    }
    if (a.trim() === '' || b.trim() === '') problems.push(`${catalogue.area}: "${key}" is empty`);
    const pa = placeholdersOf(a).join(',');
    const pb = placeholdersOf(b).join(',');
    if (pa !== pb) problems.push(`${catalogue.area}: "${key}" placeholders differ: zh {${pa}} en {${pb}}`);
  }
  return problems;
}

/** The Intl locale of each interface language. */
export const LOCALES: Readonly<Record<Lang, string>> = { zh: 'zh-CN', en: 'en-GB' };

// Intl formatters are costly to build and cheap to reuse: one per (language, options), on first use.
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, style: 'decimal' | 'percent', maxFractionDigits: number): Intl.NumberFormat {
  const id = `${lang}|${style}|${maxFractionDigits}`;
  let f = numberFormats.get(id);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], { style, maximumFractionDigits: maxFractionDigits });
    numberFormats.set(id, f);
  }
  return f;
}

/** A number grouped for reading, at most `maxFractionDigits` decimals: 13862 → "13,862". */
export function formatNumber(lang: Lang, value: number, maxFractionDigits = 4): string {
  return numberFormat(lang, 'decimal', maxFractionDigits).format(value);
}

/** A ratio as a percentage (1 = 100%): 0.9638 → "96.4%" with one decimal. */
export function formatPercent(lang: Lang, ratio: number, maxFractionDigits = 1): string {
  return numberFormat(lang, 'percent', maxFractionDigits).format(ratio);
}

/** An instant (ISO 8601) as local date and time to the minute; unparseable text is returned as is. */
export function formatDateTime(lang: Lang, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(date);
}

/** A calendar date (YYYY-MM-DD) in words, e.g. 2026年3月5日 / 5 March 2026; other text as is. */
export function formatDate(lang: Lang, isoDate: string): string {
  // A bare YYYY-MM-DD is a calendar date, not an instant: format it without a time-zone shift.
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(LOCALES[lang], { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Plural categories by Intl.PluralRules, one per language (zh: always "other"; en: "one" for 1). */
const PLURAL_RULES: Readonly<Record<Lang, Intl.PluralRules>> = { zh: new Intl.PluralRules('zh-CN'), en: new Intl.PluralRules('en') };

/** The base of a counted message: a catalogue holding "x.one" and "x.other" has base "x". */
export type PluralBase<K extends string> = BaseOf<K, K>;
type BaseOf<K extends string, All extends string> = K extends `${infer B}.other` ? (`${B}.one` extends All ? B : never) : never;

/**
 * A message that depends on a count: `base.one` or `base.other` chosen by the language's plural rule
 * (Intl.PluralRules: English "1 row" / "2 rows"; Chinese has one form, so both keys hold the same
 * text), rendered with {count} = `count` and `params` (a `params.count` is shown instead, e.g. the
 * count formatted with grouping; the form is still chosen by `count`). A category the catalogue
 * lacks ("few", "many" of other languages) falls back to `base.other`.
 */
export function renderCount<K extends string>(catalogue: Catalogue<K>, lang: Lang, base: PluralBase<K>, count: number, params: Params = {}): string {
  const category = PLURAL_RULES[lang].select(count);
  const key = (`${base}.${category}` in catalogue.texts[lang] ? `${base}.${category}` : `${base}.other`) as K;
  return render(catalogue, lang, key, { count, ...params });
}

/**
 * A counted message in both languages (AppMessage): each language's form chosen by its plural rule
 * (renderCount). Its `key` is the base ("import.superseded-sheet"), its params carry the count.
 */
export function bilingualCount<K extends string>(catalogue: Catalogue<K>, base: PluralBase<K>, count: number, params: Params = {}): AppMessage {
  return { key: base, params: { count, ...params }, zh: renderCount(catalogue, 'zh', base, count, params), en: renderCount(catalogue, 'en', base, count, params) };
}
