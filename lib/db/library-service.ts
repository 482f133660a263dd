import type { LibraryStatus, LintRuleSet, UsageStats } from '../messaging/protocol';
import { readDataVersion } from './data-version';
import type { StoredTemplate, SuflerDatabase } from './database';

/** Read side of the library and usage recording; built from the DB it is given (tests pass fake-indexeddb). */
export function createLibraryService(db: SuflerDatabase, now: () => number = Date.now) {
  return {
    async getStatus(): Promise<LibraryStatus> {
      return db.transaction('r', [db.packs, db.templates, db.rules, db.meta], async () => ({
        dataVersion: await readDataVersion(db),
        packs: (await db.packs.toArray()).map(({ id, name, version, source, updatedAt }) => ({
          id,
          name,
          version,
          source,
          updatedAt,
        })),
        templateCount: await db.templates.count(),
        ruleCount: await db.rules.count(),
      }));
    },

    async listTemplates(): Promise<StoredTemplate[]> {
      return db.templates.toArray();
    },

    async getLintRules(): Promise<LintRuleSet> {
      return db.transaction('r', [db.packs, db.rules, db.meta], async () => {
        const packs = await db.packs.toArray();
        const rules = await db.rules.toArray();
        return {
          dataVersion: await readDataVersion(db),
          packs: packs.map((pack) => ({
            packId: pack.id,
            compiled: pack.compiled,
            rules: rules.filter((rule) => rule.packId === pack.id),
          })),
        };
      });
    },

    async getUsageStats(): Promise<UsageStats> {
      const stats: UsageStats = {};
      await db.usage.each(({ templateKey, at }) => {
        const entry = stats[templateKey] ?? { count: 0, lastUsedAt: 0 };
        stats[templateKey] = { count: entry.count + 1, lastUsedAt: Math.max(entry.lastUsedAt, at) };
      });
      return stats;
    },

    async recordUsage({ templateKey, site }: { templateKey: string; site: string }): Promise<void> {
      await db.usage.add({ templateKey, site, at: now() });
    },
  };
}

export type LibraryService = ReturnType<typeof createLibraryService>;
