import { describe, expect, it } from 'vitest';
import { compileDraftRules } from '../../../lib/lint/compile-draft-rules';
import { createDraftLinter, decodeCompiledRules, encodeCompiledRules } from '../../../lib/lint/lint-draft';
import type { Rule } from '../../../lib/model';

const rule = (id: string, pattern: string, severity: Rule['severity'] = 'error'): Rule => ({
  id,
  severity,
  message: 'почему',
  patterns: [pattern],
  suggestions: ['лучше так', 'или так'],
  examples: { bad: [`[[${pattern}]]`], good: ['хорошо'] },
});

/** As the agent gets them: compiled in the background, sent as JSON text. */
const overTheWire = (...args: Parameters<typeof compileDraftRules>) =>
  decodeCompiledRules(JSON.parse(JSON.stringify(encodeCompiledRules(compileDraftRules(...args)))));

describe('draft linting', () => {
  it('lints with every pack, after the trip through JSON messaging, and reports unfilled placeholders once', () => {
    const linter = createDraftLinter(
      overTheWire([
        { packId: 'p', rules: [rule('a', 'таковы правила')] },
        { packId: 'q', rules: [rule('b', 'успокойтесь')] },
      ]),
    );
    const ids = linter.lint('[Имя], успокойтесь: таковы правила.').map((finding) => finding.ruleId);
    expect(ids).toEqual(['unfilled-placeholder', 'b', 'a']);
  });

  it('still reports unfilled placeholders with no rules installed', () => {
    expect(createDraftLinter(overTheWire([])).lint('Здравствуйте, [Имя]!')).toEqual([
      expect.objectContaining({ ruleId: 'unfilled-placeholder', start: 14, end: 19, severity: 'error' }),
    ]);
  });

  it('applies the team severity overrides and hides info hints unless asked for', () => {
    const packs = [{ packId: 'team', rules: [rule('a', 'таковы правила'), rule('b', 'успокойтесь', 'info')] }];
    const text = 'Успокойтесь, таковы правила.';
    expect(createDraftLinter(overTheWire(packs, { 'team/a': 'warning' })).lint(text)).toEqual([
      expect.objectContaining({ ruleId: 'a', severity: 'warning' }),
    ]);
    expect(
      createDraftLinter(overTheWire(packs), { includeInfo: true })
        .lint(text)
        .map((f) => f.ruleId),
    ).toEqual(['b', 'a']);
  });

  it('keeps the longer of two findings from different packs on the same words', () => {
    const linter = createDraftLinter(
      overTheWire([
        { packId: 'p', rules: [rule('short', 'не могу')] },
        { packId: 'q', rules: [rule('long', 'ничем не могу помочь')] },
      ]),
    );
    expect(linter.lint('Ничем не могу помочь.').map((finding) => finding.ruleId)).toEqual(['long']);
  });
});
