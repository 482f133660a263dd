import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';

/**
 * The authoring folder is written by hand and by tools (`npm run format`, a lead's editor): one canonical
 * layout keeps every diff about content. Biome does not format YAML, so Prettier does, with the width the
 * files were written at.
 */
const YAML_FORMAT = { parser: 'yaml', printWidth: 120, proseWrap: 'preserve' } as const;

const TEMPLATES = join(import.meta.dirname, '../../templates');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? yamlFiles(join(dir, entry.name))
      : entry.name.endsWith('.yaml')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('templates/ YAML is in canonical form (npm run format writes it)', () => {
  it.each(yamlFiles(TEMPLATES).map((file) => relative(TEMPLATES, file)))('%s', async (file) => {
    const text = readFileSync(join(TEMPLATES, file), 'utf8');
    expect(await format(text, YAML_FORMAT)).toBe(text);
  });
});
