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

  describe('while a word is typed (lintTyping)', () => {
    const packs = [{ packId: 'p', rules: [rule('a', 'таковы правила'), rule('b', 'успокойтесь', 'warning')] }];
    const phrases = (text: string, findings: { start: number; end: number }[]) =>
      findings.map((f) => text.slice(f.start, f.end));

    it('moves the findings around the word being typed, leaves out the one on it, lints when typing moves on', () => {
      const linter = createDraftLinter(overTheWire(packs));
      const text = 'Успокойтесь, таковы правила заказа.';
      expect(phrases(text, linter.lintTyping(text).findings)).toEqual(['Успокойтесь', 'таковы правила']);
      // A letter inside «таковы»: no lint; «Успокойтесь» stays, the phrase on the word is left out.
      const typing = 'Успокойтесь, такоовы правила заказа.';
      const typed = linter.lintTyping(typing);
      expect(typed.settled).toBe(false);
      expect(phrases(typing, typed.findings)).toEqual(['Успокойтесь']);
      // A letter in «заказа», another word: the draft is linted now, and the phrase is back (typo and all).
      const other = 'Успокойтесь, такоовы правила заказаа.';
      const next = linter.lintTyping(other);
      expect(next.settled).toBe(true);
      expect(phrases(other, next.findings)).toEqual(['Успокойтесь', 'такоовы правила']);
    });

    it('shifts the findings after the word by what was typed', () => {
      const linter = createDraftLinter(overTheWire(packs));
      linter.lint('Ваш заказ: таковы правила.');
      const text = 'Ваш заказик: таковы правила.';
      const typed = linter.lintTyping(text);
      expect(typed.settled).toBe(false);
      expect(phrases(text, typed.findings)).toEqual(['таковы правила']);
    });

    it('lints the first draft it sees, a space, a punctuation mark and a paste', () => {
      const linter = createDraftLinter(overTheWire(packs));
      for (const text of ['Успокойтесь', 'Успокойтесь ', 'Успокойтесь ,', 'Успокойтесь , таковы правила']) {
        expect(linter.lintTyping(text)).toEqual({
          findings: createDraftLinter(overTheWire(packs)).lint(text),
          settled: true,
        });
      }
    });
  });
});
