import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCustomisedTemplateService } from '../../../lib/db/customised-template-service';
import { SuflerDatabase, templateKey } from '../../../lib/db/database';
import { installPack } from '../../../lib/db/install-pack';
import { createLibraryService } from '../../../lib/db/library-service';
import {
  createSubscriptionService,
  RETRY_CAP_MS,
  retryDelayMs,
  type SubscriptionService,
} from '../../../lib/db/subscription-service';
import { type Pack, PERSONAL_PACK_ID } from '../../../lib/model';
import { generateSigningKeyPair, importSigningKey, signPackBytes } from '../../../lib/packs/pack-signature';
import { type PackServer, samplePack, serveStatic, startPackServer } from '../../fixtures/pack-server';

let counter = 0;
const freshDb = () => new SuflerDatabase(`sync-${++counter}`, { indexedDB, IDBKeyRange });
const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 23, 10, 0);

let server: PackServer;
let other: PackServer;
beforeAll(async () => {
  [server, other] = await Promise.all([startPackServer(), startPackServer()]);
});
afterAll(async () => {
  await Promise.all([server.close(), other.close()]);
});

/** The upstream pack: each publish changes the ETag, like a static host does. */
let revision = 0;
function publish(path: string, pack: Pack, type = 'application/json') {
  server.route(path, serveStatic(JSON.stringify(pack), { type, etag: `"r${++revision}"` }));
}

const withTemplates = (version: string, bodies: Record<string, string>, extra: Partial<Pack> = {}): Pack =>
  samplePack({
    version,
    templates: Object.entries(bodies).map(([id, body]) => ({
      id,
      title: `Шаблон ${id}`,
      body,
      tags: [],
      category: 'Общее',
    })),
    ...extra,
  });

const ids = async (db: SuflerDatabase) => (await db.templates.toArray()).map((t) => t.key).sort();

describe('subscriptions', () => {
  let db: SuflerDatabase;
  let service: SubscriptionService;
  let path: string;
  beforeEach(() => {
    db = freshDb();
    service = createSubscriptionService(db, { fetch, random: () => 0.5, timeoutMs: 2000 });
    path = `/team-${counter}.json`;
  });

  const subscribe = async (extra: { sha256?: string; publicKey?: string } = {}) => {
    const result = await service.subscribe({ url: server.url(path), kind: 'json', ...extra }, T0);
    if (!result.ok) throw new Error(result.message);
    return result;
  };

  it('installs on subscribe, applies upstream changes, and answers an unchanged pack with a 304', async () => {
    publish(path, withTemplates('1', { a: 'Текст A', b: 'Текст B' }, { policy: { syncIntervalMinutes: 30 } }));
    const { subscription, outcome } = await subscribe();
    expect(outcome).toMatchObject({ status: 'updated', packId: 'team', report: { added: 2 } });
    expect(subscription).toMatchObject({
      packId: 'team',
      name: 'Команда поддержки',
      etag: `"r${revision}"`,
      lastSuccessAt: T0,
      lastChangeAt: T0,
      failureCount: 0,
      intervalMinutes: 30,
      nextSyncAt: T0 + 30 * MINUTE,
    });
    expect(await ids(db)).toEqual(['team/a', 'team/b']);

    const requestsBefore = server.requests.length;
    expect(await service.syncSubscription(subscription.id, T0 + MINUTE)).toEqual({
      status: 'unchanged',
      subscriptionId: subscription.id,
    });
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe(`"r${revision}"`);
    expect(server.requests.length).toBe(requestsBefore + 1);

    publish(path, withTemplates('2', { a: 'Текст A', b: 'Новый текст B', c: 'Текст C' }));
    expect(await service.syncSubscription(subscription.id, T0 + 2 * MINUTE)).toMatchObject({
      status: 'updated',
      version: '2',
      report: { added: 1, updated: 1, unchanged: 1, removed: 0 },
    });
    expect((await db.templates.get('team/b'))?.body).toBe('Новый текст B');
    // Unchanged templates are not rewritten: their updatedAt stays.
    expect((await db.templates.get('team/a'))?.updatedAt).toBe(T0);
    const [listed] = await service.listSubscriptions();
    expect(listed.pack).toMatchObject({ id: 'team', version: '2', templateCount: 3 });
    expect(listed.intervalMinutes).toBe(60);
  });

  it('never touches personal templates, drops templates removed upstream, and keeps usage', async () => {
    publish(path, withTemplates('1', { a: 'A', b: 'B' }));
    const { subscription } = await subscribe();
    await db.templates.add({
      id: 'mine',
      key: templateKey(PERSONAL_PACK_ID, 'mine'),
      packId: PERSONAL_PACK_ID,
      title: 'Мой',
      body: 'Мой текст',
      tags: [],
      category: 'Личные',
      updatedAt: T0,
    });
    const library = createLibraryService(db, () => T0 + 1);
    await library.recordUsage({ templateKey: 'team/a', site: 'https://help.example' });

    publish(path, withTemplates('2', { a: 'A2', c: 'C' }));
    expect(await service.syncSubscription(subscription.id, T0 + MINUTE)).toMatchObject({
      report: { removed: 1, updated: 1, added: 1 },
    });
    expect(await ids(db)).toEqual(['personal/mine', 'team/a', 'team/c']);
    expect((await db.templates.get('personal/mine'))?.updatedAt).toBe(T0);
    expect(await db.usage.toArray()).toEqual([
      expect.objectContaining({ templateKey: 'team/a', site: 'https://help.example' }),
    ]);
  });

  it('keeps a customised template as the agent’s copy, marks a newer upstream version, and resolves it', async () => {
    publish(path, withTemplates('1', { a: 'Исходный A', b: 'Исходный B' }));
    const { subscription } = await subscribe();
    const copies = createCustomisedTemplateService(db);
    const customised = await copies.customiseTemplate({ key: 'team/a', changes: { body: 'Мой A' } }, T0 + 1);
    expect(customised).toEqual({ ok: true, key: 'personal/team.a' });
    expect(await ids(db)).toEqual(['personal/team.a', 'team/b']);

    publish(path, withTemplates('2', { a: 'Новый A', b: 'Исходный B' }));
    expect(await service.syncSubscription(subscription.id, T0 + MINUTE)).toMatchObject({
      report: { customisedWithUpdate: 1, unchanged: 1 },
    });
    expect(await ids(db)).toEqual(['personal/team.a', 'team/b']); // the pack's row is not reinstalled
    const copy = await db.templates.get('personal/team.a');
    expect(copy).toMatchObject({
      body: 'Мой A',
      origin: {
        packId: 'team',
        templateId: 'a',
        base: { body: 'Исходный A' },
        upstream: { body: 'Новый A', packVersion: '2', seenAt: T0 + MINUTE },
      },
    });

    // «Оставить мою»: the mark clears and stays cleared while upstream does not change again.
    await copies.keepMine({ key: 'personal/team.a' });
    publish(path, withTemplates('3', { a: 'Новый A', b: 'Исходный B' }));
    await service.syncSubscription(subscription.id, T0 + 2 * MINUTE);
    expect((await db.templates.get('personal/team.a'))?.origin).toEqual({
      packId: 'team',
      templateId: 'a',
      base: { title: 'Шаблон a', body: 'Новый A', tags: [], category: 'Общее' },
    });

    // Upstream changes again, the agent takes the pack's version: the copy goes, the pack row returns.
    publish(path, withTemplates('4', { a: 'Ещё новее A', b: 'Исходный B' }));
    await service.syncSubscription(subscription.id, T0 + 3 * MINUTE);
    expect((await db.templates.get('personal/team.a'))?.origin?.upstream?.body).toBe('Ещё новее A');
    await copies.acceptUpstream({ key: 'personal/team.a' }, T0 + 4 * MINUTE);
    expect(await ids(db)).toEqual(['team/a', 'team/b']);
    expect((await db.templates.get('team/a'))?.body).toBe('Ещё новее A');
  });

  it('keeps a customised template the pack removed, marked as removed upstream', async () => {
    publish(path, withTemplates('1', { a: 'A', b: 'B' }));
    const { subscription } = await subscribe();
    await createCustomisedTemplateService(db).customiseTemplate({ key: 'team/b', changes: { title: 'Моё B' } }, T0);
    publish(path, withTemplates('2', { a: 'A' }));
    expect(await service.syncSubscription(subscription.id, T0 + MINUTE)).toMatchObject({
      report: { customisedRemovedUpstream: 1 },
    });
    expect(await db.templates.get('personal/team.b')).toMatchObject({
      title: 'Моё B',
      origin: { removedUpstream: true },
    });
  });

  it('keeps the last good version on every kind of failure, recording reason and time, with backoff', async () => {
    publish(path, withTemplates('1', { a: 'A' }));
    const { subscription } = await subscribe();
    const before = await db.templates.toArray();
    const keys = await generateSigningKeyPair();

    const failures: [string, () => void, Partial<{ publicKey: string }>?][] = [
      ['not-found', () => server.route(path, (_, r) => r.writeHead(404).end())],
      ['server-error', () => server.route(path, (_, r) => r.writeHead(500).end())],
      ['malformed', () => server.route(path, serveStatic('{"format": "sufler-pack",}'))],
      ['schema', () => server.route(path, serveStatic(JSON.stringify({ ...samplePack(), templates: [{ id: 'x' }] })))],
      ['content-type', () => server.route(path, serveStatic('<html></html>', { type: 'text/html' }))],
      [
        'cross-origin-redirect',
        () => {
          other.route('/evil.json', serveStatic(JSON.stringify(withTemplates('9', { evil: 'Подмена' }))));
          server.route(path, (_, r) => r.writeHead(302, { location: other.url('/evil.json') }).end());
        },
      ],
      ['timeout', () => server.route(path, () => {})],
      [
        'signature-invalid',
        () => {
          publish(path, withTemplates('9', { a: 'Подмена' }));
          server.route(`${path}.sig`, serveStatic(`${'A'.repeat(86)}==`, { type: 'text/plain' }));
        },
        { publicKey: keys.publicKey },
      ],
    ];
    let failureCount = 0;
    for (const [kind, breakUpstream, patch] of failures) {
      breakUpstream();
      if (patch) await service.updateSubscription({ id: subscription.id, ...patch }, T0);
      const now = T0 + (failureCount + 1) * MINUTE;
      // A short timeout only where the timeout is the point: a loaded machine must not fail the others.
      const timeoutMs = kind === 'timeout' ? 300 : 5000;
      const outcome = await createSubscriptionService(db, { fetch, random: () => 0.5, timeoutMs }).syncSubscription(
        subscription.id,
        now,
      );
      failureCount++;
      expect(outcome, kind).toMatchObject({ status: 'failed', failure: { kind } });
      expect(await db.templates.toArray(), kind).toEqual(before);
      const stored = await db.subscriptions.get(subscription.id);
      expect(stored, kind).toMatchObject({
        failureCount,
        lastError: { kind, at: now, message: expect.any(String) },
        lastSuccessAt: T0,
        nextSyncAt: now + retryDelayMs(failureCount, () => 0.5),
      });
    }
    expect(retryDelayMs(1, () => 0.5)).toBe(MINUTE);
    expect(retryDelayMs(3, () => 0.5)).toBe(4 * MINUTE);
    expect(retryDelayMs(50, () => 0.5)).toBe(RETRY_CAP_MS);

    // Recovery clears the error and the backoff.
    await service.updateSubscription({ id: subscription.id, publicKey: null }, T0);
    publish(path, withTemplates('2', { a: 'A2' }));
    expect((await service.syncSubscription(subscription.id, T0 + 20 * MINUTE)).status).toBe('updated');
    expect(await db.subscriptions.get(subscription.id)).toMatchObject({
      failureCount: 0,
      lastSuccessAt: T0 + 20 * MINUTE,
    });
    expect((await db.subscriptions.get(subscription.id))?.lastError).toBeUndefined();
  });

  it('retries soon when offline, and records nothing for a cancelled sync', async () => {
    const offline = createSubscriptionService(db, {
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      isOnline: () => false,
      random: () => 0.5,
    });
    const added = await offline.addSubscription({ url: server.url(path), kind: 'json' }, T0);
    if (!added.ok) throw new Error(added.message);
    for (let i = 0; i < 12; i++) await offline.syncSubscription(added.subscription.id, T0);
    expect(await db.subscriptions.get(added.subscription.id)).toMatchObject({
      failureCount: 12,
      lastError: { kind: 'offline', message: 'нет подключения к интернету' },
      nextSyncAt: T0 + 15 * MINUTE,
    });
    const controller = new AbortController();
    controller.abort();
    expect(await service.syncSubscription(added.subscription.id, T0 + 1, controller.signal)).toMatchObject({
      failure: { kind: 'aborted' },
    });
    expect((await db.subscriptions.get(added.subscription.id))?.failureCount).toBe(12);
  });

  it('rolls the install back when the subscription is removed while its pack downloads', async () => {
    publish(path, withTemplates('1', { a: 'A' }));
    let id = '';
    const racing = createSubscriptionService(db, {
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        await db.subscriptions.delete(id);
        return response;
      },
    });
    const added = await racing.addSubscription({ url: server.url(path), kind: 'json' }, T0);
    if (!added.ok) throw new Error(added.message);
    id = added.subscription.id;
    expect(await racing.syncSubscription(id, T0)).toMatchObject({ failure: { kind: 'unknown-subscription' } });
    expect(await db.packs.count()).toBe(0);
    expect(await db.templates.count()).toBe(0);
  });

  it('applies a signed pack and a pinned pack', async () => {
    const pack = JSON.stringify(withTemplates('1', { a: 'A' }));
    const keys = await generateSigningKeyPair();
    const { privateKey } = await importSigningKey(keys.privateKeyPem);
    server.route(path, serveStatic(pack));
    server.route(`${path}.sig`, serveStatic(await signPackBytes(new TextEncoder().encode(pack), privateKey)));
    expect((await subscribe({ publicKey: keys.publicKey })).outcome.status).toBe('updated');
    const bad = await service.addSubscription({ url: server.url('/x.json'), kind: 'json', sha256: 'xyz' }, T0);
    expect(bad).toEqual({ ok: false, message: expect.stringMatching(/64 шестнадцатеричные/) });
  });

  it('refuses an older signed pack (a replay) unless the lead marks the rollback, and never replays the mark', async () => {
    const keys = await generateSigningKeyPair();
    const { privateKey } = await importSigningKey(keys.privateKeyPem);
    const publishSigned = async (pack: Pack) => {
      const bytes = JSON.stringify(pack);
      server.route(path, serveStatic(bytes, { etag: `"r${++revision}"` }));
      server.route(`${path}.sig`, serveStatic(await signPackBytes(new TextEncoder().encode(bytes), privateKey)));
    };
    await publishSigned(withTemplates('2026.11.10', { a: 'Новая' }));
    const { subscription } = await subscribe({ publicKey: keys.publicKey });
    const version = async () => (await service.listSubscriptions())[0].pack?.version;

    // Last month's pack, validly signed by the same lead, served by a stale mirror.
    const lastMonth = withTemplates('2026.10.1', { a: 'Старая' });
    await publishSigned(lastMonth);
    expect(await service.syncSubscription(subscription.id, T0 + MINUTE)).toMatchObject({
      status: 'failed',
      failure: { kind: 'rollback', message: expect.stringMatching(/2026\.10\.1 старше установленной 2026\.11\.10/) },
    });
    expect(await version()).toBe('2026.11.10');
    expect((await db.templates.toArray()).map((t) => t.body)).toEqual(['Новая']);

    // The lead rolls back on purpose: the same old content, marked as replacing 2026.11.10.
    const rollback = { ...lastMonth, rollbackFrom: '2026.11.10' };
    await publishSigned(rollback);
    expect((await service.syncSubscription(subscription.id, T0 + 2 * MINUTE)).status).toBe('updated');
    expect(await version()).toBe('2026.10.1');

    // After the next release the marked pack is just another old pack: replaying it is refused.
    await publishSigned(withTemplates('2026.12.1', { a: 'Декабрь' }));
    expect((await service.syncSubscription(subscription.id, T0 + 3 * MINUTE)).status).toBe('updated');
    await publishSigned(rollback);
    expect(await service.syncSubscription(subscription.id, T0 + 4 * MINUTE)).toMatchObject({
      failure: { kind: 'rollback' },
    });
    expect(await version()).toBe('2026.12.1');

    // A new signing key starts afresh: the version pinned by the old key does not bind it.
    const next = await generateSigningKeyPair();
    const nextKey = (await importSigningKey(next.privateKeyPem)).privateKey;
    const older = JSON.stringify(withTemplates('2026.11.30', { a: 'Новый ключ' }));
    server.route(path, serveStatic(older, { etag: `"r${++revision}"` }));
    server.route(`${path}.sig`, serveStatic(await signPackBytes(new TextEncoder().encode(older), nextKey)));
    await service.updateSubscription({ id: subscription.id, publicKey: next.publicKey }, T0 + 5 * MINUTE);
    expect((await service.syncSubscription(subscription.id, T0 + 5 * MINUTE)).status).toBe('updated');
  });

  it('refuses a pack id owned by the bundled pack, another subscription, or a changed id', async () => {
    await installPack(db, samplePack({ id: 'sufler-default' }), 'bundled', T0);
    publish(path, samplePack({ id: 'sufler-default' }));
    expect(await service.subscribe({ url: server.url(path), kind: 'json' }, T0)).toEqual({
      ok: false,
      message: 'Пакет не загрузился, подписка не добавлена: пакет «sufler-default» уже установлен вместе с расширением',
    });
    expect((await db.packs.get('sufler-default'))?.source).toBe('bundled');

    publish(path, samplePack({ id: 'team' }));
    const first = await subscribe();
    expect(first.outcome.status).toBe('updated');
    publish(path, samplePack({ id: 'renamed' }));
    expect(await service.syncSubscription(first.subscription.id, T0 + 2 * MINUTE)).toMatchObject({
      failure: { kind: 'pack-id-conflict', message: expect.stringMatching(/сменился с «team» на «renamed»/) },
    });
  });

  it('stores what a sync changed by name — templates, rules, policy — for the sidebar to show once', async () => {
    const rule = {
      id: 'cannot-help',
      severity: 'error' as const,
      message: 'Звучит как отказ',
      patterns: ['ничем не могу помочь'],
      suggestions: ['Давайте разберёмся', 'Сейчас проверю'],
      examples: { bad: ['К сожалению, [[ничем не могу помочь]].'], good: ['Давайте разберёмся'] },
    };
    publish(
      path,
      withTemplates('1', { a: 'Текст A', b: 'Текст B', c: 'Текст C' }, { policy: { guardMode: 'confirm' } }),
    );
    const { subscription } = await subscribe();
    expect((await service.takeUnseenPackChanges()).map((change) => change.fromVersion)).toEqual([undefined]);

    const v2 = withTemplates('2', { a: 'Текст A', b: 'Новый текст B' }, { rules: [rule] });
    v2.templates[0].title = 'Шаблон A, новое название';
    v2.policy = { guardMode: 'strict', locked: true };
    publish(path, v2);
    await service.syncSubscription(subscription.id, T0 + MINUTE);
    const [change] = await service.takeUnseenPackChanges();
    expect(change).toMatchObject({
      packName: 'Команда поддержки',
      fromVersion: '1',
      toVersion: '2',
      templates: {
        added: { count: 0 },
        changed: { count: 1, names: ['Шаблон b'] },
        removed: { count: 1, names: ['Шаблон c'] },
        renamed: [{ from: 'Шаблон a', to: 'Шаблон A, новое название' }],
      },
      rules: { added: { count: 1, names: ['ничем не могу помочь'] } },
      policy: [
        { field: 'guardMode', from: 'confirm', to: 'strict' },
        { field: 'locked', from: undefined, to: true },
      ],
    });
    // Shown once: the next open of the sidebar has nothing new; options still lists it with the subscription.
    expect(await service.takeUnseenPackChanges()).toEqual([]);
    expect((await service.listSubscriptions())[0].lastChange).toMatchObject({ toVersion: '2', seen: true });
  });

  it('refuses a URL whose first sync fails, with the reason and every error, and leaves no row behind', async () => {
    server.route(path, serveStatic(JSON.stringify({ ...samplePack(), name: '', version: '' })));
    const result = await service.subscribe({ url: server.url(path), kind: 'json' }, T0);
    expect(result).toEqual({
      ok: false,
      message: 'Пакет не загрузился, подписка не добавлена: пакет не прошёл проверку формата: ошибок: 2',
      errors: [
        { path: 'name', message: '«Название пакета»: не заполнено' },
        { path: 'version', message: '«Версия»: не заполнено' },
      ],
    });
    expect(await service.listSubscriptions()).toEqual([]);
    // Fixed on the server, the same URL subscribes fine: nothing half-made was left to conflict with.
    publish(path, samplePack());
    expect((await subscribe()).outcome.status).toBe('updated');
  });

  it('syncs a Google-Sheets-style CSV under a pack id fixed by its URL', async () => {
    server.route(
      '/sheet.csv',
      serveStatic('название,текст,теги\nПривет,"Здравствуйте, [Имя]!",начало\n', { type: 'text/csv' }),
    );
    const result = await service.subscribe({ url: server.url('/sheet.csv'), kind: 'csv', name: 'Таблица' }, T0);
    expect(result).toMatchObject({ ok: true, outcome: { status: 'updated' }, subscription: { name: 'Таблица' } });
    const [template] = await db.templates.toArray();
    expect(template).toMatchObject({
      title: 'Привет',
      tags: ['начало'],
      packId: expect.stringMatching(/^csv-[0-9a-f]{8}$/),
    });
  });

  it('re-applies nothing when a server without validators sends identical bytes', async () => {
    server.route(path, serveStatic(JSON.stringify(withTemplates('1', { a: 'A' }))));
    const { subscription } = await subscribe();
    expect(await service.syncSubscription(subscription.id, T0 + MINUTE)).toMatchObject({ status: 'unchanged' });
  });

  it('joins concurrent syncs of one subscription, and runs only what is due', async () => {
    publish(path, withTemplates('1', { a: 'A' }));
    const { subscription } = await subscribe();
    const before = server.requests.length;
    const [x, y] = await Promise.all([
      service.syncSubscription(subscription.id, T0 + MINUTE),
      service.syncSubscription(subscription.id, T0 + MINUTE),
    ]);
    expect(x).toBe(y);
    expect(server.requests.length).toBe(before + 1);
    expect(await service.syncDue(T0 + 30 * MINUTE)).toEqual([]);
    expect(await service.nextSyncAt()).toBe(T0 + MINUTE + 60 * MINUTE);
    expect(await service.syncDue(T0 + 61 * MINUTE)).toHaveLength(1);
  });

  it('orders subscriptions by precedence for the effective policy, and unsubscribes cleanly', async () => {
    await installPack(db, samplePack({ id: 'sufler-default', policy: { guardMode: 'warn' } }), 'bundled', T0);
    publish('/a.json', samplePack({ id: 'pack-a', policy: { guardMode: 'off', newHireMode: true } }));
    publish('/b.json', samplePack({ id: 'pack-b', policy: { guardMode: 'strict' } }));
    const a = await service.subscribe({ url: server.url('/a.json'), kind: 'json' }, T0);
    const b = await service.subscribe({ url: server.url('/b.json'), kind: 'json' }, T0);
    if (!a.ok || !b.ok) throw new Error('subscribe failed');
    expect(await service.getEffectivePolicy()).toMatchObject({ guardMode: 'off', newHireMode: true });
    await service.reorderSubscriptions({ ids: [b.subscription.id] });
    expect((await service.listSubscriptions()).map((s) => s.packId)).toEqual(['pack-b', 'pack-a']);
    expect(await service.getEffectivePolicy()).toMatchObject({
      guardMode: 'strict',
      decidedBy: { guardMode: 'pack-b' },
    });

    await createCustomisedTemplateService(db).customiseTemplate({ key: 'pack-b/t1', changes: { body: 'Моё' } }, T0);
    expect(await service.removeSubscription({ id: b.subscription.id })).toEqual({ ok: true });
    expect(await db.packs.get('pack-b')).toBeUndefined();
    expect((await ids(db)).filter((key) => key.includes('pack-b'))).toEqual(['personal/pack-b.t1']);
    expect((await db.templates.get('personal/pack-b.t1'))?.origin?.removedUpstream).toBe(true);
    expect(await service.getEffectivePolicy()).toMatchObject({ guardMode: 'off' });
    expect(await service.addSubscription({ url: server.url('/a.json'), kind: 'json' }, T0)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/уже есть подписка/),
    });
  });
});

describe('database v2', () => {
  it('opens a v1 database with its data intact and adds the subscriptions table', async () => {
    const name = `v1-${++counter}`;
    const v1 = new Dexie(name, { indexedDB, IDBKeyRange });
    v1.version(1).stores({
      templates: 'key, packId, updatedAt',
      rules: 'key, packId',
      packs: 'id',
      usage: '++id, templateKey, at',
      meta: 'key',
    });
    await v1.table('templates').add({
      key: 'personal/x',
      id: 'x',
      packId: 'personal',
      title: 'X',
      body: 'Y',
      tags: [],
      category: 'Z',
      updatedAt: 1,
    });
    await v1.table('usage').add({ templateKey: 'personal/x', at: 1, site: 'https://a' });
    v1.close();

    const db = new SuflerDatabase(name, { indexedDB, IDBKeyRange });
    expect(await db.templates.count()).toBe(1);
    expect(await db.usage.count()).toBe(1);
    expect(await db.subscriptions.count()).toBe(0);
    // Later versions open over it too (v3: learnedSites).
    expect(await db.learnedSites.count()).toBe(0);
    expect(db.verno).toBe(3);
  });

  it('rolls an install back when work joined to its transaction fails', async () => {
    const db = freshDb();
    await installPack(db, samplePack({ version: '1' }), 'subscription', T0);
    await expect(
      installPack(db, samplePack({ version: '2' }, 5), 'subscription', T0 + 1, {
        alsoInTransaction: async () => {
          throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(await db.templates.count()).toBe(2);
    expect((await db.packs.get('team'))?.version).toBe('1');
  });
});

describe('what a subscription is called', () => {
  it('names a sheet by the file in its URL, then by the title its server sends', async () => {
    const db = freshDb();
    const service = createSubscriptionService(db, { fetch, random: () => 0.5, timeoutMs: 2000 });
    server.route('/otvety-komandy.csv', (_request, response) => {
      response.writeHead(200, {
        'content-type': 'text/csv',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('Ответы поддержки - Лист1.csv')}`,
      });
      response.end('название,текст\nПривет,"Здравствуйте, [Имя]!"\n');
    });
    const added = await service.addSubscription({ url: server.url('/otvety-komandy.csv'), kind: 'csv' }, T0);
    expect(added.ok && added.subscription.name).toBe('otvety-komandy');
    await service.syncSubscription(added.ok ? added.subscription.id : '', T0);
    const [subscription] = await service.listSubscriptions();
    expect(subscription.name).toBe('Ответы поддержки - Лист1');
    expect(subscription.pack?.name).toBe('Ответы поддержки - Лист1');
  });
});
