import type {
  BundledVisibility,
  LibraryStatus,
  LintRuleSet,
  SearchLexiconSource,
  Settings,
  StoredPack,
  StoredTemplate,
  TemplatePage,
  UsageStats,
} from '../model';
import { rankRecent } from '../search/usage-score';
import { readDataVersion } from './data-version';
import type { SuflerDatabase } from './database';

/**
 * A team pack whose policy says `hideBundled` replaces the bundled templates (no near-copies, no duplicate
 * shortcuts); the agent may show them again unless that pack is locked, and may hide them on their own.
 */
export function bundledVisibility(
  packs: Pick<StoredPack, 'source' | 'policy'>[],
  choice: Settings['bundledTemplates'],
): BundledVisibility {
  const asking = packs.filter((pack) => pack.source === 'subscription' && pack.policy?.hideBundled === true);
  const byTeam = asking.length > 0;
  const locked = asking.some((pack) => pack.policy.locked === true);
  const hidden = locked || (choice ? choice === 'hide' : byTeam);
  return { hidden, byTeam, locked };
}

/** Read side of the library and usage recording; built from the DB it is given (tests pass fake-indexeddb). */
export function createLibraryService(
  db: SuflerDatabase,
  now: () => number = Date.now,
  getSettings: () => Promise<Pick<Settings, 'bundledTemplates'>> = async () => ({}),
) {
  /** Pack ids whose templates the agent does not see (the bundled pack when hidden). */
  const hiddenPackIds = async (): Promise<Set<string>> => {
    const packs = await db.packs.toArray();
    const visibility = bundledVisibility(packs, (await getSettings()).bundledTemplates);
    return new Set(visibility.hidden ? packs.filter((p) => p.source === 'bundled').map((p) => p.id) : []);
  };
  const visible = async () => {
    const hidden = await hiddenPackIds();
    return (template: StoredTemplate) => !hidden.has(template.packId);
  };

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
      const { bundledTemplates } = await getSettings();
      return db.transaction('r', [db.packs, db.templates, db.rules, db.meta], async () => ({
        bundled: bundledVisibility(await db.packs.toArray(), bundledTemplates),
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
      const shown = await visible();
      return (await db.templates.toArray()).filter(shown);
    },

    /** `listTemplates` a page at a time (see `TemplatePage`). */
    async listTemplatePage({ after, limit }: { after?: string; limit: number }): Promise<TemplatePage<StoredTemplate>> {
      const [shown, version] = await Promise.all([visible(), readDataVersion(db)]);
      const rows = await (after === undefined ? db.templates.orderBy(':id') : db.templates.where(':id').above(after))
        .limit(limit)
        .toArray();
      return { templates: rows.filter(shown), next: rows.length < limit ? null : rows[rows.length - 1].key, version };
    },

    /**
     * The few templates a sidebar shows before the whole library has arrived: the agent's most used and most
     * recent first, then the library's first ones. Small, so the sidebar opens at once even at 10k templates.
     */
    async listRecentTemplates({ limit }: { limit: number }): Promise<StoredTemplate[]> {
      const usage = await getUsageStats();
      const at = now();
      const used = rankRecent(usage, at)
        .slice(0, limit)
        .map((entry) => entry.key);
      const shown = await visible();
      const recent = (await db.templates.bulkGet(used)).filter((t): t is StoredTemplate => t !== undefined && shown(t));
      const rest = await db.templates
        .filter((template) => !used.includes(template.key) && shown(template))
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
