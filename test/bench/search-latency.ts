/**
 * Search per-keystroke latency, run by search.bench.ts in a child process of its own: the sidebar frame searches
 * in its own renderer, which holds neither the pack build nor the other benches. Measured in the bench's own
 * process after those, the 10k p95 was three to five times the same keystrokes' alone (17.9 ms against
 * 2.4–3.8 ms), and only our index slowed, not MiniSearch; the cause is not pinned down (the pack build leaves
 * ≈ 45 MB of heap), so the figure is taken where the product takes it. Beside it, in the same child: MiniSearch
 * with default options over the same templates and keystrokes.
 */
import { availableParallelism, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import MiniSearch from 'minisearch';
import { createSearchIndex, type SearchableTemplate } from '../../lib/search/search-index';
import { searchTemplates } from '../../lib/search/search-templates';
import { collect, cpuNow, median, ms, percentile, table } from './measure';
import { prng, syntheticTemplates } from './synthetic-library';

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
  let p95At10k = Number.NaN;
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
    if (size === 10_000) p95At10k = percentile(times, 95);
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
    baselineRows.push(miniSearchBaseline(size, templates));
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
  console.log(
    `\nBudget: keystroke wall p95 ≤ 5 ms at 10k: ${ms(p95At10k)} ${p95At10k <= 5 ? '✓' : '✗'}; ` +
      `one-block index build at 10k: ${buildAt10k} (the sidebar builds in slices, see below).`,
  );
  console.log(
    '\nBaseline in the same run: MiniSearch with default options (exact words, no prefix, no fuzzy) over the same ' +
      'templates (title, tags, body) and the same keystrokes, CPU time — what the shared machine lets any index do now:\n',
  );
  table(['templates', 'keystroke CPU median', 'keystroke CPU p95', 'index build CPU (median of 3)'], baselineRows);
}

const baselineRows: (string | number)[][] = [];

function miniSearchBaseline(size: number, templates: SearchableTemplate[]): (string | number)[] {
  const builds: number[] = [];
  let mini: MiniSearch<SearchableTemplate> | undefined;
  for (let run = 0; run < 3; run++) {
    collect();
    const start = cpuNow();
    mini = new MiniSearch<SearchableTemplate>({
      fields: ['title', 'tags', 'body'],
      extractField: (doc, field) => {
        const value = (doc as unknown as Record<string, unknown>)[field];
        return Array.isArray(value) ? value.join(' ') : ((value as string | undefined) ?? '');
      },
    });
    mini.addAll(templates);
    builds.push(cpuNow() - start);
  }
  const cpu: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const query of TYPED) {
      for (let i = 1; i <= query.length; i++) {
        const start = cpuNow();
        mini!.search(query.slice(0, i)).slice(0, SIDEBAR_LIMIT);
        if (round > 0) cpu.push(cpuNow() - start);
      }
    }
  }
  return [size.toLocaleString('en'), ms(median(cpu)), ms(percentile(cpu, 95)), ms(median(builds))];
}

export const NOW = Date.UTC(2026, 10, 23, 12);
/** As many results as the sidebar asks for per keystroke (components/sidebar/use-template-search.ts). */
export const SIDEBAR_LIMIT = 200;

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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) latency();
