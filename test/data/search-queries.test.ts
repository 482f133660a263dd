import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackFromDir } from '../../lib/packs/build-pack';
import { createSearchIndex, type SearchIndex } from '../../lib/search/search-index';
import { searchTemplates } from '../../lib/search/search-templates';
import { SEARCH_QUERIES } from './search-queries';

let index: SearchIndex;
let ids: Set<string>;

beforeAll(async () => {
  const { pack, errors } = await buildPackFromDir('templates');
  expect(errors).toEqual([]);
  index = createSearchIndex(pack!.templates);
  ids = new Set(pack!.templates.map((t) => t.id));
});

describe('agent queries against the bundled library', () => {
  it('covers every kind of query with enough cases', () => {
    expect(SEARCH_QUERIES.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(SEARCH_QUERIES.map((c) => c.kind));
    expect([...kinds].sort()).toEqual([
      'colloquial',
      'layout',
      'multi-word',
      'shortcut',
      'synonym',
      'typo',
      'word-form',
    ]);
  });

  it.each(SEARCH_QUERIES)('«$query» ($kind) finds $expected in the top 3', ({ query, expected }) => {
    expect(ids.has(expected), `${expected} is not in the library`).toBe(true);
    const top3 = searchTemplates(index, query, { now: Date.UTC(2026, 10, 23), limit: 3 }).map((hit) => hit.id);
    expect(top3).toContain(expected);
  });
});
