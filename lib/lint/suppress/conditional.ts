import type { Clauses } from '../clauses';
import type { Token } from '../tokenize';

/**
 * Conditional or hypothetical clauses state no refusal and give no order: «если вы должны уехать, оставьте
 * заказ соседу», «если не смогу помочь сама, передам вопрос», «мы бы не смогли». A clause with «если»,
 * «в случае», «вдруг» or the particle «бы» is not flagged.
 *
 * Expectations are not orders either: «вы должны были получить заказ ещё вчера» (our fault, said kindly),
 * «вы должны получить SMS», «деньги должны поступить»: «должен» with a verb of receiving, or of arriving when the
 * customer is not its subject («вы должны прийти в отделение» is an order).
 */
const CONDITIONAL = new Set(['если', 'бы', 'б', 'вдруг', 'ежели']);
/** Receiving: an expectation whoever the subject is («вы должны получить SMS»). */
const RECEIVING = new Set('получить получать увидеть видеть заметить'.split(' '));
/**
 * Arriving: an expectation of a thing («деньги должны поступить», «заказ должен прийти»), but said to the
 * customer it is an order to go somewhere («вы должны прийти в отделение с паспортом»).
 */
const ARRIVING = new Set(
  `прийти приходить поступить поступать дойти доходить отобразиться отображаться появиться появляться прибыть
  зачислиться обновиться доставить вернуться`.split(/\s+/),
);
const ADDRESSEE = new Set(['вы', 'ты']);
const OBLIGATION = /^(?:должн|должен|обязан)/;
/** «должны были ещё вчера получить»: the verb comes within a few words. */
const REACH = 5;

/** Per clause (indexed by clause number): 1 when it is conditional or hypothetical. Linear in the draft. */
export function isHypotheticalClause(tokens: readonly Token[], clauses: Clauses): Uint8Array {
  const n = tokens.length;
  const flags = new Uint8Array(n > 0 ? clauses.id[n - 1] + 1 : 0);
  for (let t = 0; t < n; t++) {
    const form = tokens[t].form;
    const conditional =
      CONDITIONAL.has(form) || (form === 'случае' && t > clauses.first[t] && tokens[t - 1].form === 'в');
    if (conditional) flags[clauses.id[t]] = 1;
  }
  return flags;
}

/** True when the match [first, last] holds «должен» followed, in its clause, by a verb of receiving. */
export function isExpectation(tokens: readonly Token[], first: number, last: number, clauseLast: number): boolean {
  let obligation = -1;
  for (let t = first; t <= last; t++) if (OBLIGATION.test(tokens[t].form)) obligation = t;
  if (obligation < 0) return false;
  let addressed = false;
  for (let t = first; t <= last; t++) if (ADDRESSEE.has(tokens[t].form)) addressed = true;
  const limit = Math.min(clauseLast, obligation + REACH);
  for (let t = obligation + 1; t <= limit; t++) {
    const form = tokens[t].form;
    if (RECEIVING.has(form) || (!addressed && ARRIVING.has(form))) return true;
  }
  return false;
}
