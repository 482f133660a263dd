import { describe, expect, it } from 'vitest';
import { fieldContext } from '@/lib/templates/field-context';

describe('fieldContext', () => {
  const body =
    '[Имя], вы правы, и мне жаль, что так вышло: ошиблись мы — [что произошло]. Простите за потраченное время. ' +
    'Вот что я уже сделала: [что сделано]. До [время] напишу вам, когда всё будет готово.';

  it('gives the sentence around a fill-in, with the other fill-ins as written', () => {
    expect(fieldContext(body, 'время')).toEqual({ before: 'До ', after: ' напишу вам, когда всё будет готово.' });
    expect(fieldContext(body, 'что сделано')).toEqual({ before: 'Вот что я уже сделала: ', after: '.' });
  });

  it('cuts a long sentence at a word boundary with an ellipsis', () => {
    const context = fieldContext(body, 'что произошло', 20)!;
    expect(context.before).toBe('…ошиблись мы — ');
    expect(context.before.length).toBeLessThanOrEqual(32);
    expect(context.after).toBe('.');
  });

  it('is null for a name the body does not have', () => {
    expect(fieldContext(body, 'товар')).toBeNull();
  });
});
