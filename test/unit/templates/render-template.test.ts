import { describe, expect, it } from 'vitest';
import { formatRussianDate, renderTemplate } from '../../../lib/templates/render-template';

const now = new Date(2026, 10, 23, 14, 5);

describe('renderTemplate', () => {
  it('fills known names from the context and asks for the rest', () => {
    const result = renderTemplate(
      'Здравствуйте, [Имя]! Меня зовут [Имя агента]. Сегодня [Дата], заказ [номер заказа] в пути.',
      {},
      { customerName: 'Анна', agentName: 'Олег', now },
    );
    expect(result).toEqual({
      text: 'Здравствуйте, Анна! Меня зовут Олег. Сегодня 23 ноября 2026, заказ [номер заказа] в пути.',
      missing: ['номер заказа'],
      needsGender: false,
    });
  });

  it('fills the order number, ticket id and e-mail from the fields the page told', () => {
    const result = renderTemplate(
      '[Имя], заказ [номер заказа] по обращению [номер обращения]; ответ придёт на [email].',
      {},
      { fields: { firstName: 'Анна', orderNumber: 'Д-1048213', ticketId: '4821', customerEmail: 'a@example.ru' }, now },
    );
    expect(result).toEqual({
      text: 'Анна, заказ Д-1048213 по обращению 4821; ответ придёт на a@example.ru.',
      missing: [],
      needsGender: false,
    });
  });

  it('fills a repeated name everywhere and reports a missing one once', () => {
    const result = renderTemplate('[Имя], [трек] — [Имя]. Ещё раз: [трек], [ТРЕК].', { имя: 'Ира' }, { now });
    expect(result.text).toBe('Ира, [трек] — Ира. Ещё раз: [трек], [ТРЕК].');
    expect(result.missing).toEqual(['трек']);
  });

  it('matches values by name regardless of case, ё and spacing', () => {
    const result = renderTemplate(
      '[Номер  заказа] и [Моё имя]',
      { 'номер заказа': '4521', 'мое имя': 'Лёша' },
      { now },
    );
    expect(result).toEqual({ text: '4521 и Лёша', missing: [], needsGender: false });
  });

  it('lets a value correct a name the context brought from the page', () => {
    const result = renderTemplate(
      '[Имя клиента], добрый день',
      { 'Имя клиента': 'Мария' },
      { customerName: 'maria_88', now },
    );
    expect(result.text).toBe('Мария, добрый день');
  });

  it('treats empty and blank values as not given: the hole stays visible for the send guard', () => {
    const result = renderTemplate('Код [промокод], сумма [сумма]', { промокод: '', сумма: '   ' }, { now });
    expect(result).toEqual({
      text: 'Код [промокод], сумма [сумма]',
      missing: ['промокод', 'сумма'],
      needsGender: false,
    });
  });

  it('falls back to the context when the value for a known name is blank', () => {
    expect(renderTemplate('[Имя], привет', { Имя: ' ' }, { customerName: 'Анна', now }).text).toBe('Анна, привет');
  });

  it('reports a known name as missing when the context cannot fill it', () => {
    const result = renderTemplate('[Имя], я [Имя агента]', {}, { now });
    expect(result.missing).toEqual(['Имя', 'Имя агента']);
  });

  it('renders gendered forms by the agent gender, neutrally when it is unknown', () => {
    const body = 'Я [уточнил|уточнила] и [рад|рада] помочь, [сам|сама] [пошёл|пошла] проверять.';
    expect(renderTemplate(body, {}, { agentGender: 'male', now }).text).toBe(
      'Я уточнил и рад помочь, сам пошёл проверять.',
    );
    expect(renderTemplate(body, {}, { agentGender: 'female', now }).text).toBe(
      'Я уточнила и рада помочь, сама пошла проверять.',
    );
    expect(renderTemplate(body, {}, { now }).text).toBe('Я уточнил(а) и рад(а) помочь, сам(а) пошёл/пошла проверять.');
    expect(renderTemplate(body, {}, { now }).missing).toEqual([]);
    // Unknown gender is reported, so the sidebar asks once instead of inserting «уточнил(а)».
    expect(renderTemplate(body, {}, { now }).needsGender).toBe(true);
    expect(renderTemplate(body, {}, { agentGender: 'female', now }).needsGender).toBe(false);
  });

  it('renders escapes as the literal characters', () => {
    expect(renderTemplate('Пункт \\[3\\] договора, [Имя]', {}, { customerName: 'Ян', now }).text).toBe(
      'Пункт [3] договора, Ян',
    );
  });

  it('does not re-read a value as template syntax', () => {
    const result = renderTemplate('[Имя], [комментарий]', { комментарий: '[Имя] \\[x]' }, { customerName: 'Ян', now });
    expect(result.text).toBe('Ян, [Имя] \\[x]');
  });

  it('uses the date it is given, not the clock', () => {
    expect(renderTemplate('[сегодня]', {}, { now: new Date(2027, 0, 1) }).text).toBe('1 января 2027');
  });
});

describe('formatRussianDate', () => {
  it('writes the month in the genitive without «г.»', () => {
    expect(formatRussianDate(new Date(2026, 2, 8))).toBe('8 марта 2026');
    expect(formatRussianDate(new Date(2026, 4, 31))).toBe('31 мая 2026');
  });
});
