import type { Token } from '../tokenize';

/**
 * Gratitude idioms say the opposite of what their words do: «не знаю, как вас благодарить», «не знаю даже,
 * чем вас отблагодарить». A finding followed in its sentence by «как» / «чем» / «что» and then a word of
 * thanks is not flagged. («Не могу не поблагодарить» is a double negation: see negation.ts.)
 */
const WH = new Set(['как', 'чем', 'что', 'какими']);
const THANKS = /^(?:благодар|отблагодар|поблагодар|спасиб|признател)/;
/** Only the next few words count: the idiom is short. */
const REACH = 6;

export function isGratitudeIdiom(tokens: readonly Token[], last: number): boolean {
  const sentence = tokens[last].sentence;
  const limit = Math.min(tokens.length - 1, last + REACH);
  let wh = false;
  for (let t = last + 1; t <= limit && tokens[t].sentence === sentence; t++) {
    const form = tokens[t].form;
    if (WH.has(form)) wh = true;
    else if (wh && THANKS.test(form)) return true;
  }
  return false;
}
