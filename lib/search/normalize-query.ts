/**
 * Text normalization shared by the index and the query, so both sides agree on what a word is:
 * lower case, ё → е (agents rarely type ё; Fuse would count it as a typo), and anything that is not a
 * letter or digit is a word break («что-то», «онлайн-оплата», «заказ№123» split into words).
 * Diacritics are NOT folded: that would also turn й into и («мой» = «мои»).
 *
 * Letters are Latin, Latin-1 and Cyrillic (Russian, Ukrainian, Belarusian), spelled out as ranges: a
 * `\p{L}` class is four times slower in V8, and tokenizing bodies is most of the index build.
 */
const WORD = /[0-9a-z\u00df-\u00f6\u00f8-\u00ff\u0430-\u045f\u0491]+/g;

export function tokenize(text: string): string[] {
  return text.toLowerCase().replaceAll('ё', 'е').match(WORD) ?? [];
}

/** Which UTF-16 code units are word characters, for the same ranges as `WORD`. */
const WORD_CHAR = new Uint8Array(0x0500);
for (const [from, to] of [
  [0x30, 0x39],
  [0x61, 0x7a],
  [0xdf, 0xf6],
  [0xf8, 0xff],
  [0x430, 0x45f],
  [0x491, 0x491],
]) {
  WORD_CHAR.fill(1, from, to + 1);
}

/**
 * `tokenize` without the array and the regex, for the bodies: the index build is mostly this loop, and a
 * char-code scan over the lower-cased text is about twice as fast.
 */
export function forEachWord(text: string, visit: (word: string) => void): void {
  let normalized = text.toLowerCase();
  if (normalized.includes('ё')) normalized = normalized.replaceAll('ё', 'е');
  let start = -1;
  for (let i = 0; i <= normalized.length; i++) {
    const code = i < normalized.length ? normalized.charCodeAt(i) : 0;
    if (code < 0x0500 && WORD_CHAR[code] === 1) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      visit(normalized.slice(start, i));
      start = -1;
    }
  }
}

export function normalizeText(text: string): string {
  return tokenize(text).join(' ');
}

/**
 * Function words that carry no topic. They are left out of the index and of multi-word queries, so that
 * «где мой заказ» means «где» + «заказ» and an AND over the query is not defeated by «мой».
 * «не» is here too: it is in nearly every body. «где», «когда», «почему» are not: agents type them to mean
 * a topic (tracking, timing, reasons).
 */
export const STOPWORDS = new Set(
  (
    'а и в во не на с со к ко у о об от до за из изо по при для без про над под ли же бы то это этот эта эти ' +
    'я мы вы ты он она оно они мне меня мной нам нас вам вас вами тебе тебя его ее их ему ей им ним нему ней ' +
    'мой моя мое мои ваш ваша ваше ваши наш наша наше наши свой своя свое свои так уже еще вот как что чтобы ' +
    'или но да ну же тоже также был была было были быть есть'
  ).split(' '),
);

/**
 * What agents and customers type around the content word, as word sequences: politeness, particles, stock
 * phrases («почему до сих пор не отправили» is about «не отправили»). A query drops them unless they are all
 * it has, so they can neither outrank the content word (as «до сих пор», a tag elsewhere, did) nor leave a
 * query «partial» for want of a template about «вообще».
 */
const FILLER_PHRASES = (
  'до сих пор|так и|все еще|как то|почему то|что то|в общем|вообще то|вообще|короче|блин|типа|прям|' +
  'честно говоря|на самом деле|скажите пожалуйста|подскажите пожалуйста|подскажите|скажите|пожалуйста|' +
  'хотела бы узнать|хотел бы узнать|хочу узнать|здравствуйте|добрый день|добрый вечер|доброе утро|извините а|' +
  'можно как то|а можно|постоянно|просто|вот'
)
  .split('|')
  .map((phrase) => phrase.split(' '));

const FILLER_BY_FIRST = new Map<string, string[][]>();
for (const phrase of FILLER_PHRASES.sort((a, b) => b.length - a.length)) {
  FILLER_BY_FIRST.set(phrase[0], [...(FILLER_BY_FIRST.get(phrase[0]) ?? []), phrase]);
}

/** The words without filler phrases (longest first); all of them when nothing else is left. */
export function dropFiller(words: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < words.length; ) {
    const phrase = FILLER_BY_FIRST.get(words[i])?.find((p) => p.every((word, k) => words[i + k] === word));
    if (phrase) i += phrase.length;
    else kept.push(words[i++]);
  }
  return kept.length > 0 ? kept : words;
}

/**
 * Question and modal words: agents type them («почему», «когда», «можно»), and «где»/«когда» even point at a
 * topic, but they say less than the word they come with. Their information weight is cut to `WEAK_WORD_SHARE`
 * of their idf, so «почему» in «почему не отправили» cannot outweigh «не отправили».
 */
export const WEAK_WORDS = new Set(
  'почему зачем когда где как сколько какой какая какое какие куда откуда можно нужно надо хочу хотим очень'.split(' '),
);
export const WEAK_WORD_SHARE = 0.3;
