import SearchableMap from 'minisearch/SearchableMap';
import type { Pack } from '../model';
import { STOPWORDS, tokenize } from './normalize-query';
import { stemWord } from './stem-word';

/**
 * What search knows beyond Snowball, at run time, from data only (no dictionary):
 *
 * - `terms`: word form → the term it is indexed and searched under, from the packs' `compiled.search`
 *   (build-search-lexicon.ts): the Snowball stem of its lemma, aspect partners joined. A word not in it is
 *   searched under its own Snowball stem.
 * - `synonyms`: term → the other members of its synonym groups (each a list of terms), from the packs'
 *   `synonyms` (the bundled pack carries the default support thesaurus, templates/synonyms.yaml).
 * - `known`: every term the lexicon and the synonym groups name, as a radix tree, so that a query word with
 *   a typo finds the term it meant even when that term is only in bodies or only in a synonym group.
 */
export const SEARCH_LEXICON_VERSION = 1;

/** `pack.compiled.search` as the pack build writes it. */
export interface SearchLexiconData {
  version: typeof SEARCH_LEXICON_VERSION;
  /** Which dictionary produced it, for people reading the pack. */
  source: string;
  /** Term → the forms whose own Snowball stem differs from it. */
  forms: Record<string, string[]>;
}

export interface SearchLexicon {
  terms: Map<string, string>;
  synonyms: Map<string, string[][]>;
  /** Multi-word group members (two or more terms), for the phrase variants of a query. */
  phrases: { terms: string[]; alternatives: string[][] }[];
  known: SearchableMap<true>;
}

/** What a pack contributes to search: its build output and its synonym groups. */
export type LexiconSource = Pick<Pack, 'compiled' | 'synonyms'>;

export const EMPTY_LEXICON: SearchLexicon = createSearchLexicon([]);

/**
 * One lexicon from every installed pack; packs arrive from URLs, so anything malformed is skipped. The first
 * pack to name a form decides its term.
 */
export function createSearchLexicon(packs: readonly LexiconSource[]): SearchLexicon {
  const terms = new Map<string, string>();
  const known = new SearchableMap<true>();
  for (const pack of packs) {
    const data = pack.compiled?.search as Partial<SearchLexiconData> | undefined;
    if (!data || typeof data !== 'object' || data.version !== SEARCH_LEXICON_VERSION) continue;
    const forms = data.forms;
    if (!forms || typeof forms !== 'object') continue;
    for (const term of Object.keys(forms)) {
      const list = forms[term];
      if (!Array.isArray(list)) continue;
      known.set(term, true);
      for (const form of list) if (typeof form === 'string' && !terms.has(form)) terms.set(form, term);
    }
  }
  const lexicon: SearchLexicon = { terms, synonyms: new Map(), phrases: [], known };
  for (const pack of packs) {
    if (!Array.isArray(pack.synonyms)) continue;
    for (const group of pack.synonyms) {
      if (Array.isArray(group))
        addSynonymGroup(
          lexicon,
          group.filter((m) => typeof m === 'string'),
        );
    }
  }
  return lexicon;
}

/** The terms of a phrase: its topical words, each under its lexicon term (or stem). */
export function phraseTerms(lexicon: SearchLexicon, text: string): string[] {
  return tokenize(text)
    .filter((word) => !STOPWORDS.has(word))
    .map((word) => termOf(lexicon, word));
}

export function termOf(lexicon: SearchLexicon, word: string): string {
  return lexicon.terms.get(word) ?? stemWord(word);
}

function addSynonymGroup(lexicon: SearchLexicon, members: string[]): void {
  const all = members.map((member) => phraseTerms(lexicon, member)).filter((terms) => terms.length > 0);
  for (const terms of all) for (const term of terms) lexicon.known.set(term, true);
  all.forEach((terms, i) => {
    const alternatives = all.filter((other, j) => j !== i && other.join(' ') !== terms.join(' '));
    if (alternatives.length === 0) return;
    if (terms.length === 1) {
      const list = lexicon.synonyms.get(terms[0]) ?? [];
      list.push(...alternatives);
      lexicon.synonyms.set(terms[0], list);
    } else {
      lexicon.phrases.push({ terms, alternatives });
    }
  });
}
