/**
 * Scores search the way the issue owner scores a held-out set: through the CLI, not in process.
 *
 *   npx tsx test/data/score-search.ts [file.jsonl] [--misses]
 *
 * Pipes the file (default: test/data/search-held-out.jsonl) into `sufler search --jsonl -n 3` on the
 * bundled library and prints hit@1 / hit@3 / empty lists overall and by kind. Each line of the file is
 * `{"query": "…", "expected": ["template-id", …], "kind": "…"}`: a hit is any expected id in the top k
 * (`expected` may be one id as a string). `sufler` reads only `query`; the other fields ride along.
 *
 * The held-out files were written from public Russian complaint and support writing (each line names its
 * source): `search-held-out.jsonl` before the issue-16 fixes it was then used to find (its figure before
 * them is the honest one), `search-held-out-fresh.jsonl` after them, scored once and never tuned on. No
 * test reads them and the bench only reports them: tune on the table (search-queries.ts), not on these.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const SUFLER = resolve(import.meta.dirname, '../../lib/cli/sufler.mjs');
const DEFAULT_FILE = resolve(import.meta.dirname, 'search-held-out.jsonl');

const { values, positionals } = parseArgs({
  options: { misses: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const file = positionals[0] ?? DEFAULT_FILE;
const input = readFileSync(file, 'utf8');
const cases = input
  .split(/\r?\n/)
  .filter((line) => line.trim())
  .map((line, i) => {
    const row = JSON.parse(line) as { query: string; expected: string | string[]; kind?: string };
    if (typeof row.query !== 'string') throw new Error(`${file}: line ${i + 1} has no "query"`);
    return { ...row, expected: Array.isArray(row.expected) ? row.expected : [row.expected], kind: row.kind ?? '—' };
  });

const output = execFileSync(process.execPath, [SUFLER, 'search', '--jsonl', '-n', '3'], {
  input,
  encoding: 'utf8',
  maxBuffer: 64 * 2 ** 20,
});
const answers = output
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { id: string }[]).map((hit) => hit.id));
if (answers.length !== cases.length) {
  throw new Error(`sufler printed ${answers.length} lines for ${cases.length} queries: input and output out of step`);
}

const hit = (i: number, k: number) => answers[i].slice(0, k).some((id) => cases[i].expected.includes(id));
const percent = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} % (${n}/${of})`;
const rows: string[][] = [];
const kinds = [...new Set(cases.map((c) => c.kind))];
for (const kind of [...kinds, 'all']) {
  const at = cases.flatMap((c, i) => (kind === 'all' || c.kind === kind ? [i] : []));
  rows.push([
    kind,
    String(at.length),
    percent(at.filter((i) => hit(i, 1)).length, at.length),
    percent(at.filter((i) => hit(i, 3)).length, at.length),
    String(at.filter((i) => answers[i].length === 0).length),
  ]);
}
const header = ['kind', 'n', 'hit@1', 'hit@3', 'empty'];
const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
console.log(`${file}: ${cases.length} queries through \`sufler search --jsonl -n 3\`\n`);
console.log([line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
if (values.misses) {
  console.log('\nMisses (top 3 as printed):');
  cases.forEach((c, i) => {
    if (!hit(i, 3))
      console.log(
        `  [${c.kind}] «${c.query}» want ${c.expected.join(' | ')} — got ${answers[i].join(', ') || '(nothing)'}`,
      );
  });
}
