import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { compileRules } from '@/lib/lint/compile-rules';
import { lintText } from '@/lib/lint/lint-text';
import { parseClausePattern } from '@/lib/lint/parse-clause-pattern';
import { parsePattern } from '@/lib/lint/parse-pattern';
import type { Rule } from '@/lib/model';
import { checkPack } from '@/lib/packs/check-pack';
import { checkPackUrl } from '@/lib/packs/check-pack-url';
import { checkShortcuts } from '@/lib/packs/check-shortcuts';
import { checkSynonyms } from '@/lib/packs/check-synonyms';
import { fetchPack } from '@/lib/packs/fetch-pack';
import { parseCsvPack } from '@/lib/packs/pack-csv';
import { parsePack } from '@/lib/packs/parse-pack';
import { ruleNames } from '@/lib/packs/rule-names';
import { samplePack } from '../../fixtures/pack-server';

const CYRILLIC = /[\u0400-\u04FF]/;
/** A message without what it quotes of the pack (“…” in English): the lead's own words may be Russian. */
const ownWording = (message: string) => message.replace(/“[^”]*”/g, '“”');
afterEach(() => setLocale(undefined));

/** The fetch edge as a function: what the server (or the network) answers. */
const answering = (response: () => Response) => async () => response();
const failureOf = async (result: ReturnType<typeof fetchPack>) => {
  const outcome = await result;
  if (outcome.status !== 'failed') throw new Error(`expected a failure, got ${outcome.status}`);
  return outcome.failure;
};

describe('background error texts follow the UI language', () => {
  it('pack download failures are English in an English browser and Russian otherwise', async () => {
    const notFound = answering(() => new Response('nope', { status: 404 }));
    const unreachable = async () => {
      throw new TypeError('Failed to fetch');
    };
    const request = { url: 'https://packs.example.com/team.json', kind: 'json' as const };

    setLocale('en');
    expect((await failureOf(fetchPack(request, notFound))).message).toBe('no pack file at this link (HTTP 404)');
    const offline = await failureOf(fetchPack(request, unreachable));
    expect(offline.message).toBe(
      'could not reach the pack server: no network, address not found or server unavailable',
    );
    const html = answering(() => new Response('<html>sign in</html>', { headers: { 'content-type': 'text/html' } }));
    expect((await failureOf(fetchPack(request, html))).message).toMatch(/^the link opened a web page/);
    const insecure = checkPackUrl('http://packs.example.com/team.json');
    expect(insecure.ok || insecure.failure.message).toMatch(/^an https:\/\/ address is needed/);

    const served = answering(() => new Response('{}', { headers: { 'content-type': 'application/json' } }));
    const pinned = await failureOf(fetchPack({ ...request, sha256: '0'.repeat(64) }, served));
    expect(pinned.message).toMatch(/^the pack’s content does not match the pinned hash \(expected sha256 0{12}…, got/);

    setLocale(undefined);
    expect((await failureOf(fetchPack(request, notFound))).message).toBe('файл пакета не найден по ссылке (HTTP 404)');
  });

  it('a broken pack file and a broken pack are worded in English, field names included', async () => {
    setLocale('en');
    const syntax = parsePack('{ "format": "sufler-pack", }');
    expect(syntax.errors[0].message).toMatch(
      /^this is not JSON: expected a field name in double quotes .*\(line 1, column \d+\)$/,
    );

    const pack = samplePack();
    pack.templates[0].title = '';
    const served = answering(
      () => new Response(JSON.stringify(pack), { headers: { 'content-type': 'application/json' } }),
    );
    const failure = await failureOf(fetchPack({ url: 'https://packs.example.com/team.json', kind: 'json' }, served));
    expect(failure.message).toBe('the pack failed the format check: templates[0].title: “Title”: not filled in');
    for (const error of failure.errors ?? []) expect(error.message).not.toMatch(CYRILLIC);
  });

  it('a CSV sheet without a text column names the row and the headers in English', () => {
    setLocale('en');
    const result = parseCsvPack('title,tags\nHello,x\n', { packId: 'team', name: 'Team' });
    expect(result.errors).toEqual([{ path: 'row 1', message: 'no column “body”; headers: “title”, “tags”' }]);
    setLocale(undefined);
    expect(parseCsvPack('title,tags\nHello,x\n', { packId: 'team', name: 'Team' }).errors[0].path).toBe('строка 1');
  });

  it('the schema’s own wording (ids, shortcuts, synonyms, rules) is English, not fixed Russian from import time', () => {
    const pack = samplePack();
    pack.id = 'Команда';
    pack.templates[0].shortcut = 'два слова';
    (pack as { synonyms?: string[][] }).synonyms = [['деньги']];
    pack.rules = [
      {
        id: 'no-phrases',
        severity: 'error',
        message: 'Нет фраз.',
        patterns: [],
        suggestions: ['одна', 'две'],
        examples: { bad: ['[[что-то]]'], good: ['другое'] },
      },
    ];
    setLocale('en');
    const english = parsePack(pack).errors.map((error) => error.message);
    expect(english).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^“Pack id”: lower-case Latin letters and digits only/),
        '“Shortcut”: one word, no spaces',
        '“Synonyms”: a synonym group needs at least two words, otherwise it links nothing',
        '“Rule phrases”: at least one phrase needed',
      ]),
    );
    for (const message of english) expect(ownWording(message)).not.toMatch(CYRILLIC);
    setLocale(undefined);
    expect(parsePack(pack).errors.map((error) => error.message)).toContain('«Сокращение»: одно слово, без пробелов');
  });

  it('a pack that fails its own proof (examples, seeAlso, shortcuts, synonyms) is explained in English', () => {
    const rule: Rule = {
      id: 'cannot-help',
      severity: 'error',
      message: 'Закрывает разговор.',
      patterns: ['ничем не могу помочь'],
      suggestions: ['Я передам ваш запрос', 'Я уточню'],
      seeAlso: ['absent'],
      examples: { bad: ['Извините, ничем не могу помочь.'], good: ['Ничем не могу помочь прямо сейчас, но уточню.'] },
    };
    const pack = {
      ...samplePack(),
      rules: [rule],
      synonyms: [
        ['деньги', 'Деньги'],
        ['Деньги', 'деньги'],
      ],
      templates: [
        {
          id: 'a',
          title: 'А',
          body: 'Спасибо!',
          tags: ['возврат'],
          category: 'Общее',
          shortcut: 'спс',
          synonyms: ['возврат'],
        },
        { id: 'b', title: 'Б', body: 'Спасибо ещё раз!', tags: [], category: 'Общее', shortcut: 'СПС' },
      ],
    };
    setLocale('en');
    const errors = [...checkPack(pack), ...checkShortcuts(pack), ...checkSynonyms(pack)].map((e) => e.message);
    expect(errors).toEqual(
      expect.arrayContaining([
        'rule “cannot-help”, bad example “Извините, ничем не могу помочь.”: mark the expected phrase as [[…]]',
        expect.stringMatching(/^rule “cannot-help” wrongly fires on the good example/),
        'rule “cannot-help”: seeAlso names the template “absent”, which is not in this library',
        expect.stringMatching(/^template “b”: the shortcut “СПС” is already used by “a”/),
        'synonym group: “деньги” is written twice; keep one',
        'the synonym group repeats group no. 1; delete one of them',
        expect.stringMatching(/^template “a”: the synonym “возврат” is already a tag/),
      ]),
    );
    for (const message of errors) expect(ownWording(message)).not.toMatch(CYRILLIC);
    setLocale(undefined);
    expect(checkPack(pack).map((e) => e.message)).toContain(
      'правило «cannot-help»: в seeAlso шаблон «absent», которого нет в этой библиотеке',
    );
  });

  it('a rule pattern that does not parse (phrase and clause syntax) is explained in English, Russian unchanged', () => {
    const rule = (id: string, kind: Rule['kind'], patterns: string[]): Rule => ({
      id,
      kind,
      severity: 'warning',
      message: 'Не пишите так.',
      patterns,
      suggestions: ['Я уточню', 'Я проверю'],
      examples: { bad: ['[[ничем не могу помочь]]'], good: ['Я помогу.'] },
    });
    const pack = {
      ...samplePack(),
      rules: [
        rule('broken-phrase', 'phrase', ['ничем не могу (вам']),
        rule('broken-clause', 'clause', ['не не мочь помочь']),
        rule('unknown-grammeme', 'clause', ['мочь:1лицо помочь']),
      ],
    };
    setLocale('en');
    const english = checkPack(pack).map((error) => error.message);
    expect(english).toEqual([
      'rule “broken-phrase”, pattern “ничем не могу (вам”: the parenthesis “(” is not closed',
      'rule “broken-clause”, pattern “не не мочь помочь”: “не не”: one “не” too many',
      expect.stringMatching(
        /^rule “unknown-grammeme”, pattern “мочь:1лицо помочь”: “мочь:1лицо”: unknown grammeme “1лицо”; known: “1л”, “2л”/,
      ),
    ]);
    for (const message of english) expect(ownWording(message)).not.toMatch(CYRILLIC);
    setLocale(undefined);
    expect(checkPack(pack).map((error) => error.message)).toEqual([
      'правило «broken-phrase», шаблон «ничем не могу (вам»: не закрыта скобка «(»',
      'правило «broken-clause», шаблон «не не мочь помочь»: «не не» — лишнее «не»',
      expect.stringMatching(
        /^правило «unknown-grammeme», шаблон «мочь:1лицо помочь»: «мочь:1лицо»: неизвестный признак «1лицо»; можно: 1л, 2л/,
      ),
    ]);
  });

  it('every rule-pattern syntax error, phrase and clause, has its own English wording', () => {
    const words = (count: number) => Array.from({ length: count }, (_, i) => `слово${i}`).join(' ');
    const alternatives = `а ${Array.from({ length: 21 }, (_, i) => `в${i}`).join('|')}`;
    // One source per error each parser can give, in the order the parser checks them.
    const phrase = [
      ...['а'.repeat(301), '', '(вам (лично)) помочь', 'вам) помочь', '() помочь', '( … ) помочь', 'а …9 б'],
      ...['… помочь', 'а … … б', 'а … б … в … г … д', alternatives, 'не мочь|| помочь', 'помо.*чь', words(13)],
      ...['(вам помочь', 'помочь …', '(вам)'],
    ];
    const clause = [
      ...['а'.repeat(301), '', '+ мочь', '(мочь (вам)) помочь', 'не (мочь) помочь', 'мочь) помочь', '(не) мочь'],
      ...['=вы … должен', '* =вы', 'мочь (*)', 'не не мочь', alternatives, 'мочь|| помочь', 'мочь:1л:2л'],
      ...['=мочь:1л', 'мочь:1x', 'помо.*чь', words(9), '(мочь помочь', 'не', '=вы+', '(=вам)'],
    ];
    const errors = (parse: (source: string) => { error?: string }, sources: string[]) =>
      sources.map((source) => parse(source).error ?? `no error for ${source}`);
    setLocale('en');
    const english = [errors(parsePattern, phrase), errors(parseClausePattern, clause)];
    setLocale(undefined);
    const russian = [errors(parsePattern, phrase), errors(parseClausePattern, clause)];
    english.forEach((messages, kind) => {
      expect(new Set(messages).size).toBe(messages.length);
      messages.forEach((message, i) => {
        expect(ownWording(message)).not.toMatch(CYRILLIC);
        expect(russian[kind][i]).toMatch(CYRILLIC);
      });
    });
  });

  it('the built-in unfilled-placeholder finding and its name in the statistics follow the UI language', () => {
    const { compiled } = compileRules([]);
    setLocale('en');
    expect(lintText('Здравствуйте, [Имя]!', compiled)[0].message).toMatch(/^A placeholder is left unfilled/);
    expect(Object.values(ruleNames([]))).toEqual(['unfilled field […]']);
    setLocale(undefined);
    expect(lintText('Здравствуйте, [Имя]!', compiled)[0].message).toMatch(/^В тексте осталась незаполненная/);
  });
});
