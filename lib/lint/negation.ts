import type { Clauses } from './clauses';
import type { Token } from './tokenize';

/**
 * Which words are negated: «не» binds to the word right after it, inside its clause; a joined «не»
 * («немогу», found by the lookup in typo.ts) negates its own word. A double negation «не могу не
 * поблагодарить» is an affirmation, so the first word counts as not negated.
 *
 * Returns per token: 0 — not negated, 1 — negated by the «не» token before it, 2 — joined negation.
 */
export const NOT_NEGATED = 0;
export const NEGATED_BY_PARTICLE = 1;
export const NEGATED_JOINED = 2;

export function negations(tokens: readonly Token[], clauses: Clauses, joined: Uint8Array): Uint8Array {
  const n = tokens.length;
  const negated = new Uint8Array(n);
  for (let t = 0; t < n; t++) {
    if (joined[t]) negated[t] = NEGATED_JOINED;
    else if (
      t > 0 &&
      tokens[t - 1].form === 'не' &&
      clauses.id[t - 1] === clauses.id[t] &&
      !tokens[t - 1].placeholder
    ) {
      negated[t] = NEGATED_BY_PARTICLE;
    }
  }
  for (let t = 0; t + 1 < n; t++) {
    // «не могу не …», «немогу не …»: litotes, not a refusal.
    if (negated[t] && tokens[t + 1].form === 'не' && clauses.id[t + 1] === clauses.id[t]) negated[t] = NOT_NEGATED;
  }
  return negated;
}
