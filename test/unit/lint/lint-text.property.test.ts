import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules } from '../../../lib/lint/compile-rules';
import { lintText } from '../../../lib/lint/lint-text';
import { normalizeText } from '../../../lib/lint/normalize-text';
import { LEXICON, rule } from './rule-helpers';

const { compiled } = compileRules(
  [
    rule('cannot-help', ['=ничем не мочь|смочь (=вам) помочь'], { severity: 'error' }),
    rule('you-must', ['=вы …2 должен'], { exceptions: ['=не должен'] }),
    rule('gap', ['не … помочь …5 мочь']),
  ],
  LEXICON,
);

/** Russian phrase pieces mixed with hostile Unicode: surrogate pairs, combining marks, RTL, invisibles. */
const piece = fc.oneof(
  fc.constantFrom(
    'ничем',
    'не',
    'могу',
    'сможем',
    'вам',
    'помочь',
    'вы',
    'должны',
    'Ничем',
    'НЕ',
    'пoмoчь',
    '[Имя]',
    '{{имя}}',
    '[',
    ']',
    '{{',
    '. ',
    '!',
    '…',
    '\n\n',
    ' ',
    '\u00A0',
    '\u00AD',
    '\u200B',
    '\u0301',
    '\u0306',
    'и\u0306',
    '😀',
    '\uD83D', // lone high surrogate
    '\uDE00', // lone low surrogate
    'שלום',
    'مرحبا',
    '\u202E',
    'İ',
    'ß',
    'ǅ',
  ),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const draft = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(' '));

function checkInvariants(text: string) {
  const findings = lintText(text, compiled);
  let previousEnd = 0;
  for (const finding of findings) {
    expect(finding.start).toBeGreaterThanOrEqual(0);
    expect(finding.end).toBeLessThanOrEqual(text.length);
    expect(finding.start).toBeLessThan(finding.end);
    expect(finding.start).toBeGreaterThanOrEqual(previousEnd); // sorted, no overlaps
    previousEnd = finding.end;
    // Never cut a surrogate pair in half.
    const first = text.charCodeAt(finding.start);
    expect(first >= 0xdc00 && first <= 0xdfff).toBe(false);
    const last = text.charCodeAt(finding.end - 1);
    expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
  }
  return findings;
}

/** Deterministic random UTF-16 code units over the whole range (lone surrogates included); fast for 100 KB. */
function randomUnicode(length: number, seed: number): string {
  const units = new Uint16Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    // Bias towards Cyrillic and spaces so that words and phrases actually form.
    const pick = state % 4;
    units[i] = pick === 0 ? 0x20 : pick === 1 ? 0x0430 + ((state >>> 8) % 32) : (state >>> 8) & 0xffff;
  }
  let text = '';
  for (let i = 0; i < length; i += 8192) text += String.fromCharCode(...units.subarray(i, i + 8192));
  return text;
}

describe('lintText properties', () => {
  it('never throws; offsets are in bounds, sorted, non-overlapping, on the original text', () => {
    fc.assert(
      fc.property(draft, (text) => {
        checkInvariants(text);
      }),
      { numRuns: 500 },
    );
  });

  it('survives arbitrary full-Unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        checkInvariants(text);
      }),
      { numRuns: 300 },
    );
  });

  it('finds a phrase wherever it is embedded, pointing at the original characters', () => {
    fc.assert(
      fc.property(
        draft,
        draft,
        fc.constantFrom('ничем не могу помочь', 'Ничем не сможем вам помочь'),
        (a, b, phrase) => {
          const text = `${a}. ${phrase}. ${b}`;
          const at = a.length + 2;
          const findings = checkInvariants(text);
          expect(
            findings.some((f) => f.ruleId === 'cannot-help' && f.start === at && f.end === at + phrase.length),
          ).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('maps every normalized character into the original text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const n = normalizeText(text);
        for (let i = 0; i < n.text.length; i++) {
          expect(n.starts[i]).toBeGreaterThanOrEqual(0);
          expect(n.ends[i]).toBeLessThanOrEqual(text.length);
          expect(n.starts[i]).toBeLessThan(n.ends[i]);
        }
      }),
    );
  });

  it('handles 100 KB drafts, hostile ones included, in linear time', () => {
    const phrase = 'Ничем не могу вам помочь, вы должны [Имя] 😀\u0301\u200B ';
    const big = phrase.repeat(Math.ceil(100_000 / phrase.length));
    const start = performance.now();
    const findings = checkInvariants(big);
    expect(performance.now() - start).toBeLessThan(6000); // linear is ~0.5 s on a quiet machine, 3 s under heavy load; quadratic is minutes
    expect(findings.filter((f) => f.ruleId === 'cannot-help').length).toBe(Math.ceil(100_000 / phrase.length));
    checkInvariants(randomUnicode(100_000, 7));
    checkInvariants('не '.repeat(40_000)); // every token is a candidate start for the gap rule
  });
});
