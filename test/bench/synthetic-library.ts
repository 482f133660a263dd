/**
 * Synthetic Russian support templates for the benches (search latency, sidebar with a 10k library): support
 * vocabulary in its inflected forms, a few rare words per template, ~400-character bodies, titles, tags,
 * categories and shortcuts like an agent's library. Seeded, so every run measures the same library.
 */
import type { Pack, Template } from '../../lib/model';

/** mulberry32: seeded, so every run measures the same library. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = (
  'заказ заказа заказу заказом товар товара доставка доставки доставку курьер курьера курьеру возврат возврата ' +
  'деньги денег оплата оплаты оплату карта карты картой чек чека гарантия гарантии ремонт ремонта посылка посылки ' +
  'посылку адрес адреса пункт выдачи срок сроки день дня дней неделю магазин склад склада коробка упаковка размер ' +
  'цвет промокод промокода скидка скидку бонусы баллы баллов приложение сайт пароль аккаунт уведомление ошибка ' +
  'проблема вопрос обращение претензия жалоба компенсация руководитель специалист мастер инструкция комплект ' +
  'кабель телефон ноутбук холодильник пылесос мебель подарок подписка тариф договор'
).split(' ');
const VERBS = (
  'вернуть вернём вернули оформить оформили проверить проверим уточнить уточню отправить отправим доставить ' +
  'доставим привезти привезём заменить заменим отменить отменили оплатить списали пришла пришёл сломался ' +
  'сломалось работает включается задерживается опоздал приехал подождите напишите пришлите сообщим свяжемся ' +
  'поможем разберёмся исправим передам'
).split(' ');
const ADJECTIVES =
  'новый новая гарантийный бесплатная быстрый срочный повреждённый неисправный личный удобный подробная электронный кассовый повторный'.split(
    ' ',
  );
const OTHER =
  'сегодня завтра сейчас скоро обязательно пожалуйста спасибо конечно быстро вовремя снова уже ещё только также поэтому чтобы если когда где как что мы вы вам вас ваш для по на в с и не'.split(
    ' ',
  );
const OPENERS = [
  'Здравствуйте, [Имя]!',
  '[Имя], добрый день!',
  'Спасибо, что написали, [Имя].',
  'Понимаю ваше беспокойство, [Имя].',
  '[Имя], благодарим за терпение.',
];
const CLOSERS = [
  'Если остались вопросы, напишите, я на связи.',
  'Хорошего дня!',
  'Спасибо, что остаётесь с нами.',
  'Заказ [номер заказа] держу на контроле.',
  'Сообщу, как только будут новости.',
];
const CATEGORIES = [
  'Доставка',
  'Возвраты',
  'Оплата',
  'Гарантия и ремонт',
  'Промокоды и скидки',
  'Аккаунт',
  'Жалобы',
  'Приветствие',
  'Прощание',
  'Уточнения',
  'Бонусы',
  'Подписка',
];

export function syntheticTemplates(count: number, seed = 42, bodyChars = 400): Template[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const syllables = 'ба ве ги до ку ла ми но пре ра со ту фи ха це ча ши эр юл ям ор ин ет ус'.split(' ');
  const rare = () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join('');
  const word = () => {
    const r = random();
    if (r < 0.4) return pick(NOUNS);
    if (r < 0.6) return pick(VERBS);
    if (r < 0.72) return pick(ADJECTIVES);
    if (r < 0.95) return pick(OTHER);
    return rare();
  };
  const sentence = () => {
    const words = Array.from({ length: 6 + Math.floor(random() * 8) }, word);
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    return `${words.join(' ')}.`;
  };
  return Array.from({ length: count }, (_, i) => {
    let body = pick(OPENERS);
    while (body.length < bodyChars - 60) body += ` ${sentence()}`;
    body += `\n${pick(CLOSERS)}`;
    const title = [pick(NOUNS), pick(VERBS), pick(ADJECTIVES), pick(NOUNS)].slice(0, 2 + Math.floor(random() * 3));
    title[0] = title[0][0].toUpperCase() + title[0].slice(1);
    return {
      id: `t-${i}`,
      title: title.join(' '),
      body,
      tags: Array.from({ length: 2 + Math.floor(random() * 3) }, () =>
        random() < 0.5 ? pick(NOUNS) : `${pick(VERBS)} ${pick(NOUNS)}`,
      ),
      category: CATEGORIES[i % CATEGORIES.length],
      ...(random() < 0.3 ? { shortcut: `${pick(NOUNS)}${i % 100}` } : {}),
    };
  });
}

/**
 * `total` templates split into packs of at most `perPack`, ids `bench-1`, `bench-2`, …: a pack may be at
 * most 5 MiB (lib/packs/pack-schema.ts), so a large library comes as several packs, as a large team's would.
 */
export function syntheticPacks(total: number, perPack = 5_000): Pack[] {
  const templates = syntheticTemplates(total);
  const packs: Pack[] = [];
  for (let at = 0; at < total; at += perPack) {
    const n = packs.length + 1;
    packs.push({
      format: 'sufler-pack',
      formatVersion: 1,
      id: `bench-${n}`,
      name: `Замер: библиотека ${n}`,
      version: '1',
      description: 'Синтетические шаблоны для замера скорости боковой панели.',
      locale: 'ru',
      templates: templates.slice(at, at + perPack),
      rules: [],
      policy: {},
    });
  }
  return packs;
}
