import en from '../../public/_locales/en/messages.json';
import ru from '../../public/_locales/ru/messages.json';

/**
 * Strings of the agent's in-page UI (the finding card, the send dialog), from the extension's own locale files
 * (`public/_locales/<lang>/messages.json`, the format `chrome.i18n` reads), bundled into the content script.
 * The language follows the agent's preferred languages (`navigator.languages`: what the helpdesk page is
 * shown in), not the browser's UI language that `chrome.i18n.getMessage` would use: a Russian-speaking agent
 * on an English Chrome must not get an English card around Russian rule texts. Russian when neither matches.
 */
interface ChromeMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const LOCALES: Record<string, Record<string, ChromeMessage>> = { ru, en };

export type UiTextKey =
  | 'cardName'
  | 'cardSkip'
  | 'cardSkipLocked'
  | 'cardKeys'
  | 'dialogErrors'
  | 'dialogWarnings'
  | 'dialogMore'
  | 'dialogNewLine';

export const UI_TEXT_KEYS: readonly UiTextKey[] = [
  'cardName',
  'cardSkip',
  'cardSkipLocked',
  'cardKeys',
  'dialogErrors',
  'dialogWarnings',
  'dialogMore',
  'dialogNewLine',
];

/** `ru` or `en`, from the first preferred language we have. */
export function uiLanguage(languages: readonly string[] = globalThis.navigator?.languages ?? []): 'ru' | 'en' {
  for (const language of languages) {
    const primary = language.toLowerCase().split('-')[0];
    if (primary === 'ru' || primary === 'en') return primary;
  }
  return 'ru';
}

/** The text of `key`, `$1`… filled from `substitutions` (callers insert it as text, never HTML). */
export function uiText(key: UiTextKey, ...substitutions: string[]): string {
  const entry = LOCALES[uiLanguage()][key] ?? LOCALES.ru[key];
  // chrome.i18n's format: named placeholders `$NAME$` whose content is a positional `$1`.
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? whole;
    return content.replace(/\$(\d)/g, (_, index: string) => substitutions[Number(index) - 1] ?? '');
  });
}
