/** Each suppressor on its own, over real tokens (lib/lint/suppress/). */
import { describe, expect, it } from 'vitest';
import { splitClauses } from '../../../../lib/lint/clauses';
import { normalizeText } from '../../../../lib/lint/normalize-text';
import { isExpectation, isHypotheticalClause } from '../../../../lib/lint/suppress/conditional';
import { isGratitudeIdiom } from '../../../../lib/lint/suppress/gratitude';
import { readingHolds } from '../../../../lib/lint/suppress/homograph';
import { quotedTokens } from '../../../../lib/lint/suppress/quotation';
import { subjectAgrees } from '../../../../lib/lint/suppress/third-person';
import { tokenize } from '../../../../lib/lint/tokenize';

const read = (text: string) => {
  const normalized = normalizeText(text).text;
  const tokens = tokenize(normalized);
  return {
    tokens,
    clauses: splitClauses(tokens),
    normalized,
    at: (form: string) => tokens.findIndex((t) => t.form === form),
  };
};

describe('third-person subject', () => {
  const agrees = (text: string, verb: string, person: number) => {
    const { tokens, clauses, at } = read(text);
    return subjectAgrees(tokens, clauses, at(verb), person);
  };
  it('rejects a past-tense verb whose subject is a third party, near or far', () => {
    expect(agrees('Курьер не смог вам помочь', 'смог', 1)).toBe(false);
    expect(agrees('Вчера наш банк, к сожалению, не смог ничего сделать', 'смог', 1)).toBe(false);
    expect(agrees('Они не смогли помочь', 'смогли', 1)).toBe(false);
  });
  it('accepts the agent: «я/мы», or no subject at all (Russian drops the pronoun)', () => {
    expect(agrees('Я не смогла вам помочь', 'смогла', 1)).toBe(true);
    expect(agrees('Ничем не смогли помочь', 'смогли', 1)).toBe(true);
  });
  it('needs «вы/ты» for the second person and takes the nearest subject', () => {
    expect(agrees('Вы должны прислать фото', 'должны', 2)).toBe(true);
    expect(agrees('Должны вы прислать фото', 'должны', 2)).toBe(true);
    expect(agrees('Должны прислать фото', 'должны', 2)).toBe(false);
    expect(agrees('Вы правы, мы должны были предупредить', 'должны', 2)).toBe(false);
    expect(agrees('Вы, как администратор аккаунта, должны подтвердить', 'должны', 2)).toBe(true);
  });
  it('reads a relative clause as about its antecedent: «оператор, который …, не смог»', () => {
    expect(agrees('Оператор, который принимал ваш звонок, не смог помочь', 'смог', 1)).toBe(false);
    expect(agrees('Заявка, которую я не смогла найти', 'смогла', 1)).toBe(true);
  });
});

describe('conditional and hypothetical clauses', () => {
  const hypothetical = (text: string, word: string) => {
    const { tokens, clauses, at } = read(text);
    return isHypotheticalClause(tokens, clauses)[clauses.id[at(word)]] === 1;
  };
  it('flags the clause with «если», «в случае», «бы» — and only that clause', () => {
    expect(hypothetical('Если вы должны уехать, оставьте заказ соседу', 'должны')).toBe(true);
    expect(hypothetical('Если вы должны уехать, оставьте заказ соседу', 'оставьте')).toBe(false);
    expect(hypothetical('В случае если не сможем помочь, вернём деньги', 'сможем')).toBe(true);
    expect(hypothetical('Мы бы не смогли помочь без фото', 'смогли')).toBe(true);
    expect(hypothetical('Мы не смогли помочь', 'смогли')).toBe(false);
  });
  it('reads «должен» + a verb of receiving as an expectation, not an order', () => {
    const expected = (text: string) => {
      const { tokens, clauses } = read(text);
      return isExpectation(tokens, 0, 2, clauses.last[0]);
    };
    expect(expected('Вы должны были получить заказ ещё вчера')).toBe(true);
    expect(expected('Вы должны получить SMS с кодом')).toBe(true);
    expect(expected('Вы должны прислать фото чека')).toBe(false);
  });
  it('reads a verb of arriving as an expectation of a thing, but as an order to the customer', () => {
    const expected = (text: string) => {
      const { tokens, clauses } = read(text);
      return isExpectation(tokens, 0, 1, clauses.last[0]);
    };
    expect(expected('Деньги должны поступить на карту до пятницы')).toBe(true);
    expect(expected('Заказ должен прийти завтра')).toBe(true);
    expect(expected('Вы должны лично прийти в отделение с паспортом')).toBe(false);
  });
});

describe('gratitude idioms', () => {
  const idiom = (text: string, lastWord: string) => {
    const { tokens, at } = read(text);
    return isGratitudeIdiom(tokens, at(lastWord));
  };
  it('recognizes «не знаю, как вас благодарить» and its kin', () => {
    expect(idiom('Не знаю, как вас благодарить!', 'знаю')).toBe(true);
    expect(idiom('Не знаю даже, чем вас отблагодарить', 'знаю')).toBe(true);
  });
  it('leaves thanks that do not make an idiom alone', () => {
    expect(idiom('Не знаю, где заказ, спасибо за терпение', 'знаю')).toBe(false);
    expect(idiom('Ничем не могу помочь, спасибо за понимание', 'помочь')).toBe(false);
    expect(idiom('Не знаю. Как вас благодарить, подскажу завтра', 'знаю')).toBe(false);
  });
});

describe('homographs', () => {
  const holds = (text: string) => {
    const { tokens, clauses, at } = read(text);
    const t = at('вина');
    return readingHolds(tokens, t, clauses.first[t]);
  };
  it('reads «вина» as «fault» at a clause start or after a function word', () => {
    expect(holds('Вина не наша')).toBe(true);
    expect(holds('Это вина не наша')).toBe(true);
    expect(holds('Но вина не наша')).toBe(true);
  });
  it('reads it as «of wine» after a noun', () => {
    expect(holds('Бутылка вина не наша')).toBe(false);
    expect(holds('Бокал вина не наш')).toBe(false);
  });
});

describe('quotation', () => {
  const quoted = (text: string) => {
    const { tokens, normalized } = read(text);
    const marks = quotedTokens(tokens, normalized);
    return tokens.filter((_, t) => marks[t]).map((token) => token.form);
  };
  it('marks the words inside paired quotation marks of any style', () => {
    expect(quoted('Вам ответили «ничем не можем помочь». Простите.')).toEqual(['ничем', 'не', 'можем', 'помочь']);
    expect(quoted('Фраза "это невозможно" звучит плохо')).toEqual(['это', 'невозможно']);
    expect(quoted('Вы пишете: «это невозможно»')).toEqual(['это', 'невозможно']);
  });
  it('marks reported speech to the end of its sentence', () => {
    expect(quoted('Вы пишете, что вам не помогли. Я помогу.')).toEqual(['вам', 'не', 'помогли']);
    expect(quoted('По вашим словам, оператор нагрубил.')).toEqual(['оператор', 'нагрубил']);
  });
  it('quotes nothing with an unpaired mark', () => {
    expect(quoted('Папка «Спам и дальше текст без пары')).toEqual([]);
  });
});
