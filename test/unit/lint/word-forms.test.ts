import { describe, expect, it } from 'vitest';
import { fallbackForms, readLexicon } from '../../../lib/lint/word-forms';

describe('fallbackForms', () => {
  it('covers regular inflection of the stem', () => {
    const forms = fallbackForms('клиент');
    for (const form of ['клиент', 'клиента', 'клиенту', 'клиентом', 'клиентов', 'клиентами'])
      expect(forms).toContain(form);
    expect(fallbackForms('уважаемый')).toEqual(expect.arrayContaining(['уважаемая', 'уважаемые', 'уважаемого']));
  });

  it('keeps short and non-Cyrillic words as they are', () => {
    expect(fallbackForms('не')).toEqual(['не']);
    expect(fallbackForms('ok')).toEqual(['ok']);
  });
});

describe('readLexicon', () => {
  it('reads a well-formed lexicon and ignores malformed data from the network', () => {
    const lint = { version: 1, source: 'test', forms: { мочь: ['мочь', 'могу'], плохо: 'могу', тоже: [1] } };
    expect([...readLexicon({ lint }).entries()]).toEqual([['мочь', ['мочь', 'могу']]]);
    expect(readLexicon({ lint: { ...lint, version: 99 } }).size).toBe(0);
    expect(readLexicon({ lint: 'junk' }).size).toBe(0);
    expect(readLexicon(undefined).size).toBe(0);
  });
});
