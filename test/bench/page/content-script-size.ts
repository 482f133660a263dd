/**
 * Budget 1: the always-on agent content script, ≤ 50 KB minified. The figure is the file WXT built; the
 * breakdown comes from esbuild bundling the same entrypoint (same `@` alias, WXT's auto-imports injected,
 * minified) with a metafile, because the built file carries no source map.
 */
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { table } from '../measure';

const ROOT = resolve(import.meta.dirname, '../../..');
const BUDGET_BYTES = 50 * 1024;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function contentScriptSize(extensionDir: string, buildMs: number): Promise<void> {
  const built = await readFile(join(extensionDir, 'content-scripts/agent.js'));
  const gzip = gzipSync(built, { level: 9 }).length;

  // Same entrypoint, WXT's runtime wrapper reproduced (ContentScriptContext + main), as esbuild sees it.
  const result = await build({
    stdin: {
      contents: [
        "import definition from '@/entrypoints/agent.content/index.ts';",
        "import { ContentScriptContext } from 'wxt/utils/content-script-context';",
        'const { main, ...options } = definition;',
        "main(new ContentScriptContext('agent', options));",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: 'chrome116',
    alias: { '@': ROOT },
    inject: [resolve(import.meta.dirname, 'wxt-globals.ts')],
    define: { 'import.meta.env.MODE': '"production"', 'import.meta.env.DEV': 'false', 'import.meta.env.PROD': 'true' },
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0];
  const esbuildBytes = output.bytes;
  const groups = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    if (bytesInOutput === 0) continue;
    const path = relative(ROOT, resolve(ROOT, input));
    // Group node_modules by package, our own code by folder (lib/agent, lib/lint, …).
    const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
    const key = pkg
      ? `npm: ${pkg}`
      : path === '<stdin>'
        ? 'WXT entry wrapper (reproduced)'
        : path.split('/').slice(0, 2).join('/');
    groups.set(key, (groups.get(key) ?? 0) + bytesInOutput);
  }
  const files = Object.entries(output.inputs)
    .map(([input, { bytesInOutput }]) => [relative(ROOT, resolve(ROOT, input)), bytesInOutput] as const)
    .sort((a, b) => b[1] - a[1]);

  console.log(`Fresh \`wxt build --mode test\` into a temporary directory (${(buildMs / 1000).toFixed(1)} s).\n`);
  table(
    ['file', 'minified', 'gzip -9', 'budget'],
    [
      [
        'content-scripts/agent.js (WXT build)',
        `${built.length.toLocaleString('en')} B (${kb(built.length)})`,
        `${gzip.toLocaleString('en')} B (${kb(gzip)})`,
        built.length <= BUDGET_BYTES ? `✓ ≤ ${kb(BUDGET_BYTES)}` : `✗ > ${kb(BUDGET_BYTES)}`,
      ],
    ],
  );
  console.log(
    `\nWhere the bytes come from (esbuild bundle of the same entrypoint, minified: ${kb(esbuildBytes)}, ` +
      `${((100 * esbuildBytes) / built.length).toFixed(0)} % of WXT's; shares of esbuild's output):\n`,
  );
  const sortedGroups = [...groups].sort((a, b) => b[1] - a[1]);
  table(
    ['module group', 'bytes', 'share'],
    sortedGroups.map(([name, bytes]) => [
      name,
      bytes.toLocaleString('en'),
      `${((100 * bytes) / esbuildBytes).toFixed(1)} %`,
    ]),
  );
  console.log('\nTop 12 files:\n');
  table(
    ['file', 'bytes'],
    files.slice(0, 12).map(([file, bytes]) => [file, bytes.toLocaleString('en')]),
  );
}
