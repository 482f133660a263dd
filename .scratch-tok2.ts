import { tokenize, STOPWORDS } from './lib/search/normalize-query';
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Support vocabulary in the forms it is written in, so stemming and prefix expansion see realistic variety.
const NOUNS =
  'заказ заказа заказу заказом заказе товар товара товару товаром доставка доставки доставку доставкой курьер курьера ' +
  'курьеру возврат возврата возвратом деньги денег деньгами оплата оплаты оплату карта карты картой чек чека ' +
  'гарантия гарантии ремонт ремонта сервис сервиса посылка посылки посылку адрес адреса адресу пункт выдачи ' +
  'срок сроки сроков день дня дней неделя недели неделю магазин магазина склад склада коробка коробки упаковка ' +
  'упаковки размер размера цвет цвета промокод промокода скидка скидки скидку бонус бонусы баллы баллов ' +
  'приложение приложения сайт сайта пароль пароля аккаунт аккаунта уведомление уведомления ошибка ошибки ' +
  'проблема проблемы вопрос вопроса ответ ответа обращение обращения претензия претензии жалоба жалобы ' +
  'компенсация компенсации извинение извинения руководитель руководителя специалист специалиста мастер мастера ' +
  'инструкция инструкции настройка настройки сборка сборки комплект комплекта кабель кабеля телефон телефона ' +
  'ноутбук ноутбука холодильник холодильника пылесос пылесоса мебель мебели подарок подарка праздник праздника';
const VERBS =
  'вернуть вернем вернули верните вернется оформить оформили оформим проверить проверим проверили уточнить уточню ' +
  'уточнили отправить отправим отправили доставить доставим доставили привезти привезем привезли заменить заменим ' +
  'починить починим отменить отменим отменили оплатить оплатили списали списалась пришла пришел пришло ' +
  'сломался сломалось сломалась работает включается заряжается задерживается опоздал опоздала приехал ' +
  'подождать подождите напишите пришлите сообщим свяжемся поможем разберемся исправим передам передали';
const ADJECTIVES =
  'новый новая новое новую гарантийный гарантийного бесплатная бесплатную быстрый быстрая срочный срочная ' +
  'поврежденный поврежденная неисправный неисправная личный личного удобный удобное подробная подробный ' +
  'электронный электронная кассовый кассового повторный повторное';
const OTHER =
  'сегодня завтра вчера сейчас скоро обязательно пожалуйста спасибо конечно быстро вовремя дважды снова ' +
  'уже еще только также поэтому потому чтобы если когда где как что мы вы вам вас ваш ваша ваш для по на в с и не';

function syntheticTemplates(count: number, seed: number): any[] {
  const random = prng(seed);
  const pick = (list: string[]) => list[Math.floor(random() * list.length)];
  const nouns = NOUNS.split(' ');
  const verbs = VERBS.split(' ');
  const adjectives = ADJECTIVES.split(' ');
  const other = OTHER.split(' ');
  // Rare words (product names, models, slang) so the vocabulary grows with the library as a real one does.
  const syllables = 'ба ве ги до ку ла ми но пре ра со ту фи ха це ча ши эр юл ям ор ин ет ус'.split(' ');
  const rare = () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join('');
  const word = () => {
    const r = random();
    if (r < 0.4) return pick(nouns);
    if (r < 0.6) return pick(verbs);
    if (r < 0.72) return pick(adjectives);
    if (r < 0.95) return pick(other);
    return rare();
  };
  const sentence = () => {
    const words = Array.from({ length: 5 + Math.floor(random() * 8) }, word);
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    return `${words.join(' ')}.`;
  };
  const templates: any[] = [];
  for (let i = 0; i < count; i++) {
    let body = `[Имя], `;
    while (body.length < 400) body += `${sentence()} `;
    const title = [pick(nouns), pick(verbs), pick(adjectives), pick(nouns)].slice(0, 2 + Math.floor(random() * 3));
    const tags = Array.from({ length: 3 + Math.floor(random() * 4) }, () =>
      random() < 0.5 ? pick(nouns) : `${pick(verbs)} ${pick(nouns)}`,
    );
    templates.push({
      id: `t${i}`,
      title: title.join(' '),
      body: body.slice(0, 400),
      tags,
      category: `Категория ${i % 12}`,
      shortcut: random() < 0.5 ? `${pick(nouns)}${i % 100}` : undefined,
    });
  }
  return templates;
}
const tpl = syntheticTemplates(10000, 42);
const time = (name: string, fn: () => void) => { const s = performance.now(); fn(); console.log(name, (performance.now() - s).toFixed(0)); };
for (let r = 0; r < 3; r++) {
time('tokenize', () => { for (const t of tpl) tokenize(t.body); });
time('tokenize+postings', () => {
  const postings = new Map<string, number[]>();
  tpl.forEach((t, slot) => { for (const w of tokenize(t.body)) { const l = postings.get(w); if (l === undefined) { if (STOPWORDS.has(w)) continue; postings.set(w, [slot]); } else if (l[l.length-1] !== slot) l.push(slot); } });
});
const WORD = /[0-9a-z\u00df-\u00f6\u00f8-\u00ff\u0430-\u045f\u0491]+/g;
time('exec loop+postings', () => {
  const postings = new Map<string, number[]>();
  tpl.forEach((t, slot) => {
    const text = t.body.toLowerCase();
    WORD.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = WORD.exec(text)) !== null) { const w = m[0]; const l = postings.get(w); if (l === undefined) { postings.set(w, [slot]); } else if (l[l.length-1] !== slot) l.push(slot); }
  });
});
}
