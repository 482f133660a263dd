import SearchableMap from 'minisearch/SearchableMap';
import type { Template } from '../model';
import { forEachWord, STOPWORDS, tokenize } from './normalize-query';
import { stemWord } from './stem-word';

/**
 * What search needs of a template: plain data, so the sidebar can build the index in the content script
 * from templates it got over messaging. `key` is the stored `${packId}/${id}`; without it the id is the key.
 */
export type SearchableTemplate = Pick<Template, 'id' | 'title' | 'body' | 'tags' | 'category'> & {
  shortcut?: string;
  key?: string;
};

/** What the index keeps of a template; the body is not kept (only its words, in the postings). */
export interface IndexedTemplate {
  key: string;
  id: string;
  category: string;
  /** Position in the order templates were added: the tie-break, and the empty query's order without usage. */
  order: number;
  /** This template's number in the postings of both indexes. */
  slot: number;
  source: Pick<SearchableTemplate, 'title' | 'tags' | 'shortcut'>;
  /** Computed on first use by `headlineOf`: only re-ranked candidates ever need it. */
  headline?: Headline;
}

/** The headline as the re-ranking stage reads it. */
export interface Headline {
  key: string;
  /** Normalized title, tags and shortcut, for Fuse. */
  title: string;
  tags: string[];
  shortcut: string;
  /** Stems of the title, tag and shortcut words: a query whose every word is here matched on the headline. */
  headStems: Set<string>;
  /** Title, each tag and the shortcut, as normalized text and as a bag of stems: the exact matches. */
  exactForms: Set<string>;
}

/**
 * Two inverted indexes over template slots, because the fields differ in size by two orders of magnitude:
 *
 * - `head`: title, tags and shortcut, stemmed, each stem → the slots holding it and the summed weight of
 *   the fields it is in. Its vocabulary lives in MiniSearch's radix tree (`SearchableMap`), which answers
 *   prefix and bounded edit-distance lookups without scanning every word.
 * - `body`: the distinct words of each body, unstemmed, word → slots. Query stems are looked up as prefixes
 *   of those words (Snowball only cuts endings, so a stem is a prefix of its forms): stemming without paying
 *   for it at build time. A body is evidence, not a ranking field, so presence is all it records — and
 *   presence has no position, so a word at character 227 of a long body counts fully.
 *
 * Why not MiniSearch's own index: measured here on 10k synthetic templates, indexing the bodies alone in
 * MiniSearch took ≈ 1 s (this whole index: ≈ 0.25 s), and its per-query result objects (a Map and an object
 * per matching document, then a full sort) cost 10–80 ms when a one- or two-letter prefix matches thousands
 * of headlines. Scoring into reusable typed arrays keeps a keystroke at 1–3 ms at 10k.
 *
 * The headline facts the re-ranking reads (normalized strings, stems, exact forms) are computed on first
 * use (`headlineOf`): only a few dozen candidates per query ever need them, so the build does not pay.
 */
export interface SearchIndex {
  head: Map<string, Posting>;
  /** The same postings in a radix tree, for prefix and edit-distance lookups; only new stems are inserted. */
  headTerms: SearchableMap<Posting>;
  body: BodyIndex;
  docs: Map<string, IndexedTemplate>;
  /** Template key by slot; undefined once removed (its postings are skipped, not rewritten). */
  slots: (string | undefined)[];
  /** Live templates per slot count, for idf. */
  live: number;
  nextOrder: number;
  /** Per-slot accumulators reused by every query (reset after use), so a keystroke allocates little. */
  scratch: Scratch;
}

export interface Posting {
  slots: number[];
  /** Summed field weight of the term in that slot's title, tags and shortcut. */
  weights: number[];
}

export interface BodyIndex {
  postings: Map<string, number[]>;
  /** The words, sorted, for prefix lookup; kept sorted by every addition. */
  vocabulary: string[];
}

export interface Scratch {
  word: Float64Array;
  total: Float64Array;
  headMask: Int32Array;
  bodyMask: Int32Array;
}

/**
 * Field weights: the title says what a template is for, tags and shortcut are the words agents search by.
 * The body weighs in through `BODY_WEIGHT` in the ranking, well below any headline match.
 */
export const FIELD_WEIGHT = { title: 4, tags: 3, shortcut: 3 };

/**
 * A word in a short title says more about the template than the same word in a long one («Возврат без
 * чека» vs «Возврат до 3 месяцев — условия не дали письменно»): BM25's length normalization, mild (b = 0.3)
 * and against a typical title of four words, so it orders near-equals without overruling the words.
 */
function titleLengthNorm(words: number): number {
  const b = 0.3;
  return (1 + b) / (1 + (b * Math.max(1, words)) / 4);
}

/** The topical words of a phrase as a bag of stems: «деньги не вернули» = «не вернули деньги». */
export function stemPhrase(text: string): string {
  return stemBag(tokenize(text));
}

function stemBag(words: string[]): string {
  return words
    .filter((word) => !STOPWORDS.has(word))
    .map(stemWord)
    .sort()
    .join(' ');
}

export function createSearchIndex(templates: readonly SearchableTemplate[]): SearchIndex {
  const index: SearchIndex = {
    head: new Map(),
    headTerms: new SearchableMap<Posting>(),
    body: { postings: new Map(), vocabulary: [] },
    docs: new Map(),
    slots: [],
    live: 0,
    nextOrder: 0,
    scratch: newScratch(0),
  };
  addToSearchIndex(index, templates);
  return index;
}

function newScratch(size: number): Scratch {
  return {
    word: new Float64Array(size),
    total: new Float64Array(size),
    headMask: new Int32Array(size),
    bodyMask: new Int32Array(size),
  };
}

/** Adds templates; one whose key is already indexed is replaced (an edited template keeps its place). */
export function addToSearchIndex(index: SearchIndex, templates: readonly SearchableTemplate[]): void {
  const { body } = index;
  const newWords: string[] = [];
  // Each stem counts once per field; a stem in the title and the tags gets both weights.
  const headWeights = new Map<string, number>();
  const fieldsSeen = new Map<string, number>();
  const addField = (words: string[], field: number, weight: number) => {
    for (const word of words) {
      if (STOPWORDS.has(word)) continue;
      const stem = stemWord(word);
      const seen = fieldsSeen.get(stem) ?? 0;
      if (seen & field) continue;
      fieldsSeen.set(stem, seen | field);
      headWeights.set(stem, (headWeights.get(stem) ?? 0) + weight);
    }
  };
  for (const template of templates) {
    const key = template.key ?? template.id;
    const previous = index.docs.get(key);
    if (previous) {
      index.slots[previous.slot] = undefined;
      index.live--;
    }
    const slot = index.slots.length;
    index.slots.push(key);
    index.live++;

    headWeights.clear();
    fieldsSeen.clear();
    const title = tokenize(template.title);
    addField(title, 1, FIELD_WEIGHT.title * titleLengthNorm(title.length));
    addField(tokenize(template.tags.join(' ')), 2, FIELD_WEIGHT.tags);
    if (template.shortcut) addField(tokenize(template.shortcut), 4, FIELD_WEIGHT.shortcut);
    for (const [stem, weight] of headWeights) {
      const posting = index.head.get(stem);
      if (posting) {
        posting.slots.push(slot);
        posting.weights.push(weight);
      } else {
        const fresh = { slots: [slot], weights: [weight] };
        index.head.set(stem, fresh);
        index.headTerms.set(stem, fresh);
      }
    }
    indexBody(body, template.body, slot, newWords);

    const order = previous?.order ?? index.nextOrder++;
    const source = { title: template.title, tags: template.tags, shortcut: template.shortcut };
    index.docs.set(key, { key, id: template.id, category: template.category, order, slot, source });
  }
  if (newWords.length > 1000) body.vocabulary = [...body.postings.keys()].sort();
  else for (const word of newWords) body.vocabulary.splice(lowerBound(body.vocabulary, word), 0, word);
  if (index.scratch.total.length < index.slots.length) index.scratch = newScratch(index.slots.length);
}

export function removeFromSearchIndex(index: SearchIndex, keys: readonly string[]): void {
  for (const key of keys) {
    const doc = index.docs.get(key);
    if (!doc) continue;
    index.docs.delete(key);
    index.slots[doc.slot] = undefined;
    index.live--;
  }
}

/**
 * Adds the distinct words of a body to the postings. Words of one or two letters are never looked up in
 * bodies (see `rankVariant`), so they are not kept.
 */
function indexBody(body: BodyIndex, text: string, slot: number, newWords: string[]): void {
  forEachWord(text, (word) => {
    if (word.length < 3) return;
    const list = body.postings.get(word);
    if (list === undefined) {
      if (STOPWORDS.has(word)) return;
      body.postings.set(word, [slot]);
      newWords.push(word);
    } else if (list[list.length - 1] !== slot) list.push(slot);
  });
}

/** Calls `visit` with each body word starting with `prefix` and its slots. */
export function forEachBodyWord(body: BodyIndex, prefix: string, visit: (slots: number[]) => void): void {
  const vocabulary = body.vocabulary;
  for (let i = lowerBound(vocabulary, prefix); i < vocabulary.length && vocabulary[i].startsWith(prefix); i++) {
    visit(body.postings.get(vocabulary[i])!);
  }
}

function lowerBound(sorted: string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function headlineOf(doc: IndexedTemplate): Headline {
  if (doc.headline) return doc.headline;
  const title = tokenize(doc.source.title);
  const tags = doc.source.tags.map(tokenize);
  const shortcut = tokenize(doc.source.shortcut ?? '');
  const headStems = new Set<string>();
  const exactForms = new Set<string>();
  for (const words of [title, ...tags, shortcut]) {
    if (words.length === 0) continue;
    for (const word of words) headStems.add(stemWord(word));
    exactForms.add(words.join(' '));
    const bag = stemBag(words);
    if (bag) exactForms.add(bag);
  }
  doc.headline = {
    key: doc.key,
    title: title.join(' '),
    tags: tags.map((words) => words.join(' ')),
    shortcut: shortcut.join(' '),
    headStems,
    exactForms,
  };
  return doc.headline;
}
