import SearchableMap from 'minisearch/SearchableMap';
import type { Template } from '../model';
import { forEachWord, STOPWORDS, tokenize } from './normalize-query';
import { EMPTY_LEXICON, type SearchLexicon, termOf } from './search-lexicon';

/**
 * What search needs of a template: plain data, so the sidebar can build the index in the content script
 * from templates it got over messaging. `key` is the stored `${packId}/${id}`; without it the id is the key.
 */
export type SearchableTemplate = Pick<Template, 'id' | 'title' | 'body' | 'tags' | 'category' | 'synonyms'> & {
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
  source: Pick<SearchableTemplate, 'title' | 'tags' | 'shortcut' | 'synonyms'>;
  /** Computed on first use by `headlineOf`: only re-ranked candidates ever need it. */
  headline?: Headline;
}

/** The headline as the re-ranking stage reads it. */
export interface Headline {
  key: string;
  /** Normalized title, tags (with the template's synonyms) and shortcut, for Fuse. */
  title: string;
  tags: string[];
  shortcut: string;
  /** Terms of the title, tag, synonym and shortcut words: a query whose every word is here matched on the headline. */
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
  /** Word form → term, synonyms and known terms from the packs (search-lexicon.ts); empty without packs. */
  lexicon: SearchLexicon;
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
export const FIELD_WEIGHT = { title: 4, tags: 3, shortcut: 3, synonyms: 2.5 };

/**
 * A word in a short title says more about the template than the same word in a long one («Возврат без
 * чека» vs «Возврат до 3 месяцев — условия не дали письменно»): BM25's length normalization, mild (b = 0.3)
 * and against a typical title of four words, so it orders near-equals without overruling the words.
 */
function titleLengthNorm(words: number): number {
  const b = 0.3;
  return (1 + b) / (1 + (b * Math.max(1, words)) / 4);
}

/**
 * The topical words of a phrase as a bag of terms: «деньги не вернули» = «не вернули деньги». «не» stays in
 * the bag: «не вернули деньги» and «вернуть деньги» are different requests.
 */
export function stemBag(lexicon: SearchLexicon, words: string[]): string {
  return words
    .filter((word) => word === 'не' || !STOPWORDS.has(word))
    .map((word) => termOf(lexicon, word))
    .sort()
    .join(' ');
}

export function createSearchIndex(
  templates: readonly SearchableTemplate[],
  lexicon: SearchLexicon = EMPTY_LEXICON,
): SearchIndex {
  const index = emptySearchIndex(lexicon);
  addToSearchIndex(index, templates);
  return index;
}

export interface ChunkedBuildOptions {
  /** Templates whose headlines are indexed per slice (cheap: titles, tags, shortcuts); 2,000 ≈ 40 ms. */
  headChunkSize?: number;
  /** Templates whose bodies are indexed per slice (most of the work). */
  bodyChunkSize?: number;
  /** Yields to the page between slices: the caller's idle callback or timer. */
  pause: () => Promise<void>;
  /** After each slice; `phase` says what is still missing: more headlines, bodies, or nothing. */
  onChunk?: (index: SearchIndex, phase: 'headlines' | 'bodies' | 'done') => void;
  signal?: AbortSignal;
}

/**
 * The same index built in slices with a pause between them, so a large library never blocks the page:
 * first every template's headline (title, tags, synonyms, shortcut — a fraction of the work), after which
 * every template can be found; then the bodies, which add evidence and typo-tolerant matches as they come.
 * `onChunk` gets the index after each slice, searchable at once.
 */
export async function buildSearchIndexInChunks(
  templates: readonly SearchableTemplate[],
  lexicon: SearchLexicon,
  options: ChunkedBuildOptions,
): Promise<SearchIndex> {
  const index = emptySearchIndex(lexicon);
  // A few milliseconds a slice: a prepared frame being opened waits at most one slice for its first frame
  // (issue 19; slices of 1,000 bodies took 15–30 ms).
  const headSize = options.headChunkSize ?? 1_000;
  const bodySize = options.bodyChunkSize ?? 250;
  for (let at = 0; at < templates.length; at += headSize) {
    if (options.signal?.aborted) return index;
    addToSearchIndex(index, templates.slice(at, at + headSize), { bodies: false });
    options.onChunk?.(index, at + headSize >= templates.length ? 'bodies' : 'headlines');
    await options.pause();
  }
  for (let at = 0; at < templates.length; at += bodySize) {
    if (options.signal?.aborted) return index;
    addBodiesToSearchIndex(index, templates.slice(at, at + bodySize));
    const last = at + bodySize >= templates.length;
    options.onChunk?.(index, last ? 'done' : 'bodies');
    if (!last) await options.pause();
  }
  return index;
}

function emptySearchIndex(lexicon: SearchLexicon): SearchIndex {
  return {
    lexicon,
    head: new Map(),
    headTerms: new SearchableMap<Posting>(),
    body: { postings: new Map(), vocabulary: [] },
    docs: new Map(),
    slots: [],
    live: 0,
    nextOrder: 0,
    scratch: newScratch(0),
  };
}

function newScratch(size: number): Scratch {
  return {
    word: new Float64Array(size),
    total: new Float64Array(size),
    headMask: new Int32Array(size),
    bodyMask: new Int32Array(size),
  };
}

/**
 * Adds templates; one whose key is already indexed is replaced (an edited template keeps its place). With
 * `bodies: false` only the headlines are indexed; `addBodiesToSearchIndex` adds the bodies later.
 */
export function addToSearchIndex(
  index: SearchIndex,
  templates: readonly SearchableTemplate[],
  { bodies = true }: { bodies?: boolean } = {},
): void {
  const { body } = index;
  const newWords: string[] = [];
  // Each stem counts once per field; a stem in the title and the tags gets both weights.
  const headWeights = new Map<string, number>();
  const fieldsSeen = new Map<string, number>();
  const addField = (words: string[], field: number, weight: number) => {
    for (const word of words) {
      if (STOPWORDS.has(word)) continue;
      const stem = termOf(index.lexicon, word);
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
    if (template.synonyms?.length) addField(tokenize(template.synonyms.join(' ')), 8, FIELD_WEIGHT.synonyms);
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
    if (bodies) indexBody(body, index.lexicon, template.body, slot, newWords);

    const order = previous?.order ?? index.nextOrder++;
    const source = {
      title: template.title,
      tags: template.tags,
      shortcut: template.shortcut,
      synonyms: template.synonyms,
    };
    index.docs.set(key, { key, id: template.id, category: template.category, order, slot, source });
  }
  body.vocabulary = mergeSorted(body.vocabulary, newWords.sort());
  if (index.scratch.total.length < index.slots.length) index.scratch = newScratch(index.slots.length);
}

/** Indexes the bodies of templates whose headlines are already in (see `buildSearchIndexInChunks`). */
export function addBodiesToSearchIndex(index: SearchIndex, templates: readonly SearchableTemplate[]): void {
  const newWords: string[] = [];
  for (const template of templates) {
    const doc = index.docs.get(template.key ?? template.id);
    if (doc) indexBody(index.body, index.lexicon, template.body, doc.slot, newWords);
  }
  index.body.vocabulary = mergeSorted(index.body.vocabulary, newWords.sort());
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
 * bodies (see `rankVariant`), so they are not kept. A word the lexicon maps to a term that is not its own
 * prefix («опаздывает» → «опозда») is also posted under that term, so every form of the lemma finds it.
 */
function indexBody(body: BodyIndex, lexicon: SearchLexicon, text: string, slot: number, newWords: string[]): void {
  const post = (word: string) => {
    const list = body.postings.get(word);
    if (list === undefined) {
      body.postings.set(word, [slot]);
      newWords.push(word);
    } else if (list[list.length - 1] !== slot) list.push(slot);
  };
  const terms = lexicon.terms;
  forEachWord(text, (word) => {
    if (word.length < 3) return;
    const list = body.postings.get(word);
    if (list !== undefined) {
      if (list[list.length - 1] !== slot) list.push(slot);
    } else if (STOPWORDS.has(word)) return;
    else post(word);
    if (terms.size === 0) return;
    const term = terms.get(word);
    if (term !== undefined && term.length >= 3 && !word.startsWith(term)) post(term);
  });
}

/** Two sorted lists as one (linear: a chunked build adds a sorted run per chunk). */
function mergeSorted(a: string[], b: string[]): string[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: string[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/** Calls `visit` with each body word starting with `prefix` and its slots. */
export function forEachBodyWord(body: BodyIndex, prefix: string, visit: (slots: number[]) => void): void {
  const vocabulary = body.vocabulary;
  for (let i = lowerBound(vocabulary, prefix); i < vocabulary.length && vocabulary[i].startsWith(prefix); i++) {
    visit(body.postings.get(vocabulary[i])!);
  }
}

/** Some body word starts with `prefix`. */
export function hasBodyWord(body: BodyIndex, prefix: string): boolean {
  const at = lowerBound(body.vocabulary, prefix);
  return at < body.vocabulary.length && body.vocabulary[at].startsWith(prefix);
}

/** At least `count` templates have a body word starting with `prefix`; stops as soon as that is known. */
export function bodyHoldsInAtLeast(body: BodyIndex, prefix: string, count: number): boolean {
  const vocabulary = body.vocabulary;
  const slots = new Set<number>();
  for (let i = lowerBound(vocabulary, prefix); i < vocabulary.length && vocabulary[i].startsWith(prefix); i++) {
    for (const slot of body.postings.get(vocabulary[i])!) {
      slots.add(slot);
      if (slots.size >= count) return true;
    }
  }
  return false;
}

/**
 * Calls `visit` with each body word that starts within `maxDistance` edits of `term` («бракован» finds
 * «бракованные», «гарнт» finds «гарантии») and does not start with `term` itself (the prefix lookup has
 * those). Only words sharing the first two letters are tried — a slip there is rarer, and the headline and
 * lexicon lookups still catch it — which keeps the scan to a small slice of the sorted vocabulary.
 */
export function forEachBodyWordNear(
  body: BodyIndex,
  term: string,
  maxDistance: number,
  visit: (word: string, slots: number[], distance: number) => void,
): void {
  const vocabulary = body.vocabulary;
  const head = term.slice(0, 2);
  const row = new Int32Array(term.length + 1);
  for (let i = lowerBound(vocabulary, head); i < vocabulary.length && vocabulary[i].startsWith(head); i++) {
    const word = vocabulary[i];
    if (word.startsWith(term) || word.length + maxDistance < term.length) continue;
    const distance = prefixDistance(term, word, maxDistance, row);
    if (distance <= maxDistance) visit(word, body.postings.get(word)!, distance);
  }
}

/**
 * The fewest edits turning `term` into some prefix of `word` (Levenshtein over `term` × `word`, the best
 * cell of the last row), giving up once every cell of a column exceeds `max`. O(|term| × |word|).
 */
function prefixDistance(term: string, word: string, max: number, row: Int32Array): number {
  const m = term.length;
  for (let i = 0; i <= m; i++) row[i] = i;
  let best = row[m];
  const columns = Math.min(word.length, m + max);
  for (let j = 1; j <= columns; j++) {
    let diagonal = row[0];
    row[0] = j;
    let low = row[0];
    for (let i = 1; i <= m; i++) {
      const above = row[i];
      const cost = term.charCodeAt(i - 1) === word.charCodeAt(j - 1) ? 0 : 1;
      row[i] = Math.min(above + 1, row[i - 1] + 1, diagonal + cost);
      diagonal = above;
      if (row[i] < low) low = row[i];
    }
    if (row[m] < best) best = row[m];
    if (low > max) break;
  }
  return best;
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

export function headlineOf(lexicon: SearchLexicon, doc: IndexedTemplate): Headline {
  if (doc.headline) return doc.headline;
  const title = tokenize(doc.source.title);
  const tags = [...doc.source.tags, ...(doc.source.synonyms ?? [])].map(tokenize);
  const shortcut = tokenize(doc.source.shortcut ?? '');
  const headStems = new Set<string>();
  const exactForms = new Set<string>();
  for (const words of [title, ...tags, shortcut]) {
    if (words.length === 0) continue;
    for (const word of words) headStems.add(termOf(lexicon, word));
    exactForms.add(words.join(' '));
    const bag = stemBag(lexicon, words);
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
