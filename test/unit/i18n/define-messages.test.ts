import { afterEach, describe, expect, it } from 'vitest';
import { defineMessages, enPlural, locale, ruPlural, setLocale } from '@/lib/i18n';

const t = defineMessages({
  ru: { copy: 'Копировать', templates: (n: number) => ruPlural(n, 'шаблон', 'шаблона', 'шаблонов') },
  en: { copy: 'Copy', templates: (n: number) => enPlural(n, 'template', 'templates') },
});

afterEach(() => setLocale(undefined));

describe('defineMessages', () => {
  it('is Russian where there is no browser UI language (unit tests, CLI)', () => {
    expect(locale()).toBe('ru');
    expect(t.copy).toBe('Копировать');
  });

  it('reads the current locale on each access, so text built at render time follows a switch', () => {
    setLocale('en');
    expect(t.copy).toBe('Copy');
    expect(t.templates(1)).toBe('1 template');
    expect(t.templates(5)).toBe('5 templates');
    setLocale('ru');
    expect(t.copy).toBe('Копировать');
  });

  it('uses the Russian plural forms one / few / many', () => {
    expect([1, 2, 5, 11, 21, 22, 25].map(t.templates)).toEqual([
      '1 шаблон',
      '2 шаблона',
      '5 шаблонов',
      '11 шаблонов',
      '21 шаблон',
      '22 шаблона',
      '25 шаблонов',
    ]);
  });

  it('refuses an English catalog that misses a key (a compile error)', () => {
    defineMessages({
      ru: { a: 'а', b: 'б' },
      // @ts-expect-error — `b` is missing in English
      en: { a: 'a' },
    });
  });
});
