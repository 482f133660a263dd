/** The clause engine end to end with a real lexicon (built once with az, as `sufler pack build` does). */
import { describe, expect, it } from 'vitest';
import { applySuggestion } from '../../../lib/lint/apply-suggestion';
import { buildLexicon } from '../../../lib/lint/build-lexicon';
import { splitClauses } from '../../../lib/lint/clauses';
import { compileRules } from '../../../lib/lint/compile-rules';
import { lintText } from '../../../lib/lint/lint-text';
import { negations } from '../../../lib/lint/negation';
import { normalizeText } from '../../../lib/lint/normalize-text';
import { parseClausePattern } from '../../../lib/lint/parse-clause-pattern';
import { tokenize } from '../../../lib/lint/tokenize';
import { buildTypoIndex, splitJoinedNegation, typoCandidates } from '../../../lib/lint/typo';
import type { Rule } from '../../../lib/model';
import { rule } from './rule-helpers';

const clause = (id: string, patterns: string[], extra: Partial<Rule> = {}) =>
  rule(id, patterns, { kind: 'clause', ...extra });
const RULES = [
  clause('cannot-help', ['(=ничем) (=тут) не мочь:1л|смочь:1л помочь'], { fix: 'clause' }),
  clause('you-must', ['=вы должен:2л'], { suggestions: ['{глагол:пов}, пожалуйста,', 'попрошу вас'] }),
  clause('signature', ['=вас обслуживать оператор'], {
    fix: 'clause',
    suggestions: ['Меня зовут {имя}, и я помогу', 'Я помогу'],
  }),
  clause('fault', ['не =наша вина']),
  clause('wait', ['=ожидайте'], { exceptions: ['=ожидайте *'] }),
  clause('misread', ['=вы неправильно понять', '=вы не понять']),
  clause('wrong', ['=вы =неправы']),
];
const lexicon = { lint: await buildLexicon(RULES) };
const { compiled, errors } = compileRules(RULES, lexicon);
const found = (text: string) => lintText(text, compiled).map((f) => [f.ruleId, text.slice(f.start, f.end)]);

describe('clause patterns: the authoring language', () => {
  it('parses words, negation, grammemes, optional words, «*» and «a+b»', () => {
    expect(errors).toEqual([]);
    const parsed = parseClausePattern('(=ничем) не мочь:1л|смочь:1л =как+=я *');
    expect(parsed.slots?.map((s) => [s.negated, s.optional, s.any, s.adjacent])).toEqual([
      [false, true, false, false],
      [true, false, false, false],
      [false, false, false, false],
      [false, false, false, true],
      [false, false, true, false],
    ]);
    expect(parsed.slots?.[1].alternatives[0]).toEqual({ form: 'мочь', exact: false, tags: '1л' });
  });
  it('rejects what it cannot mean, in Russian', () => {
    expect(parseClausePattern('не').error).toMatch(/кончаться на «не»/);
    expect(parseClausePattern('мочь:1x').error).toMatch(/неизвестный признак «1x»/);
    expect(parseClausePattern('=вы … должен').error).toMatch(/пропуски «…» не нужны/);
    expect(parseClausePattern('* =вы').error).toMatch(/перед ним нужно слово/);
    expect(parseClausePattern('(=вам)').error).toMatch(/нет ни одного обязательного слова/);
    expect(parseClausePattern('=вы+').error).toMatch(/после «\+» нужно слово/);
  });
});

describe('clause matching', () => {
  it('finds the words in any order, with words between, inside one clause', () => {
    expect(found('Помочь вам ничем не могу.')).toEqual([['cannot-help', 'Помочь вам ничем не могу']]);
    expect(found('Мы, увы, ничем тут не сможем помочь.')).toEqual([['cannot-help', 'ничем тут не сможем помочь']]);
    expect(found('Вы, как владелец карты, должны подтвердить.')).toEqual([
      ['you-must', 'Вы, как владелец карты, должны'],
    ]);
    expect(found('Вина не наша.')).toEqual([['fault', 'Вина не наша']]);
  });
  it('does not cross a clause or sentence boundary', () => {
    expect(found('Не могу сказать точно, но помочь постараюсь.')).toEqual([]);
    expect(found('Курьер не может. Помочь можем мы.')).toEqual([]);
  });
  it('binds negation to the word it negates', () => {
    expect(found('Чем ещё я могу помочь?')).toEqual([]);
    expect(found('Вы не должны ничего доплачивать.')).toEqual([]);
    expect(found('Не могу не помочь вам.')).toEqual([]);
  });
  it('keeps the person: «может» and a third party are not the agent', () => {
    expect(found('Банк не может помочь.')).toEqual([]);
    expect(found('Курьер не смог вам помочь.')).toEqual([]);
    expect(found('Я не смогла вам помочь.')).toEqual([['cannot-help', 'не смогла вам помочь']]);
  });
  it('drops conditional, quoted and homograph readings', () => {
    expect(found('Если не смогу помочь, передам вопрос.')).toEqual([]);
    expect(found('Вам ответили «ничем не можем помочь».')).toEqual([]);
    expect(found('Бутылка вина не наша.')).toEqual([]);
  });
  it('reads «*» in an exception as «something follows»', () => {
    expect(found('Заказ в пути, ожидайте.')).toEqual([['wait', 'ожидайте']]);
    expect(found('Ожидайте звонка курьера.')).toEqual([]);
  });
});

describe('typo tolerance', () => {
  it('splits a joined negation, fixes one slip in a longer word, survives CAPS and line breaks', () => {
    expect(found('Ничем немогу помочь.')).toEqual([['cannot-help', 'Ничем немогу помочь']]);
    expect(found('Ничем не могу помоч.')).toEqual([['cannot-help', 'Ничем не могу помоч']]);
    expect(found('Вы долны прислать фото.')).toEqual([['you-must', 'Вы долны']]);
    expect(found('НИЧЕМ НЕ\nМОГУ  ПОМОЧЬ')).toEqual([['cannot-help', 'НИЧЕМ НЕ\nМОГУ  ПОМОЧЬ']]);
  });
  it('never corrects a word that is a word of its own, nor short ones', () => {
    const index = buildTypoIndex(['помочь', 'можем', 'ничего'], ['может', 'могу']);
    const has = (form: string) => ['помочь', 'можем', 'ничего'].includes(form);
    expect(typoCandidates('помоч', index, has)).toEqual(['помочь']);
    expect(typoCandidates('нечего', index, has)).toEqual(['ничего']);
    expect(typoCandidates('может', index, has)).toEqual([]);
    expect(typoCandidates('помощь', index, has)).toEqual([]);
    expect(typoCandidates('мож', index, has)).toEqual([]);
    expect(splitJoinedNegation('немогу', (form) => form === 'могу')).toBe('могу');
    expect(splitJoinedNegation('неделя', (form) => form === 'могу')).toBeNull();
  });
});

describe('clauses and negation', () => {
  it('splits at conjunctions and strong punctuation, not at parenthetical commas', () => {
    const tokens = tokenize(normalizeText('От меня, к сожалению, ничего не зависит, но я помогу: позвоню').text);
    const { id } = splitClauses(tokens);
    expect([...id]).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2]);
    const negated = negations(tokens, splitClauses(tokens), new Uint8Array(tokens.length));
    expect(tokens.filter((_, t) => negated[t]).map((t) => t.form)).toEqual(['зависит']);
  });
  it('lets «не» bind through a degree adverb: «не совсем поняли», «не до конца поняли»', () => {
    const negatedForms = (text: string) => {
      const tokens = tokenize(normalizeText(text).text);
      const negated = negations(tokens, splitClauses(tokens), new Uint8Array(tokens.length));
      return tokens.filter((_, t) => negated[t]).map((t) => t.form);
    };
    expect(negatedForms('Вы не совсем поняли')).toEqual(['совсем', 'поняли']);
    expect(negatedForms('Вы не до конца поняли')).toEqual(['до', 'поняли']);
    expect(negatedForms('Вы совсем не поняли')).toEqual(['поняли']);
    expect(negatedForms('Не очень, поняли?')).toEqual(['очень']);
  });
});

describe('a rule word with its «не» typed apart', () => {
  it('reads «не правильно», «не правы», «не совсем правильно» as «неправильно», «неправы»', () => {
    expect(found('Вы не правильно поняли условия.')).toEqual([['misread', 'Вы не правильно поняли']]);
    expect(found('Вы, наверное, не совсем правильно поняли.')).toEqual([
      ['misread', 'Вы, наверное, не совсем правильно поняли'],
    ]);
    expect(found('Вы не правы.')).toEqual([['wrong', 'Вы не правы']]);
    expect(found('Вы не до конца поняли условия.')).toEqual([['misread', 'Вы не до конца поняли']]);
  });
  it('still needs the «не»: «вы правильно поняли», «вы правы» stay clean', () => {
    expect(found('Вы правильно поняли условия.')).toEqual([]);
    expect(found('Вы правы, заказ задержан.')).toEqual([]);
    expect(found('Вы не правильно поняли? Нет, правильно.')).toEqual([['misread', 'Вы не правильно поняли']]);
  });
});

describe('fixes', () => {
  const fix = (text: string, context = {}) => {
    const [finding] = lintText(text, compiled, { context });
    return applySuggestion(text, finding);
  };
  it('turns «вы должны + verb» into a polite request that keeps the rest', () => {
    expect(fix('Вы должны прислать фото чека.')).toBe('Пришлите, пожалуйста, фото чека.');
    expect(fix('Для возврата вы должны заполнить заявление.')).toBe('Для возврата заполните, пожалуйста, заявление.');
    expect(fix('Вы должны как-нибудь это пережить.')).toBe('Попрошу вас как-нибудь это пережить.');
  });
  it('fills the agent name from the draft or the settings, or uses a suggestion without it', () => {
    expect(fix('Вас обслуживает оператор Иван.')).toBe('Меня зовут Иван, и я помогу.');
    expect(fix('Вас обслуживает оператор.', { agentName: 'Мария' })).toBe('Меня зовут Мария, и я помогу.');
    expect(fix('Вас обслуживает оператор.')).toBe('Я помогу.');
  });
  it('replaces the whole clause when the rule says so, keeping a leading conjunction', () => {
    expect(fix('Заказ у курьера, но мы, увы, ничем не можем помочь.')).toBe('Заказ у курьера, но замена cannot-help.');
  });
});
