import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applySuggestion } from '../../lib/lint/apply-suggestion';
import { compileDraftRules } from '../../lib/lint/compile-draft-rules';
import { createDraftLinter, decodeCompiledRules, encodeCompiledRules } from '../../lib/lint/lint-draft';
import { parseExample } from '../../lib/lint/parse-example';
import { HINT_KINDS, isHintKind } from '../../lib/model';
import { buildPackFromDir } from '../../lib/packs/build-pack';

const built = await buildPackFromDir(resolve(import.meta.dirname, '../../templates'));
const pack = built.pack!;
const hints = pack.rules.filter((rule) => isHintKind(rule.kind));
// The agent's path: compiled in the background, sent as JSON, linted in the page.
const sets = decodeCompiledRules(encodeCompiledRules(compileDraftRules([{ packId: pack.id, ...pack }])));
const newHire = createDraftLinter(sets, { includeInfo: true });
const regular = createDraftLinter(sets);

describe('the default pack’s new-hire hints', () => {
  it('has one hint of every whole-draft kind, each info level, each seeAlso a template of the pack', () => {
    expect(new Set(hints.map((rule) => rule.kind))).toEqual(new Set(HINT_KINDS));
    expect(hints.map((rule) => rule.id)).toEqual(
      expect.arrayContaining(['hint-no-greeting', 'hint-no-next-step', 'hint-no-warm-closing']),
    );
    const ids = new Set(pack.templates.map((template) => template.id));
    for (const rule of hints) {
      expect(rule.severity).toBe('info');
      for (const id of rule.seeAlso ?? []) expect(ids.has(id)).toBe(true);
    }
  });

  for (const rule of hints) {
    it(`${rule.id}: fires on each bad example at its mark, for a new hire only; the fix clears it; good stays clean`, () => {
      for (const source of rule.examples.bad) {
        const example = parseExample(source);
        if ('error' in example) throw new Error(example.error);
        const own = newHire.lint(example.text).filter((finding) => finding.ruleId === rule.id);
        expect(own.map((f) => example.text.slice(f.start, f.end))).toEqual(
          example.spans.map((span) => example.text.slice(span.start, span.end)),
        );
        expect(own.every((finding) => finding.severity === 'info' && finding.hint)).toBe(true);
        expect(regular.lint(example.text).some((finding) => finding.ruleId === rule.id)).toBe(false);
        if (own[0].suggestions.length > 0) {
          const fixed = applySuggestion(example.text, own[0]);
          if (example.fixed !== undefined) expect(fixed).toBe(example.fixed);
          expect(newHire.lint(fixed).some((finding) => finding.ruleId === rule.id)).toBe(false);
        }
      }
      for (const text of rule.examples.good) {
        expect(newHire.lint(text).filter((finding) => finding.ruleId === rule.id)).toEqual([]);
      }
    });
  }
});
