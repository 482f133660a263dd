import { describe, expect, it } from 'vitest';
import { compileRules } from '../../../lib/lint/compile-rules';
import { lintText, UNFILLED_PLACEHOLDER } from '../../../lib/lint/lint-text';
import { LEXICON, matches, rule } from './rule-helpers';

const cannotHelp = rule('cannot-help', ['=ничем не мочь|смочь (=вам) помочь'], { severity: 'error' });

describe('lintText: patterns', () => {
  it('matches every form the lexicon lists, and both aspects through an alternative', () => {
    for (const verb of ['могу', 'можем', 'смогу', 'сможем']) {
      expect(matches([cannotHelp], `Ничем не ${verb} помочь.`)).toEqual([['cannot-help', `Ничем не ${verb} помочь`]]);
    }
  });

  it('takes optional words into the span when they are there', () => {
    expect(matches([cannotHelp], 'ничем не можем вам помочь')).toEqual([['cannot-help', 'ничем не можем вам помочь']]);
  });

  it('keeps an exact form exact', () => {
    expect(matches([cannotHelp], 'ничего не могу помочь')).toEqual([]);
    expect(matches([rule('r', ['=могу'])], 'могу можем')).toEqual([['r', 'могу']]);
  });

  it('bounds a gap: up to 3 words by default, up to N with …N', () => {
    const r = rule('gap', ['ничем … помочь']);
    expect(matches([r], 'ничем я не могу помочь')).toEqual([['gap', 'ничем я не могу помочь']]);
    expect(matches([r], 'ничем я, увы, не могу помочь')).toEqual([]);
    expect(matches([rule('gap5', ['ничем …5 помочь'])], 'ничем я, увы, не могу помочь')).toHaveLength(1);
    expect(matches([r], 'ничем помочь')).toEqual([['gap', 'ничем помочь']]);
  });

  it('does not match across sentences', () => {
    expect(matches([rule('r', ['не мочь … помочь'])], 'Не могу. Помочь рад.')).toEqual([]);
    expect(matches([rule('r', ['не мочь помочь'])], 'Не могу\n\nпомочь')).toEqual([]);
    expect(matches([rule('r', ['не мочь помочь'])], 'Не могу\nпомочь')).toHaveLength(1);
  });

  it('sees through typography, case, ё and look-alike letters, and reports the original text', () => {
    const text = 'НИЧЕМ\u00A0нe  мoгу\u00ADпомочь';
    expect(matches([cannotHelp], `«${text}»`)).toEqual([]); // soft hyphen glued «могу» and «помочь» into one word
    const spaced = 'НИЧЕМ\u00A0нe  мoгу \u200Bпо\u0301мочь';
    expect(matches([cannotHelp], `«${spaced}»`)).toEqual([['cannot-help', spaced]]);
  });

  it('falls back to regular endings when the pack has no lexicon', () => {
    const r = rule('dear', ['уважаемый клиент']);
    expect(matches([r], 'Уважаемые клиенты! Уважаемому клиенту', null)).toEqual([
      ['dear', 'Уважаемые клиенты'],
      ['dear', 'Уважаемому клиенту'],
    ]);
    // Without the dictionary, stem changes are not joined: that is what `sufler pack build` is for.
    expect(matches([cannotHelp], 'ничем не могу помочь', null)).toEqual([]);
  });
});

describe('lintText: exceptions', () => {
  const youMust = rule('you-must', ['=вы … должен'], { exceptions: ['=не должен', 'должен поступить'] });

  it('cancels a match that an exception overlaps', () => {
    expect(matches([youMust], 'Вы ничего не должны доплачивать.')).toEqual([]);
    expect(matches([youMust], 'Вы должны поступить иначе')).toEqual([]);
    expect(matches([youMust], 'Вы должны прислать фото.')).toEqual([['you-must', 'Вы должны']]);
    expect(matches([youMust], 'Вы, к сожалению, должны прислать фото.')).toEqual([
      ['you-must', 'Вы, к сожалению, должны'],
    ]);
  });

  it('ignores an exception that matches elsewhere', () => {
    expect(matches([youMust], 'Деньги должны поступить завтра, а вы должны прислать чек.')).toEqual([
      ['you-must', 'вы должны'],
    ]);
  });
});

describe('lintText: overlaps and order', () => {
  it('lets the longest match win, then the more severe rule, then the earlier rule', () => {
    const short = rule('short', ['не мочь помочь'], { severity: 'error' });
    const long = rule('long', ['=ничем не мочь помочь']);
    expect(matches([short, long], 'ничем не могу помочь')).toEqual([['long', 'ничем не могу помочь']]);
    const a = rule('a', ['не мочь']);
    const b = rule('b', ['не мочь'], { severity: 'error' });
    const c = rule('c', ['не мочь'], { severity: 'error' });
    expect(matches([a, b, c], 'не могу')).toEqual([['b', 'не могу']]);
  });

  it('reports non-overlapping findings sorted by position, whatever the rule order', () => {
    const rules = [rule('z', ['помочь']), rule('a', ['должен'])];
    const text = 'Вы должны помочь, и мы должны помочь.';
    const expected = [
      ['a', 'должны'],
      ['z', 'помочь'],
      ['a', 'должны'],
      ['z', 'помочь'],
    ];
    expect(matches(rules, text)).toEqual(expected);
    expect(matches([...rules].reverse(), text)).toEqual(expected);
  });

  it('copies the rule fields into the finding', () => {
    const { compiled } = compileRules([cannotHelp], LEXICON);
    expect(lintText('Ничем не могу помочь', compiled)).toEqual([
      {
        ruleId: 'cannot-help',
        start: 0,
        end: 20,
        severity: 'error',
        message: 'сообщение cannot-help',
        suggestions: ['замена cannot-help', 'ещё замена'],
      },
    ]);
  });
});

describe('lintText: placeholders', () => {
  const { compiled } = compileRules([rule('name', ['имя'])], undefined);

  it('reports unfilled placeholders as errors, and never matches rule words inside them', () => {
    const text = 'Здравствуйте, [Имя]! Заказ {{номер заказа}} готов, [уточнил|уточнила] \\[не это].';
    const found = lintText(text, compiled);
    expect(found.map((f) => [f.ruleId, f.severity, text.slice(f.start, f.end)])).toEqual([
      [UNFILLED_PLACEHOLDER, 'error', '[Имя]'],
      [UNFILLED_PLACEHOLDER, 'error', '{{номер заказа}}'],
      [UNFILLED_PLACEHOLDER, 'error', '[уточнил|уточнила]'],
    ]);
    expect(found[0].message).toMatch(/незаполненная подстановка/);
  });

  it('can leave placeholders alone (template bodies have them by design)', () => {
    expect(lintText('Спасибо, [Имя]! Имя', compiled, { placeholders: false }).map((f) => f.ruleId)).toEqual(['name']);
  });

  it('never lets a match run through a placeholder, so no rule finding hides one', () => {
    expect(matches([rule('r', ['заказ … готов'])], 'Заказ [номер] готов')).toEqual([[UNFILLED_PLACEHOLDER, '[номер]']]);
    expect(matches([rule('r', ['заказ … готов'])], 'Заказ 15 готов')).toEqual([['r', 'Заказ 15 готов']]);
  });
});
