import { describe, expect, it } from 'vitest';
import { lemmaWords, parsePattern } from '../../../lib/lint/parse-pattern';

describe('parsePattern', () => {
  it('reads words, exact forms, alternatives, optional groups and gaps', () => {
    expect(parsePattern('=Ничем не мочь|=смогу (=вам лично) … помочь …5 Ёлка').items).toEqual([
      { type: 'word', alternatives: [{ form: 'ничем', exact: true }], optional: false, group: 0 },
      { type: 'word', alternatives: [{ form: 'не', exact: false }], optional: false, group: 0 },
      {
        type: 'word',
        alternatives: [
          { form: 'мочь', exact: false },
          { form: 'смогу', exact: true },
        ],
        optional: false,
        group: 0,
      },
      { type: 'word', alternatives: [{ form: 'вам', exact: true }], optional: true, group: 1 },
      { type: 'word', alternatives: [{ form: 'лично', exact: false }], optional: true, group: 1 },
      { type: 'gap', max: 3 },
      { type: 'word', alternatives: [{ form: 'помочь', exact: false }], optional: false, group: 0 },
      { type: 'gap', max: 5 },
      { type: 'word', alternatives: [{ form: 'елка', exact: false }], optional: false, group: 0 },
    ]);
  });

  it('accepts three dots as a gap and tolerates spaces inside parentheses', () => {
    expect(parsePattern('вы ...2 ( =же ) должен').items?.map((item) => item.type)).toEqual([
      'word',
      'gap',
      'word',
      'word',
    ]);
  });

  it('lists the words to expand, without exact forms', () => {
    expect(lemmaWords(parsePattern('=ничем не мочь|смочь|=смогу помочь').items!)).toEqual([
      'не',
      'мочь',
      'смочь',
      'помочь',
    ]);
  });

  it.each([
    ['', /пустой шаблон/],
    ['… помочь', /не может начинаться с пропуска/],
    ['помочь …', /не может заканчиваться пропуском/],
    ['а … … б', /два пропуска/],
    ['а …9 б', /от 1 до 8 слов/],
    ['а … б … в … г … д', /не больше 3 пропусков/],
    ['(вам)', /нет ни одного обязательного слова/],
    ['(вам (лично)) помочь', /вкладывать/],
    ['(вам помочь', /не закрыта скобка/],
    ['вам) помочь', /лишняя закрывающая скобка/],
    ['() помочь', /пустые скобки/],
    ['( … ) помочь', /внутри скобок/],
    ['не мочь|| помочь', /пустой вариант/],
    ['= помочь', /пустой вариант/],
    ['помо.*чь', /не слово.*регулярные выражения не поддерживаются/],
    ['[Имя]', /не слово/],
    ['ничем не могу, помочь', /«могу,» — не слово/],
    [Array.from({ length: 13 }, () => 'слово').join(' '), /не больше 12 слов/],
    [`а ${Array.from({ length: 21 }, (_, i) => `в${i}`).join('|')}`, /не больше 20 вариантов/],
    ['а'.repeat(301), /длиннее 300 символов/],
  ])('rejects %j with a clear Russian error', (source, message) => {
    const result = parsePattern(source);
    expect(result.items).toBeUndefined();
    expect(result.error).toMatch(message);
  });
});
