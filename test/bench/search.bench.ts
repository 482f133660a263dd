/**
 * Search: quality on the agent query table (our pipeline beside Fuse.js with default options, same data),
 * per-keystroke latency at 1k / 10k / 50k synthetic Russian templates, index build time, heap.
 */
import { availableParallelism, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Fuse from 'fuse.js';
import { buildPackFromDir } from '../../lib/packs/build-pack';
import { createSearchIndex, type SearchableTemplate } from '../../lib/search/search-index';
import { searchTemplates } from '../../lib/search/search-templates';
import { SEARCH_QUERIES } from '../data/search-queries';
import { median, ms, percentile, table } from './measure';
import { prng, syntheticTemplates } from './synthetic-library';

export default async function (): Promise<void> {
  await quality();
  latency();
}

async function quality(): Promise<void> {
  const { pack, errors } = await buildPackFromDir('templates');
  if (!pack) throw new Error(`default pack does not build: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  const index = createSearchIndex(pack.templates);
  // Fuse.js exactly as its README starts: default options, the fields we search.
  const fuse = new Fuse(pack.templates, { keys: ['title', 'tags', 'shortcut', 'body'] });
  const ours = (query: string) => searchTemplates(index, query, { now: 0, limit: 3 }).map((hit) => hit.id);
  const theirs = (query: string) =>
    fuse
      .search(query, { limit: 3 })
      .map((result) => result.item.id)
      .slice(0, 3);
  const rows = [
    ['Суфлёр: index + Fuse re-rank of the top 30', ...hitRates(ours)],
    ['Fuse.js, default options', ...hitRates(theirs)],
  ];
  console.log(`Quality on ${SEARCH_QUERIES.length} agent queries, ${pack.templates.length} templates:\n`);
  table(['configuration', 'hit@1', 'hit@3'], rows);

  const kinds = [...new Set(SEARCH_QUERIES.map((c) => c.kind))];
  const byKind = kinds.map((kind) => {
    const cases = SEARCH_QUERIES.filter((c) => c.kind === kind);
    const top3 = (run: (query: string) => string[]) =>
      `${cases.filter((c) => run(c.query).slice(0, 3).includes(c.expected)).length}/${cases.length}`;
    return [kind, top3(ours), top3(theirs)];
  });
  console.log('\nhit@3 by kind of query:\n');
  table(['kind', 'Суфлёр', 'Fuse.js defaults'], byKind);
}

function hitRates(run: (query: string) => string[]): string[] {
  let top1 = 0;
  let top3 = 0;
  for (const { query, expected } of SEARCH_QUERIES) {
    const ids = run(query);
    if (ids[0] === expected) top1++;
    if (ids.slice(0, 3).includes(expected)) top3++;
  }
  const pct = (n: number) => `${((100 * n) / SEARCH_QUERIES.length).toFixed(0)} % (${n})`;
  return [pct(top1), pct(top3)];
}

/** What agents type, keystroke by keystroke; a mix of plain, wrong-layout, typo and word-form queries. */
const TYPED = [
  'вернуть деньги',
  'курьер опоздал',
  'где мой заказ',
  'djpdhfn njdfhf',
  'промакод не работает',
  'гарантийный ремонт',
  'оплата не прошла',
  'сломалось',
];

function latency(): void {
  const rows: (string | number)[][] = [];
  let buildAt10k = '';
  for (const size of [1_000, 10_000, 50_000]) {
    const templates = syntheticTemplates(size, 42);
    // Builds from the same plain objects, as the sidebar does from templates fetched over messaging. The
    // first build also pays for JIT and the stem cache; the median of three is the steady cost.
    const builds: number[] = [];
    const buildCpu: number[] = [];
    for (let run = 0; run < 3; run++) {
      collect();
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      createSearchIndex(templates);
      builds.push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      buildCpu.push((used.user + used.system) / 1000);
    }
    const heapBefore = heapUsed();
    const index = createSearchIndex(templates);
    const heapAfter = heapUsed();
    const heap = heapAfter - heapBefore;
    const build = `${ms(median(builds))} (CPU ${ms(median(buildCpu))}; first ${ms(builds[0])})`;
    if (size === 10_000) buildAt10k = build;
    const usage = syntheticUsage(templates, 200);
    const times: number[] = [];
    const cpu: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const query of TYPED) {
        for (let i = 1; i <= query.length; i++) {
          const prefix = query.slice(0, i);
          const cpuStart = process.cpuUsage();
          const t = performance.now();
          searchTemplates(index, prefix, { usage, now: NOW, limit: SIDEBAR_LIMIT });
          const wall = performance.now() - t;
          const used = process.cpuUsage(cpuStart);
          if (round > 0) {
            times.push(wall);
            cpu.push((used.user + used.system) / 1000);
          }
        }
      }
    }
    rows.push([
      size.toLocaleString('en'),
      ms(median(times)),
      ms(percentile(times, 95)),
      ms(median(cpu)),
      ms(percentile(cpu, 95)),
      build,
      `${(heap / 2 ** 20).toFixed(0)} MB`,
      `${(heapAfter / 2 ** 20).toFixed(0)} MB`,
    ]);
  }
  console.log(
    `\nPer-keystroke latency (${TYPED.length} queries typed char by char, ${SIDEBAR_LIMIT} results each, 4 measured rounds; ` +
      `load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores — CPU time is what the ` +
      `process itself spent, wall time includes waiting for a shared core):\n`,
  );
  table(
    ['templates', 'wall median', 'wall p95', 'CPU median', 'CPU p95', 'index build', 'index heap', 'heap used'],
    rows,
  );
  console.log(`\nBudget: p95 ≤ 5 ms at 10k; index build ≤ 300 ms at 10k (measured ${buildAt10k}).`);
}

const NOW = Date.UTC(2026, 10, 23, 12);
/** As many results as the sidebar asks for per keystroke (components/sidebar/use-template-search.ts). */
const SIDEBAR_LIMIT = 200;

// A collected heap before each reading, without asking for `node --expose-gc` on the command line.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

function heapUsed(): number {
  collect();
  return process.memoryUsage().heapUsed;
}

function syntheticUsage(templates: SearchableTemplate[], used: number) {
  const random = prng(7);
  const stats: Record<string, { count: number; lastUsedAt: number }> = {};
  for (let i = 0; i < used; i++) {
    const template = templates[Math.floor(random() * templates.length)];
    stats[template.id] = { count: 1 + Math.floor(random() * 40), lastUsedAt: NOW - random() * 30 * 86_400_000 };
  }
  return stats;
}
