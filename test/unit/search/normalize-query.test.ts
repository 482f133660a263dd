import { describe, expect, it } from 'vitest';
import { forEachWord, normalizeText, tokenize } from '../../../lib/search/normalize-query';
import { stemWord } from '../../../lib/search/stem-word';

describe('normalizeText / tokenize', () => {
  it('lower-cases, folds ё into е and turns punctuation into word breaks', () => {
    expect(normalizeText('  Ещё РАЗ: «Возврат»,  ЧТО-ТО!!! ')).toBe('еще раз возврат что то');
    expect(tokenize('Курьер,опоздал?..')).toEqual(['курьер', 'опоздал']);
  });

  it('keeps й apart from и, unlike Fuse ignoreDiacritics', () => {
    expect(normalizeText('мой мои')).toBe('мой мои');
  });

  it('keeps digits and Latin words', () => {
    expect(tokenize('Возврат7 iPhone 15, Wi-Fi')).toEqual(['возврат7', 'iphone', '15', 'wi', 'fi']);
  });

  it('is empty for punctuation only', () => {
    expect(tokenize('?! — …')).toEqual([]);
    expect(normalizeText('')).toBe('');
  });
});

describe('stemWord', () => {
  it('brings noun forms to one stem', () => {
    const forms = ['возврат', 'возврата', 'возврату', 'возвратом', 'возврате'];
    expect(new Set(forms.map(stemWord))).toEqual(new Set(['возврат']));
    expect(stemWord('курьера')).toBe(stemWord('курьер'));
    expect(stemWord('пароля')).toBe(stemWord('пароль'));
  });

  it('leaves Latin words and numbers as they are', () => {
    expect(stemWord('iphone')).toBe('iphone');
    expect(stemWord('45')).toBe('45');
  });
});

describe('forEachWord', () => {
  it('yields the same words as tokenize', () => {
    const text = 'Ёлка, ЁЖИК и «что-то» — Wi-Fi 5G: заказ№123… Ünïcödé straße ×÷ ґанок ії';
    const words: string[] = [];
    forEachWord(text, (word) => words.push(word));
    expect(words).toEqual(tokenize(text));
  });
});
