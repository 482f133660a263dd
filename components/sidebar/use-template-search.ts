import { useEffect, useMemo, useState } from 'react';
import type { StoredTemplate } from '@/lib/db/database';
import type { UsageStats } from '@/lib/messaging/protocol';
import { createSearchIndex, type SearchIndex } from '@/lib/search/search-index';
import { searchTemplates } from '@/lib/search/search-templates';

const LIMIT = 200;

/**
 * Search over the cached library. The index is built right after the first paint, so opening the
 * sidebar shows recent and frequent templates at once even with a large library; a query typed before the
 * index is ready is answered as soon as it is.
 */
export function useTemplateSearch(
  templates: StoredTemplate[] | undefined,
  query: string,
  category: string,
  usage: UsageStats | undefined,
  /** Shown for an empty query until the whole library (and its index) is there. */
  firstScreen?: StoredTemplate[],
) {
  const [index, setIndex] = useState<SearchIndex | null>(null);
  useEffect(() => {
    if (!templates) return;
    const timer = setTimeout(() => setIndex(createSearchIndex(templates)), 0);
    return () => clearTimeout(timer);
  }, [templates]);

  const byKey = useMemo(() => new Map(templates?.map((template) => [template.key, template])), [templates]);

  return useMemo(() => {
    if (!templates) {
      if (query.trim() || !firstScreen) return { results: [], ready: false };
      return { results: firstScreen.filter((t) => !category || t.category === category), ready: true };
    }
    const now = Date.now();
    if (!index) {
      if (query.trim()) return { results: [], ready: false };
      return { results: recentFirst(templates, usage, category).slice(0, LIMIT), ready: true };
    }
    const hits = searchTemplates(index, query, { usage, now, limit: LIMIT, category: category || undefined });
    return {
      results: hits.map((hit) => byKey.get(hit.key)).filter((t): t is StoredTemplate => t !== undefined),
      ready: true,
    };
  }, [templates, index, query, category, usage, byKey, firstScreen]);
}

/** The empty query's list before the index exists: most recently used first, then library order. */
function recentFirst(templates: StoredTemplate[], usage: UsageStats | undefined, category: string) {
  const inCategory = category ? templates.filter((t) => t.category === category) : templates;
  return [...inCategory].sort((a, b) => (usage?.[b.key]?.lastUsedAt ?? 0) - (usage?.[a.key]?.lastUsedAt ?? 0));
}
