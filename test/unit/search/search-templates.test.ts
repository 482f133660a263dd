import { describe, expect, it } from 'vitest';
import {
  addToSearchIndex,
  createSearchIndex,
  removeFromSearchIndex,
  type SearchableTemplate,
} from '../../../lib/search/search-index';
import { explainSearch, searchTemplates } from '../../../lib/search/search-templates';

const NOW = Date.UTC(2026, 10, 23, 12);
const HOUR = 3_600_000;
const filler = 'Мы ценим ваше терпение и всегда рады ответить на любой вопрос по магазину. ';

const t = (id: string, title: string, tags: string[], body: string, extra: Partial<SearchableTemplate> = {}) => ({
  id,
  title,
  tags,
  body,
  category: 'Общее',
  ...extra,
});

const library: SearchableTemplate[] = [
  t(
    'refund',
    'Возврат денег за заказ',
    ['вернуть деньги', 'возврат'],
    'Верните товар, и мы вернём деньги за 10 дней.',
    {
      shortcut: 'возврат7',
      category: 'Возвраты',
    },
  ),
  t('courier-late', 'Курьер опаздывает', ['задержка доставки'], 'Курьер задерживается, новая дата доставки — завтра.', {
    category: 'Доставка',
  }),
  t('password', 'Восстановить пароль', ['вход', 'логин'], 'Нажмите «Забыли пароль?» на странице входа.'),
  t('promo', 'Промокод на скидку', ['купон', 'компенсация'], 'Дарим промокод [промокод] на следующий заказ.'),
  t('iphone', 'Не заряжается iPhone', ['айфон', 'зарядка'], 'Проверьте кабель и блок питания iPhone.'),
  t(
    'tracking',
    'Где мой заказ — трек-номер',
    ['где заказ', 'отследить'],
    'Трек-номер [трек], отследить можно на сайте.',
  ),
  t('greeting', 'Приветствие', ['привет', 'здравствуйте'], 'Здравствуйте, [Имя]! Чем могу помочь?'),
];

const ids = (
  query: string,
  options: Partial<Parameters<typeof searchTemplates>[2]> = {},
  index = createSearchIndex(library),
) => searchTemplates(index, query, { now: NOW, ...options }).map((hit) => hit.id);

describe('searchTemplates', () => {
  it('finds word forms of what the template says', () => {
    expect(ids('возврата')[0]).toBe('refund');
    expect(ids('возвратом денег')[0]).toBe('refund');
    expect(ids('курьера')[0]).toBe('courier-late');
    expect(ids('пароля')[0]).toBe('password');
  });

  it('finds verb forms that the stemmer cuts differently («вернуть» / «верните»)', () => {
    const index = createSearchIndex([
      t('a', 'Оформление обмена', ['обмен'], 'Верните товар курьеру.'),
      t('b', 'Приветствие', ['привет'], 'Здравствуйте!'),
    ]);
    expect(ids('вернуть', {}, index)).toEqual(['a']);
  });

  it('finds the word still being typed by its prefix', () => {
    expect(ids('возвр')[0]).toBe('refund');
    expect(ids('промо')[0]).toBe('promo');
    expect(ids('курьер опозд')[0]).toBe('courier-late');
  });

  it('forgives typos', () => {
    expect(ids('промакод')[0]).toBe('promo');
    expect(ids('курер')[0]).toBe('courier-late');
    expect(ids('пароьл')[0]).toBe('password');
    expect(ids('возрват')[0]).toBe('refund'); // swapped letters: two edits, found by trying the swap back
    expect(ids('купно')[0]).toBe('promo');
  });

  it('reads a query typed in the wrong keyboard layout', () => {
    expect(ids('djpdhfn')[0]).toBe('refund');
    expect(ids('gfhjkm')[0]).toBe('password');
    expect(ids('ghjvjrjl')[0]).toBe('promo');
  });

  it('keeps brand names as typed and still finds them', () => {
    expect(ids('iPhone')[0]).toBe('iphone');
    expect(ids('iphone')[0]).toBe('iphone');
    expect(ids('iPhone yt pfhz;fncz')[0]).toBe('iphone'); // «iPhone не заряжается» in the wrong layout
  });

  it('retries a Cyrillic query that found nothing in the Latin layout', () => {
    expect(ids('шзрщту')[0]).toBe('iphone');
  });

  it('treats ё and е, case and punctuation as the same', () => {
    const index = createSearchIndex([t('a', 'Счёт на оплату', [], 'Да.'), t('b', 'Другое', [], 'Нет.')]);
    expect(ids('СЧЁТ!', {}, index)[0]).toBe('a');
    expect(ids('счет', {}, index)[0]).toBe('a');
  });

  it('ranks a template holding every query word above those holding some (multi-word, any order)', () => {
    const index = createSearchIndex([
      t('only-help', 'Помочь с выбором', [], filler),
      t('both', 'Стоп-фраза', [], `${filler}Никогда не пишите «ничем не могу помочь».`),
      t('only-nothing', 'Ничем не хуже', [], filler),
    ]);
    expect(ids('помочь ничем', {}, index)[0]).toBe('both');
    expect(ids('ничем помочь', {}, index)[0]).toBe('both');
  });

  it('weighs title over tags and shortcut over body', () => {
    const index = createSearchIndex([
      t('body', 'Первый ответ', [], `${filler}Про гарантию расскажу отдельно.`),
      t('tag', 'Второй ответ', ['гарантия'], filler),
      t('title', 'Гарантия', [], filler),
    ]);
    expect(ids('гарантия', {}, index)).toEqual(['title', 'tag', 'body']);
  });

  it('finds a word deep in a long body as well as one at its start', () => {
    const deep = filler.repeat(6); // the word lands well past character 227
    const index = createSearchIndex([
      t('deep', 'Ответ один', [], `${deep}Экспертиза займёт до 20 дней.`),
      t('early', 'Ответ два', [], `Экспертиза займёт до 20 дней. ${deep}`),
      t('none', 'Ответ три', [], deep),
    ]);
    expect(deep.indexOf('Экспертиза')).toBe(-1);
    const hits = searchTemplates(index, 'экспертиза', { now: NOW });
    expect(hits.map((h) => h.id).sort()).toEqual(['deep', 'early']);
    expect(hits[0].score).toBe(hits[1].score);
  });

  it('lifts recently and frequently used templates among similar matches', () => {
    const index = createSearchIndex([
      t('a', 'Доставка задерживается', ['задержка'], filler),
      t('b', 'Доставка перенесена', ['перенос'], filler),
      t('c', 'Доставка бесплатная', ['подарок'], filler),
    ]);
    expect(ids('доставка', {}, index)[0]).toBe('a');
    const usage = { c: { count: 12, lastUsedAt: NOW - HOUR } };
    expect(ids('доставка', { usage }, index)[0]).toBe('c');
  });

  it('never lets usage bury an exact match', () => {
    const index = createSearchIndex([
      t('heavy', 'Возврат по браку', ['брак'], filler),
      t('exact', 'Возврат', [], filler),
    ]);
    const usage = { heavy: { count: 1000, lastUsedAt: NOW } };
    expect(ids('возврат', { usage }, index)[0]).toBe('exact');
    expect(ids('возврат', {}, index)[0]).toBe('exact');
  });

  it('lets old usage fade: the same count a month ago weighs less than today', () => {
    const index = createSearchIndex([
      t('old', 'Доставка сегодня', [], filler),
      t('new', 'Доставка завтра', [], filler),
    ]);
    const usage = { old: { count: 5, lastUsedAt: NOW - 30 * 24 * HOUR }, new: { count: 5, lastUsedAt: NOW - HOUR } };
    expect(ids('доставка', { usage }, index)[0]).toBe('new');
  });

  it('answers an empty query with recent and frequent templates, then the library in order', () => {
    const usage = { promo: { count: 3, lastUsedAt: NOW - HOUR }, password: { count: 40, lastUsedAt: NOW - 2 * HOUR } };
    expect(ids('', { usage, limit: 4 })).toEqual(['password', 'promo', 'refund', 'courier-late']);
    expect(ids('   ', { limit: 2 })).toEqual(['refund', 'courier-late']);
    const asMap = new Map(Object.entries(usage));
    expect(ids('', { usage: asMap, limit: 3 })).toEqual(['password', 'promo', 'refund']);
    // Usage of templates no longer in the library is ignored.
    expect(ids('', { usage: { gone: { count: 99, lastUsedAt: NOW } }, limit: 1 })).toEqual(['refund']);
  });

  it('filters by category, for queries and the empty query alike', () => {
    expect(ids('доставка', { category: 'Доставка' })).toEqual(['courier-late']);
    expect(ids('', { category: 'Возвраты' })).toEqual(['refund']);
    expect(ids('курьер', { category: 'Возвраты' })).toEqual([]);
  });

  it('finds by shortcut', () => {
    expect(ids('возврат7')[0]).toBe('refund');
  });

  it('respects the limit and returns nothing for nonsense', () => {
    expect(ids('заказ', { limit: 1 })).toHaveLength(1);
    expect(ids('ъъъыыы')).toEqual([]);
  });

  it('is pure: the same inputs give the same ranking', () => {
    const index = createSearchIndex(library);
    const first = searchTemplates(index, 'где заказ', { now: NOW });
    searchTemplates(index, 'курьер', { now: NOW });
    expect(searchTemplates(index, 'где заказ', { now: NOW })).toEqual(first);
  });

  it('keeps stored keys apart from ids and reports both', () => {
    const index = createSearchIndex([
      { ...library[0], key: 'team/refund' },
      { ...library[0], key: 'personal/refund' },
    ]);
    const hits = searchTemplates(index, 'возврат', { now: NOW });
    expect(hits.map((h) => h.key).sort()).toEqual(['personal/refund', 'team/refund']);
    expect(hits.every((h) => h.id === 'refund')).toBe(true);
  });

  it('updates incrementally: add, replace, remove', () => {
    const index = createSearchIndex(library);
    addToSearchIndex(index, [t('gift', 'Срочный подарок к празднику', ['подарок'], 'Успеем к празднику.')]);
    expect(ids('подарок', {}, index)[0]).toBe('gift');

    addToSearchIndex(index, [t('gift', 'Упаковка', ['упаковка'], 'Красиво упакуем.')]);
    expect(ids('подарок', {}, index)).not.toContain('gift');
    expect(ids('упаковка', {}, index)[0]).toBe('gift');
    expect(ids('', { limit: 100 }, index)).toHaveLength(library.length + 1);

    removeFromSearchIndex(index, ['gift', 'promo']);
    expect(ids('упаковка', {}, index)).toEqual([]);
    expect(ids('промокод', {}, index)).not.toContain('promo');
    expect(ids('', { limit: 100 }, index)).toHaveLength(library.length - 1);
  });
});

describe('searchTemplates on how agents type in a hurry', () => {
  const orders: SearchableTemplate[] = [
    t('not-shipped', 'Заказ ещё не отправлен', ['не отправили', 'на сборке'], 'Заказ собирают, отправим завтра.'),
    t('send-back', 'Как отправить товар обратно', ['отправить обратно'], 'Почему-то не пришла этикетка? Почему бы не…'),
    t('confirmed', 'Заказ оформлен', ['спасибо за заказ'], 'Подождите чуть-чуть, почему бы и нет.'),
    t('wrong', 'Заказ перепутали', ['пересорт'], 'Пришёл чужой заказ? Напишите нам, заменим.'),
    t('defect', 'Брак — какие есть варианты', ['брак', 'дефект'], 'Расскажите, что случилось.'),
  ];
  const index = createSearchIndex(orders);
  const explain = (query: string) => explainSearch(index, query, { now: NOW });

  it('lets question words and «до сих пор» fall away before the exact match: «почему до сих пор не отправили»', () => {
    const { hits } = explain('почему до сих пор не отправили');
    expect(hits[0]).toMatchObject({ id: 'not-shipped', tier: 2 });
  });

  it('keeps the «не» of «так и не»: «так и не отправили» is the tag «не отправили»', () => {
    expect(explain('так и не отправили').hits[0]).toMatchObject({ id: 'not-shipped', tier: 2 });
  });

  it('looks for near misses in bodies within the same edit budget as in headlines (a 3-letter stem: none)', () => {
    // «чужой» → «чуж»: one edit from «чуть» (in «confirmed»), which must not count as holding the word.
    const { hits } = explain('чужой заказ');
    expect(hits[0].id).toBe('wrong');
    expect(hits.find((hit) => hit.id === 'confirmed')?.complete).toBe(false);
  });

  it('lets the nearest words stand in nearly in full for a word the library does not hold («дифектом»)', () => {
    const { hits } = explain('дифектом');
    expect(hits[0].id).toBe('defect');
    const match = hits[0].words[0];
    expect(match).toMatchObject({ how: 'typo', term: 'дефект' });
    expect(match!.weight).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps, of a long pasted message, the words the headlines name rather than the first ten', () => {
    const pasted =
      'добрый вечер вчера вечером соседка снизу рассказала подруге мужа странную историю про пятничный пересорт';
    expect(searchTemplates(index, pasted, { now: NOW, limit: 3 })[0]?.id).toBe('wrong');
  });
});
