import { defineMessages } from '../i18n';
import {
  type DataError,
  type FetchPackFailure,
  type FetchPackFailureKind,
  type PackChange,
  PERSONAL_PACK_ID,
  type StoredSubscription,
  type SubscriptionInput,
  type SubscriptionPatch,
  type SubscriptionStatus,
  type SyncError,
} from '../model';
import { checkPackUrl } from '../packs/check-pack-url';
import { type EffectivePolicy, effectivePolicy, syncIntervalFor } from '../packs/effective-policy';
import { type FetchFn, fetchPack } from '../packs/fetch-pack';
import { fnv1a } from '../packs/fnv1a';
import { diffPack, type PackBefore, packChanged } from '../packs/pack-change';
import { parsePublicKey, parseSha256Pin } from '../packs/pack-signature';
import { rollbackRefusal } from '../packs/pack-version';
import type { SuflerDatabase } from './database';
import { type InstallPackReport, installPack, uninstallPack } from './install-pack';

const t = defineMessages({
  ru: {
    unknownSubscription: 'подписка не найдена — возможно, её уже удалили',
    removedDuringSync: 'подписку удалили во время синхронизации',
    saveFailed: (reason: string) => `не удалось сохранить пакет: ${reason}`,
    reservedId: (id: string) => `идентификатор «${id}» зарезервирован за личными шаблонами`,
    idChanged: (from: string, to: string) =>
      `идентификатор пакета сменился с «${from}» на «${to}»: опубликованный идентификатор менять нельзя — оформите новую подписку`,
    bundledId: (id: string) => `пакет «${id}» уже установлен вместе с расширением`,
    otherSubscription: (id: string) => `пакет «${id}» уже приходит по другой подписке`,
    alreadySubscribed: 'на этот адрес уже есть подписка',
    storage: (reason: string) => `ошибка хранилища: ${reason}`,
    notAdded: (reason: string) => `Пакет не загрузился, подписка не добавлена: ${reason}`,
    notFound: 'подписка не найдена',
    badSha256: 'хеш sha256 — это 64 шестнадцатеричные цифры',
  },
  en: {
    unknownSubscription: 'subscription not found: it may have been removed already',
    removedDuringSync: 'the subscription was removed during the sync',
    saveFailed: (reason: string) => `could not save the pack: ${reason}`,
    reservedId: (id: string) => `the id “${id}” is reserved for personal templates`,
    idChanged: (from: string, to: string) =>
      `the pack id changed from “${from}” to “${to}”: a published id cannot change; subscribe anew`,
    bundledId: (id: string) => `the pack “${id}” is already installed with the extension`,
    otherSubscription: (id: string) => `the pack “${id}” already comes through another subscription`,
    alreadySubscribed: 'there is already a subscription to this address',
    storage: (reason: string) => `storage error: ${reason}`,
    notAdded: (reason: string) => `The pack did not load; the subscription was not added: ${reason}`,
    notFound: 'subscription not found',
    badSha256: 'a sha256 hash is 64 hexadecimal digits',
  },
});

/**
 * Team-pack subscriptions (background only). Built from the DB and the edges it is given, so tests run it
 * over fake-indexeddb and a local HTTP server; time is always passed in.
 *
 * A sync fetches with the stored validators (fetch-pack.ts), and only a fully valid pack reaches
 * installPack, which applies it in one transaction together with the new validators. Any failure keeps
 * the installed version, records the reason and time, and schedules a retry with capped exponential
 * backoff; success schedules the next check after the pack's own interval (default hourly).
 */

export type SyncFailureKind =
  | FetchPackFailureKind
  | 'pack-id-conflict'
  | 'unknown-subscription'
  | 'storage'
  | 'rollback';

export interface SyncFailure extends Omit<FetchPackFailure, 'kind'> {
  kind: SyncFailureKind;
}

export type SyncOutcome =
  | { status: 'updated'; subscriptionId: string; packId: string; version: string; report: InstallPackReport }
  | { status: 'unchanged'; subscriptionId: string }
  | { status: 'failed'; subscriptionId: string; failure: SyncFailure; nextSyncAt?: number };

export interface SubscriptionServiceDeps {
  fetch: FetchFn;
  /** For backoff jitter; tests pass a constant. */
  random?: () => number;
  isOnline?: () => boolean;
  timeoutMs?: number;
}

export const RETRY_BASE_MS = 60_000;
export const RETRY_CAP_MS = 6 * 60 * 60_000;
const OFFLINE_RETRY_MAX_MS = 15 * 60_000;

class SubscriptionGone extends Error {}

/** 1, 2, 4 … minutes after consecutive failures, capped at 6 h, ±20 % so a fleet of agents spreads out. */
export function retryDelayMs(failureCount: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(failureCount - 1, 0), 30);
  const base = Math.min(RETRY_BASE_MS * 2 ** exponent, RETRY_CAP_MS);
  return Math.round(base * (0.8 + 0.4 * random()));
}

export function createSubscriptionService(db: SuflerDatabase, deps: SubscriptionServiceDeps) {
  const random = deps.random ?? Math.random;
  const inFlight = new Map<string, Promise<SyncOutcome>>();

  const ordered = () => db.subscriptions.orderBy('order').toArray();

  async function recordFailure(
    subscription: StoredSubscription,
    failure: SyncFailure,
    now: number,
  ): Promise<SyncOutcome> {
    const failureCount = subscription.failureCount + 1;
    // Offline says nothing about the server: retry soon after the network may be back, not hours later.
    const delay = retryDelayMs(failureCount, random);
    const nextSyncAt = now + (failure.kind === 'offline' ? Math.min(delay, OFFLINE_RETRY_MAX_MS) : delay);
    const lastError: SyncError = { ...failure, at: now };
    try {
      await db.subscriptions.update(subscription.id, { lastCheckAt: now, lastError, failureCount, nextSyncAt });
    } catch {
      // Recording the failure is best effort; the outcome still reports it.
    }
    return { status: 'failed', subscriptionId: subscription.id, failure, nextSyncAt };
  }

  async function runSync(id: string, now: number, signal?: AbortSignal): Promise<SyncOutcome> {
    const subscription = await db.subscriptions.get(id);
    if (!subscription) {
      return {
        status: 'failed',
        subscriptionId: id,
        failure: { kind: 'unknown-subscription', message: t.unknownSubscription },
      };
    }
    const installed = subscription.packId ? await db.packs.get(subscription.packId) : undefined;
    // Validators only make sense while the version they describe is installed.
    const haveInstalled = installed?.subscriptionId === subscription.id;
    const result = await fetchPack(
      {
        url: subscription.url,
        kind: subscription.kind,
        etag: haveInstalled ? subscription.etag : undefined,
        lastModified: haveInstalled ? subscription.lastModified : undefined,
        sha256: subscription.sha256,
        publicKey: subscription.publicKey,
        csv: subscription.kind === 'csv' ? { packId: subscription.packId!, name: subscription.name } : undefined,
        timeoutMs: deps.timeoutMs,
        isOnline: deps.isOnline,
        signal,
      },
      deps.fetch,
    );
    if (result.status === 'failed') {
      // A cancelled sync (extension update, unsubscribe) is nobody's failure: nothing to record.
      if (result.failure.kind === 'aborted') return { status: 'failed', subscriptionId: id, failure: result.failure };
      return recordFailure(subscription, result.failure, now);
    }

    const succeeded = (interval: number): Partial<StoredSubscription> => ({
      lastCheckAt: now,
      lastSuccessAt: now,
      lastError: undefined,
      failureCount: 0,
      intervalMinutes: interval,
      nextSyncAt: now + interval * 60_000,
    });

    if (result.status === 'unchanged' || (haveInstalled && result.meta.sha256 === subscription.contentSha256)) {
      const validators =
        result.status === 'unchanged'
          ? { etag: result.etag, lastModified: result.lastModified }
          : { etag: result.meta.etag, lastModified: result.meta.lastModified };
      await db.subscriptions.update(id, { ...succeeded(subscription.intervalMinutes), ...validators });
      return { status: 'unchanged', subscriptionId: id };
    }

    const { meta } = result;
    // A JSON pack names itself; a sheet takes the file name its server gives, unless the agent named it.
    const name =
      subscription.kind === 'json' || subscription.namedByUser
        ? subscription.kind === 'json'
          ? result.pack.name
          : subscription.name
        : (meta.fileName ?? subscription.name);
    const pack = { ...result.pack, name };
    const conflict = await packIdConflict(subscription, pack.id);
    if (conflict) return recordFailure(subscription, { kind: 'pack-id-conflict', message: conflict }, now);
    const rollback = subscription.publicKey ? rollbackRefusal(subscription.signedVersion, pack) : null;
    if (rollback) return recordFailure(subscription, { kind: 'rollback', message: rollback }, now);

    const interval = syncIntervalFor(pack.policy);
    const change = diffPack(haveInstalled ? await installedVersion(pack.id) : undefined, pack, now);
    try {
      const report = await installPack(db, pack, 'subscription', now, {
        subscriptionId: id,
        alsoInTransaction: async () => {
          const updated = await db.subscriptions.update(id, {
            ...succeeded(interval),
            packId: pack.id,
            name,
            etag: meta.etag,
            lastModified: meta.lastModified,
            contentSha256: meta.sha256,
            signedVersion: subscription.publicKey ? pack.version : undefined,
            lastChangeAt: now,
            // Identical content under a new version number is no news for the agents.
            ...(change.fromVersion === undefined || packChanged(change) ? { lastChange: change } : {}),
          });
          // Unsubscribed while downloading: roll the install back rather than leave an orphan pack.
          if (!updated) throw new SubscriptionGone();
        },
      });
      return { status: 'updated', subscriptionId: id, packId: pack.id, version: pack.version, report };
    } catch (error) {
      if (error instanceof SubscriptionGone) {
        return {
          status: 'failed',
          subscriptionId: id,
          failure: { kind: 'unknown-subscription', message: t.removedDuringSync },
        };
      }
      return recordFailure(subscription, { kind: 'storage', message: t.saveFailed((error as Error).message) }, now);
    }
  }

  /** The installed version as diffPack compares it: read before the install replaces it. */
  async function installedVersion(packId: string): Promise<PackBefore | undefined> {
    return db.transaction('r', [db.packs, db.templates, db.rules], async () => {
      const pack = await db.packs.get(packId);
      if (!pack) return undefined;
      return {
        version: pack.version,
        policy: pack.policy ?? {},
        templates: await db.templates.where('packId').equals(packId).toArray(),
        rules: await db.rules.where('packId').equals(packId).toArray(),
      };
    });
  }

  async function packIdConflict(subscription: StoredSubscription, packId: string): Promise<string | null> {
    if (packId === PERSONAL_PACK_ID) return t.reservedId(PERSONAL_PACK_ID);
    if (subscription.packId && subscription.packId !== packId) {
      return t.idChanged(subscription.packId, packId);
    }
    const existing = await db.packs.get(packId);
    if (existing && existing.subscriptionId !== subscription.id) {
      return existing.source === 'bundled' ? t.bundledId(packId) : t.otherSubscription(packId);
    }
    return null;
  }

  /**
   * Adds a subscription (lowest precedence) without syncing; the caller syncs right after. The host
   * permission must already be granted (options page: permissions.request for hostPermissionsFor(url)).
   */
  async function addSubscription(
    input: SubscriptionInput,
    now: number,
  ): Promise<{ ok: true; subscription: StoredSubscription } | { ok: false; message: string }> {
    const checked = checkPackUrl(input.url);
    if (!checked.ok) return { ok: false, message: checked.failure.message };
    const url = checked.url.href;
    const integrity = checkIntegrityInput(input);
    if (integrity) return { ok: false, message: integrity };
    const id = `sub-${fnv1a(url)}`;
    return db.transaction('rw', [db.subscriptions], async () => {
      if (await db.subscriptions.where('url').equals(url).first()) {
        return { ok: false as const, message: t.alreadySubscribed };
      }
      const last = await db.subscriptions.orderBy('order').last();
      const subscription: StoredSubscription = {
        id,
        url,
        kind: input.kind,
        order: last ? last.order + 1 : 0,
        name: input.name?.trim() || nameFromUrl(checked.url),
        ...(input.name?.trim() ? { namedByUser: true } : {}),
        // A CSV has no header, so its pack id is fixed by the URL.
        packId: input.kind === 'csv' ? `csv-${fnv1a(url)}` : undefined,
        sha256: input.sha256 ? parseSha256Pin(input.sha256)! : undefined,
        publicKey: input.publicKey?.trim() || undefined,
        intervalMinutes: syncIntervalFor(undefined),
        createdAt: now,
        failureCount: 0,
        nextSyncAt: now,
      };
      await db.subscriptions.add(subscription);
      return { ok: true as const, subscription };
    });
  }

  /**
   * Syncs one subscription now («Синхронизировать сейчас», alarms). Never throws; a second call while one
   * is running joins it. Backoff only decides when syncDue runs it; an explicit call always tries.
   */
  function syncSubscription(id: string, now: number, signal?: AbortSignal): Promise<SyncOutcome> {
    const running = inFlight.get(id);
    if (running) return running;
    const promise = runSync(id, now, signal)
      .catch(
        (error): SyncOutcome => ({
          status: 'failed',
          subscriptionId: id,
          failure: { kind: 'storage', message: t.storage((error as Error).message) },
        }),
      )
      .finally(() => inFlight.delete(id));
    inFlight.set(id, promise);
    return promise;
  }

  return {
    /** Subscriptions in order of precedence, with their installed pack. */
    async listSubscriptions(): Promise<SubscriptionStatus[]> {
      return db.transaction('r', [db.subscriptions, db.packs, db.templates], async () => {
        const subscriptions = await ordered();
        return Promise.all(
          subscriptions.map(async (subscription): Promise<SubscriptionStatus> => {
            const pack = subscription.packId ? await db.packs.get(subscription.packId) : undefined;
            if (!pack || pack.subscriptionId !== subscription.id) return subscription;
            const templateCount = await db.templates.where('packId').equals(pack.id).count();
            return {
              ...subscription,
              pack: { id: pack.id, name: pack.name, version: pack.version, templateCount, updatedAt: pack.updatedAt },
            };
          }),
        );
      });
    },

    addSubscription,

    /**
     * Adds and syncs at once: «Подписаться». A first sync that fails leaves nothing behind: the lead sees
     * the reason (and every error of a broken pack) and fixes the URL, rather than a row that never worked.
     */
    async subscribe(
      input: SubscriptionInput,
      now: number,
    ): Promise<
      | { ok: true; subscription: StoredSubscription; outcome: SyncOutcome }
      | { ok: false; message: string; errors?: DataError[] }
    > {
      const added = await addSubscription(input, now);
      if (!added.ok) return added;
      const outcome = await syncSubscription(added.subscription.id, now);
      if (outcome.status === 'failed') {
        await db.subscriptions.delete(added.subscription.id);
        const { message, errors } = outcome.failure;
        return { ok: false, message: t.notAdded(message), errors };
      }
      return {
        ok: true,
        subscription: (await db.subscriptions.get(added.subscription.id)) ?? added.subscription,
        outcome,
      };
    },

    /** Changes the label, the pin or the key; the next sync re-downloads so the new check applies at once. */
    async updateSubscription(
      { id, ...patch }: SubscriptionPatch & { id: string },
      now: number,
    ): Promise<{ ok: boolean; message?: string }> {
      const integrity = checkIntegrityInput({
        sha256: patch.sha256 ?? undefined,
        publicKey: patch.publicKey ?? undefined,
      });
      if (integrity) return { ok: false, message: integrity };
      const changes: Partial<StoredSubscription> = { nextSyncAt: now };
      if (patch.name !== undefined) changes.name = patch.name.trim();
      if (patch.sha256 !== undefined) changes.sha256 = patch.sha256 ? parseSha256Pin(patch.sha256)! : undefined;
      if (patch.publicKey !== undefined) changes.publicKey = patch.publicKey?.trim() || undefined;
      if (patch.sha256 !== undefined || patch.publicKey !== undefined) {
        Object.assign(changes, { etag: undefined, lastModified: undefined, contentSha256: undefined });
      }
      // Rollback protection is per signer: a new key starts from whatever it signs first.
      if (patch.publicKey !== undefined) {
        const current = await db.subscriptions.get(id);
        if (current?.publicKey !== changes.publicKey) changes.signedVersion = undefined;
      }
      const updated = await db.subscriptions.update(id, changes);
      return updated ? { ok: true } : { ok: false, message: t.notFound };
    },

    /** Unsubscribes: the pack's templates and rules go; customised copies and usage stay. */
    async removeSubscription({ id }: { id: string }): Promise<{ ok: boolean }> {
      const subscription = await db.subscriptions.get(id);
      if (!subscription) return { ok: false };
      const pack = subscription.packId ? await db.packs.get(subscription.packId) : undefined;
      if (pack && pack.subscriptionId === id) {
        await uninstallPack(db, pack.id, { alsoInTransaction: () => db.subscriptions.delete(id) });
      } else {
        await db.subscriptions.delete(id);
      }
      return { ok: true };
    },

    /** Sets the order of precedence: `ids` first to last; ids not listed keep their relative order after. */
    async reorderSubscriptions({ ids }: { ids: string[] }): Promise<void> {
      await db.transaction('rw', [db.subscriptions], async () => {
        const all = await ordered();
        const rank = (id: string) => (ids.includes(id) ? ids.indexOf(id) : ids.length);
        const sorted = [...all].sort((a, b) => rank(a.id) - rank(b.id) || a.order - b.order);
        await db.subscriptions.bulkPut(sorted.map((subscription, order) => ({ ...subscription, order })));
      });
    },

    syncSubscription,

    /** Syncs every subscription whose time has come (the alarm handler), one after another. */
    async syncDue(now: number, signal?: AbortSignal): Promise<SyncOutcome[]> {
      const due = await db.subscriptions.where('nextSyncAt').belowOrEqual(now).toArray();
      due.sort((a, b) => a.order - b.order);
      const outcomes: SyncOutcome[] = [];
      for (const subscription of due) {
        if (signal?.aborted) break;
        outcomes.push(await syncSubscription(subscription.id, now, signal));
      }
      return outcomes;
    },

    /** Syncs all subscriptions regardless of schedule. */
    async syncAll(now: number, signal?: AbortSignal): Promise<SyncOutcome[]> {
      const outcomes: SyncOutcome[] = [];
      for (const subscription of await ordered()) {
        if (signal?.aborted) break;
        outcomes.push(await syncSubscription(subscription.id, now, signal));
      }
      return outcomes;
    },

    /**
     * The changes the sidebar has not shown yet, marked as shown: «что изменилось» appears on the first
     * open after a sync and not again.
     */
    async takeUnseenPackChanges(): Promise<PackChange[]> {
      return db.transaction('rw', [db.subscriptions], async () => {
        const unseen = (await ordered()).filter(
          (subscription) => subscription.lastChange && !subscription.lastChange.seen,
        );
        for (const subscription of unseen) {
          await db.subscriptions.update(subscription.id, { lastChange: { ...subscription.lastChange!, seen: true } });
        }
        return unseen.map((subscription) => subscription.lastChange!);
      });
    },

    /** When the next automatic sync is due, for `alarms.create({ when })`; null without subscriptions. */
    async nextSyncAt(): Promise<number | null> {
      const first = await db.subscriptions.orderBy('nextSyncAt').first();
      return first ? first.nextSyncAt : null;
    },

    /** The merged policy: subscriptions by precedence, then the bundled pack(s). */
    async getEffectivePolicy(): Promise<EffectivePolicy> {
      return db.transaction('r', [db.subscriptions, db.packs], async () => {
        const subscriptions = await ordered();
        const packs = await db.packs.toArray();
        const byId = new Map(packs.map((pack) => [pack.id, pack]));
        const fromSubscriptions = subscriptions
          .map((subscription) => (subscription.packId ? byId.get(subscription.packId) : undefined))
          .filter((pack) => pack !== undefined && pack.source === 'subscription');
        const bundled = packs.filter((pack) => pack.source === 'bundled');
        return effectivePolicy(
          [...fromSubscriptions, ...bundled].map((pack) => ({ packId: pack!.id, policy: pack!.policy ?? {} })),
        );
      });
    },
  };
}

export type SubscriptionService = ReturnType<typeof createSubscriptionService>;

/** A first name for a subscription: the file's name in the URL (`team-replies.csv` → `team-replies`). */
export function nameFromUrl(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).at(-1) ?? '';
  let file = last;
  try {
    file = decodeURIComponent(last);
  } catch {
    // Keep the raw segment.
  }
  file = file.replace(/\.(csv|json)$/i, '');
  // Google Sheets publishes as …/pub?output=csv: «pub» names nothing; its real title arrives on the first sync.
  if (!file || /^(pub|export|download|raw)$/i.test(file)) {
    return url.hostname === 'docs.google.com' ? 'Таблица Google' : url.hostname;
  }
  return file;
}

function checkIntegrityInput(input: { sha256?: string; publicKey?: string }): string | null {
  if (input.sha256 && !parseSha256Pin(input.sha256)) return t.badSha256;
  if (input.publicKey?.trim()) {
    const key = parsePublicKey(input.publicKey);
    if (!key.ok) return key.message;
  }
  return null;
}
