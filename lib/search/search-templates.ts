import Fuse, { type IFuseOptions } from 'fuse.js';
import { fixKeyboardLayout, toLatinLayout } from './fix-keyboard-layout';
import { normalizeText, STOPWORDS, tokenize } from './normalize-query';
import {
  forEachBodyWord,
  type Headline,
  headlineOf,
  type IndexedTemplate,
  type SearchIndex,
  stemPhrase,
} from './search-index';
import { stemWord } from './stem-word';
import { getUsage, rankRecent, type UsageLookup, usageScore } from './usage-score';

/**
 * The search pipeline, per keystroke:
 *
 * 1. Variants. The query as typed, plus (only when it has Latin and no Cyrillic) the same keys in the
 *    Russian layout, brand-like words kept. Each variant is ranked on its own and the better score per
 *    template wins, since «wifi» and «djpdhfn» look alike to any rule. A Cyrillic query that found nothing is
 *    retried in the Latin layout («шзрщту» → «iphone»).
 * 2. Candidates from two inverted indexes (see search-index.ts for why not MiniSearch's own): the headline
 *    (title, tags, shortcut; stemmed) and the body (word presence). A query word matches its stem, longer
 *    forms by prefix (word forms, and the word still being typed), near misses by edit distance (1 edit
 *    from 4 letters, 2 from 8), and a shortened stem or an infinitive's bare root for the verb forms
 *    Snowball stems apart («вернуть» / «верните»). Headline score: idf × field weight × how close the
 *    expansion is, the best expansion per word, summed over words. Templates are then ordered by the share
 *    of query words they hold anywhere (squared), which is AND-first with an OR fallback in one pass.
 *    Nothing depends on position, so a word deep in a long body counts like one at its start.
 * 3. Re-ranking of the best `CANDIDATES` with Fuse.js. Fuse scans every string it is given, which is why it
 *    cannot be the index (≈ 455 ms a query at 10k templates here), but on a few dozen candidates it costs
 *    about a millisecond and measures what the index does not: how closely the words as typed, unstemmed, match
 *    the title, tags and shortcut as strings, typos included (Bitap scores approximate substrings by error
 *    count), independent of how rare a word is in the library. That keeps a headline match above a
 *    template that merely repeats a rare word in its body, and grades typos the stemmer cannot see.
 * 4. Tiers and usage. An exact match (the query is the title, a tag or the shortcut, in any word form and
 *    order) is tier 2; a template whose headline holds every query word is tier 1; the rest tier 0. Within
 *    a tier, templates holding every query word anywhere come before those holding some. Usage (frequent
 *    and recent) multiplies relevance within that by up to 1.5, so it reorders near-equals but can never
 *    lift a template over an exact match.
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
}

const DEFAULT_LIMIT = 20;
/** How many candidates Fuse re-ranks: enough for vague queries, few enough to stay fast. */
const CANDIDATES = 30;
const USAGE_WEIGHT = 0.5;
const FUSE_SHARE = 0.4;

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
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (!normalizeText(query)) return recentAndFrequent(index, options, limit);

  const best = new Map<string, number>();
  const run = (variant: string) => {
    for (const [key, score] of rankVariant(index, variant, options)) {
      if (score > (best.get(key) ?? -1)) best.set(key, score);
    }
  };
  run(query);
  const fixed = fixKeyboardLayout(query);
  if (fixed) run(fixed);
  if (best.size === 0) {
    const latin = toLatinLayout(query);
    if (latin) run(latin);
  }
  return toHits(index, best, limit);
}

function toHits(index: SearchIndex, scores: Map<string, number>, limit: number): SearchHit[] {
  const hits: (SearchHit & { order: number })[] = [];
  for (const [key, score] of scores) {
    const doc = index.docs.get(key);
    if (doc) hits.push({ key, id: doc.id, score, order: doc.order });
  }
  hits.sort((a, b) => b.score - a.score || a.order - b.order);
  return hits.slice(0, limit).map(({ key, id, score }) => ({ key, id, score: round(score) }));
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
    hits.push({ key, id: doc.id, score: round(score) });
    used.add(key);
  }
  for (const doc of index.docs.values()) {
    if (hits.length >= limit) break;
    if (!used.has(doc.key) && inCategory(doc)) hits.push({ key: doc.key, id: doc.id, score: 0 });
  }
  return hits;
}

interface Candidate {
  key: string;
  /** Coverage² × (headline + body evidence), before re-ranking. */
  score: number;
  /** Every query word was found somewhere in the template. */
  complete: boolean;
  rank: number;
}

interface QueryWord {
  word: string;
  stem: string;
}

/** A body match counts for this much of a top headline match: evidence that breaks ties, never a title. */
const BODY_WEIGHT = 0.15;
/**
 * Query words past this many are ignored. Nobody types more into a search box; a pasted customer message
 * would otherwise cost tens of milliseconds for words that add nothing to the first ten.
 */
const MAX_WORDS = 10;

function rankVariant(index: SearchIndex, variant: string, options: SearchOptions): Map<string, number> {
  const ranked = new Map<string, number>();
  const words = queryWords(variant).slice(0, MAX_WORDS);
  if (words.length === 0) return ranked;
  // The last word is still being typed unless the query ends with a space.
  const typing = !/\s$/.test(variant);
  const category = options.category;
  const { word: wordScore, total, headMask, bodyMask } = index.scratch;
  const touched: number[] = [];
  const touch = (slot: number) => {
    if (total[slot] === 0 && headMask[slot] === 0 && bodyMask[slot] === 0) touched.push(slot);
  };
  const idf = (postings: number) => Math.log(1 + index.live / postings);

  words.forEach(({ word, stem }, i) => {
    const verbStem = infinitiveStem(word);
    const bit = 1 << i;
    const isLast = i === words.length - 1;
    // Headline: the stem itself, its longer forms, near misses for typos, and a shortened stem for the
    // verb forms Snowball stems apart («вернуть» → «вернут», «верните» → «верн»). A headline word counts
    // once per query word, by its best expansion, so a short prefix matching many forms does not add up.
    const expansions = new Map<string, number>();
    const expand = (term: string, weight: number) => {
      if (weight > (expansions.get(term) ?? 0)) expansions.set(term, weight);
    };
    if (index.head.has(stem)) expand(stem, 1);
    if (stem.length >= 3 || (isLast && typing)) {
      for (const [term] of index.headTerms.atPrefix(stem)) expand(term, 0.5 + (0.4 * stem.length) / term.length);
    }
    const distance = stem.length >= 8 ? 2 : stem.length >= 4 ? 1 : 0;
    if (distance > 0) {
      for (const [term, [, d]] of index.headTerms.fuzzyGet(stem, distance)) {
        if (d > 0) expand(term, (0.6 * term.length) / (term.length + 2 * d));
      }
    }
    // Two neighbouring letters swapped is the commonest typo and costs two edits in Levenshtein terms
    // («возрват», «чке»), more than the fuzziness above allows for short words: try each swap back.
    for (const swapped of transpositions(word)) {
      const swappedStem = stemWord(swapped);
      if (swappedStem !== stem && index.head.has(swappedStem)) expand(swappedStem, 0.55);
    }
    if (stem.length >= 6) {
      for (const [term] of index.headTerms.atPrefix(stem.slice(0, Math.max(4, stem.length - 3)))) expand(term, 0.3);
    }
    if (verbStem) for (const [term] of index.headTerms.atPrefix(verbStem)) expand(term, 0.5);
    const wordTouched: number[] = [];
    for (const [term, weight] of expansions) {
      const posting = index.head.get(term)!;
      const termIdf = idf(posting.slots.length);
      for (let j = 0; j < posting.slots.length; j++) {
        const slot = posting.slots[j];
        const score = weight * termIdf * posting.weights[j];
        if (wordScore[slot] === 0) wordTouched.push(slot);
        if (score > wordScore[slot]) wordScore[slot] = score;
      }
    }
    for (const slot of wordTouched) {
      touch(slot);
      total[slot] += wordScore[slot];
      headMask[slot] |= bit;
      wordScore[slot] = 0;
    }
    // Body: presence of the stem as a word prefix. Skipped for one or two letters still being typed, which
    // would match half the library and tell nothing.
    if (stem.length < 3 || (word.length < 4 && isLast && typing)) return;
    const markBody = (slots: number[]) => {
      for (const slot of slots) {
        touch(slot);
        bodyMask[slot] |= bit;
      }
    };
    forEachBodyWord(index.body, stem, markBody);
    if (verbStem && !verbStem.startsWith(stem)) forEachBodyWord(index.body, verbStem, markBody);
  });

  let topHead = 0;
  for (const slot of touched) if (total[slot] > topHead) topHead = total[slot];
  // Coverage: the share of query words a template matched anywhere. Squared, so templates holding more of
  // the words come first; and every word held (AND) is a step above some (OR fallback), already here, so
  // that a complete match found only in a body is not cut before re-ranking.
  const candidates: Candidate[] = [];
  // Results come only from the candidates, so a caller asking for more gets more re-ranked.
  const keep = Math.max(CANDIDATES, options.limit ?? DEFAULT_LIMIT);
  for (const slot of touched) {
    const key = index.slots[slot];
    const coverage = bitCount(headMask[slot] | bodyMask[slot]) / words.length;
    const headline = topHead > 0 ? total[slot] / topHead : 0;
    const body = (BODY_WEIGHT * bitCount(bodyMask[slot])) / words.length;
    total[slot] = 0;
    headMask[slot] = 0;
    bodyMask[slot] = 0;
    if (key === undefined || (category !== undefined && index.docs.get(key)?.category !== category)) continue;
    const score = coverage * coverage * (headline + body);
    const complete = coverage === 1;
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
    if (doc) headlines.push(headlineOf(doc));
  }
  const fuzzy = headlineSimilarity(headlines, words);

  const phrase = normalizeText(variant);
  const stemmedPhrase = stemPhrase(variant);
  for (const candidate of candidates) {
    const doc = index.docs.get(candidate.key);
    if (!doc) continue;
    const relevance = (1 - FUSE_SHARE) * (candidate.score / topScore) + FUSE_SHARE * (fuzzy.get(doc.key) ?? 0);
    const boost = 1 + USAGE_WEIGHT * usageScore(getUsage(options.usage, doc.key), options.now);
    const tier = matchTier(headlineOf(doc), phrase, stemmedPhrase, words, typing);
    // Integer part: the tier. Then every query word found (AND) above some (OR). Then relevance × usage,
    // kept strictly below the next step, however relevant and used.
    const blended = Math.min(0.999, (relevance * boost) / (1 + USAGE_WEIGHT));
    ranked.set(doc.key, tier + (candidate.complete ? 0.5 : 0) + 0.49 * blended);
  }
  return ranked;
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
 * «верните» → «верн»), so an infinitive in the query also looks for its bare root: «вернуть» → «верн»,
 * «отменить» → «отмен», «поменять» → «помен».
 */
function infinitiveStem(word: string): string | null {
  const match = /^(.{4,})[аеиоуыя]ть$/.exec(word);
  return match ? match[1] : null;
}

function bitCount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}

/** Query words without function words (unless the query is nothing else), one per stem. */
function queryWords(text: string): QueryWord[] {
  const all = tokenize(text);
  const topical = all.filter((word) => !STOPWORDS.has(word));
  const seen = new Set<string>();
  const words: QueryWord[] = [];
  for (const word of topical.length > 0 ? topical : all) {
    const stem = stemWord(word);
    if (seen.has(stem)) continue;
    seen.add(stem);
    words.push({ word, stem });
  }
  return words;
}

/** Mean over query words of Fuse's similarity (1 − score) to the candidate's title, tags and shortcut. */
function headlineSimilarity(docs: Headline[], words: QueryWord[]): Map<string, number> {
  const similarity = new Map<string, number>();
  const fuse = new Fuse(docs, FUSE_OPTIONS);
  const searchable = words.filter(({ word }) => word.length >= 2);
  for (const { word } of searchable) {
    for (const result of fuse.search(word)) {
      const key = result.item.key;
      similarity.set(key, (similarity.get(key) ?? 0) + (1 - (result.score ?? 1)) / searchable.length);
    }
  }
  return similarity;
}

function matchTier(doc: Headline, phrase: string, stemmedPhrase: string, words: QueryWord[], typing: boolean) {
  if (doc.exactForms.has(phrase) || (stemmedPhrase && doc.exactForms.has(stemmedPhrase))) return 2;
  const inHeadline = words.every(({ stem }, i) => {
    if (doc.headStems.has(stem)) return true;
    if (!(typing && i === words.length - 1)) return false;
    for (const head of doc.headStems) if (head.startsWith(stem)) return true;
    return false;
  });
  return inHeadline ? 1 : 0;
}

const round = (score: number) => Math.round(score * 10000) / 10000;
