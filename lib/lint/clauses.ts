import { PUNCT_COMMA, PUNCT_STRONG, type Token } from './tokenize';

/**
 * Splits a draft into clauses, the unit a `kind: clause` rule matches inside. A clause ends at a sentence
 * end, at `;` `:` a bracket or a free-standing dash, before a conjunction that always opens a clause («но»,
 * «если», «чтобы» …), and at a comma followed by a word that opens a subordinate or coordinate clause
 * («, что», «, и», «, который» …), and at the first comma after «если», «когда», «хотя» … that opened a
 * clause. Any other comma is a parenthetical or an apposition and stays inside
 * («от меня, к сожалению, ничего не зависит», «вы, как владелец карты, должны»).
 *
 * Linear: one look at each token.
 */
const ALWAYS_OPENS = new Set('но а однако зато если чтобы потому поэтому хотя иначе причем ведь'.split(' '));
const OPENS_AFTER_COMMA = new Set([
  ...ALWAYS_OPENS,
  ...'что и или либо когда где куда откуда почему зачем пока тогда только чем кто'.split(' '),
  ...'который которая которое которые которого которой которому которым котором которую которых которыми'.split(' '),
]);

const ENDS_AT_COMMA = new Set(['если', 'когда', 'хотя', 'пока', 'чтобы', 'раз']);

export interface Clauses {
  /** Clause number of each token. */
  id: Int32Array;
  /** First and last token of each token's clause. */
  first: Int32Array;
  last: Int32Array;
}

export function splitClauses(tokens: readonly Token[]): Clauses {
  const n = tokens.length;
  const id = new Int32Array(n);
  const first = new Int32Array(n);
  const last = new Int32Array(n);
  let clause = 0;
  let start = 0;
  // A subordinate clause opened by «если» / «когда» … ends at its first comma: «если вы должны уехать, | оставьте».
  let subordinate = n > 0 && ENDS_AT_COMMA.has(tokens[0].form);
  for (let t = 0; t < n; t++) {
    const token = tokens[t];
    if (t > 0) {
      const comma = (token.punct & PUNCT_COMMA) !== 0;
      const boundary =
        token.sentence !== tokens[t - 1].sentence ||
        (token.punct & PUNCT_STRONG) !== 0 ||
        ALWAYS_OPENS.has(token.form) ||
        (comma && (subordinate || OPENS_AFTER_COMMA.has(token.form)));
      if (boundary) {
        for (let k = start; k < t; k++) last[k] = t - 1;
        clause++;
        start = t;
        subordinate = ENDS_AT_COMMA.has(token.form);
      }
    }
    id[t] = clause;
    first[t] = start;
  }
  for (let k = start; k < n; k++) last[k] = n - 1;
  return { id, first, last };
}
