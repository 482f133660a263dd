import { describe, expect, it } from 'vitest';
import { describeDraftIssues, pluralRu, shortWhy, whyOf } from '@/lib/guard/describe-draft-issues';
import { cannotHelp, DRAFT, dearCustomer, placeholder } from './draft-findings';

describe('describeDraftIssues', () => {
  it('counts errors, placeholders and warnings apart and lists the blocking ones first, as written', () => {
    const issues = describeDraftIssues(DRAFT, [dearCustomer, cannotHelp, placeholder]);
    expect([issues.errors, issues.placeholders, issues.warnings]).toEqual([1, 1, 1]);
    expect(issues.items.map((item) => item.phrase)).toEqual([
      'ничем не могу помочь',
      '[номер заказа]',
      'Уважаемый клиент',
    ]);
    expect(issues.title).toBe('В ответе остались стоп-фразы и незаполненные поля: 1 ошибка, 1 незаполненное поле');
  });

  it('titles agree in number with their counts', () => {
    expect(describeDraftIssues(DRAFT, [cannotHelp]).title).toBe('В ответе осталась стоп-фраза: 1 ошибка');
    expect(describeDraftIssues(DRAFT, [placeholder, placeholder]).title).toBe('В ответе остались 2 незаполненных поля');
    expect(describeDraftIssues(DRAFT, [dearCustomer]).title).toBe('В ответе есть 1 замечание');
    expect(describeDraftIssues(DRAFT, []).title).toBe('В ответе нет замечаний');
  });

  it('plural forms follow Russian rules (1, 2–4, 5–20, 21, 111)', () => {
    const forms = ['ошибка', 'ошибки', 'ошибок'] as const;
    expect([1, 3, 5, 11, 21, 22, 111].map((n) => pluralRu(n, forms))).toEqual([
      '1 ошибка',
      '3 ошибки',
      '5 ошибок',
      '11 ошибок',
      '21 ошибка',
      '22 ошибки',
      '111 ошибок',
    ]);
  });
});

describe('the why, about what the agent wrote', () => {
  it('drops the rule’s own quoted phrase: the card quotes the agent’s', () => {
    const message =
      '«Ваш звонок очень важен для нас» — фраза автоответчика: после неё клиент ждёт, что его забудут. Покажите важность делом.';
    expect(whyOf(message)).toBe(
      'фраза автоответчика: после неё клиент ждёт, что его забудут. Покажите важность делом.',
    );
    expect(shortWhy(message)).toBe('фраза автоответчика');
    expect(shortWhy('«Это не наша вина» звучит как оправдание: клиенту всё равно, кто виноват.')).toBe(
      'звучит как оправдание',
    );
    expect(whyOf('«Это не ко мне» и «это не моя работа» звучат как отказ помогать.')).toBe(
      'звучат как отказ помогать.',
    );
  });

  it('a message that does not open with a quote stays as written', () => {
    const message = 'Голое «Ожидайте» звучит как приказ и не говорит, чего и сколько ждать. Скажите, что вы делаете.';
    expect(whyOf(message)).toBe(message);
    expect(shortWhy(message)).toBe('голое «Ожидайте» звучит как приказ и не говорит, чего и сколько ждать');
  });

  it('each dialog item has the phrase once and a short why', () => {
    const [item] = describeDraftIssues(DRAFT, [cannotHelp]).items;
    expect(item.short).not.toContain('«');
    expect(item.short.length).toBeGreaterThan(0);
  });
});
