import { describe, expect, it } from 'vitest';
import {
  findDuplicateShortcuts,
  indexShortcuts,
  matchShortcut,
  normalizeShortcut,
} from '../../../lib/templates/template-shortcuts';

const library = [
  { key: 'p/refund', shortcut: 'возврат7' },
  { key: 'p/delivery', shortcut: 'Доставка' },
  { key: 'p/en', shortcut: 'refund' },
  { key: 'p/none' },
  { key: 'p/again', shortcut: 'ДОСТАВКА ' },
];

describe('template shortcuts', () => {
  const shortcuts = indexShortcuts(library);

  it('match as typed, whatever the case or ё', () => {
    expect(matchShortcut('возврат7', shortcuts)).toBe('p/refund');
    expect(matchShortcut('ДОСТАВКА', shortcuts)).toBe('p/delivery');
    expect(normalizeShortcut(' Ёлка ')).toBe('елка');
  });

  it('match when typed in the wrong layout, both ways', () => {
    expect(matchShortcut('djpdhfn7', shortcuts)).toBe('p/refund');
    expect(matchShortcut('кefund'.replace('e', 'у'), shortcuts)).toBe('p/en');
  });

  it('match nothing for a prefix or an unknown word', () => {
    expect(matchShortcut('возврат', shortcuts)).toBeNull();
    expect(matchShortcut('', shortcuts)).toBeNull();
  });

  it('report templates that share a shortcut; the first one keeps it', () => {
    expect(findDuplicateShortcuts(library)).toEqual([[library[1], library[4]]]);
    expect(shortcuts.get('доставка')).toBe('p/delivery');
  });
});
