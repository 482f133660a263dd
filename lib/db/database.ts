import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Pack, Rule, Template } from '../model';

/** A template as stored: pack templates and the agent's own ("personal" pack) share one table. */
export interface StoredTemplate extends Template {
  /** `${packId}/${id}`: template ids are unique within a pack only. */
  key: string;
  packId: string;
  updatedAt: number;
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

  constructor(name = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      templates: 'key, packId, updatedAt',
      rules: 'key, packId',
      packs: 'id',
      usage: '++id, templateKey, at',
      meta: 'key',
    });
  }
}

export const templateKey = (packId: string, id: string) => `${packId}/${id}`;
