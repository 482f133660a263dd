import { describe, expect, it } from 'vitest';
import { createPickerSearch } from '../../../lib/agent/picker-search';
import type { PickerTemplate } from '../../../lib/model';
import { createSearchIndex } from '../../../lib/search/search-index';
import { searchTemplates } from '../../../lib/search/search-templates';
import { syntheticTemplates } from '../../bench/synthetic-library';

const templates: PickerTemplate[] = syntheticTemplates(1_500, 7).map((template) => ({
  ...template,
  key: `team/${template.id}`,
}));

/** Runs scheduled chunks one at a time, on demand. */
function manualSchedule() {
  const queue: (() => void)[] = [];
  return { schedule: (run: () => void) => queue.push(run), step: () => queue.shift()?.(), pending: () => queue.length };
}

describe('the picker’s search', () => {
  it('answers before the index is built: recent first on an empty query, a typed one in the title or shortcut', () => {
    const { schedule } = manualSchedule();
    const used = templates[900];
    const search = createPickerSearch(
      templates,
      { [used.key]: { count: 3, lastUsedAt: Date.now() } },
      () => undefined,
      schedule,
    );
    expect(search.ready).toBe(false);
    expect(search.search('', 6)[0]).toBe(used);
    const word = templates[1_200].title.split(' ')[0].toLowerCase();
    const found = search.search(word, 6);
    expect(found.length).toBeGreaterThan(0);
    for (const template of found) expect(`${template.title} ${template.shortcut}`.toLowerCase()).toContain(word);
  });

  it('builds in chunks, then ranks exactly as the sidebar’s search and says so once', () => {
    const { schedule, step, pending } = manualSchedule();
    let readyCalls = 0;
    const search = createPickerSearch(templates, {}, () => readyCalls++, schedule);
    let chunks = 0;
    while (pending() > 0) {
      step();
      chunks++;
    }
    expect(chunks).toBeGreaterThan(1);
    expect(readyCalls).toBe(1);
    expect(search.ready).toBe(true);
    const index = createSearchIndex(templates);
    for (const query of ['возврат', 'djpdhfn', 'где мой заказ', templates[42].title]) {
      const expected = searchTemplates(index, query, { now: Date.now(), limit: 6 }).map((hit) => hit.key);
      expect(search.search(query, 6).map((template) => template.key)).toEqual(expected);
    }
  });
});
