import { describe, expect, it } from 'vitest';
import type { Pack, Rule } from '../../../lib/model';
import { checkPack } from '../../../lib/packs/check-pack';
import { checkShortcuts } from '../../../lib/packs/check-shortcuts';

const good: Rule = {
  id: 'cannot-help',
  severity: 'error',
  message: 'Закрывает разговор.',
  patterns: ['=ничем не мочь (=вам) помочь', 'помочь =ничем не мочь'],
  exceptions: ['если =ничем'],
  suggestions: ['Я передам ваш запрос', 'Я уточню'],
  examples: {
    bad: ['К сожалению, [[ничем не могу помочь]].', '[[Помочь ничем не можем]].'],
    good: ['Чем ещё я могу помочь?', 'Если ничем не можем помочь сразу, передадим вопрос дальше.'],
  },
};
const lexicon = {
  lint: {
    version: 1,
    source: 'test',
    forms: { мочь: ['мочь', 'могу', 'можем'], не: ['не'], помочь: ['помочь'], если: ['если'] },
  },
};

function pack(rules: Rule[], templates: Pack['templates'] = []): Pack {
  return {
    format: 'sufler-pack',
    formatVersion: 1,
    id: 'team',
    name: 'Команда',
    version: '1',
    description: '',
    locale: 'ru',
    templates,
    rules,
    policy: {},
    compiled: lexicon,
  };
}

const template = (id: string, body: string) => ({ id, title: id, body, tags: [], category: 'Разное' });

describe('checkPack', () => {
  it('passes a rule whose examples prove it, and templates with placeholders', () => {
    expect(checkPack(pack([good], [template('hello', 'Здравствуйте, [Имя]! Чем ещё я могу помочь?')]))).toEqual([]);
  });

  it('reports invalid patterns by path, naming the rule', () => {
    const errors = checkPack(pack([{ ...good, patterns: ['ничем (не'] }]));
    expect(errors).toEqual([
      { path: 'rules[0].patterns[0]', message: expect.stringMatching(/правило «cannot-help».*скобка/) },
    ]);
  });

  it('reports a bad example that does not fire, or fires at another span', () => {
    const errors = checkPack(
      pack([
        {
          ...good,
          examples: {
            ...good.examples,
            bad: [...good.examples.bad, 'Всё [[хорошо]].', '[[К сожалению, ничем не могу помочь]].', 'Без пометки'],
          },
        },
      ]),
    );
    expect(errors).toEqual([
      {
        path: 'rules[0].examples.bad[2]',
        message: 'правило «cannot-help» не срабатывает на плохом примере «Всё [[хорошо]].»',
      },
      {
        path: 'rules[0].examples.bad[3]',
        message:
          'правило «cannot-help», плохой пример «[[К сожалению, ничем не могу помочь]].»: ожидалось «К сожалению, ничем не могу помочь», а найдено «ничем не могу помочь»',
      },
      { path: 'rules[0].examples.bad[4]', message: expect.stringMatching(/отметьте ожидаемую фразу/) },
    ]);
  });

  it('reports a first suggestion that does not clear the finding', () => {
    const errors = checkPack(pack([{ ...good, suggestions: ['ничем не можем помочь', 'Я уточню'] }]));
    expect(errors.map((e) => e.path)).toEqual(['rules[0].examples.bad[0]', 'rules[0].examples.bad[1]']);
    expect(errors[0].message).toMatch(
      /после замены на первый вариант «ничем не можем помочь» правило всё ещё срабатывает/,
    );
  });

  it('reports a good example the rule fires on', () => {
    const errors = checkPack(pack([{ ...good, examples: { ...good.examples, good: ['Ничем не могу помочь'] } }]));
    expect(errors).toContainEqual({
      path: 'rules[0].examples.good[0]',
      message:
        'правило «cannot-help» ошибочно срабатывает на хорошем примере «Ничем не могу помочь»: «Ничем не могу помочь»',
    });
  });

  it('reports a pattern that never fires and an exception that no good example needs', () => {
    const errors = checkPack(
      pack([{ ...good, patterns: [...good.patterns, 'никак =нет'], exceptions: ['если =ничем', 'совсем никогда'] }]),
    );
    expect(errors).toEqual([
      {
        path: 'rules[0].patterns[2]',
        message: expect.stringMatching(/шаблон «никак =нет» не срабатывает ни на одном плохом/),
      },
      { path: 'rules[0].exceptions[1]', message: expect.stringMatching(/исключение «совсем никогда» не нужно/) },
    ]);
  });

  it('reports a rule that can never match, even with one pattern', () => {
    const errors = checkPack(pack([{ ...good, patterns: ['=никогда =никак'], exceptions: [] }]));
    expect(errors.map((e) => e.path)).toContain('rules[0].patterns[0]');
  });

  it('reports a template that breaks an error or warning rule, ignoring info rules', () => {
    const info: Rule = { ...good, id: 'info-rule', severity: 'info', patterns: ['помочь'], exceptions: [] };
    const errors = checkPack(
      pack([good], [template('ok', 'Рады помочь, [Имя]!'), template('rude', '[Имя], ничем не можем помочь.')]),
    );
    expect(errors).toEqual([
      {
        path: 'templates[1].body',
        message: expect.stringMatching(/^шаблон «rude»: правило «cannot-help» срабатывает на «ничем не можем помочь»/),
      },
    ]);
    expect(
      checkPack({ ...pack([info], [template('ok', 'Рады помочь')]), compiled: lexicon }).filter((e) =>
        e.path.startsWith('templates'),
      ),
    ).toEqual([]);
  });

  it('reports templates that share a shortcut, whatever the case, at the later one (pack check, not install)', () => {
    const shared = pack(
      [],
      [
        { ...template('first', 'Рады помочь.'), shortcut: 'Возврат7' },
        { ...template('again', 'Спасибо ещё раз.'), shortcut: 'возврат7' },
      ],
    );
    expect(checkPack(shared)).toEqual([]);
    const errors = checkShortcuts(
      pack(
        [],
        [
          { ...template('first', 'Рады помочь.'), shortcut: 'Возврат7' },
          { ...template('other', 'Спасибо.'), shortcut: 'другое' },
          { ...template('again', 'Спасибо ещё раз.'), shortcut: 'возврат7' },
        ],
      ),
    );
    expect(errors).toEqual([
      {
        path: 'templates[2].shortcut',
        message: expect.stringMatching(/^шаблон «again»: сокращение «возврат7» уже у шаблона «first»/),
      },
    ]);
  });
});

describe('checkPack: whole-draft hints and seeAlso', () => {
  const greeting: Rule = {
    id: 'no-greeting',
    kind: 'missing',
    at: 'start',
    minWords: 5,
    severity: 'info',
    message: 'Нет приветствия.',
    patterns: ['=здравствуйте', '=привет'],
    suggestions: ['Здравствуйте!'],
    seeAlso: ['hello'],
    examples: {
      bad: ['[[Заказ]] уже едет к вам, курьер позвонит.'],
      good: ['Здравствуйте! Заказ уже едет к вам, курьер позвонит.', 'Привет! Заказ уже едет к вам, курьер позвонит.'],
    },
  };
  const hello = { id: 'hello', title: 'Привет', body: 'Здравствуйте, [Имя]!', tags: [], category: 'Начало' };

  it('passes a missing rule whose examples prove it, and its seeAlso names a template of the pack', () => {
    expect(checkPack(pack([greeting], [hello]))).toEqual([]);
  });

  it('names a seeAlso id that is not a template of the pack', () => {
    expect(checkPack(pack([greeting]))).toEqual([
      {
        path: 'rules[0].seeAlso[0]',
        message: 'правило «no-greeting»: в seeAlso шаблон «hello», которого нет в этой библиотеке',
      },
    ]);
  });

  it('names a missing pattern that no good example needs', () => {
    const errors = checkPack(pack([{ ...greeting, patterns: [...greeting.patterns, '=салют'] }], [hello]));
    expect(errors.map((e) => e.path)).toEqual(['rules[0].patterns[2]']);
  });

  it('names a bad example where the hint does not fire (the draft greets)', () => {
    const bad = {
      ...greeting,
      examples: { ...greeting.examples, bad: ['[[Здравствуйте]]! Заказ уже едет к вам, курьер позвонит.'] },
    };
    expect(checkPack(pack([bad], [hello]))[0].message).toContain('не срабатывает на плохом примере');
  });
});
