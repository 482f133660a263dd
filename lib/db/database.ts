import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { LearnedSite, LintStat, StoredPack, StoredRule, StoredSubscription, StoredTemplate } from '../model';

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
  learnedSites!: EntityTable<LearnedSite, 'id'>;

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
    // Sites the agent taught by pointing (lib/db/site-fields-service.ts): one row per site, keyed by id.
    this.version(3).stores({ learnedSites: 'id, match' });
  }
}

export const templateKey = (packId: string, id: string) => `${packId}/${id}`;
