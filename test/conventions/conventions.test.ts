import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { cruise, type IConfiguration, type IViolation } from 'dependency-cruiser';
import extractTsConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';
import { INSERT_STRATEGIES } from '@/lib/editor/insert-into-reply-box';

/**
 * The design's lines (../shared/DESIGN.md), held by a test rather than by review: the import rules run
 * with dependency-cruiser over the real tree, and over a planted tree (test/fixtures/conventions) that
 * breaks each rule once, so a rule that silently stopped matching fails here too.
 */

const ROOT = join(import.meta.dirname, '../..');
const PLANTED = join(ROOT, 'test/fixtures/conventions');
const rules: IConfiguration = createRequire(import.meta.url)('./dependency-rules.cjs');
/** Entrypoints only wire: `define*()` and composition. Past this many lines logic has moved in. */
const ENTRYPOINT_MAX_LINES = 80;

async function violations(baseDir: string): Promise<IViolation[]> {
  const tsConfigFile = join(ROOT, 'test/conventions/tsconfig.json');
  const result = await cruise(
    ['lib', 'components', 'entrypoints'],
    {
      ...rules.options,
      ruleSet: { forbidden: rules.forbidden },
      validate: true,
      baseDir,
      tsConfig: { fileName: tsConfigFile },
    },
    undefined,
    { tsConfig: extractTsConfig(tsConfigFile) },
  );
  if (typeof result.output === 'string') throw new Error(result.output);
  return result.output.summary.violations;
}

const ruleNames = (found: IViolation[]) => [...new Set(found.map((v) => v.rule.name))].sort();
const describeViolation = (v: IViolation) =>
  `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : ''}`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function oversizedEntrypoints(root: string): string[] {
  return filesUnder(join(root, 'entrypoints'))
    .filter((file) => /\.(ts|tsx)$/.test(file))
    .filter((file) => readFileSync(file, 'utf8').split('\n').length > ENTRYPOINT_MAX_LINES)
    .map((file) => relative(root, file));
}

function missingFixtures(strategies: readonly { id: string; fixtures: readonly string[] }[], dir: string): string[] {
  return strategies.flatMap((strategy) =>
    strategy.fixtures.length === 0
      ? [`${strategy.id}: no fixture`]
      : strategy.fixtures.filter((fixture) => !existsSync(join(dir, fixture))).map((f) => `${strategy.id}: ${f}`),
  );
}

const EDITOR_FIXTURES = join(ROOT, 'test/fixtures/pages/editors');

describe('the house keeps its shape', () => {
  it('no import breaks a line of the design (no cycles, lib without React, components without lib/db …)', async () => {
    expect((await violations(ROOT)).map(describeViolation)).toEqual([]);
  }, 60_000);

  it('every rule fires on the planted tree, so none of them passes by matching nothing', async () => {
    const planted = await violations(PLANTED);
    expect(ruleNames(planted)).toEqual(rules.forbidden?.map((rule) => rule.name).sort());
  }, 60_000);

  it('entrypoints stay wiring', () => {
    expect(oversizedEntrypoints(ROOT)).toEqual([]);
    expect(oversizedEntrypoints(PLANTED)).toEqual(['entrypoints/fat.ts']);
  });

  it('every insert strategy names fixture pages that exist', () => {
    expect(missingFixtures(INSERT_STRATEGIES, EDITOR_FIXTURES)).toEqual([]);
    const planted = [{ id: 'planted', fixtures: ['no-such-editor.html'] }];
    expect(missingFixtures(planted, EDITOR_FIXTURES)).toEqual(['planted: no-such-editor.html']);
  });
});
