import { MatchPattern } from '@webext-core/match-patterns';
import type { DataError, LearnedSite, PackSite, SiteFieldId, SiteFieldLocator, SiteLocators } from '../model';
import { checkSiteEntry } from '../packs/pack-sites';
import type { SuflerDatabase } from './database';

/** The site id a taught origin gets: its host name, in the pack id alphabet (`Desk.Example.ru:8080` → `desk.example.ru`). */
export function siteIdFor(origin: string): string {
  return (
    new URL(origin).hostname
      .toLowerCase()
      .replace(/[^a-z0-9.]+/g, '-')
      .replace(/[-.]{2,}/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '') || 'site'
  );
}

function matches(pattern: string, url: string): boolean {
  try {
    return new MatchPattern(pattern).includes(url);
  } catch {
    return false;
  }
}

/**
 * Where fields sit on sites no built-in profile knows: what the agent taught (personal, wins) and what the team
 * packs bring (`sites`). Background only (Dexie).
 */
export function createSiteFieldsService(db: SuflerDatabase, now: () => number) {
  return {
    listLearnedSites: (): Promise<LearnedSite[]> => db.learnedSites.orderBy('id').toArray(),

    /** The locators for one page: the packs' sites first, then the agent's own, field by field. */
    async locatorsFor(url: string): Promise<SiteLocators> {
      const locators: SiteLocators = {};
      for (const pack of await db.packs.toArray()) {
        for (const site of pack.sites ?? []) if (matches(site.match, url)) Object.assign(locators, site.fields);
      }
      for (const site of await db.learnedSites.toArray()) {
        if (matches(site.match, url)) Object.assign(locators, site.fields);
      }
      return locators;
    },

    /** From the picker in the agent's tab: one field of that tab's origin (never an origin the page names). */
    async saveLearnedField(origin: string, field: SiteFieldId, locator: SiteFieldLocator): Promise<LearnedSite> {
      const id = siteIdFor(origin);
      // Match patterns carry no port (a host matches on every port, as in the browser's own patterns).
      const { protocol, hostname } = new URL(origin);
      const match = `${protocol}//${hostname}/*`;
      const current = (await db.learnedSites.get(id)) ?? { id, match, fields: {}, updatedAt: 0 };
      const next = { ...current, fields: { ...current.fields, [field]: locator }, updatedAt: now() };
      const errors = checkSiteEntry({ id, match, fields: next.fields }, 0);
      if (errors.length > 0) throw new Error(errors[0].message);
      await db.learnedSites.put(next);
      return next;
    },

    /** From options: a whole site, edited; refused with the entry's errors when broken. */
    async saveLearnedSite(site: PackSite): Promise<{ ok: true } | { ok: false; errors: DataError[] }> {
      const errors = checkSiteEntry(site, 0);
      if (errors.length > 0) return { ok: false, errors };
      await db.learnedSites.put({ id: site.id, match: site.match, fields: site.fields, updatedAt: now() });
      return { ok: true };
    },

    async deleteLearnedSite(id: string): Promise<void> {
      await db.learnedSites.delete(id);
    },
  };
}

export type SiteFieldsService = ReturnType<typeof createSiteFieldsService>;
