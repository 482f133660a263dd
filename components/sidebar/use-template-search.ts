import { useEffect, useMemo, useState } from 'react';
import type { SearchLexiconSource, StoredTemplate, UsageStats } from '@/lib/model';
import { nextBackgroundTask } from '@/lib/search/next-task';
import type { SearchIndex } from '@/lib/search/search-index';
import { rankRecent } from '@/lib/search/usage-score';

type Engine = typeof import('@/lib/search/search-engine');

const LIMIT = 200;
/** The partial index is handed to React at most this often while it grows (each hand-over re-renders). */
const RENDER_EVERY_MS = 200;

/**
 * Search over the cached library. The engine's code and its index come after the first paint, so opening
 * the sidebar shows recent and frequent templates at once even with a large library. The index is built in
 * slices at background priority, between which the frame handles input and renders: every headline first,
 * then the bodies; it answers from the first slice on, so a query typed during the build is answered at once
 * and refined as the rest arrives (every RENDER_EVERY_MS).
 * `partial` is true when no template holds every word of the query: the list is the best partial matches.
 */
export function useTemplateSearch(
  templates: StoredTemplate[] | undefined,
  query: string,
  category: string,
  usage: UsageStats | undefined,
  /** Shown for an empty query until the whole library (and its index) is there. */
  firstScreen?: StoredTemplate[],
  /** The packs' search lexicons and synonyms; the index waits for them (they are small). */
  lexicons?: SearchLexiconSource[],
) {
  const [engine, setEngine] = useState<Engine | null>(null);
  const [index, setIndex] = useState<{ index: SearchIndex; chunks: number } | null>(null);
  useEffect(() => {
    void import('@/lib/search/search-engine').then(setEngine);
  }, []);
  useEffect(() => {
    if (!templates || !engine || !lexicons) return;
    const controller = new AbortController();
    let handedAt = Number.NEGATIVE_INFINITY;
    void nextBackgroundTask().then(() =>
      engine.buildSearchIndexInChunks(templates, engine.createSearchLexicon(lexicons), {
        pause: nextBackgroundTask,
        signal: controller.signal,
        onChunk: (built, phase) => {
          const now = performance.now();
          if (controller.signal.aborted || (phase !== 'done' && now - handedAt < RENDER_EVERY_MS)) return;
          handedAt = now;
          setIndex((previous) => ({ index: built, chunks: (previous?.chunks ?? 0) + 1 }));
        },
      }),
    );
    return () => controller.abort();
  }, [templates, engine, lexicons]);

  const byKey = useMemo(() => new Map(templates?.map((template) => [template.key, template])), [templates]);

  return useMemo(() => {
    if (!templates) {
      if (query.trim() || !firstScreen) return { results: [], ready: false, partial: false };
      return { results: firstScreen.filter((t) => !category || t.category === category), ready: true, partial: false };
    }
    const now = Date.now();
    if (!index || !engine) {
      if (query.trim()) return { results: [], ready: false, partial: false };
      return { results: recentFirst(templates, usage, category, now).slice(0, LIMIT), ready: true, partial: false };
    }
    const hits = engine.searchTemplates(index.index, query, {
      usage,
      now,
      limit: LIMIT,
      category: category || undefined,
    });
    return {
      results: hits.map((hit) => byKey.get(hit.key)).filter((t): t is StoredTemplate => t !== undefined),
      ready: true,
      partial: hits.length > 0 && !hits[0].complete,
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
