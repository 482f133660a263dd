/**
 * Strings of the agent's in-page UI (the finding card, the send dialog), through the extension's own i18n
 * (`public/_locales/<lang>/messages.json`, read with `chrome.i18n.getMessage` in the content script). The
 * Russian text here is the fallback where the extension's i18n is absent (the guard injected into fixture
 * pages by the e2e tests, unit tests); a data test holds both locales to these keys.
 */
export const UI_TEXT_RU = {
  cardName: 'Суфлёр: $1',
  cardSkip: 'Пропустить',
  cardSkipLocked: 'Пропустить нельзя: так решила команда. Исправьте фразу, чтобы отправить ответ.',
  cardKeys: 'Ctrl+. — следующее замечание, Esc — назад к тексту',
  dialogErrors: 'Ошибки',
  dialogWarnings: 'Замечания',
  dialogMore: 'Показать ещё $1',
  dialogNewLine: 'Новая строка',
} as const;

export type UiTextKey = keyof typeof UI_TEXT_RU;

interface I18n {
  getMessage(name: string, substitutions?: string | string[]): string;
}

/** The text of `key` in the browser's language, `$1`… filled from `substitutions` (inserted as text by callers). */
export function uiText(key: UiTextKey, ...substitutions: string[]): string {
  const i18n = (globalThis as { chrome?: { i18n?: I18n } }).chrome?.i18n;
  const localized = i18n?.getMessage ? i18n.getMessage(key, substitutions) : '';
  if (localized) return localized;
  return substitutions.reduce<string>((text, value, index) => text.replaceAll(`$${index + 1}`, value), UI_TEXT_RU[key]);
}
