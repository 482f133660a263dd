import { stemmer as russianStemmer } from '@orama/stemmers/russian';

/**
 * Word-form tolerance: the Snowball Russian stemmer («возврата», «возврату» → «возврат»; «курьера» →
 * «курьер»). We use Orama's port: maintained, typed, ESM, no dependencies, and it ships one file per
 * language (7 KB for Russian) so the content-script bundle stays small — a dictionary morphology (Az.js,
 * pymorphy-style) is more exact but weighs megabytes. Snowball is weak on verbs («вернуть» → «вернут»,
 * «верните» → «верн»); the search covers that with prefix and fuzzy matching on the stems.
 *
 * Stemming costs a few microseconds a word and a library repeats its vocabulary, so stems are memoized.
 */
const cache = new Map<string, string>();
const CACHE_LIMIT = 100_000;

const CYRILLIC = /[а-я]/;

/** The stem of a normalized word (lower case, ё → е). Latin words and numbers are kept as they are. */
export function stemWord(word: string): string {
  let stem = cache.get(word);
  if (stem !== undefined) return stem;
  stem = CYRILLIC.test(word) && word.length > 2 ? russianStemmer(word) : word;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, stem);
  return stem;
}
