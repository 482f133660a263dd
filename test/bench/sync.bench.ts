/**
 * Pack sync: applying a 10,000-template pack (budget ≤ 2 s) and an unchanged-pack check answered by 304
 * (budget ≤ 50 ms), each beside a baseline in the same run. IndexedDB here is fake-indexeddb in Node; the
 * extension runs on Chromium's IndexedDB, whose costs differ (bulk writes are usually cheaper there, one
 * transaction per put far dearer), so the ratios matter more than the absolute figures.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { SuflerDatabase, templateKey } from '../../lib/db/database';
import { installPack } from '../../lib/db/install-pack';
import { createSubscriptionService } from '../../lib/db/subscription-service';
import type { Pack } from '../../lib/model';
import { median, ms, table } from './measure';

const TEMPLATES = 10_000;
const APPLY_BUDGET_MS = 2000;
const CHECK_BUDGET_MS = 50;
let counter = 0;
const freshDb = () => new SuflerDatabase(`bench-sync-${++counter}`, { indexedDB, IDBKeyRange });

export default async function (): Promise<void> {
  console.log('IndexedDB: fake-indexeddb in Node (the extension uses Chromium’s IndexedDB in the service worker).\n');
  await apply();
  await notModified();
}

function bigPack(version: string, changedEvery = 0): Pack {
  const words = ['возврат', 'доставка', 'оплата', 'гарантия', 'промокод', 'курьер', 'обмен', 'заказ', 'чек', 'скидка'];
  return {
    format: 'sufler-pack',
    formatVersion: 1,
    id: 'big-team',
    name: 'Большая команда',
    version,
    description: '',
    locale: 'ru',
    templates: Array.from({ length: TEMPLATES }, (_, i) => ({
      id: `t-${i}`,
      title: `${words[i % words.length]} — ситуация ${i}`,
      body:
        `Здравствуйте, [Имя]! Понимаю, как неприятно, когда ${words[(i * 7) % words.length]} идёт не так. ` +
        `Я уже проверяю заказ [номер заказа] и вернусь с ответом в течение часа. ` +
        `Если удобнее, напишите, в какое время вам позвонить.${changedEvery && i % changedEvery === 0 ? ' (обновлено)' : ''}`,
      tags: [words[i % words.length], words[(i * 3) % words.length]],
      category: `Раздел ${i % 20}`,
      ...(i % 5 === 0 ? { shortcut: `к${i}` } : {}),
    })),
    rules: [],
    policy: {},
  };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function apply(): Promise<void> {
  const v1 = bigPack('1');
  const v2 = bigPack('2', 100); // 1 % of the templates edited: a typical upstream change
  const runs = 5;
  const fresh: number[] = [];
  const update: number[] = [];
  for (let i = 0; i < runs; i++) {
    const db = freshDb();
    fresh.push(await time(() => installPack(db, v1, 'subscription', 1)));
    update.push(await time(() => installPack(db, v2, 'subscription', 2)));
    db.close();
  }
  // Baseline: the naive way, one put per template, each in its own implicit transaction.
  const naiveDb = freshDb();
  const naive = await time(async () => {
    for (const template of v1.templates) {
      await naiveDb.templates.put({ ...template, key: templateKey(v1.id, template.id), packId: v1.id, updatedAt: 1 });
    }
  });
  naiveDb.close();

  const verdict = (value: number) => (value <= APPLY_BUDGET_MS ? 'within budget' : 'OVER BUDGET');
  console.log(
    `Applying a ${TEMPLATES.toLocaleString('en')}-template pack (median of ${runs}; budget ≤ ${APPLY_BUDGET_MS} ms):\n`,
  );
  table(
    ['what', 'time', 'vs naive', 'budget'],
    [
      [
        'installPack, first install (one transaction)',
        ms(median(fresh)),
        ratio(naive, median(fresh)),
        verdict(median(fresh)),
      ],
      [
        'installPack, update with 1 % changed',
        ms(median(update)),
        ratio(naive, median(update)),
        verdict(median(update)),
      ],
      ['baseline: one put per template, no transaction (1 run)', ms(naive), '1×', '—'],
    ],
  );
}

async function notModified(): Promise<void> {
  const body = JSON.stringify(bigPack('1'));
  const etag = '"big-1"';
  const server = createServer((request, response) => {
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag });
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json', etag });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pack.json`;
  try {
    const db = freshDb();
    const service = createSubscriptionService(db, { fetch, random: () => 0.5 });
    const added = await service.addSubscription({ url, kind: 'json' }, 0);
    if (!added.ok) throw new Error(added.message);
    const first = await time(() => service.syncSubscription(added.subscription.id, 0));
    const outcome = await service.syncSubscription(added.subscription.id, 1);
    if (outcome.status !== 'unchanged') throw new Error(`expected a 304 path, got ${outcome.status}`);

    const runs = 50;
    const ours: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < runs; i++) {
      ours.push(await time(() => service.syncSubscription(added.subscription.id, 2 + i)));
      // Baseline: the bare conditional request, no storage: the floor any 304 check pays.
      raw.push(
        await time(async () => {
          const response = await fetch(url, { headers: { 'if-none-match': etag } });
          await response.arrayBuffer();
        }),
      );
    }
    const check = median(ours);
    console.log(`\nUnchanged pack, 304 from a local server (median of ${runs}; budget ≤ ${CHECK_BUDGET_MS} ms):\n`);
    table(
      ['what', 'time', 'budget'],
      [
        [
          'syncSubscription → 304 (read subscription, request, record success)',
          ms(check),
          check <= CHECK_BUDGET_MS ? 'within budget' : 'OVER BUDGET',
        ],
        ['baseline: bare conditional fetch → 304', ms(median(raw)), '—'],
        [
          `first sync of the same pack: download ${(body.length / 1024 / 1024).toFixed(1)} MB, parse, check, apply`,
          ms(first),
          '—',
        ],
      ],
    );
    db.close();
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

function ratio(baseline: number, value: number): string {
  return `${(baseline / value).toFixed(1)}× faster`;
}
