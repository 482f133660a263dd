import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { DataError, Pack, Rule, Template } from '../model';
import type { PackChange } from '../packs/pack-change';

/** A template as stored: pack templates and the agent's own ("personal" pack) share one table. */
export interface StoredTemplate extends Template {
  /** `${packId}/${id}`: template ids are unique within a pack only. */
  key: string;
  packId: string;
  updatedAt: number;
  /** Only on a personal copy of a pack template the agent customised (see customised-template-service.ts). */
  origin?: TemplateOrigin;
}

/** The editable content of a template: what a diff compares. */
export type TemplateContent = Pick<Template, 'title' | 'body' | 'tags' | 'category' | 'shortcut' | 'note'>;

/**
 * Links a customised copy to the pack template it came from. While it exists the pack's own row is not
 * installed (one template, one row); each sync compares the pack's version with `base`.
 */
export interface TemplateOrigin {
  packId: string;
  templateId: string;
  /** The upstream content the agent started from, or last reviewed: the base of «what changed upstream». */
  base: TemplateContent;
  /** Set when the pack's version differs from `base`: «в пакете есть новая версия»; diff it with `base`/own body. */
  upstream?: TemplateContent & { packVersion: string; seenAt: number };
  /** The pack no longer has this template (or the subscription was removed); the copy stays the agent's. */
  removedUpstream?: boolean;
}

export interface StoredRule extends Rule {
  key: string;
  packId: string;
}

export type PackSource = 'bundled' | 'subscription';

/** A pack's header as stored; its templates and rules live in their own tables. */
export interface StoredPack extends Omit<Pack, 'templates' | 'rules'> {
  source: PackSource;
  installedAt: number;
  updatedAt: number;
  /** The subscription that installed it (source `subscription`). */
  subscriptionId?: string;
}

export type SubscriptionKind = 'json' | 'csv';

/** The reason of the last failed sync, kept until a sync succeeds. */
export interface SyncError {
  kind: string;
  message: string;
  errors?: DataError[];
  httpStatus?: number;
  at: number;
}

/** A team pack the agent follows by URL (see subscription-service.ts). */
export interface StoredSubscription {
  id: string;
  url: string;
  kind: SubscriptionKind;
  /** Precedence: 0 first. Decides whose policy wins (lib/packs/effective-policy.ts). */
  order: number;
  /** Display name: the pack's name after a sync, the agent's label (or the URL's file name) before. */
  name: string;
  /** The agent gave the name: a sheet's file name from its server does not replace it. */
  namedByUser?: boolean;
  /** Known after the first good sync of a JSON pack; fixed at creation for CSV (a CSV has no header). */
  packId?: string;
  /** sha256 pin (lower-case hex) of the exact bytes; when set, anything else is rejected. */
  sha256?: string;
  /** `ed25519:<base64>`: the lead's public key; when set, `<url>.sig` must verify. */
  publicKey?: string;
  etag?: string;
  lastModified?: string;
  /** sha256 of the last applied bytes: identical content is not re-applied even without validators. */
  contentSha256?: string;
  intervalMinutes: number;
  createdAt: number;
  lastCheckAt?: number;
  /** Last check that left the pack current (applied or 304): «последняя успешная синхронизация». */
  lastSuccessAt?: number;
  /** Last time new content was applied. */
  lastChangeAt?: number;
  lastError?: SyncError;
  /** What the last applied version changed, by name (lib/packs/pack-change.ts). */
  lastChange?: PackChange;
  /** Consecutive failures: drives the retry backoff. */
  failureCount: number;
  /** When the next automatic sync is due (interval after success, backoff after failure). */
  nextSyncAt: number;
}

/** How often a rule's finding was shown, fixed, ignored or sent anyway on one day. No draft text. */
export interface LintStat {
  /** `${day}|${ruleId}` */
  key: string;
  /** Local date, `YYYY-MM-DD`. */
  day: string;
  ruleId: string;
  shown: number;
  fixed: number;
  ignored: number;
  sentAnyway: number;
}

export interface UsageEvent {
  id?: number;
  templateKey: string;
  at: number;
  /** The page origin the template was used on (no path, no draft text). */
  site: string;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export const DB_NAME = 'sufler';

/**
 * The one database, owned by the background service worker (extension origin). Every schema change is a
 * new `version(n)` with an upgrade that keeps existing data; versions are never edited once released.
 */
export class SuflerDatabase extends Dexie {
  templates!: EntityTable<StoredTemplate, 'key'>;
  rules!: EntityTable<StoredRule, 'key'>;
  packs!: EntityTable<StoredPack, 'id'>;
  usage!: EntityTable<UsageEvent, 'id'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  subscriptions!: EntityTable<StoredSubscription, 'id'>;
  lintStats!: EntityTable<LintStat, 'key'>;

  constructor(name = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      templates: 'key, packId, updatedAt',
      rules: 'key, packId',
      packs: 'id',
      usage: '++id, templateKey, at',
      meta: 'key',
    });
    // v2 adds team-pack subscriptions and the per-rule daily statistics. Existing tables are unchanged and
    // the new ones start empty, so no data needs rewriting (customised-copy fields on templates are optional
    // and unindexed).
    this.version(2).stores({
      subscriptions: 'id, &url, order, nextSyncAt',
      lintStats: 'key, day, ruleId',
    });
  }
}

export const templateKey = (packId: string, id: string) => `${packId}/${id}`;
