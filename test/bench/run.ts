/**
 * `npm run bench`: runs every `test/bench/*.bench.ts` in one process, one after another, and prints their
 * tables. Each bench measures its subject beside a baseline in the same run and reports medians and
 * ratios, because the machines are shared and noisy.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

const only = process.argv[2];
const dir = import.meta.dirname;
const files = (await readdir(dir))
  .filter((name) => name.endsWith('.bench.ts') && (!only || name.includes(only)))
  .sort();
for (const file of files) {
  const bench = (await import(join(dir, file))) as { default: () => Promise<void> };
  console.log(`\n## ${file.replace('.bench.ts', '')}\n`);
  await bench.default();
}
