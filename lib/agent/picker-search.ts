import type { PickerTemplate, UsageStats } from '../model';
import { convertLayout } from '../search/fix-keyboard-layout';
import { addToSearchIndex, createSearchIndex } from '../search/search-index';
import { searchTemplates } from '../search/search-templates';
import { rankRecent } from '../search/usage-score';

export interface PickerSearch {
  /** The best `limit` templates for the query: the sidebar's search once the index is built. */
  search(query: string, limit: number): PickerTemplate[];
  readonly ready: boolean;
}

/** Templates indexed per turn of the event loop: the page's main thread is never held for long. */
const CHUNK = 100;

/**
 * The picker's search. Building the sidebar's index takes about a second at 10k templates, and the agent
 * script shares the page's main thread, so the index is built in chunks between the page's own work, from
 * the first trigger on. Until it is complete, the first results come without it: the empty query lists
 * recent and frequent templates (the same order as the sidebar's, rankRecent), a typed one the templates
 * whose title or shortcut contains it as typed or in the other layout. `onReady` runs once the real search
 * takes over, so the open picker can refresh its list.
 */
export function createPickerSearch(
  templates: readonly PickerTemplate[],
  usage: UsageStats,
  onReady: () => void,
  schedule: (run: () => void) => void = (run) => setTimeout(run, 0),
): PickerSearch {
  const byKey = new Map(templates.map((template) => [template.key, template]));
  const index = createSearchIndex([]);
  let built = 0;
  const buildMore = () => {
    addToSearchIndex(index, templates.slice(built, built + CHUNK));
    built = Math.min(templates.length, built + CHUNK);
    if (built < templates.length) schedule(buildMore);
    else onReady();
  };
  schedule(buildMore);

  const recent = (limit: number) => {
    const found: PickerTemplate[] = [];
    for (const { key } of rankRecent(usage, Date.now())) {
      const template = byKey.get(key);
      if (template) found.push(template);
      if (found.length >= limit) return found;
    }
    for (const template of templates) {
      if (found.length >= limit) break;
      if (!found.includes(template)) found.push(template);
    }
    return found;
  };

  const containing = (query: string, limit: number) => {
    const fold = (text: string) => text.toLowerCase().replace(/ё/g, 'е');
    const variants = [...new Set([query, convertLayout(query, 'cyrillic'), convertLayout(query, 'latin')].map(fold))];
    const found: PickerTemplate[] = [];
    for (const template of templates) {
      const headline = fold(`${template.title} ${template.shortcut ?? ''}`);
      if (variants.some((variant) => headline.includes(variant))) found.push(template);
      if (found.length >= limit) break;
    }
    return found;
  };

  return {
    get ready() {
      return built >= templates.length;
    },
    search(query, limit) {
      if (built < templates.length) return query.trim() ? containing(query.trim(), limit) : recent(limit);
      return searchTemplates(index, query, { usage, now: Date.now(), limit })
        .map((hit) => byKey.get(hit.key))
        .filter((template): template is PickerTemplate => template !== undefined);
    },
  };
}
