import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDraftRules } from '../../lib/lint/compile-draft-rules';
import { compileRules } from '../../lib/lint/compile-rules';
import { createDraftLinter, decodeCompiledRules, encodeCompiledRules } from '../../lib/lint/lint-draft';
import { lintText } from '../../lib/lint/lint-text';
import { stripMarks } from '../../lib/lint/parse-example';
import { readLexicon } from '../../lib/lint/word-forms';
import { buildPackFromDir } from '../../lib/packs/build-pack';
import { checkPack } from '../../lib/packs/check-pack';
import { parsePack } from '../../lib/packs/parse-pack';

const built = await buildPackFromDir(resolve(import.meta.dirname, '../../templates'));

describe('the bundled pack and its rules', () => {
  it('builds with zero errors and passes checkPack (rules, examples, templates)', () => {
    expect(built.errors).toEqual([]);
    expect(built.pack!.rules.length).toBeGreaterThanOrEqual(20);
    expect(checkPack(built.pack!)).toEqual([]);
  });

  it('ships the word-form lexicon, and stays valid and self-contained as JSON', () => {
    const json = JSON.stringify(built.pack);
    const reparsed = parsePack(json);
    expect(reparsed.errors).toEqual([]);
    const lexicon = readLexicon(reparsed.pack!.compiled);
    expect(lexicon.get('мочь')).toEqual(expect.arrayContaining(['могу', 'можем']));
    expect(lexicon.get('смочь')).toEqual(expect.arrayContaining(['смогу', 'сможем']));
    expect(checkPack(reparsed.pack!)).toEqual([]);
    expect(json.length).toBeLessThan(1_000_000);
  });

  it('lints every bad example the same after the compiled rules travel to the agent as JSON', () => {
    const pack = built.pack!;
    const direct = compileRules(pack.rules, pack.compiled).compiled;
    const wire = JSON.parse(JSON.stringify(encodeCompiledRules(compileDraftRules([{ packId: pack.id, ...pack }]))));
    const agent = createDraftLinter(decodeCompiledRules(wire), { includeInfo: true });
    for (const example of pack.rules.flatMap((rule) => rule.examples.bad.map(stripMarks))) {
      expect(agent.lint(example)).toEqual(lintText(example, direct));
    }
  });
});
