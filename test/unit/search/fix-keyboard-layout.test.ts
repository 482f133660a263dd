import { describe, expect, it } from 'vitest';
import { convertLayout, fixKeyboardLayout, isBrandLike, toLatinLayout } from '../../../lib/search/fix-keyboard-layout';

describe('fixKeyboardLayout', () => {
  it('reads Latin typed on the English layout as the Russian it was meant to be', () => {
    expect(fixKeyboardLayout('djpdhfn')).toBe('возврат');
    expect(fixKeyboardLayout('gfhjkm')).toBe('пароль');
    expect(fixKeyboardLayout('rehmth jgjplfk')).toBe('курьер опоздал');
  });

  it('converts the punctuation keys that are Russian letters, before any tokenising', () => {
    expect(fixKeyboardLayout(',fnfhtz')).toBe('батарея'); // , → б
    expect(fixKeyboardLayout('j,vty')).toBe('обмен');
    expect(fixKeyboardLayout('[jxe')).toBe('хочу'); // [ → х
    expect(fixKeyboardLayout("'nj")).toBe('это'); // ' → э
    expect(fixKeyboardLayout(';lfnm')).toBe('ждать'); // ; → ж
    expect(fixKeyboardLayout('j,]zdktybt')).toBe('объявление'); // ] → ъ
    expect(fixKeyboardLayout('.hbcn')).toBe('юрист'); // . → ю
    expect(fixKeyboardLayout('`krf')).toBe('ёлка'); // ` → ё
  });

  it('keeps the case of Shift-typed letters', () => {
    expect(fixKeyboardLayout('Djpdhfn')).toBe('Возврат');
  });

  it('leaves brand-like words as typed while converting the rest', () => {
    expect(fixKeyboardLayout('iPhone ,fnfhtz')).toBe('iPhone батарея');
    expect(fixKeyboardLayout('SMS yt ghb[jlbn')).toBe('SMS не приходит');
    expect(fixKeyboardLayout('iPhone')).toBeNull();
  });

  it('does nothing for Cyrillic or mixed queries, or queries without letters', () => {
    expect(fixKeyboardLayout('возврат')).toBeNull();
    expect(fixKeyboardLayout('возврат iphone')).toBeNull();
    expect(fixKeyboardLayout('12345')).toBeNull();
  });
});

describe('isBrandLike', () => {
  it('tells product names and abbreviations from mistyped Russian', () => {
    for (const word of ['iPhone', 'WhatsApp', 'MacBook', 'SMS', 'USB', 'PDF']) expect(isBrandLike(word)).toBe(true);
    for (const word of ['djpdhfn', 'Djpdhfn', 'DJPDHFN', 'gfhjkm', ',fnfhtz']) expect(isBrandLike(word)).toBe(false);
  });
});

describe('toLatinLayout / convertLayout', () => {
  it('reads Cyrillic typed on the Russian layout as Latin', () => {
    expect(toLatinLayout('шзрщту')).toBe('iphone');
    expect(toLatinLayout('iphone')).toBeNull();
  });

  it('round-trips every letter key', () => {
    const russian = 'йцукенгшщзхъфывапролджэячсмитьбюё';
    expect(convertLayout(convertLayout(russian, 'latin'), 'cyrillic')).toBe(russian);
  });
});
