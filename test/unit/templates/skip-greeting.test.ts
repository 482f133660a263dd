import { describe, expect, it } from 'vitest';
import { withoutRepeatedGreeting } from '@/lib/templates/skip-greeting';

describe('withoutRepeatedGreeting', () => {
  it('drops the address the agent’s own greeting already made («Анна, добрый день! Анна, мне…»)', () => {
    expect(withoutRepeatedGreeting('Анна, добрый день! ', 'Анна, мне очень жаль, что так вышло.')).toEqual({
      text: 'Мне очень жаль, что так вышло.',
      skipped: true,
    });
  });

  it('drops the template’s greeting sentence when the draft already greets', () => {
    expect(withoutRepeatedGreeting('Здравствуйте, Анна!\n', 'Добрый день, Анна!\nВаш заказ уже в пути.')).toEqual({
      text: 'Ваш заказ уже в пути.',
      skipped: true,
    });
    expect(withoutRepeatedGreeting('Привет! ', 'Здравствуйте! Спасибо, что написали.').text).toBe(
      'Спасибо, что написали.',
    );
  });

  it('keeps the template as it is when the draft does not greet, or the template does not repeat it', () => {
    const text = 'Анна, добрый день! Ваш заказ уже в пути.';
    expect(withoutRepeatedGreeting('', text)).toEqual({ text, skipped: false });
    expect(withoutRepeatedGreeting('Уточню у склада.', text)).toEqual({ text, skipped: false });
    // «Спасибо, …» is not an address, and a name the draft does not have is not repeated.
    expect(withoutRepeatedGreeting('Добрый день! ', 'Спасибо, что подождали.').skipped).toBe(false);
    expect(withoutRepeatedGreeting('Анна, добрый день! ', 'Игорь, мне жаль.').skipped).toBe(false);
  });

  it('never leaves an empty insert: a template that is only a greeting goes in whole', () => {
    expect(withoutRepeatedGreeting('Добрый день! ', 'Здравствуйте!')).toEqual({
      text: 'Здравствуйте!',
      skipped: false,
    });
  });
});
