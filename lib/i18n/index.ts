/**
 * UI text in Russian (first, the default) and English, one mechanism for every surface: the sidebar, options,
 * popup, and the agent's own UI in the page (badge, finding card, guard dialog, picker).
 *
 * Each module keeps its own catalog next to its code (`defineMessages({ ru, en })`), so the agent script
 * carries only the strings it shows and helpers adding strings do not all edit one file. English must have
 * every key the Russian catalog has, with the same shape — a missing or extra key is a compile error.
 *
 * Why not `browser.i18n.getMessage` with `_locales/*​/messages.json` (kept for the manifest's name and
 * description only): it has no plural forms (Russian needs one/few/many: «1 шаблон, 2 шаблона, 5 шаблонов»),
 * its keys and placeholders are untyped, and it is missing where lib code also runs (CLI, unit tests, plain
 * test pages). The locale is still the browser's, read once from `chrome.i18n.getUILanguage()`.
 */
export type Locale = 'ru' | 'en';

/**
 * The agent's choice (Настройки → Язык интерфейса) is kept on the global, as the theme is (own-ui-host.ts): the
 * always-on agent script and the on-demand UI script bundle their own copies of this module but share one
 * isolated world, so the card and dialog follow what the agent script was told. The page cannot read it.
 */
const world = globalThis as { __suflerLocale?: Locale };
let detected: Locale | undefined;

/**
 * The UI language: English when the browser's UI language is English, Russian otherwise (the product is for
 * Russian-speaking teams: a Ukrainian, Kazakh or German browser gets Russian, not English). Where there is no
 * extension API (unit tests, the CLI, plain test pages) it is Russian.
 */
export function locale(): Locale {
  const chosen = world.__suflerLocale;
  if (chosen) return chosen;
  detected ??= detectLocale();
  return detected;
}

function detectLocale(): Locale {
  try {
    // `chrome` rather than WXT's `browser`: lib code also runs in Node (CLI, unit tests) and on plain pages.
    const language: string = globalThis.chrome?.i18n?.getUILanguage?.() ?? 'ru';
    return /^en\b/i.test(language) ? 'en' : 'ru';
  } catch {
    return 'ru';
  }
}

/** The agent's chosen UI language (and unit tests of the English text); `undefined` goes back to the browser's. */
export function setLocale(next: Locale | undefined): void {
  world.__suflerLocale = next;
}

/** A BCP 47 tag for `Intl` formatters and `<html lang>`. */
export const localeTag = () => (locale() === 'en' ? 'en-GB' : 'ru-RU');

// biome-ignore lint/suspicious/noExplicitAny: any argument list; each catalog entry keeps its own types.
type Message = string | ((...args: any[]) => string);
type Catalog = Record<string, Message>;
/** The English catalog's type: the Russian one's keys, strings as strings, functions with the same signature. */
type Shape<C extends Catalog> = { [K in keyof C]: C[K] extends string ? string : C[K] };

/**
 * One module's UI text. Read entries at render time (`t.copy`, `t.templates(5)`), not at import: the
 * object's getters pick the current locale on each read.
 */
export function defineMessages<C extends Catalog>(catalogs: { ru: C; en: Shape<NoInfer<C>> }): Shape<C> {
  const messages = {} as Shape<C>;
  for (const key of Object.keys(catalogs.ru) as (keyof C)[]) {
    Object.defineProperty(messages, key, {
      enumerable: true,
      get: () => (locale() === 'en' ? catalogs.en[key] : catalogs.ru[key]),
    });
  }
  return messages;
}

const RU_PLURAL = new Intl.PluralRules('ru');

/** «1 шаблон», «2 шаблона», «5 шаблонов» (with the count). */
export function ruPlural(count: number, one: string, few: string, many: string): string {
  const category = RU_PLURAL.select(count);
  return `${count} ${category === 'one' ? one : category === 'few' ? few : many}`;
}

/** «1 template», «5 templates» (with the count). */
export const enPlural = (count: number, one: string, other: string): string => `${count} ${count === 1 ? one : other}`;

/** Extension pages: `<html lang>` and the tab title follow the UI language. */
export function applyDocumentLocale(title?: string): void {
  document.documentElement.lang = locale();
  if (title) document.title = title;
}
