import { buildPackFromDir } from './lib/packs/build-pack';
import { createSearchIndex } from './lib/search/search-index';
import { searchTemplates } from './lib/search/search-templates';
import { SEARCH_QUERIES } from './test/data/search-queries';
const { pack } = await buildPackFromDir('templates');
const ids = new Set(pack!.templates.map(t => t.id));
const idx = createSearchIndex(pack!.templates);
let h1 = 0, h3 = 0;
for (const { query, expected, kind } of SEARCH_QUERIES) {
  if (!ids.has(expected)) console.log('MISSING ID', expected);
  const hits = searchTemplates(idx, query, { now: 0, limit: 5 });
  const pos = hits.findIndex(h => h.id === expected);
  if (pos === 0) h1++;
  if (pos >= 0 && pos < 3) h3++;
  if (pos !== 0) console.log(pos < 0 ? 'MISS' : pos < 3 ? `top${pos+1}` : `FAIL${pos+1}`, kind, JSON.stringify(query), '→', hits.slice(0,4).map(h => `${h.id}:${h.score}`).join(' '), ' want', expected);
}
console.log(`hit@1 ${h1}/${SEARCH_QUERIES.length}, hit@3 ${h3}/${SEARCH_QUERIES.length}`);
