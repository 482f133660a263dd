import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDraftLinter, lintWholeDraft } from '../../../lib/lint/lint-draft';
import type { Finding } from '../../../lib/model';
import { loadCoachCorpus } from '../../data/coach-corpus';
import { agentRuleSets } from './agent-rule-sets';

/**
 * Issue 19: while the agent types inside a word, the coach does not lint; the last findings move with the
 * edit and those on the word are left out until it ends (`DraftLinter.lintTyping`). On real drafts (the
 * coach corpus) typed into key by key, what the agent sees must be what a full lint would show everywhere
 * but on the word being typed, and exactly a full lint once the word ends.
 */
const sets = await agentRuleSets();
const drafts = loadCoachCorpus().map((draft) => draft.text);

/** One keystroke: a letter, a digit, a space, punctuation, a line break typed at a place, or a Backspace there. */
const keystroke = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  key: fc.constantFrom('а', 'о', 'е', 'н', 'т', 'Ы', 'ё', 'x', '7', ' ', ',', '.', '!', '\n', '«', 'Backspace'),
});
/** Agents type runs of keys at one place: the caret stays for a few keys, then moves. */
const typing = fc.array(
  fc
    .tuple(keystroke, fc.integer({ min: 1, max: 8 }))
    .map(([stroke, count]) => Array.from({ length: count }, () => stroke)),
  { minLength: 1, maxLength: 12 },
);

const underlines = (findings: Finding[], where: (finding: Finding) => boolean) =>
  findings.filter(where).map((f) => `${f.ruleId} ${f.severity} ${f.start}–${f.end}`);

/** The word around `[start, end)` (letters and digits), in `text`. */
function wordAround(text: string, start: number, end: number) {
  const isWord = (i: number) => /[\p{L}\p{N}]/u.test(text[i] ?? '');
  while (start > 0 && isWord(start - 1)) start--;
  while (end < text.length && isWord(end)) end++;
  return { start, end };
}

/**
 * The sentence around a word: from the last sentence end (a full stop, ! ? or … before a space) or line
 * break before it to the next after it. «а.Вина» is one sentence, as the linter reads it.
 */
function sentenceAround(text: string, { start, end }: { start: number; end: number }) {
  const endsAt = (i: number) => text[i] === '\n' || (/[.!?…]/u.test(text[i] ?? '') && /\s/u.test(text[i + 1] ?? ''));
  while (start > 0 && !endsAt(start - 1)) start--;
  while (end < text.length && !endsAt(end)) end++;
  return { start, end: end + 1 };
}

describe('findings while a word is typed (issue 19)', () => {
  for (const options of [
    { includeInfo: false, context: {} },
    // New-hire mode: whole-draft hints too («no greeting» reads the reply's first words).
    { includeInfo: true, context: { agentName: 'Мария', agentGender: 'female' as const } },
  ])
    it(`are a full lint everywhere but the word being typed, and a full lint once it ends (includeInfo: ${options.includeInfo})`, () => {
      let moved = 0;
      let linted = 0;
      let stale = 0;
      fc.assert(
        fc.property(fc.constantFrom(...drafts), typing, (start, runs) => {
          const linter = createDraftLinter(sets, options);
          let text = start;
          expect(linter.lintTyping(text)).toEqual({ findings: lintWholeDraft(sets, text, options), settled: true });
          for (const run of runs) {
            const at = Math.floor(run[0].at * text.length);
            let caret = at;
            for (const { key } of run) {
              const before = text;
              if (key === 'Backspace') {
                if (caret === 0) continue;
                text = text.slice(0, caret - 1) + text.slice(caret);
                caret--;
              } else {
                text = text.slice(0, caret) + key + text.slice(caret);
                caret++;
              }
              const typed = linter.lintTyping(text);
              const exact = lintWholeDraft(sets, text, options);
              if (typed.settled) {
                linted++;
                expect(typed.findings).toEqual(exact);
                continue;
              }
              moved++;
              // Only letters or digits changed since the last lint, in the word at the caret (in the new text).
              const word = wordAround(text, caret, caret);
              expect(before.length - text.length).toBeLessThanOrEqual(1);
              const away = (finding: Finding) => finding.end <= word.start || finding.start >= word.end;
              expect(typed.findings.every(away)).toBe(true);
              // A rule may read the words around its phrase (a «вы должны» after «если» is no demand), so the
              // sentence being typed in may keep a finding the new word changed, until the word ends; and a
              // whole-draft hint (new-hire mode: «no greeting» reads the first words) is about the reply, not
              // a place. The rest of the draft is underlined as a full lint has it (what a suggestion
              // replaces may differ: «а.» before a sentence reads as an initial, «аа.» does not; applying
              // a suggestion lints afresh).
              const sentence = sentenceAround(text, word);
              const elsewhere = (f: Finding) => !f.hint && (f.end <= sentence.start || f.start >= sentence.end);
              expect(underlines(typed.findings, elsewhere)).toEqual(underlines(exact, elsewhere));
              // Counted: a phrase underlined otherwise than a full lint has it (hints lag by design).
              const phrase = (f: Finding) => away(f) && !f.hint;
              if (underlines(typed.findings, phrase).join() !== underlines(exact, phrase).join()) stale++;
            }
          }
          // The word ends, or the typing pauses (the coach lints then): exact.
          expect(linter.lint(text)).toEqual(lintWholeDraft(sets, text, options));
        }),
        { numRuns: 150 },
      );
      // Both paths were taken thousands of times (about as often each: 7 of the 16 keys here end a word).
      expect(moved).toBeGreaterThan(1000);
      expect(linted).toBeGreaterThan(500);
      // A sentence with a finding the new word changed, until the word ends: runs here have 1–5 % of their
      // moved keystrokes so (a word begun next to «не», «если» …).
      expect(stale).toBeLessThan(moved * 0.1);
    }, 120_000);
});
