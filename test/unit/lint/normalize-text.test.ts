import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../lib/lint/normalize-text';

/** The original substring behind normalized [from, to). */
function source(original: string, from: number, to: number): string {
  const n = normalizeText(original);
  return original.slice(n.starts[from], n.ends[to - 1]);
}

describe('normalizeText', () => {
  it('folds case and ё', () => {
    expect(normalizeText('ЁЛКА Ещё ПОМОЧЬ').text).toBe('елка еще помочь');
  });

  it('folds typographic quotes, dashes and the ellipsis', () => {
    expect(normalizeText('«Да» — „нет“ ‘a’ – −…').text).toBe(`"да" - "нет" 'a' - -...`);
  });

  it('drops zero-width characters and soft hyphens inside words', () => {
    const text = 'по\u00ADмо\u200Bчь\u200D\uFEFF';
    expect(normalizeText(text).text).toBe('помочь');
    expect(source(text, 0, 6)).toBe('по\u00ADмо\u200Bчь');
  });

  it('turns no-break spaces and whitespace runs into one space, and a blank line into a paragraph break', () => {
    expect(normalizeText('ничем\u00A0не \t\u202F могу\nпомочь\n\n Да').text).toBe('ничем не могу помочь\nда');
  });

  it('replaces Latin look-alikes only in words that also have Cyrillic letters', () => {
    // «пoмoчь» with Latin o, «НE» with Latin E, «Mожем» with Latin M
    expect(normalizeText('пoмoчь НE Mожем OK Tom').text).toBe('помочь не можем ok tom');
    // «Zакaз» has a Latin Z that looks like nothing Cyrillic: the word is left as it is
    expect(normalizeText('Zакaз').text).toBe('zакaз');
  });

  it('folds combining marks: stress is dropped, и + breve becomes й', () => {
    expect(normalizeText('помо\u0301чь мои\u0306 е\u0308лка').text).toBe('помочь мой елка');
  });

  it('maps every normalized character back into the original text', () => {
    const text = 'Ёлка…  «Пoмoчь»\u00AD';
    const n = normalizeText(text);
    expect(n.text).toBe('елка... "помочь"');
    expect(n.starts.length).toBe(n.text.length);
    expect(source(text, 0, 4)).toBe('Ёлка');
    expect(source(text, 4, 7)).toBe('…');
    expect(source(text, 9, 15)).toBe('Пoмoчь');
    for (let i = 0; i < n.text.length; i++) {
      expect(n.starts[i]).toBeLessThan(n.ends[i]);
      if (i > 0) expect(n.starts[i]).toBeGreaterThanOrEqual(n.starts[i - 1]);
    }
  });

  it('keeps surrogate pairs whole', () => {
    const text = 'а😀б';
    const n = normalizeText(text);
    expect(n.text).toBe('а😀б');
    expect([...n.starts]).toEqual([0, 1, 1, 3]);
    expect([...n.ends]).toEqual([1, 3, 3, 4]);
  });
});
