/**
 * BUILD TIME ONLY (Node): the search lexicon of a pack, compiled with the `az` morphology dictionary the
 * lint lexicon already uses (lib/lint/build-lexicon.ts), so the extension never loads a dictionary.
 *
 * What it holds: for every lemma of the library's vocabulary (titles, tags, synonyms, shortcuts, bodies) and
 * of the pack's synonym groups, the forms whose Snowball stem is not the stem of the lemma — which is where
 * Snowball fails: verbs («верните» → «верн», «вернуть» → «вернут»), stem changes («ушёл» / «уйти»), and
 * aspect pairs, which the dictionary lists as separate words («опаздывать» / «опоздать», «носить» /
 * «поносить») and which are joined here into one lemma (`aspectPartners`). Forms Snowball already stems
 * right are left out, so the lexicon stays small: it covers the library, not the language; a query word
 * outside it falls back to its Snowball stem, prefixes and edit distance at run time.
 */
import { loadAz } from '../lint/build-lexicon';
import type { Pack } from '../model';
import { forEachWord, STOPWORDS } from './normalize-query';
import { SEARCH_LEXICON_VERSION, type SearchLexiconData } from './search-lexicon';
import { stemWord } from './stem-word';

interface Parse {
  parser: string;
  score: number;
  typosCnt: number;
  stutterCnt: number;
  formCnt?: number;
  tag: { POST?: string };
  inflect(form: number): Parse | false;
  normalize(): Parse;
  toString(): string;
}
type Morph = (word: string) => Parse[];

const fold = (text: string) => text.toLowerCase().replaceAll('ё', 'е');
const CYRILLIC_WORD = /^[а-я]{3,}$/;

/**
 * Parts of speech whose forms are kept. Participles and gerunds are left out: a verb has a hundred of them,
 * agents rarely search with one, and the ones in the library are covered by their own lemma.
 */
const KEPT_POS = new Set(['NOUN', 'ADJF', 'ADJS', 'COMP', 'VERB', 'INFN', 'ADVB', 'PRED', 'NUMR']);

export async function buildSearchLexicon(pack: Pick<Pack, 'templates' | 'synonyms'>): Promise<SearchLexiconData> {
  const vocabulary = new Set<string>();
  const add = (text: string) =>
    forEachWord(text, (word) => {
      if (CYRILLIC_WORD.test(word) && !STOPWORDS.has(word)) vocabulary.add(word);
    });
  for (const template of pack.templates) {
    add(template.title);
    add(template.body);
    for (const tag of template.tags) add(tag);
    for (const synonym of template.synonyms ?? []) add(synonym);
    if (template.shortcut) add(template.shortcut);
  }
  for (const group of pack.synonyms ?? []) for (const member of group) add(member);

  const Az = (await loadAz()) as unknown as { Morph: Morph };
  const morph = (word: string) =>
    Az.Morph(word).filter((p) => p.parser === 'Dictionary' && !p.typosCnt && !p.stutterCnt && p.formCnt);
  const isInfinitive = (word: string) =>
    morph(word).some((p) => p.tag.POST === 'INFN' && fold(String(p.normalize())) === word);

  // Lemmas of the vocabulary: the likeliest reading of each word (ties keep every tied lemma).
  const lemmas = new Map<string, Parse>();
  for (const word of [...vocabulary].sort()) {
    const parses = morph(word);
    if (parses.length === 0) continue;
    const top = parses[0].score;
    for (const parse of parses) {
      if (parse.score < top) break;
      const lemma = parse.normalize();
      const key = fold(String(lemma));
      if (!lemmas.has(key)) lemmas.set(key, lemma);
    }
  }

  // Aspect pairs: join each verb with the partners the dictionary confirms, under the shortest lemma.
  const parent = new Map<string, string>();
  const find = (lemma: string): string => {
    let root = lemma;
    while (parent.has(root)) root = parent.get(root)!;
    return root;
  };
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) return;
    const [keep, drop] = ra.length < rb.length || (ra.length === rb.length && ra < rb) ? [ra, rb] : [rb, ra];
    parent.set(drop, keep);
  };
  for (const [lemma, parse] of [...lemmas]) {
    if (String(parse.tag.POST) !== 'INFN') continue;
    for (const partner of aspectPartners(lemma)) {
      if (!isInfinitive(partner)) continue;
      if (!lemmas.has(partner)) {
        const partnerParse = morph(partner).find((p) => p.tag.POST === 'INFN');
        if (partnerParse) lemmas.set(partner, partnerParse.normalize());
      }
      union(lemma, partner);
    }
  }

  const forms: Record<string, string[]> = {};
  for (const [lemma, parse] of [...lemmas].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const term = stemWord(find(lemma));
    const list = new Set(forms[term] ?? []);
    for (let index = 0; index < (parse.formCnt ?? 0); index++) {
      const form = parse.inflect(index);
      if (!form || !KEPT_POS.has(String(form.tag.POST))) continue;
      const word = fold(String(form));
      if (CYRILLIC_WORD.test(word) && !STOPWORDS.has(word) && stemWord(word) !== term) list.add(word);
    }
    if (list.size > 0) forms[term] = [...list].sort();
  }
  return { version: SEARCH_LEXICON_VERSION, source: 'az 0.2.3 (OpenCorpora)', forms };
}

/**
 * Verbs «по-» + verb does not make a pair of (a different meaning, not an aspect): «помочь» is not «мочь»,
 * «подать» is not «дать».
 */
const NOT_PAIRS = new Set(['помочь', 'помнить', 'показать', 'попасть', 'поступить', 'подать', 'получить', 'пойти']);

/**
 * Candidate aspect partners of an infinitive, by the regular Russian patterns; the caller keeps those the
 * dictionary knows as infinitives:
 * - the prefix «по-»: «носить» / «поносить», «менять» / «поменять», «звонить» / «позвонить»;
 * - the secondary imperfective «-ыва-/-ива-» with о → а in the root: «опоздать» / «опаздывать»,
 *   «списать» / «списывать», «оплатить» / «оплачивать»;
 * - «-ить» (perfective) / «-ять», «-ать» (imperfective) with the consonant alternations of that pattern:
 *   «заменить» / «заменять», «отправить» / «отправлять», «ответить» / «отвечать», «простить» / «прощать».
 */
export function aspectPartners(infinitive: string): string[] {
  const match = /^(.+?)(ть|ти|чь)(ся)?$/.exec(infinitive);
  if (!match) return [];
  const [, stem, , reflexive = ''] = match;
  const out = new Set<string>();
  const add = (candidate: string) => {
    if (candidate !== infinitive && !NOT_PAIRS.has(candidate) && !NOT_PAIRS.has(infinitive)) out.add(candidate);
  };
  if (infinitive.startsWith('по') && infinitive.length > 6) add(infinitive.slice(2));
  add(`по${infinitive}`);

  const vowel = stem.at(-1) ?? '';
  const base = stem.slice(0, -1);
  const oToA = (text: string) => text.replace(/о(?=[^аеиоуыэюя]*$)/, 'а');
  const aToO = (text: string) => text.replace(/а(?=[^аеиоуыэюя]*$)/, 'о');
  // Perfective → imperfective.
  if ('аяие'.includes(vowel) && !/(ыва|ива)$/.test(stem)) {
    for (const root of new Set([base, oToA(base)])) {
      add(`${root}ывать${reflexive}`);
      add(`${root}ивать${reflexive}`);
      for (const alternated of alternations(root)) add(`${alternated}ивать${reflexive}`);
    }
  }
  if (vowel === 'и') {
    for (const alternated of alternations(base)) {
      add(`${alternated}ять${reflexive}`);
      add(`${alternated}ать${reflexive}`);
    }
  }
  // Imperfective → perfective.
  const secondary = /^(.+)(ыва|ива)$/.exec(stem);
  if (secondary) {
    for (const root of new Set([secondary[1], aToO(secondary[1])])) {
      for (const ending of ['ать', 'ить', 'еть', 'ять']) add(`${root}${ending}${reflexive}`);
      for (const restored of restorations(root)) add(`${restored}ить${reflexive}`);
    }
  }
  if (vowel === 'я' || vowel === 'а') {
    for (const restored of restorations(base)) add(`${restored}ить${reflexive}`);
  }
  return [...out];
}

/** The root of an «-ить» verb as its «-ять/-ать» partner has it: т → ч/щ, д → ж, ст → щ, labial + л. */
function alternations(root: string): string[] {
  const out = [root];
  if (root.endsWith('ст')) out.push(`${root.slice(0, -2)}щ`);
  else if (root.endsWith('т')) out.push(`${root.slice(0, -1)}ч`, `${root.slice(0, -1)}щ`);
  else if (root.endsWith('д')) out.push(`${root.slice(0, -1)}ж`, `${root.slice(0, -1)}жд`);
  else if (root.endsWith('з')) out.push(`${root.slice(0, -1)}ж`);
  else if (root.endsWith('с')) out.push(`${root.slice(0, -1)}ш`);
  else if (/[бпвфм]$/.test(root)) out.push(`${root}л`);
  return out;
}

/** The reverse of `alternations`. */
function restorations(root: string): string[] {
  const out = [root];
  if (root.endsWith('щ')) out.push(`${root.slice(0, -1)}ст`, `${root.slice(0, -1)}т`);
  else if (root.endsWith('ч')) out.push(`${root.slice(0, -1)}т`);
  else if (root.endsWith('жд')) out.push(`${root.slice(0, -2)}д`);
  else if (root.endsWith('ж')) out.push(`${root.slice(0, -1)}д`, `${root.slice(0, -1)}з`);
  else if (root.endsWith('ш')) out.push(`${root.slice(0, -1)}с`);
  else if (/[бпвфм]л$/.test(root)) out.push(root.slice(0, -1));
  return out;
}
