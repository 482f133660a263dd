import { describe, expect, it } from 'vitest';
import { buildSearchIndexInChunks, createSearchIndex } from '../../../lib/search/search-index';
import { EMPTY_LEXICON } from '../../../lib/search/search-lexicon';
import { searchTemplates } from '../../../lib/search/search-templates';
import { syntheticTemplates } from '../../bench/synthetic-library';

const NOW = Date.UTC(2026, 10, 23);

describe('the index built in slices', () => {
  it('finds every template by its headline before the bodies, then ends equal to a one-block build', async () => {
    const templates = syntheticTemplates(2_500, 7);
    const phases: string[] = [];
    let afterHeadlines: string[] = [];
    const target = templates[2_400];
    const index = await buildSearchIndexInChunks(templates, EMPTY_LEXICON, {
      headChunkSize: 1_000,
      bodyChunkSize: 500,
      pause: () => Promise.resolve(),
      onChunk: (partial, phase) => {
        phases.push(phase);
        if (phase === 'bodies' && afterHeadlines.length === 0) {
          afterHeadlines = searchTemplates(partial, target.title, { now: NOW, limit: 5 }).map((hit) => hit.id);
        }
      },
    });
    expect(phases).toEqual(['headlines', 'headlines', 'bodies', 'bodies', 'bodies', 'bodies', 'bodies', 'done']);
    expect(afterHeadlines).toContain(target.id);
    const whole = createSearchIndex(templates);
    for (const query of ['вернуть деньги', 'курьер опоздал', target.title, 'гарантиный']) {
      expect(searchTemplates(index, query, { now: NOW })).toEqual(searchTemplates(whole, query, { now: NOW }));
    }
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    let slices = 0;
    await buildSearchIndexInChunks(syntheticTemplates(3_000, 7), EMPTY_LEXICON, {
      headChunkSize: 1_000,
      pause: () => Promise.resolve(),
      signal: controller.signal,
      onChunk: () => {
        if (++slices === 2) controller.abort();
      },
    });
    expect(slices).toBe(2);
  });
});
