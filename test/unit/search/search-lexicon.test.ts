import { describe, expect, it } from 'vitest';
import type { Template } from '../../../lib/model';
import { checkSynonyms } from '../../../lib/packs/check-synonyms';
import { parsePack } from '../../../lib/packs/parse-pack';
import { aspectPartners, buildSearchLexicon } from '../../../lib/search/build-search-lexicon';
import { createSearchIndex } from '../../../lib/search/search-index';
import { createSearchLexicon, termOf } from '../../../lib/search/search-lexicon';
import { explainSearch, searchTemplates } from '../../../lib/search/search-templates';

const template = (id: string, title: string, tags: string[], body: string, extra: Partial<Template> = {}) => ({
  id,
  title,
  tags,
  body,
  category: 'Общее',
  ...extra,
});

const templates: Template[] = [
  template('late', 'Заказ задерживается', ['курьер опоздал'], 'Простите, курьер опоздал: новая дата — завтра.'),
  template('used', 'Вещь была в использовании', ['носили', 'следы носки'], 'Вещь носили, поэтому вернуть её нельзя.'),
  template('mistake', 'Признать нашу ошибку', ['ошиблись'], 'Вы правы, ошиблись мы.', { synonyms: ['промашка'] }),
  template('defect', 'Брак — что делать', ['дефект'], 'Если товар бракованный, заменим по гарантии или вернём деньги.'),
  template('password', 'Забыли пароль', ['вход'], 'Нажмите «Забыли пароль?».'),
];
const synonyms = [
  ['ошиблись', 'накосячили', 'облажались'],
  ['тянут резину', 'задерживается'],
];

const NOW = Date.UTC(2026, 10, 23);
const ids = (index: ReturnType<typeof createSearchIndex>, query: string) =>
  searchTemplates(index, query, { now: NOW, limit: 3 }).map((hit) => hit.id);

describe('the search lexicon compiled at pack build', { timeout: 30_000 }, () => {
  it('joins aspect pairs and tenses the dictionary lists apart, and keeps only what Snowball gets wrong', async () => {
    const data = await buildSearchLexicon({ templates, synonyms });
    const lexicon = createSearchLexicon([{ compiled: { search: data } }]);
    expect(termOf(lexicon, 'опаздывает')).toBe(termOf(lexicon, 'опоздал'));
    expect(termOf(lexicon, 'поносил')).toBe(termOf(lexicon, 'носили'));
    // Nouns Snowball stems right are not stored: the lexicon covers the library, not the language.
    expect(Object.values(data.forms).flat()).not.toContain('заказы');
    expect(JSON.stringify(data).length).toBeLessThan(40_000);
  });

  it('proposes the regular aspect partners of a verb', () => {
    expect(aspectPartners('опоздать')).toContain('опаздывать');
    expect(aspectPartners('опаздывать')).toContain('опоздать');
    expect(aspectPartners('носить')).toContain('поносить');
    expect(aspectPartners('отправить')).toContain('отправлять');
    expect(aspectPartners('помочь')).not.toContain('мочь');
  });

  it('finds the other aspect, slang through synonym groups, and a template by its own synonyms', async () => {
    const data = await buildSearchLexicon({ templates, synonyms });
    const index = createSearchIndex(templates, createSearchLexicon([{ compiled: { search: data }, synonyms }]));
    expect(ids(index, 'курьер опаздывает')[0]).toBe('late');
    expect(ids(index, 'поносил и хочу вернуть')[0]).toBe('used');
    expect(ids(index, 'накосячили')[0]).toBe('mistake');
    expect(ids(index, 'промашка')[0]).toBe('mistake');
    // A multi-word synonym rewrites the phrase.
    expect(ids(index, 'тянут резину')[0]).toBe('late');
    // Without the lexicon the same index misses the aspect pair: the lexicon is what does it.
    const bare = createSearchIndex(templates);
    expect(ids(bare, 'поносил')).not.toContain('used');
  });

  it('ignores a malformed lexicon from a pack URL instead of failing', () => {
    const lexicon = createSearchLexicon([
      { compiled: { search: { version: 99, forms: { x: ['y'] } } } },
      { compiled: { search: { version: 1, forms: { a: 'not a list' } } } },
      { synonyms: [['один'], 'не группа' as unknown as string[]] },
    ]);
    expect(lexicon.terms.size).toBe(0);
    expect(lexicon.synonyms.size).toBe(0);
  });
});

describe('typo tolerance and the partial fallback', () => {
  const index = createSearchIndex(templates);

  it('finds a one-slip word that is only in a body («бракованый» for «бракованный»)', () => {
    expect(ids(index, 'бракованный')).toContain('defect');
    expect(ids(index, 'бракованый')).toContain('defect');
  });

  it('marks hits partial when no template holds every word, and complete otherwise', () => {
    const partial = searchTemplates(index, 'пароль курьер', { now: NOW });
    expect(partial.length).toBeGreaterThan(0);
    expect(partial[0].complete).toBe(false);
    expect(searchTemplates(index, 'курьер опоздал', { now: NOW })[0].complete).toBe(true);
  });

  it('lets the content word outrank filler and weak words', () => {
    const withFiller = [
      ...templates,
      template('long', 'Ремонт идёт до сих пор', ['до сих пор в ремонте'], 'Почему так долго — объясним.'),
      template('ship', 'Заказ ещё не отправлен', ['ещё не отправили'], 'Соберём и отправим завтра.'),
    ];
    expect(ids(createSearchIndex(withFiller), 'почему до сих пор не отправили')[0]).toBe('ship');
  });

  it('explains each hit: word weights, the field and the kind of match', () => {
    const explanation = explainSearch(index, 'гарнтия пароль', { now: NOW, limit: 2 });
    expect(explanation.words.map((w) => w.word)).toEqual(['гарнтия', 'пароль']);
    expect(explanation.words.every((w) => w.idf > 0)).toBe(true);
    expect(explanation.fallback).toBe('partial');
    const defect = explanation.hits.find((hit) => hit.id === 'defect')!;
    expect(defect.words[0]).toMatchObject({ field: 'body', how: 'typo' });
    expect(defect.words[1]).toBeNull();
  });
});

describe('synonyms in the pack format', () => {
  const pack = (extra: object) => ({
    format: 'sufler-pack',
    formatVersion: 1,
    id: 'team',
    name: 'Команда',
    version: '1',
    locale: 'ru',
    templates: [template('a', 'Возврат', ['возврат'], 'Вернём.')],
    ...extra,
  });

  it('refuses an empty synonym and a one-word group with a clear Russian message', () => {
    const empty = parsePack(pack({ synonyms: [['деньги', ' ']] }));
    expect(empty.pack).toBeNull();
    expect(empty.errors.map((e) => e.message).join('\n')).toMatch(/пустой синоним/);
    const lonely = parsePack(pack({ synonyms: [['деньги']] }));
    expect(lonely.errors.map((e) => e.message).join('\n')).toMatch(/хотя бы два слова/);
  });

  it('reports repeated words, repeated groups and synonyms that repeat a tag', () => {
    const errors = checkSynonyms({
      synonyms: [
        ['деньги', 'бабки', 'Деньги'],
        ['бабки', 'деньги'],
        ['деньги', 'бабки'],
      ],
      templates: [template('a', 'Возврат', ['возврат'], 'Вернём.', { synonyms: ['рефанд', 'Возврат', 'рефанд'] })],
    });
    const messages = errors.map((e) => `${e.path}: ${e.message}`).join('\n');
    expect(messages).toMatch(/synonyms\[0\]: группа синонимов: «деньги» записано дважды/);
    expect(messages).toMatch(/synonyms\[1\]: группа синонимов повторяет группу №1/);
    expect(messages).toMatch(/templates\[0\]\.synonyms: шаблон «a»: синоним «рефанд» записан дважды/);
    expect(messages).toMatch(/синоним «возврат» уже есть в тегах/);
  });
});
