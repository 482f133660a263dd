import { type Locale, setLocale } from '.';

/**
 * Настройки → Язык интерфейса as extension pages start: the setting lives in the background's database, so a
 * page knows it only after a round trip; the last value seen is kept in the extension origin's localStorage
 * (shared by options, popup and the sidebar and picker frames), so a page opens in the chosen language rather
 * than flashing the browser's first. The stored setting stays the truth: `applyChosenLocale` follows it.
 */
const KEY = 'sufler.language';

export function restoreChosenLocale(): void {
  try {
    const stored = localStorage.getItem(KEY);
    if (stored === 'ru' || stored === 'en') setLocale(stored);
  } catch {
    // No storage (a sandboxed frame): the settings answer decides a moment later.
  }
}

export function applyChosenLocale(language: Locale | undefined): void {
  setLocale(language);
  try {
    if (language) localStorage.setItem(KEY, language);
    else localStorage.removeItem(KEY);
  } catch {
    // As above.
  }
}
