import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../lib/lint/normalize-text';
import { tokenize } from '../../../lib/lint/tokenize';

const words = (text: string) => tokenize(normalizeText(text).text).map((t) => (t.placeholder ? `<${t.form}>` : t.form));
const sentences = (text: string) => tokenize(normalizeText(text).text).map((t) => t.sentence);

describe('tokenize', () => {
  it('splits words on spaces and punctuation, keeping inner hyphens and apostrophes', () => {
    expect(words('Из-за погоды, кто-то… д’Артаньян 15 минут!')).toEqual([
      'из-за',
      'погоды',
      'кто-то',
      "д'артаньян",
      '15',
      'минут',
    ]);
  });

  it('does not glue a dash between spaced words', () => {
    expect(words('это — не ко мне')).toEqual(['это', 'не', 'ко', 'мне']);
  });

  it('treats placeholders as single opaque tokens', () => {
    expect(words('Здравствуйте, [Имя]! Заказ {{номер заказа}} [уточнил|уточнила]')).toEqual([
      'здравствуйте',
      '<>',
      'заказ',
      '<>',
      '<>',
    ]);
  });

  it('leaves escaped brackets, links, digits-only and unclosed brackets as text', () => {
    expect(words('\\[Имя] [сайт](https://x.ru) [1] [не закрыта')).toEqual([
      'имя',
      'сайт',
      'https',
      'x',
      'ru',
      '1',
      'не',
      'закрыта',
    ]);
  });

  it('numbers sentences: ! ? a full stop before a space and a blank line end one; an ellipsis does not', () => {
    expect(sentences('а б. в! г? д... е\n\nж 3.5 site.ru')).toEqual([0, 0, 1, 2, 3, 3, 4, 4, 4, 4, 4]);
  });

  it('ends a sentence at an ellipsis followed by a full stop', () => {
    // Found by the property test: «не помочь …. ничем не могу помочь» must not match across the stop.
    expect(sentences('а б.... в')).toEqual([0, 0, 1]);
  });
});

describe('tokenize on adversarial text (issue 12: runs of dots were quadratic)', () => {
  it('still tells an ellipsis from a full stop inside and after long runs of dots', () => {
    // 3 dots: an ellipsis, no sentence end; 4+ dots or 1 dot before a space: a sentence end.
    expect(sentences('а... б.... в. г')).toEqual([0, 0, 1, 2]);
    const long = `а ${'.'.repeat(50_000)} б`;
    expect(sentences(long)).toEqual([0, 1]);
  });
});
