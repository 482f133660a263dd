import { describe, expect, it } from 'vitest';
import { draftFromSelection } from '../../../lib/templates/draft-from-selection';

describe('draftFromSelection', () => {
  it('titles a long selection by its first words and keeps its line breaks', () => {
    const draft = draftFromSelection('  Анна, спасибо, что написали нам сегодня утром.\r\nВернём деньги за 10 дней.  ');
    expect(draft).toEqual({
      title: 'Анна, спасибо, что написали нам сегодня утром…',
      body: 'Анна, спасибо, что написали нам сегодня утром.\nВернём деньги за 10 дней.',
      tags: [],
      category: 'Личные',
    });
  });

  it('uses a short selection whole as its title, without trailing punctuation', () => {
    expect(draftFromSelection('Спасибо за ожидание!').title).toBe('Спасибо за ожидание');
  });
});
