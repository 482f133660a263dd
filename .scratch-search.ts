import { buildPackFromDir } from './lib/packs/build-pack';
import { createSearchIndex } from './lib/search/search-index';
import { searchTemplates } from './lib/search/search-templates';
const { pack, errors } = await buildPackFromDir('templates');
if (!pack) { console.log(errors); process.exit(1); }
console.log('templates', pack.templates.length);
const idx = createSearchIndex(pack.templates);
for (const q of process.argv.slice(2)) {
  const hits = searchTemplates(idx, q, { now: Date.now(), limit: 5 });
  console.log(q, '→', hits.map(h => `${h.id}:${h.score}`).join('  '));
}
