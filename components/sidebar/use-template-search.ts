import { useEffect, useMemo, useState } from 'react';
import type { StoredTemplate, UsageStats } from '@/lib/model';
import type { SearchIndex } from '@/lib/search/search-index';
import { rankRecent } from '@/lib/search/usage-score';

type Engine = typeof import('@/lib/search/search-engine');

const LIMIT = 200;

/**
 * Search over the cached library. The engine's code and its index come after the first paint, so opening
 * the sidebar shows recent and frequent templates at once even with a large library; a query typed before
 * the index is ready is answered as soon as it is.
 */
export function useTemplateSearch(
  templates: StoredTemplate[] | undefined,
  query: string,
  category: string,
  usage: UsageStats | undefined,
  /** Shown for an empty query until the whole library (and its index) is there. */
  firstScreen?: StoredTemplate[],
) {
  const [engine, setEngine] = useState<Engine | null>(null);
  const [index, setIndex] = useState<SearchIndex | null>(null);
  useEffect(() => {
    void import('@/lib/search/search-engine').then(setEngine);
  }, []);
  useEffect(() => {
    if (!templates || !engine) return;
    const timer = setTimeout(() => setIndex(engine.createSearchIndex(templates)), 0);
    return () => clearTimeout(timer);
  }, [templates, engine]);

  const byKey = useMemo(() => new Map(templates?.map((template) => [template.key, template])), [templates]);

  return useMemo(() => {
    if (!templates) {
      if (query.trim() || !firstScreen) return { results: [], ready: false };
      return { results: firstScreen.filter((t) => !category || t.category === category), ready: true };
    }
    const now = Date.now();
    if (!index || !engine) {
      if (query.trim()) return { results: [], ready: false };
      return { results: recentFirst(templates, usage, category, now).slice(0, LIMIT), ready: true };
    }
    const hits = engine.searchTemplates(index, query, { usage, now, limit: LIMIT, category: category || undefined });
    return {
      results: hits.map((hit) => byKey.get(hit.key)).filter((t): t is StoredTemplate => t !== undefined),
      ready: true,
    };
  }, [templates, engine, index, query, category, usage, byKey, firstScreen]);
}

/** The empty query's list before the index exists: in the search's own empty-query order, then library order. */
function recentFirst(templates: StoredTemplate[], usage: UsageStats | undefined, category: string, now: number) {
  const inCategory = category ? templates.filter((t) => t.category === category) : templates;
  const rank = new Map(rankRecent(usage, now).map((entry, position) => [entry.key, position]));
  const position = (template: StoredTemplate) => rank.get(template.key) ?? Number.MAX_SAFE_INTEGER;
  return [...inCategory].sort((a, b) => position(a) - position(b));
}
