import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_TEXT_KEYS, uiLanguage, uiText } from '@/lib/i18n/ui-text';

const locale = (lang: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, `../../../public/_locales/${lang}/messages.json`), 'utf8'));

describe('the in-page UI text', () => {
  it('every key has Russian and English text', () => {
    for (const lang of ['ru', 'en']) {
      const messages = locale(lang);
      for (const key of UI_TEXT_KEYS) expect(messages[key]?.message, `${lang}:${key}`).toBeTruthy();
    }
  });

  it('follows the agent’s preferred languages, Russian by default', () => {
    expect(uiLanguage(['ru-RU', 'en-US'])).toBe('ru');
    expect(uiLanguage(['en-GB'])).toBe('en');
    expect(uiLanguage(['de-DE', 'en'])).toBe('en');
    expect(uiLanguage(['uk'])).toBe('ru');
  });

  it('fills placeholders as chrome.i18n does', () => {
    // The test environment (node) has no navigator.languages: Russian.
    expect(uiText('cardName', 'это не наша вина')).toBe('Замечание Суфлёра: «это не наша вина»');
    expect(uiText('dialogMore', '3')).toBe('Показать ещё 3');
  });
});
