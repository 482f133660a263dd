import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listPlaceholders, parseTemplate } from '../../../lib/templates/parse-template';

describe('parseTemplate', () => {
  it('splits a body into text, fill-ins and gendered forms with their offsets', () => {
    const body = 'Здравствуйте, [Имя]! Я [уточнил|уточнила] срок.';
    expect(parseTemplate(body)).toEqual([
      { type: 'text', text: 'Здравствуйте, ' },
      { type: 'placeholder', name: 'Имя', kind: 'customer-name', start: 14, end: 19 },
      { type: 'text', text: '! Я ' },
      { type: 'gender', male: 'уточнил', female: 'уточнила', start: 23, end: 41 },
      { type: 'text', text: ' срок.' },
    ]);
    expect(body.slice(14, 19)).toBe('[Имя]');
    expect(body.slice(23, 41)).toBe('[уточнил|уточнила]');
  });

  it('reads \\[ \\] \\| \\\\ as literal characters', () => {
    expect(parseTemplate('Пункт \\[1\\] и \\\\ и \\|')).toEqual([{ type: 'text', text: 'Пункт [1] и \\ и |' }]);
  });

  it('keeps an escaped bracket inside prose without opening a placeholder', () => {
    const segments = parseTemplate('См. \\[примечание] и [номер заказа]');
    expect(segments).toEqual([
      { type: 'text', text: 'См. [примечание] и ' },
      { type: 'placeholder', name: 'номер заказа', kind: 'order-number', start: 20, end: 34 },
    ]);
  });

  it('leaves malformed brackets as literal text instead of swallowing the reply', () => {
    for (const body of ['Открыто [без конца', 'Пусто [] тут', 'Разрыв [строки\nвот]', '[а|б|в] три формы', '[|а]']) {
      const segments = parseTemplate(body);
      expect(segments.every((s) => s.type === 'text')).toBe(true);
      expect(segments.map((s) => (s.type === 'text' ? s.text : '')).join('')).toBe(body);
    }
  });

  it('takes the inner bracket when two open before one closes', () => {
    const segments = parseTemplate('[[Имя]');
    expect(segments[0]).toEqual({ type: 'text', text: '[' });
    expect(segments[1]).toMatchObject({ type: 'placeholder', name: 'Имя' });
  });

  it('collapses spaces in a name', () => {
    expect(parseTemplate('[  номер   заказа ]')[0]).toMatchObject({ name: 'номер заказа' });
  });
});

describe('listPlaceholders', () => {
  it('lists each fill-in once, in order of first appearance, marking which fill themselves', () => {
    const body =
      '[Имя], заказ [номер заказа] от [Дата]. [Имя], я [Имя агента], [проверил|проверила] [номер заказа] и [сумма].';
    expect(listPlaceholders(body)).toEqual([
      { name: 'Имя', kind: 'customer-name', known: true },
      { name: 'номер заказа', kind: 'order-number', known: true },
      { name: 'Дата', kind: 'date', known: true },
      { name: 'Имя агента', kind: 'agent-name', known: true },
      { name: 'сумма', kind: 'custom', known: false },
    ]);
  });

  it('treats case, ё and spacing variants as the same fill-in', () => {
    expect(listPlaceholders('[Моё имя] [мое  имя] [МОЁ ИМЯ] [Номер Заказа] [номер заказа]')).toEqual([
      { name: 'Моё имя', kind: 'agent-name', known: true },
      { name: 'Номер Заказа', kind: 'order-number', known: true },
    ]);
  });

  it('knows every spelling of the built-in names', () => {
    const kinds = listPlaceholders('[Имя] [Имя клиента] [Имя агента] [Моё имя] [Дата] [сегодня]').map((p) => p.kind);
    expect(kinds).toEqual(['customer-name', 'customer-name', 'agent-name', 'agent-name', 'date', 'date']);
  });

  it('is empty for a body without fill-ins or with escaped brackets only', () => {
    expect(listPlaceholders('Спасибо! \\[не поле\\]')).toEqual([]);
  });
});

describe('parseTemplate on any input', () => {
  const alphabet = fc.constantFrom('[', ']', '|', '\\', '{', '}', '\n', ' ', 'а', 'Я', 'ё', 'x', '1');

  it('never throws and keeps every character of plain text', () => {
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 40 }), (body) => {
        const segments = parseTemplate(body);
        const placeholders = segments.filter((s) => s.type !== 'text');
        for (const s of placeholders) expect(body.slice(s.start, s.end).startsWith('[')).toBe(true);
        // Without brackets or backslashes a body is one text segment, unchanged.
        if (!/[[\\]/.test(body)) expect(segments).toEqual(body ? [{ type: 'text', text: body }] : []);
      }),
    );
  });

  it('round-trips text through escaping', () => {
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 40 }), (text) => {
        const escaped = text.replace(/[[\]|\\{}]/g, '\\$&');
        const segments = parseTemplate(escaped);
        expect(segments.every((s) => s.type === 'text')).toBe(true);
        expect(segments.map((s) => (s.type === 'text' ? s.text : '')).join('')).toBe(text);
      }),
    );
  });
});
