/**
 * Search: quality on the agent query table (our pipeline beside Fuse.js with default options, same data),
 * per-keystroke latency at 1k / 10k / 50k synthetic Russian templates, index build time, heap.
 */
import { availableParallelism, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Fuse from 'fuse.js';
import type { Template } from '../../lib/model';
import { buildPackFromDir } from '../../lib/packs/build-pack';
import { createSearchIndex, type SearchableTemplate } from '../../lib/search/search-index';
import { searchTemplates } from '../../lib/search/search-templates';
import { SEARCH_QUERIES } from '../data/search-queries';
import { median, ms, percentile, table } from './measure';

export default async function (): Promise<void> {
  await quality();
  latency();
}

async function quality(): Promise<void> {
  const { pack, errors } = await buildPackFromDir('templates');
  if (!pack) throw new Error(`default pack does not build: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  const index = createSearchIndex(pack.templates);
  // Fuse.js exactly as its README starts: default options, the fields we search.
  const fuse = new Fuse(pack.templates, { keys: ['title', 'tags', 'shortcut', 'body'] });
  const ours = (query: string) => searchTemplates(index, query, { now: 0, limit: 3 }).map((hit) => hit.id);
  const theirs = (query: string) =>
    fuse
      .search(query, { limit: 3 })
      .map((result) => result.item.id)
      .slice(0, 3);
  const rows = [
    ['Суфлёр: index + Fuse re-rank of the top 30', ...hitRates(ours)],
    ['Fuse.js, default options', ...hitRates(theirs)],
  ];
  console.log(`Quality on ${SEARCH_QUERIES.length} agent queries, ${pack.templates.length} templates:\n`);
  table(['configuration', 'hit@1', 'hit@3'], rows);

  const kinds = [...new Set(SEARCH_QUERIES.map((c) => c.kind))];
  const byKind = kinds.map((kind) => {
    const cases = SEARCH_QUERIES.filter((c) => c.kind === kind);
    const top3 = (run: (query: string) => string[]) =>
      `${cases.filter((c) => run(c.query).slice(0, 3).includes(c.expected)).length}/${cases.length}`;
    return [kind, top3(ours), top3(theirs)];
  });
  console.log('\nhit@3 by kind of query:\n');
  table(['kind', 'Суфлёр', 'Fuse.js defaults'], byKind);
}

function hitRates(run: (query: string) => string[]): string[] {
  let top1 = 0;
  let top3 = 0;
  for (const { query, expected } of SEARCH_QUERIES) {
    const ids = run(query);
    if (ids[0] === expected) top1++;
    if (ids.slice(0, 3).includes(expected)) top3++;
  }
  const pct = (n: number) => `${((100 * n) / SEARCH_QUERIES.length).toFixed(0)} % (${n})`;
  return [pct(top1), pct(top3)];
}

/** What agents type, keystroke by keystroke; a mix of plain, wrong-layout, typo and word-form queries. */
const TYPED = [
  'вернуть деньги',
  'курьер опоздал',
  'где мой заказ',
  'djpdhfn njdfhf',
  'промакод не работает',
  'гарантийный ремонт',
  'оплата не прошла',
  'сломалось',
];

function latency(): void {
  const rows: (string | number)[][] = [];
  let buildAt10k = '';
  for (const size of [1_000, 10_000, 50_000]) {
    const templates = syntheticTemplates(size, 42);
    // Builds from the same plain objects, as the sidebar does from templates fetched over messaging. The
    // first build also pays for JIT and the stem cache; the median of three is the steady cost.
    const builds: number[] = [];
    const buildCpu: number[] = [];
    for (let run = 0; run < 3; run++) {
      collect();
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      createSearchIndex(templates);
      builds.push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      buildCpu.push((used.user + used.system) / 1000);
    }
    const heapBefore = heapUsed();
    const index = createSearchIndex(templates);
    const heapAfter = heapUsed();
    const heap = heapAfter - heapBefore;
    const build = `${ms(median(builds))} (CPU ${ms(median(buildCpu))}; first ${ms(builds[0])})`;
    if (size === 10_000) buildAt10k = build;
    const usage = syntheticUsage(templates, 200);
    const times: number[] = [];
    const cpu: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const query of TYPED) {
        for (let i = 1; i <= query.length; i++) {
          const prefix = query.slice(0, i);
          const cpuStart = process.cpuUsage();
          const t = performance.now();
          searchTemplates(index, prefix, { usage, now: NOW, limit: SIDEBAR_LIMIT });
          const wall = performance.now() - t;
          const used = process.cpuUsage(cpuStart);
          if (round > 0) {
            times.push(wall);
            cpu.push((used.user + used.system) / 1000);
          }
        }
      }
    }
    rows.push([
      size.toLocaleString('en'),
      ms(median(times)),
      ms(percentile(times, 95)),
      ms(median(cpu)),
      ms(percentile(cpu, 95)),
      build,
      `${(heap / 2 ** 20).toFixed(0)} MB`,
      `${(heapAfter / 2 ** 20).toFixed(0)} MB`,
    ]);
  }
  console.log(
    `\nPer-keystroke latency (${TYPED.length} queries typed char by char, ${SIDEBAR_LIMIT} results each, 4 measured rounds; ` +
      `load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores — CPU time is what the ` +
      `process itself spent, wall time includes waiting for a shared core):\n`,
  );
  table(
    ['templates', 'wall median', 'wall p95', 'CPU median', 'CPU p95', 'index build', 'index heap', 'heap used'],
    rows,
  );
  console.log(`\nBudget: p95 ≤ 5 ms at 10k; index build ≤ 300 ms at 10k (measured ${buildAt10k}).`);
}

const NOW = Date.UTC(2026, 10, 23, 12);
/** As many results as the sidebar asks for per keystroke (components/sidebar/use-template-search.ts). */
const SIDEBAR_LIMIT = 200;

// A collected heap before each reading, without asking for `node --expose-gc` on the command line.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

function heapUsed(): number {
  collect();
  return process.memoryUsage().heapUsed;
}

function syntheticUsage(templates: SearchableTemplate[], used: number) {
  const random = prng(7);
  const stats: Record<string, { count: number; lastUsedAt: number }> = {};
  for (let i = 0; i < used; i++) {
    const template = templates[Math.floor(random() * templates.length)];
    stats[template.id] = { count: 1 + Math.floor(random() * 40), lastUsedAt: NOW - random() * 30 * 86_400_000 };
  }
  return stats;
}

/** mulberry32: a seeded generator, so every run measures the same library. */
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

function syntheticTemplates(count: number, seed: number): SearchableTemplate[] {
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
  const templates: SearchableTemplate[] = [];
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
  return templates satisfies Pick<Template, 'id'>[];
}
