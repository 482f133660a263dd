import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDraftLinter, lintWholeDraft } from '../../../lib/lint/lint-draft';
import { loadCoachCorpus } from '../../data/coach-corpus';
import { agentRuleSets } from './agent-rule-sets';

/**
 * Issue 19: the agent's linter re-lints only the sentence being typed in and shifts the rest. Its findings
 * must be exactly those of one pass over the whole draft, after every edit of a random edit sequence on
 * real drafts (the coach corpus: support replies with quotes, placeholders, several paragraphs).
 */
const sets = await agentRuleSets();
const drafts = loadCoachCorpus().map((draft) => draft.text);

/** What agents type and paste: rule phrases, sentence ends, quotes of every kind, placeholders, breaks. */
const piece = fc.constantFrom(
  'ничем не могу помочь',
  ' вы должны ',
  'это не наша вина',
  'Анна, ',
  'к сожалению, ',
  ', что ',
  'Вы пишете, что ',
  '. ',
  '.',
  '! ',
  '? ',
  '…',
  '...',
  '.. ',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '«',
  '»',
  '"',
  '„',
  '“',
  '[Имя]',
  '[номер заказа]',
  '{{имя}}',
  '["x"]',
  '[',
  ']',
  'А',
  'б',
  '5',
  '-',
  '\u00A0',
  '\u200B',
  '\u0301',
  'ОЧЕНЬ ВАЖНО ',
  '!!!',
  'Спасибо за обращение.',
  'Здравствуйте!',
);

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: 0, max: 40 })),
  insert: fc.oneof(
    fc.constant(''),
    piece,
    fc.array(piece, { maxLength: 4 }).map((parts) => parts.join('')),
  ),
});

const startDraft = fc
  .tuple(
    fc.array(fc.constantFrom(...drafts), { minLength: 1, maxLength: 4 }),
    fc.constantFrom('\n', '\n\n', ' ', '\n\n\n'),
  )
  .map(([parts, joiner]) => parts.join(joiner));

function apply(text: string, step: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(step.at * text.length);
  return text.slice(0, at) + step.insert + text.slice(Math.min(text.length, at + step.remove));
}

describe('incremental draft linting (issue 19)', () => {
  for (const options of [
    { includeInfo: false, context: {} },
    { includeInfo: true, context: { agentName: 'Мария', agentGender: 'female' as const } },
  ]) {
    it(`equals one whole-draft pass after every edit (includeInfo: ${options.includeInfo})`, () => {
      fc.assert(
        fc.property(startDraft, fc.array(edit, { minLength: 1, maxLength: 25 }), (start, steps) => {
          const linter = createDraftLinter(sets, options);
          let text = start;
          expect(linter.lint(text)).toEqual(lintWholeDraft(sets, text, options));
          for (const step of steps) {
            text = apply(text, step);
            expect(linter.lint(text)).toEqual(lintWholeDraft(sets, text, options));
          }
        }),
        { numRuns: 120 },
      );
    }, 120_000);
  }

  it('equals one whole-draft pass with two packs (overlaps resolved across them)', () => {
    const two = [...sets, ...sets];
    fc.assert(
      fc.property(startDraft, fc.array(edit, { minLength: 1, maxLength: 10 }), (start, steps) => {
        const linter = createDraftLinter(two);
        let text = start;
        for (const step of steps) {
          text = apply(text, step);
          expect(linter.lint(text)).toEqual(lintWholeDraft(two, text));
        }
      }),
      { numRuns: 30 },
    );
  }, 60_000);

  it('keeps the findings of the sentences before the edit, shifts those after it', () => {
    const flagged = drafts.filter((draft) => !/["«»„“]/.test(draft) && lintWholeDraft(sets, draft).length > 0);
    const text = flagged.slice(0, 12).join('\n');
    const linter = createDraftLinter(sets);
    const first = linter.lint(text);
    const at = text.indexOf('. ', text.length / 2) + 2;
    const added = 'Ничем не могу помочь. ';
    const typed = `${text.slice(0, at)}${added}${text.slice(at)}`;
    const second = linter.lint(typed);
    expect(second).toEqual(lintWholeDraft(sets, typed));
    const before = first.filter((finding) => finding.end < at);
    const after = first.filter((finding) => finding.start >= at);
    expect(before.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
    // Not linted again: the very same objects.
    for (const finding of before) expect(second).toContain(finding);
    const by = added.length;
    for (const finding of after) {
      const moved = { ...finding, start: finding.start + by, end: finding.end + by };
      if (finding.replaces) moved.replaces = finding.replaces.map((r) => r && { start: r.start + by, end: r.end + by });
      expect(second).toContainEqual(moved);
    }
  });
});
