import type { Clauses } from './clauses';
import { PUNCT_COMMA, PUNCT_STRONG, type Token } from './tokenize';

/**
 * Which words are negated: «не» binds to the word right after it, inside its clause, or to the word after a
 * degree adverb that softens the negation («не совсем правильно поняли», «не до конца понял», «не очень
 * поняли» still say «неправильно / не поняли»); a joined «не» («немогу», found by the lookup in typo.ts)
 * negates its own word. A double negation «не могу не поблагодарить» is an affirmation, so the first word
 * counts as not negated.
 *
 * Returns per token: 0 — not negated, 1 — negated by the «не» token before it, 2 — joined negation,
 * 3 — negated by a «не» before a degree adverb (`particleOf` finds that «не»).
 */
export const NOT_NEGATED = 0;
export const NEGATED_BY_PARTICLE = 1;
export const NEGATED_JOINED = 2;
export const NEGATED_THROUGH_DEGREE = 3;

/** Degree adverbs that may stand between «не» and the word it negates. */
const DEGREE = new Set(['совсем', 'вполне', 'очень', 'слишком', 'совершенно', 'полностью', 'особо', 'сильно']);

/** How many tokens after «не» a degree adverb occupies at `t` (0 when none): «совсем» → 1, «до конца» → 2. */
function degreeAt(tokens: readonly Token[], t: number): number {
  const plain = (k: number) => k < tokens.length && (tokens[k].punct & (PUNCT_COMMA | PUNCT_STRONG)) === 0;
  if (!plain(t)) return 0;
  if (DEGREE.has(tokens[t].form)) return plain(t + 1) ? 1 : 0;
  return tokens[t].form === 'до' && tokens[t + 1]?.form === 'конца' && plain(t + 1) && plain(t + 2) ? 2 : 0;
}

export function negations(tokens: readonly Token[], clauses: Clauses, joined: Uint8Array): Uint8Array {
  const n = tokens.length;
  const negated = new Uint8Array(n);
  const particle = (k: number) => tokens[k].form === 'не' && !tokens[k].placeholder;
  for (let t = 0; t < n; t++) {
    if (joined[t]) negated[t] = NEGATED_JOINED;
    else if (t > 0 && particle(t - 1) && clauses.id[t - 1] === clauses.id[t]) negated[t] = NEGATED_BY_PARTICLE;
  }
  // «не совсем X», «не до конца X»: X is negated too (constant work per «не»).
  for (let t = 0; t + 1 < n; t++) {
    if (!particle(t)) continue;
    const skip = degreeAt(tokens, t + 1);
    const word = t + 1 + skip;
    if (skip > 0 && word < n && clauses.id[word] === clauses.id[t] && negated[word] === NOT_NEGATED) {
      negated[word] = NEGATED_THROUGH_DEGREE;
    }
  }
  for (let t = 0; t + 1 < n; t++) {
    // «не могу не …», «немогу не …»: litotes, not a refusal.
    if (negated[t] && tokens[t + 1].form === 'не' && clauses.id[t + 1] === clauses.id[t]) negated[t] = NOT_NEGATED;
  }
  return negated;
}

/** The «не» token that negates token t (codes 1 and 3), or -1. */
export function particleOf(tokens: readonly Token[], negated: Uint8Array, t: number): number {
  if (negated[t] === NEGATED_BY_PARTICLE) return t - 1;
  if (negated[t] !== NEGATED_THROUGH_DEGREE) return -1;
  for (let k = t - 1; k >= Math.max(0, t - 3); k--) if (tokens[k].form === 'не') return k;
  return -1;
}
