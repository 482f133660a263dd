import { describe, expect, it } from 'vitest';
import { compileRules } from '../../../lib/lint/compile-rules';
import { lintText } from '../../../lib/lint/lint-text';
import { LEXICON, rule } from './rule-helpers';

describe('compileRules', () => {
  it('reports invalid patterns and exceptions with their path and the rule id, and keeps the rest', () => {
    const rules = [rule('ok', ['помочь']), rule('broken', ['ничем (не', 'помочь'], { exceptions: ['a.*b'] })];
    const { compiled, errors } = compileRules(rules, LEXICON);
    expect(errors).toEqual([
      {
        path: 'rules[1].patterns[0]',
        ruleIndex: 1,
        message: 'правило «broken», шаблон «ничем (не»: не закрыта скобка «(»',
      },
      {
        path: 'rules[1].exceptions[0]',
        ruleIndex: 1,
        message: expect.stringMatching(/^правило «broken», исключение «a\.\*b»: «a\.\*b» — не слово/),
      },
    ]);
    expect(lintText('помочь', compiled).map((f) => f.ruleId)).toEqual(['ok']);
  });

  it('rejects a pattern too long for the automaton', () => {
    const { errors } = compileRules([rule('long', ['а …8 б …8 в …8 г д е ж з'])], undefined);
    expect(errors[0].message).toMatch(/слишком длинный для проверки: 32 позиции|слишком длинный/);
  });

  it('anchors a pattern on its rarest required word', () => {
    const { compiled } = compileRules([rule('r', ['=вы (=сами) не виноватый'])], undefined);
    const pattern = compiled.rules[0].patterns[0];
    expect(pattern.anchor).toBe(3); // «виноватый», not «вы» or «не»
    expect(pattern.minBefore).toBe(2);
    expect(pattern.maxBefore).toBe(3);
  });

  it('shares one term between rules that use the same word', () => {
    const { compiled } = compileRules([rule('a', ['не мочь']), rule('b', ['мочь помочь'])], LEXICON);
    expect(compiled.formTerms.get('могу')).toHaveLength(1);
    expect(lintText('не могу помочь', compiled).map((f) => f.ruleId)).toEqual(['b']); // the longer match
  });

  it('compiles 1,000 rules quickly enough for the extension', () => {
    const rules = Array.from({ length: 1000 }, (_, i) => rule(`r${i}`, [`слово${i} не мочь|смочь (=вам) помочь`]));
    const start = performance.now();
    compileRules(rules, LEXICON);
    expect(performance.now() - start).toBeLessThan(2000); // a guard against a pathological compile on a loaded CI machine; the bench holds the budget (50 ms)
  });
});
