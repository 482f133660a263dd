import Fuse, { type IFuseOptions } from 'fuse.js';
import { fixKeyboardLayout, toLatinLayout } from './fix-keyboard-layout';
import { dropFiller, normalizeText, STOPWORDS, tokenize, WEAK_WORD_SHARE, WEAK_WORDS } from './normalize-query';
import {
  bodyHoldsInAtLeast,
  forEachBodyWord,
  forEachBodyWordNear,
  type Headline,
  hasBodyWord,
  headlineOf,
  type IndexedTemplate,
  type SearchIndex,
  stemBag,
} from './search-index';
import { termOf } from './search-lexicon';
import { getUsage, rankRecent, type UsageLookup, usageScore } from './usage-score';

/**
 * The search pipeline, per keystroke:
 *
 * 1. Variants. The query as typed, plus (only when it has Latin and no Cyrillic) the same keys in the
 *    Russian layout, brand-like words kept, plus one variant per multi-word synonym found in the query
 *    («тянут резину» → «задерживается»). Each variant is ranked on its own and the better score per template
 *    wins. A Cyrillic query that found nothing is retried in the Latin layout («шзрщту» → «iphone»).
 * 2. Query words: function words and filler phrases («до сих пор», «вообще», «подскажите») dropped, each
 *    word under its term — the packs' lexicon term (the lemma's stem, aspect pairs joined: «опаздывает» and
 *    «опоздал» are one term) or else its Snowball stem.
 *    A pasted message keeps `MAX_WORDS` words: those a headline or the thesaurus names first, in order.
 * 3. Expansions of each word: its term; longer terms by prefix (word forms, and the word still being typed);
 *    near misses by edit distance (1 edit from 4 letters, 2 from 8, never more than the term's length bears)
 *    among the headline terms, the lexicon's terms and — when the word's own matches are weak — the body
 *    words, weighted nearly in full when the library barely holds the word itself («дифектом» is a slip for
 *    «дефект»), weakly when it does; neighbour swaps; a shortened stem
 *    or an infinitive's bare root for the verb forms Snowball stems apart; and the synonyms of all of these
 *    (pack synonym groups, the default thesaurus). Each expansion has a weight (how close it is).
 * 4. Candidates from the two inverted indexes (search-index.ts): headline score = idf × field weight ×
 *    expansion weight, the best expansion per word, summed over words; body = presence. Every word also gets
 *    an information weight, idf over the templates it matched anywhere, so a word half the library holds
 *    counts for little and a rare one for much. Coverage is the idf-weighted share of query words a template
 *    holds (squared): AND-first with an OR fallback in one pass. A word the library holds nowhere, even
 *    fuzzily, is left out of coverage — it cannot tell templates apart.
 * 5. Re-ranking of the best `CANDIDATES` with Fuse.js (Bitap over the headline strings as typed): it grades
 *    closeness and typos the index does not see, independent of how rare a word is.
 * 6. Tiers and usage. An exact match (the query is the title, a tag or the shortcut, in any word form and
 *    order, with or without its question words: «почему … не отправили» = «не отправили») is tier 2; a headline holding every query word is tier 1; the rest tier 0. Within a tier,
 *    templates holding every known query word come before those holding some. Usage multiplies relevance
 *    within that by up to 1.5, so it reorders near-equals but never lifts a template over an exact match.
 * 7. Fallback. Nothing at all → the same query with looser matching (one more edit, shorter stems), and
 *    every hit is marked partial: the sidebar says «ничего точно не нашлось — похожие».
 */

export interface SearchOptions {
  /** Usage per template key; see `usageScore`. */
  usage?: UsageLookup;
  /** Epoch milliseconds; passed in so ranking stays pure. */
  now: number;
  limit?: number;
  category?: string;
}

export interface SearchHit {
  key: string;
  id: string;
  /** Integer part: tier (2 exact, 1 headline, 0 other); fraction: relevance blended with usage. */
  score: number;
  /** It holds every query word the library knows: false means a partial match, shown as «похожие». */
  complete: boolean;
}

/** How a query word reached a template, for `sufler search --explain`. */
export type MatchKind = 'exact' | 'prefix' | 'typo' | 'stem' | 'synonym';

export interface WordExplanation {
  word: string;
  /** The term it was searched under (lexicon lemma or Snowball stem). */
  term: string;
  /** Templates it matched anywhere, and the information weight that gives it. */
  templates: number;
  idf: number;
}

export interface HitExplanation extends SearchHit {
  tier: number;
  /** Per query word: where it matched this template, through which term, how; null when it did not. */
  words: ({ word: string; field: 'headline' | 'body'; term: string; how: MatchKind; weight: number } | null)[];
}

export interface SearchExplanation {
  query: string;
  /** The query words of the reading the best hit came from (as typed, layout-fixed or synonym-rewritten). */
  words: WordExplanation[];
  /** Set when no template holds every known query word: the hits are the best partial matches. */
  fallback: 'partial' | null;
  hits: HitExplanation[];
}

const DEFAULT_LIMIT = 20;
/**
 * How many candidates Fuse re-ranks: Bitap over the headlines is most of a whole query's cost, and 15 ranks
 * the 226-query table exactly as 30 did (hit@1 and hit@3 unchanged) at half the time.
 */
const CANDIDATES = 15;
const USAGE_WEIGHT = 0.5;
const FUSE_SHARE = 0.4;
/** A synonym counts this much of the word it stands for: near, not the same. */
const SYNONYM_WEIGHT = 0.8;
/** A word whose own matches touch fewer templates than this also looks for near misses in the bodies. */
const WEAK_MATCHES = 3;

/**
 * Fuse, configured for Russian: no `ignoreDiacritics` (it folds й into и), ё already folded by
 * normalization on both sides, `ignoreLocation` because a word may sit anywhere in a title or tag list,
 * `ignoreFieldNorm` so a template with many tags is not punished for being well tagged.
 */
const FUSE_OPTIONS: IFuseOptions<Headline> = {
  keys: [
    { name: 'title', weight: 3 },
    { name: 'tags', weight: 2 },
    { name: 'shortcut', weight: 2 },
  ],
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  threshold: 0.4,
  minMatchCharLength: 2,
};

export function searchTemplates(index: SearchIndex, query: string, options: SearchOptions): SearchHit[] {
  return runSearch(index, query, options, null).hits;
}

/** The same search, with why each hit ranked where it did (`sufler search --explain`). */
export function explainSearch(index: SearchIndex, query: string, options: SearchOptions): SearchExplanation {
  const traces: Trace[] = [];
  const { hits } = runSearch(index, query, options, traces);
  const trace = traces.find((t) => hits.length > 0 && t.ranked.has(hits[0].key)) ?? traces[0];
  const words = (trace?.words ?? []).map(({ word, term, df, idf }) => ({ word, term, templates: df, idf: round(idf) }));
  return {
    query,
    words,
    fallback: hits.length > 0 && !hits[0].complete ? 'partial' : null,
    hits: hits.map((hit) => {
      const doc = index.docs.get(hit.key)!;
      return {
        ...hit,
        tier: Math.floor(hit.score),
        words: (trace?.words ?? []).map((w) => explainWord(index, doc.slot, w)),
      };
    }),
  };
}

interface Ranked {
  score: number;
  complete: boolean;
}

function runSearch(index: SearchIndex, typed: string, options: SearchOptions, traces: Trace[] | null) {
  const limit = options.limit ?? DEFAULT_LIMIT;
  // Everything below looks at the first characters only: a pasted page costs what a long query costs.
  const query = typed.length > MAX_QUERY_CHARS ? typed.slice(0, MAX_QUERY_CHARS) : typed;
  if (!normalizeText(query)) return { hits: recentAndFrequent(index, options, limit) };

  const best = new Map<string, Ranked>();
  const run = (variant: string, relaxed = false) => {
    const typing = !/\s$/.test(variant);
    for (const reading of wordVariants(index, variant)) {
      const trace = traces ? newTrace(reading) : null;
      const ranked = rankWords(index, reading, typing, options, relaxed, trace);
      if (trace) traces!.push(trace);
      for (const [key, result] of ranked) {
        const previous = best.get(key);
        if (!previous || result.score > previous.score) {
          best.set(key, relaxed ? { score: result.score, complete: false } : result);
        }
      }
    }
  };
  run(query);
  const fixed = fixKeyboardLayout(query);
  if (fixed) run(fixed);
  if (best.size === 0) {
    const latin = toLatinLayout(query);
    if (latin) run(latin);
  }
  if (best.size === 0) run(fixed ?? query, true);
  return { hits: toHits(index, best, limit) };
}

function toHits(index: SearchIndex, scores: Map<string, Ranked>, limit: number): SearchHit[] {
  const hits: (SearchHit & { order: number })[] = [];
  for (const [key, { score, complete }] of scores) {
    const doc = index.docs.get(key);
    if (doc) hits.push({ key, id: doc.id, score, complete, order: doc.order });
  }
  hits.sort((a, b) => b.score - a.score || a.order - b.order);
  return hits.slice(0, limit).map(({ key, id, score, complete }) => ({ key, id, score: round(score), complete }));
}

/**
 * The empty query: what this agent uses most and most lately, then the rest of the library in its own
 * order. Walks the usage stats rather than the library, because the sidebar asks this on every opening.
 */
function recentAndFrequent(index: SearchIndex, options: SearchOptions, limit: number): SearchHit[] {
  const inCategory = (doc: IndexedTemplate) => options.category === undefined || doc.category === options.category;
  const hits: SearchHit[] = [];
  const used = new Set<string>();
  for (const { key, score } of rankRecent(options.usage, options.now)) {
    if (hits.length >= limit) return hits;
    const doc = index.docs.get(key);
    if (!doc || !inCategory(doc)) continue;
    hits.push({ key, id: doc.id, score: round(score), complete: true });
    used.add(key);
  }
  for (const doc of index.docs.values()) {
    if (hits.length >= limit) break;
    if (!used.has(doc.key) && inCategory(doc)) hits.push({ key: doc.key, id: doc.id, score: 0, complete: true });
  }
  return hits;
}

interface Candidate {
  key: string;
  /** Coverage² × (headline + body evidence), before re-ranking. */
  score: number;
  /** Every known query word was found somewhere in the template. */
  complete: boolean;
  rank: number;
}

interface QueryWord {
  word: string;
  term: string;
}

/**
 * One way of reading the query: its words, and the whole phrase as typed (function words kept) for tiers.
 * A reading through a synonym phrase (`rewritten`) is never an exact match: the agent did not type it.
 */
interface QueryVariant {
  words: QueryWord[];
  phrase: string[];
  rewritten?: boolean;
}

interface Expansion {
  weight: number;
  how: MatchKind;
}

/** What `--explain` needs to know of one query word after ranking. */
interface WordTrace extends QueryWord {
  df: number;
  idf: number;
  head: Map<string, Expansion>;
  body: Map<string, Expansion>;
}

interface Trace {
  words: WordTrace[];
  ranked: Map<string, Ranked>;
}

function newTrace({ words }: QueryVariant): Trace {
  return {
    words: words.map((w) => ({ ...w, df: 0, idf: 0, head: new Map(), body: new Map() })),
    ranked: new Map(),
  };
}

/** A body match counts for this much of a top headline match: evidence that breaks ties, never a title. */
const BODY_WEIGHT = 0.15;
/**
 * Query words past this many are ignored. Nobody types more into a search box; a pasted customer message
 * would otherwise cost tens of milliseconds for words that add nothing to the first ten.
 */
const MAX_WORDS = 10;
/** Distinct words of a pasted message looked at to choose those `MAX_WORDS` (cheap lookups, no expansion). */
const MAX_SCANNED_WORDS = 30;
/** Query characters past this many are ignored, for the same reason: a pasted page costs nothing. */
const MAX_QUERY_CHARS = 500;

/**
 * The query's words, and one more list per multi-word synonym it contains, with the phrase replaced by each
 * of its alternatives («тянут резину» → «задерживается»). Capped: a phrase list is a hint, not a search.
 */
function wordVariants(index: SearchIndex, text: string): QueryVariant[] {
  const phrase = dropFiller(tokenize(text));
  const words = queryWords(index, phrase);
  const variants: QueryVariant[] = [{ words, phrase }];
  const { phrases } = index.lexicon;
  if (phrases.length === 0 || words.length < 2) return variants;
  const terms = words.map((w) => w.term);
  for (const phrase of phrases) {
    const at = findRun(terms, phrase.terms);
    if (at < 0) continue;
    for (const alternative of phrase.alternatives) {
      if (variants.length > 4) return variants;
      const replaced = [
        ...words.slice(0, at),
        ...alternative.map((term) => ({ word: term, term })),
        ...words.slice(at + phrase.terms.length),
      ];
      variants.push({ words: replaced, phrase: replaced.map((w) => w.word), rewritten: true });
    }
  }
  return variants;
}

function findRun(terms: string[], run: string[]): number {
  for (let i = 0; i + run.length <= terms.length; i++) {
    if (run.every((term, k) => terms[i + k] === term)) return i;
  }
  return -1;
}

function rankWords(
  index: SearchIndex,
  { words, phrase: typedPhrase, rewritten }: QueryVariant,
  typing: boolean,
  options: SearchOptions,
  relaxed: boolean,
  trace: Trace | null,
): Map<string, Ranked> {
  const ranked = new Map<string, Ranked>();
  if (words.length === 0) return ranked;
  const category = options.category;
  const { word: wordScore, total, headMask, bodyMask } = index.scratch;
  const touched: number[] = [];
  const touch = (slot: number) => {
    if (total[slot] === 0 && headMask[slot] === 0 && bodyMask[slot] === 0) touched.push(slot);
  };
  const idfOf = (postings: number) => Math.log(1 + index.live / Math.max(1, postings));
  const wordIdf = new Float64Array(words.length);

  words.forEach(({ word, term }, i) => {
    const bit = 1 << i;
    const isLast = i === words.length - 1;
    const expansions = expandWord(index, word, term, isLast && typing, relaxed);
    const wordTrace = trace?.words[i];
    let df = 0;

    // Headline: a headline word counts once per query word, by its best expansion, so a short prefix
    // matching many forms does not add up.
    const wordTouched: number[] = [];
    let strongHead = false;
    for (const [headTerm, expansion] of expansions) {
      const posting = index.head.get(headTerm);
      if (!posting) continue;
      if (expansion.weight >= 0.9) strongHead = true;
      wordTrace?.head.set(headTerm, expansion);
      const termIdf = idfOf(posting.slots.length);
      for (let j = 0; j < posting.slots.length; j++) {
        const slot = posting.slots[j];
        const score = expansion.weight * termIdf * posting.weights[j];
        if (wordScore[slot] === 0) wordTouched.push(slot);
        if (score > wordScore[slot]) wordScore[slot] = score;
      }
    }
    for (const slot of wordTouched) {
      touch(slot);
      if ((headMask[slot] & bit) === 0 && (bodyMask[slot] & bit) === 0) df++;
      total[slot] += wordScore[slot];
      headMask[slot] |= bit;
      wordScore[slot] = 0;
    }

    // Body: presence of an expansion as a word prefix. Skipped for one or two letters still being typed,
    // which would match half the library and tell nothing.
    if (term.length >= 3 && !(word.length < 4 && isLast && typing)) {
      const mark = (slots: number[]) => {
        for (const slot of slots) {
          touch(slot);
          if ((headMask[slot] & bit) === 0 && (bodyMask[slot] & bit) === 0) df++;
          bodyMask[slot] |= bit;
        }
      };
      for (const [bodyTerm, expansion] of expansions) {
        if (expansion.weight < 0.5 || bodyTerm.length < 3 || expansion.how === 'prefix') continue;
        const before = df;
        forEachBodyWord(index.body, bodyTerm, mark);
        if (wordTrace && df > before) wordTrace.body.set(bodyTerm, expansion);
      }
      // Near misses in bodies, when the word's own matches are weak: «бракованый» → «бракованные». The same
      // edit budget as the headline lookup: a three-letter stem one edit from a body word is noise («куп» →
      // «курьер», «чуж» → «чуть»).
      const distance = typoDistance(word, term, relaxed);
      // A word still being typed is a prefix, not a slip: scanned only when nothing starts with it.
      const weak = isLast && typing ? df === 0 : df < WEAK_MATCHES;
      if (distance > 0 && !strongHead && weak) {
        forEachBodyWordNear(index.body, term, distance, (bodyWord, slots, d) => {
          const before = df;
          mark(slots);
          if (wordTrace && df > before) wordTrace.body.set(bodyWord, { weight: 1 - d / 4, how: 'typo' });
        });
      }
    }
    wordIdf[i] = df > 0 ? idfOf(df) * (WEAK_WORDS.has(word) ? WEAK_WORD_SHARE : 1) : 0;
    if (wordTrace) {
      wordTrace.df = df;
      wordTrace.idf = wordIdf[i];
    }
  });

  // Words the library holds nowhere cannot tell templates apart: coverage is over the known ones, and a
  // complete match needs every known word but the weak ones («почему», «когда»), unless they are all.
  let knownMask = 0;
  let strongMask = 0;
  let knownIdf = 0;
  words.forEach(({ word }, i) => {
    if (wordIdf[i] > 0) {
      knownMask |= 1 << i;
      if (!WEAK_WORDS.has(word)) strongMask |= 1 << i;
      knownIdf += wordIdf[i];
    }
  });
  const requiredMask = strongMask || knownMask;
  const share = (mask: number) => {
    let sum = 0;
    for (let i = 0; i < words.length; i++) if (mask & (1 << i)) sum += wordIdf[i];
    return knownIdf > 0 ? sum / knownIdf : 0;
  };

  let topHead = 0;
  for (const slot of touched) if (total[slot] > topHead) topHead = total[slot];
  const candidates: Candidate[] = [];
  // Results come only from the candidates, so a caller asking for more gets more re-ranked.
  const keep = Math.max(CANDIDATES, options.limit ?? DEFAULT_LIMIT);
  for (const slot of touched) {
    const key = index.slots[slot];
    const held = headMask[slot] | bodyMask[slot];
    const coverage = share(held);
    const headline = topHead > 0 ? total[slot] / topHead : 0;
    const body = BODY_WEIGHT * share(bodyMask[slot]);
    total[slot] = 0;
    headMask[slot] = 0;
    bodyMask[slot] = 0;
    if (key === undefined || (category !== undefined && index.docs.get(key)?.category !== category)) continue;
    const score = coverage * coverage * (headline + body);
    const complete = (held & requiredMask) === requiredMask;
    const rank = (complete ? 2 : 0) + score;
    // Keep the best few in a small sorted buffer: a common prefix touches thousands of templates.
    if (candidates.length === keep && rank <= candidates[keep - 1].rank) continue;
    let at = candidates.length < keep ? candidates.length : keep - 1;
    while (at > 0 && candidates[at - 1].rank < rank) {
      candidates[at] = candidates[at - 1];
      at--;
    }
    candidates[at] = { key, score, complete, rank };
  }
  if (candidates.length === 0) return ranked;
  let topScore = 0;
  for (const candidate of candidates) topScore = Math.max(topScore, candidate.score);
  topScore ||= 1;

  // Fuse re-ranks the best few; a longer list asked for (the sidebar scrolls) follows them unre-ranked,
  // which only ever moves those further down.
  const headlines: Headline[] = [];
  for (const candidate of candidates.slice(0, CANDIDATES)) {
    const doc = index.docs.get(candidate.key);
    if (doc) headlines.push(headlineOf(index.lexicon, doc));
  }
  const fuzzy = headlineSimilarity(headlines, words);

  const phrase = typedPhrase.join(' ');
  // The phrase without its question and modal words too: «почему до сих пор не отправили» asks about «не
  // отправили», which a tag says word for word.
  const stemmedPhrase = stemBag(index.lexicon, typedPhrase);
  const strongPhrase = stemBag(
    index.lexicon,
    typedPhrase.filter((word) => !WEAK_WORDS.has(word)),
  );
  for (const candidate of candidates) {
    const doc = index.docs.get(candidate.key);
    if (!doc) continue;
    const relevance = (1 - FUSE_SHARE) * (candidate.score / topScore) + FUSE_SHARE * (fuzzy.get(doc.key) ?? 0);
    const boost = 1 + USAGE_WEIGHT * usageScore(getUsage(options.usage, doc.key), options.now);
    const tier = Math.min(
      rewritten ? 1 : 2,
      matchTier(headlineOf(index.lexicon, doc), phrase, stemmedPhrase, strongPhrase, words, typing),
    );
    // Integer part: the tier. Then every known query word found (AND) above some (OR). Then relevance ×
    // usage, kept strictly below the next step, however relevant and used.
    const blended = Math.min(0.999, (relevance * boost) / (1 + USAGE_WEIGHT));
    ranked.set(doc.key, {
      score: tier + (candidate.complete ? 0.5 : 0) + 0.49 * blended,
      complete: candidate.complete,
    });
  }
  if (trace) trace.ranked = ranked;
  return ranked;
}

/** Edits a word of this length may be away from what it meant: 1 from 4 letters, 2 from 8 (one more when relaxed). */
function maxDistance(word: string, relaxed: boolean): number {
  const base = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
  return relaxed ? Math.min(2, base + 1) : base;
}

/**
 * The edits looked up for a query word, in every index: its length's budget, but never more than its term
 * can bear — a five-letter stem two edits away from anything is noise.
 */
function typoDistance(word: string, term: string, relaxed: boolean): number {
  return Math.min(maxDistance(word, relaxed), term.length >= 7 ? 2 : term.length >= 4 ? 1 : relaxed ? 1 : 0);
}

/** The library holds this term somewhere: a headline term, a lexicon or thesaurus term, or a body word's start. */
function knownAnywhere(index: SearchIndex, term: string): boolean {
  return index.head.has(term) || index.lexicon.known.has(term) || hasBodyWord(index.body, term);
}

/**
 * The library barely knows this term: no headline, lexicon or thesaurus term, and fewer than `WEAK_MATCHES`
 * bodies with a word starting with it — «бракованый» (stem «бракован») is the start of a body word or two,
 * but what the agent meant is «бракованный».
 */
function barelyKnown(index: SearchIndex, term: string, typing: boolean): boolean {
  if (index.head.has(term) || index.lexicon.known.has(term)) return false;
  // A word still being typed that starts a headline term is a prefix, not a slip.
  if (typing) for (const _ of index.headTerms.atPrefix(term).keys()) return false;
  return !bodyHoldsInAtLeast(index.body, term, WEAK_MATCHES);
}

/**
 * Every term a query word may stand for, with how close each is (1 = the word itself). See step 3 of the
 * pipeline; `typing` is true for the last word of a query that does not end in a space.
 */
function expandWord(
  index: SearchIndex,
  word: string,
  term: string,
  typing: boolean,
  relaxed: boolean,
): Map<string, Expansion> {
  const expansions = new Map<string, Expansion>();
  const expand = (candidate: string, weight: number, how: MatchKind) => {
    if (weight > (expansions.get(candidate)?.weight ?? 0)) expansions.set(candidate, { weight, how });
  };
  const { headTerms, lexicon } = index;
  expand(term, 1, 'exact');
  if (term.length >= 3 || typing) {
    for (const [found] of headTerms.atPrefix(term)) expand(found, 0.5 + (0.4 * term.length) / found.length, 'prefix');
  }
  const distance = typoDistance(word, term, relaxed);
  // A word the library barely holds («дифектом», «возрат», «бракованый») is a slip for its nearest neighbours,
  // not a word of its own: they stand in for it nearly in full, so the word the agent meant can outrank an
  // exact match of a commoner word in the same query. A word the library holds keeps its neighbours weak.
  const unknown = distance > 0 && barelyKnown(index, term, typing);
  const typoWeight = (found: string, d: number) =>
    unknown
      ? Math.max(0.5, 0.9 - 0.15 * (d - 1) - 0.02 * Math.abs(found.length - term.length))
      : (0.6 * found.length) / (found.length + 2 * d);
  if (distance > 0) {
    for (const [found, [, d]] of headTerms.fuzzyGet(term, distance)) {
      if (d > 0) expand(found, typoWeight(found, d), 'typo');
    }
    for (const [found, [, d]] of lexicon.known.fuzzyGet(term, distance)) {
      if (d > 0) expand(found, typoWeight(found, d), 'typo');
    }
  }
  // Two neighbouring letters swapped is the commonest typo and costs two edits in Levenshtein terms
  // («возрват», «чке»), more than the fuzziness above allows for short words: try each swap back.
  for (const swapped of transpositions(word)) {
    const swappedTerm = termOf(lexicon, swapped);
    if (swappedTerm !== term && (index.head.has(swappedTerm) || lexicon.known.has(swappedTerm))) {
      expand(swappedTerm, 0.55, 'typo');
    }
  }
  // Snowball stems verb forms apart («вернуть» → «вернут», «верните» → «верн»): a shortened stem and an
  // infinitive's bare root catch the forms the lexicon does not know.
  if (term.length >= 6 || (relaxed && term.length >= 5)) {
    const short = term.slice(0, Math.max(4, term.length - 3));
    for (const [found] of headTerms.atPrefix(short)) expand(found, 0.3, 'stem');
  }
  const verbStem = infinitiveStem(word);
  if (verbStem) for (const [found] of headTerms.atPrefix(verbStem)) expand(found, 0.5, 'stem');

  // Synonyms of what the word is, or nearly is.
  const base = [...expansions].filter(([, e]) => e.how === 'exact' || (e.how === 'typo' && e.weight >= 0.4));
  for (const [found, expansion] of base) {
    for (const alternative of lexicon.synonyms.get(found) ?? []) {
      const weight = expansion.weight * (alternative.length === 1 ? SYNONYM_WEIGHT : SYNONYM_WEIGHT * 0.6);
      for (const synonym of alternative) {
        expand(synonym, weight, 'synonym');
        // Longer forms of a synonym too («ошиба» → «ошибк»), but not of a short stem, which would reach
        // unrelated words («пром» → «промокод»).
        if (synonym.length >= 5) {
          for (const [longer] of headTerms.atPrefix(synonym))
            if (longer !== synonym) expand(longer, weight * 0.9, 'synonym');
        }
      }
    }
  }
  return expansions;
}

function transpositions(word: string): string[] {
  const variants: string[] = [];
  if (word.length < 3 || word.length > 20) return variants;
  for (let i = 0; i < word.length - 1; i++) {
    if (word[i] === word[i + 1]) continue;
    variants.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return variants;
}

/**
 * Snowball leaves infinitives long and cuts other forms of the same verb shorter («вернуть» → «вернут»,
 * «верните» → «верн»), so an infinitive in the query also looks for its bare root: «вернуть» → «верн».
 */
function infinitiveStem(word: string): string | null {
  const match = /^(.{4,})[аеиоуыя]ть$/.exec(word);
  return match ? match[1] : null;
}

/**
 * Query words without function words (unless the query is nothing else), one per term. `all` has no filler:
 * it is dropped first, since its phrases are made of function words («так и», «до сих пор»).
 */
function queryWords(index: SearchIndex, all: string[]): QueryWord[] {
  const topical = all.filter((word) => !STOPWORDS.has(word));
  const seen = new Set<string>();
  const words: QueryWord[] = [];
  for (const word of topical.length > 0 ? topical : all) {
    const term = termOf(index.lexicon, word);
    if (seen.has(term)) continue;
    seen.add(term);
    words.push({ word, term });
    if (words.length === MAX_SCANNED_WORDS) break;
  }
  if (words.length <= MAX_WORDS) return words;
  // A pasted message has more words than are worth looking up. Keep, in the order typed, first the words a
  // headline or the thesaurus names (what templates are about), then those only bodies hold, then the rest
  // (slips, for the typo lookups): «привезут» at the end of a long complaint is not lost to «неделю назад»
  // at its start.
  const rank = words.map(({ term }) =>
    index.head.has(term) || index.lexicon.synonyms.has(term) ? 0 : knownAnywhere(index, term) ? 1 : 2,
  );
  const cut = [...rank].sort((a, b) => a - b)[MAX_WORDS - 1];
  let room = MAX_WORDS - rank.filter((r) => r < cut).length;
  return words.filter((_, i) => rank[i] < cut || (rank[i] === cut && room-- > 0));
}

/** Mean over query words of Fuse's similarity (1 − score) to the candidate's title, tags and shortcut. */
function headlineSimilarity(docs: Headline[], words: QueryWord[]): Map<string, number> {
  const similarity = new Map<string, number>();
  const fuse = new Fuse(docs, FUSE_OPTIONS);
  const searchable = words.filter(({ word }) => word.length >= 2 && word.length <= 32);
  for (const { word } of searchable) {
    for (const result of fuse.search(word)) {
      const key = result.item.key;
      similarity.set(key, (similarity.get(key) ?? 0) + (1 - (result.score ?? 1)) / searchable.length);
    }
  }
  return similarity;
}

function matchTier(
  doc: Headline,
  phrase: string,
  stemmedPhrase: string,
  strongPhrase: string,
  words: QueryWord[],
  typing: boolean,
) {
  const { exactForms } = doc;
  if (exactForms.has(phrase) || (stemmedPhrase && exactForms.has(stemmedPhrase))) return 2;
  if (strongPhrase && strongPhrase !== stemmedPhrase && exactForms.has(strongPhrase)) return 2;
  const inHeadline = words.every(({ term }, i) => {
    if (doc.headStems.has(term)) return true;
    if (!(typing && i === words.length - 1)) return false;
    for (const head of doc.headStems) if (head.startsWith(term)) return true;
    return false;
  });
  return inHeadline ? 1 : 0;
}

/** Where one query word matched one template, by its best expansion: headline first, then body. */
function explainWord(index: SearchIndex, slot: number, trace: WordTrace): HitExplanation['words'][number] {
  let best: HitExplanation['words'][number] = null;
  for (const [term, expansion] of trace.head) {
    if (best && best.weight >= expansion.weight) continue;
    if (index.head.get(term)?.slots.includes(slot)) {
      best = { word: trace.word, field: 'headline', term, how: expansion.how, weight: round(expansion.weight) };
    }
  }
  if (best) return best;
  for (const [term, expansion] of trace.body) {
    if (best && best.weight >= expansion.weight) continue;
    let found = false;
    forEachBodyWord(index.body, term, (slots) => {
      found ||= slots.includes(slot);
    });
    if (found) best = { word: trace.word, field: 'body', term, how: expansion.how, weight: round(expansion.weight) };
  }
  return best;
}

const round = (score: number) => Math.round(score * 10000) / 10000;
