import { describe, expect, it } from 'vitest';
import { derivePattern } from '@/lib/sites/derive-pattern';

const read = (pattern: string, text: string) => new RegExp(pattern, 'iu').exec(text)?.[1];

describe('derivePattern', () => {
  it('anchors on the word before the value and generalises its shape to the next ticket', () => {
    const pattern = derivePattern('Заказ Д-1048213 не пришёл', 'Д-1048213');
    expect(pattern).toBeTruthy();
    expect(read(pattern!, 'Заказ Д-1048213 не пришёл')).toBe('Д-1048213');
    expect(read(pattern!, 'Заказ К-77 не пришёл')).toBe('К-77');
  });

  it('reads a number out of a URL', () => {
    const pattern = derivePattern('https://desk.example.ru/tickets/7712?tab=1', '7712');
    expect(read(pattern!, 'https://desk.example.ru/tickets/9001?tab=1')).toBe('9001');
  });

  it('needs no pattern for the whole text, and none for a value that is not there', () => {
    expect(derivePattern('Анна Смирнова', 'Анна Смирнова')).toBeNull();
    expect(derivePattern('Анна Смирнова', 'Ольга')).toBeUndefined();
  });
});
