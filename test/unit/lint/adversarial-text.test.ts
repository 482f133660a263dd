import { describe, expect, it } from 'vitest';
import { compileRules } from '../../../lib/lint/compile-rules';
import { lintText } from '../../../lib/lint/lint-text';
import { normalizeText } from '../../../lib/lint/normalize-text';
import { tokenize } from '../../../lib/lint/tokenize';
import { createSearchIndex } from '../../../lib/search/search-index';
import { searchTemplates } from '../../../lib/search/search-templates';
import { ADVERSARIAL_SHAPES } from '../../data/adversarial-text';
import { LEXICON, rule } from './rule-helpers';

/**
 * Issue 12 item 3: a customer's 40,000 dots quoted into a reply made lint quadratic (12 keystrokes took 32 s).
 * Every text path takes 100,000 characters of each hostile shape well within a second; a path that scans back
 * (quadratic) needs tens of seconds for one call. The figures and the growth from 10k are `npm run bench`'s
 * (`npx tsx test/bench/run.ts lint`, `… search`); this only keeps the shapes from coming back.
 */
const SHAPES = ADVERSARIAL_SHAPES.map(([name, make]) => [name, make(100_000)] as const);
/** Generous for a shared CI machine: linear work is ~10-100 ms here, quadratic is minutes. */
const BOUND_MS = 3_000;

const { compiled } = compileRules(
  [rule('cannot', ['ничем не мочь помочь']), rule('must', ['вы должен']), rule('clause', ['не мочь'])],
  LEXICON,
);
const library = Array.from({ length: 50 }, (_, i) => ({
  id: `t${i}`,
  title: `Возврат денег ${i}`,
  body: 'Деньги вернутся на карту в течение 10 рабочих дней.',
  tags: ['возврат'],
  category: 'Оплата',
}));

const within = (run: () => unknown) => {
  const start = performance.now();
  run();
  return performance.now() - start;
};

describe('every text path is linear on 100,000 hostile characters', () => {
  it.each(SHAPES)('%s: normalize, tokenize, lint, search query and index', (_, text) => {
    const normalized = normalizeText(text);
    expect(normalized.text.length).toBeGreaterThan(0);
    expect(within(() => normalizeText(text))).toBeLessThan(BOUND_MS);
    expect(within(() => tokenize(normalized.text))).toBeLessThan(BOUND_MS);
    let findings = 0;
    expect(within(() => (findings = lintText(text, compiled).length))).toBeLessThan(BOUND_MS);
    // The engine still works on it: the clause is found in each of its repeats, nothing in the rest.
    expect(findings).toBe(text.split('не могу').length - 1);
    const index = createSearchIndex(library);
    expect(within(() => searchTemplates(index, text, { now: 0, limit: 20 }))).toBeLessThan(BOUND_MS);
    expect(
      within(() => createSearchIndex([{ id: 'x', title: 'x', body: text, tags: [], category: 'x' }])),
    ).toBeLessThan(BOUND_MS);
  });
});
