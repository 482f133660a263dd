import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackFromDir } from '../../lib/packs/build-pack';
import { packJsonSchema } from '../../lib/packs/pack-schema';

const root = resolve(import.meta.dirname, '../..');
const published = JSON.parse(readFileSync(resolve(import.meta.dirname, 'published-ids.json'), 'utf8')) as {
  pack: string;
  templates: string[];
  rules: string[];
};
const { pack } = await buildPackFromDir(resolve(root, 'templates'));

/**
 * Ids are forever: agents' usage statistics, customised copies and team policies refer to them. Adding a
 * template or rule is fine (add its id to published-ids.json when it ships); renaming or removing one is not.
 */
describe('the bundled pack keeps every published id', () => {
  it('keeps the pack id', () => {
    expect(pack!.id).toBe(published.pack);
  });

  it('keeps every published template id', () => {
    const ids = new Set(pack!.templates.map((template) => template.id));
    expect(published.templates.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('keeps every published rule id', () => {
    const ids = new Set(pack!.rules.map((rule) => rule.id));
    expect(published.rules.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('publishes a JSON Schema that matches the validator', () => {
    const file = JSON.parse(readFileSync(resolve(root, 'templates/pack.schema.json'), 'utf8'));
    expect(file).toEqual(packJsonSchema());
  });
});
