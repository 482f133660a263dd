import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackFromDir } from '../../lib/packs/build-pack';
import { createSearchIndex, type SearchIndex } from '../../lib/search/search-index';
import { createSearchLexicon } from '../../lib/search/search-lexicon';
import { searchTemplates } from '../../lib/search/search-templates';
import { SEARCH_QUERIES, type SearchQueryCase } from './search-queries';

let index: SearchIndex;
let ids: Set<string>;

// The pack build compiles the lexicons with the dictionary: seconds on a loaded machine, past the default 10 s.
beforeAll(async () => {
  const { pack, errors } = await buildPackFromDir('templates');
  expect(errors).toEqual([]);
  // As the extension has it: the bundled pack's lexicon and thesaurus, no dictionary.
  index = createSearchIndex(pack!.templates, createSearchLexicon([pack!]));
  ids = new Set(pack!.templates.map((t) => t.id));
}, 60_000);

const answers = new Map<string, string[]>();
const top3 = (query: string) => {
  let ids = answers.get(query);
  if (!ids) {
    ids = searchTemplates(index, query, { now: Date.UTC(2026, 10, 23), limit: 3 }).map((hit) => hit.id);
    answers.set(query, ids);
  }
  return ids;
};

const hitRate = (cases: SearchQueryCase[]) =>
  cases.filter(({ query, expected }) => top3(query).includes(expected)).length / cases.length;

describe('agent queries against the bundled library', () => {
  it('covers every kind of query with enough cases, about 30 % held out', () => {
    expect(SEARCH_QUERIES.length).toBeGreaterThanOrEqual(150);
    const kinds = new Set(SEARCH_QUERIES.map((c) => c.kind));
    expect([...kinds].sort()).toEqual([
      'aspect',
      'colloquial',
      'filler',
      'layout',
      'multi-word',
      'shortcut',
      'slang',
      'synonym',
      'typo',
      'word-form',
    ]);
    const heldOut = SEARCH_QUERIES.filter((c) => c.heldOut).length / SEARCH_QUERIES.length;
    expect(heldOut).toBeGreaterThan(0.25);
    expect(heldOut).toBeLessThan(0.35);
  });

  it.each(SEARCH_QUERIES)(
    '«$query» ($kind) names a template of the library and never comes back empty',
    ({ query, expected }) => {
      expect(ids.has(expected), `${expected} is not in the library`).toBe(true);
      expect(top3(query)).not.toEqual([]);
    },
  );

  // Runs the whole table (cached from the cases above when they ran first); generous for a loaded machine.
  it('finds the expected template in the top 3 for at least 97 % of the table, and 95 % of the held-out part', {
    timeout: 60_000,
  }, () => {
    const misses = SEARCH_QUERIES.filter(({ query, expected }) => !top3(query).includes(expected));
    expect(hitRate(SEARCH_QUERIES), misses.map((c) => c.query).join('; ')).toBeGreaterThanOrEqual(0.97);
    expect(hitRate(SEARCH_QUERIES.filter((c) => c.heldOut))).toBeGreaterThanOrEqual(0.95);
  });
});
