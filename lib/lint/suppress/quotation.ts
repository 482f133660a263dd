import { PUNCT_QUOTE, type Token } from '../tokenize';

/**
 * Quotation policy: words the agent quotes are not the agent's words. Suppressed are
 *
 * - words between quotation marks («…», "…", „…“): pairs are counted from the start of the draft; a
 *   quotation mark left without a pair quotes nothing;
 * - the rest of the sentence after a reporting clause about the customer's or someone's words: «вы пишете,
 *   что …», «вам ответили, что …», «по вашим словам, …».
 *
 * Returns per token: 1 when quoted.
 */
const REPORTING = new Set(
  `пишете написали говорите сказали утверждаете указали сообщили жалуетесь рассказали уточнили упомянули
  отметили ответили объяснили цитируете процитировали считаете слышали услышали`.split(/\s+/),
);

export function quotedTokens(tokens: readonly Token[], text: string): Uint8Array {
  const n = tokens.length;
  const quoted = new Uint8Array(n);
  // Quotation marks: token t is inside when an odd number of marks stand before it, and a closing mark follows.
  let open = -1;
  for (let t = 0; t < n; t++) {
    if (tokens[t].punct & PUNCT_QUOTE) {
      if (open < 0) open = t;
      else {
        quoted.fill(1, open, t);
        open = -1;
      }
    }
  }
  // A closing mark after the last token (`… «это невозможно».`) belongs to no token: look at the tail.
  if (open >= 0 && n > 0) {
    let marks = 0;
    for (let i = tokens[n - 1].end; i < text.length; i++) if (text.charCodeAt(i) === 0x22) marks++;
    if (marks % 2 === 1) quoted.fill(1, open, n);
  }
  // Reported speech: «вы пишете, что …» / «вам сказали, что …» / «по вашим словам, …» to the sentence end.
  for (let t = 1; t < n; t++) {
    const form = tokens[t].form;
    const reported =
      (form === 'что' && REPORTING.has(tokens[t - 1].form) && tokens[t - 1].sentence === tokens[t].sentence) ||
      (form === 'словам' && tokens[t - 1].form === 'вашим' && t >= 2 && tokens[t - 2].form === 'по');
    if (!reported) continue;
    const sentence = tokens[t].sentence;
    let k = t + 1;
    while (k < n && tokens[k].sentence === sentence) quoted[k++] = 1;
    t = k - 1;
  }
  return quoted;
}
