import { expect } from 'vitest';
import { compileRules } from '../../../lib/lint/compile-rules';
import { lintText } from '../../../lib/lint/lint-text';
import type { Rule, Severity } from '../../../lib/model';

/** A rule with just what the engine needs; examples are irrelevant to the engine. */
export function rule(id: string, patterns: string[], extra: Partial<Rule> = {}): Rule {
  return {
    id,
    severity: 'warning' as Severity,
    message: `сообщение ${id}`,
    patterns,
    suggestions: [`замена ${id}`, 'ещё замена'],
    examples: { bad: ['x'], good: ['y'] },
    ...extra,
  };
}

/** A tiny hand-made lexicon, as `sufler pack build` would write it. */
export const LEXICON = {
  lint: {
    version: 1,
    source: 'test',
    forms: {
      мочь: ['мочь', 'могу', 'можем', 'может', 'могут', 'мог', 'могла', 'могли'],
      смочь: ['смочь', 'смогу', 'сможем', 'сможет', 'смог', 'смогла'],
      помочь: ['помочь', 'помогу', 'поможем', 'помог'],
      должен: ['должен', 'должна', 'должны', 'должно'],
      не: ['не'],
    },
  },
};

/** Compiles and lints, returning `[ruleId, matched original text]` pairs. */
export function matches(rules: Rule[], text: string, compiled: Record<string, unknown> | null = LEXICON) {
  const result = compileRules(rules, compiled ?? undefined);
  expect(result.errors).toEqual([]);
  return lintText(text, result.compiled).map((finding) => [finding.ruleId, text.slice(finding.start, finding.end)]);
}
