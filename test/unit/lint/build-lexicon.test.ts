import { describe, expect, it } from 'vitest';
import { buildLexicon } from '../../../lib/lint/build-lexicon';
import { compileRules } from '../../../lib/lint/compile-rules';
import { lintText } from '../../../lib/lint/lint-text';
import { rule } from './rule-helpers';

describe('buildLexicon (az, build time)', () => {
  it('expands a dictionary form into its whole paradigm, ё folded to е', async () => {
    const lexicon = await buildLexicon([rule('r', ['=ничем не мочь|смочь помочь', 'поймать вина'])]);
    expect(Object.keys(lexicon.forms)).toEqual(['вина', 'мочь', 'не', 'поймать', 'помочь', 'смочь']);
    expect(lexicon.forms.мочь).toEqual(expect.arrayContaining(['могу', 'можем', 'может', 'мог', 'могли']));
    expect(lexicon.forms.смочь).toEqual(expect.arrayContaining(['смогу', 'сможем', 'смогли']));
    expect(lexicon.forms.поймать).toEqual(expect.arrayContaining(['поймает', 'поймаем']));
    expect(lexicon.forms.вина).toEqual(expect.arrayContaining(['вины', 'вину']));
    expect(lexicon.forms.вина).not.toContain('вино'); // «вина» as a dictionary form is «guilt», not «wine»
    expect(
      Object.values(lexicon.forms)
        .flat()
        .some((form) => form.includes('ё')),
    ).toBe(false);
  });

  it('expands a form that is not the dictionary form through its likeliest reading', async () => {
    const lexicon = await buildLexicon([rule('r', ['должен|обязан виноватый'])]);
    expect(lexicon.forms.должен).toEqual(expect.arrayContaining(['должен', 'должна', 'должны', 'должно']));
    expect(lexicon.forms.обязан).toEqual(expect.arrayContaining(['обязана', 'обязаны']));
    expect(lexicon.forms.виноватый).toEqual(expect.arrayContaining(['виноват', 'виноваты', 'виновата']));
  });

  it('gives words the dictionary does not know the fallback forms', async () => {
    const lexicon = await buildLexicon([rule('r', ['суфлерить'])]);
    expect(lexicon.forms.суфлерить).toContain('суфлерить');
  });

  it('lets one rule written once cover the aspect pair and word order in every form', async () => {
    const rules = [rule('cannot-help', ['=ничем не мочь|смочь (=вам) помочь', 'помочь =ничем не мочь|смочь'])];
    const { compiled } = compileRules(rules, { lint: await buildLexicon(rules) });
    for (const text of [
      'ничем не могу помочь',
      'ничем не можем вам помочь',
      'ничем не смогу помочь',
      'ничем не сможем вам помочь',
      'помочь ничем не могу',
      'ничем не смогли помочь',
    ]) {
      expect(lintText(text, compiled), text).toHaveLength(1);
    }
    expect(lintText('Чем ещё я могу помочь?', compiled)).toEqual([]);
  });
});
