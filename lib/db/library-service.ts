import type { LibraryStatus, LintRuleSet, SearchLexiconSource, UsageStats } from '../messaging/protocol';
import { usageScore } from '../search/usage-score';
import { readDataVersion } from './data-version';
import type { StoredTemplate, SuflerDatabase } from './database';

/** Read side of the library and usage recording; built from the DB it is given (tests pass fake-indexeddb). */
export function createLibraryService(db: SuflerDatabase, now: () => number = Date.now) {
  const getUsageStats = async (): Promise<UsageStats> => {
    const stats: UsageStats = {};
    await db.usage.each(({ templateKey, at }) => {
      const entry = stats[templateKey] ?? { count: 0, lastUsedAt: 0 };
      stats[templateKey] = { count: entry.count + 1, lastUsedAt: Math.max(entry.lastUsedAt, at) };
    });
    return stats;
  };

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

    /**
     * The few templates a sidebar shows before the whole library has arrived: the agent's most used and most
     * recent first, then the library's first ones. Small, so the sidebar opens at once even at 10k templates.
     */
    async listRecentTemplates({ limit }: { limit: number }): Promise<StoredTemplate[]> {
      const usage = await getUsageStats();
      const at = now();
      const used = Object.keys(usage)
        .sort((a, b) => usageScore(usage[b], at) - usageScore(usage[a], at))
        .slice(0, limit);
      const recent = (await db.templates.bulkGet(used)).filter((t): t is StoredTemplate => t !== undefined);
      const rest = await db.templates
        .filter((template) => !used.includes(template.key))
        .limit(limit - recent.length)
        .toArray();
      return [...recent, ...rest];
    },

    /** Only the search parts of each pack's build output: the lint lexicon stays in the background. */
    async getSearchLexicons(): Promise<SearchLexiconSource[]> {
      return (await db.packs.toArray()).map((pack) => ({
        packId: pack.id,
        ...(pack.compiled?.search ? { compiled: { search: pack.compiled.search } } : {}),
        ...(pack.synonyms ? { synonyms: pack.synonyms } : {}),
      }));
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

    getUsageStats,

    async recordUsage({ templateKey, site }: { templateKey: string; site: string }): Promise<void> {
      await db.usage.add({ templateKey, site, at: now() });
    },
  };
}

export type LibraryService = ReturnType<typeof createLibraryService>;
