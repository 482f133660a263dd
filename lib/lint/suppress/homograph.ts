import type { Token } from '../tokenize';

/**
 * Homographs: «вина» is «fault», or «of wine» («бутылка вина не наша»). A form that the dictionary also
 * knows as another noun (the build step lists them per word, lexicon `homographs`) counts only when no
 * content word stands right before it: after a noun («бутылка вина», «бокал вина») it is the other word.
 * Pronouns, particles, conjunctions and adverbs before it keep the rule's reading («это вина не наша»,
 * «но вина не наша»).
 */
const FUNCTION_WORDS = new Set(
  `это и а но да же ли ведь вот тут здесь там уже еще всё все вся весь тоже также ну так то и
  не ни вообще просто здесь именно лишь только его ее их чья никакой никакая никакой никакую
  ваша вашей вашу ваш ваше ваши наша нашей нашу наш наше наши моя моей мою мой мое мои твоя твоей твою
  свой своя своей свою свое свои
  в на по за из у о от до для с к при без сейчас теперь точно правда действительно совсем вовсе конечно
  честно никак увы`.split(/\s+/),
);

export function readingHolds(tokens: readonly Token[], t: number, clauseFirst: number): boolean {
  if (t <= clauseFirst) return true;
  if (tokens[t].punct !== 0) return true;
  const before = tokens[t - 1];
  return before.placeholder || FUNCTION_WORDS.has(before.form);
}
