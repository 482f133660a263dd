/**
 * A fresh `wxt build --mode test` (with NODE_ENV=production, see below) into a private directory, so the bench neither reads a stale build nor
 * rewrites the `.output/` that e2e runs in the same tree may be loading. Run as a child process: WXT's
 * progress spinner stays out of the bench's tables.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Builds the test extension; returns its unpacked directory (`<tmp>/chrome-mv3-test`) and the build time. */
export async function buildTestExtension(): Promise<{ dir: string; outDir: string; ms: number }> {
  const outDir = await mkdtemp(join(tmpdir(), 'sufler-bench-build-'));
  const start = performance.now();
  await promisify(execFile)(process.execPath, ['--import', 'tsx', import.meta.filename, outDir], {
    cwd: ROOT,
    // Vite takes NODE_ENV from the mode when it is unset, so `--mode test` alone bundles React's development
    // build into the sidebar; the store build (mode production) ships React's production build. Measure that.
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 16 * 2 ** 20,
  });
  return { dir: join(outDir, 'chrome-mv3-test'), outDir, ms: performance.now() - start };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { build } = await import('wxt');
  await build({ root: ROOT, mode: 'test', outDir: process.argv[2] });
}
