import { describe, expect, it } from 'vitest';
import { applySuggestion, matchCase } from '../../../lib/lint/apply-suggestion';
import type { Finding } from '../../../lib/model';

const finding = (start: number, end: number): Finding => ({
  ruleId: 'r',
  start,
  end,
  severity: 'error',
  message: 'm',
  suggestions: ['Я передам ваш запрос', 'Сейчас уточню'],
});

describe('applySuggestion', () => {
  it('replaces the span, following the case of the replaced text', () => {
    const text = 'К сожалению, ничем не могу помочь.';
    expect(applySuggestion(text, finding(13, 33))).toBe('К сожалению, я передам ваш запрос.');
    expect(applySuggestion('Ничем не могу помочь.', finding(0, 20), 1)).toBe('Сейчас уточню.');
    expect(applySuggestion('Ничем не могу помочь.', finding(0, 20), 5)).toBe('Ничем не могу помочь.');
  });

  it('leaves non-letter starts alone', () => {
    expect(matchCase('ничем', '[Имя], я помогу')).toBe('[Имя], я помогу');
    expect(matchCase('«Ничем»', 'рекомендуем')).toBe('Рекомендуем');
    expect(matchCase('123', 'Рекомендуем')).toBe('Рекомендуем');
  });
});
