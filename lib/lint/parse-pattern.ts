import { defineMessages } from '../i18n';
import { normalizeText } from './normalize-text';
import { tokenize } from './tokenize';

/**
 * The rule pattern language (documented for authors in lib/lint/README.md):
 *
 *   помочь          any form of the word («помогу», «поможем», «помог» …)
 *   =вам            exactly this form
 *   мочь|смочь      any of the alternatives (each may be `=exact`)
 *   (вам)           optional words; `(=вам лично)` is optional as a whole
 *   …  ...          up to 3 words of any kind; `…5` / `...5` up to 5 (at most 8)
 *
 * A pattern is a plain sequence: no nesting, no regex, and size limits keep matching linear.
 */
export interface PatternAlternative {
  /** Normalized word form (lower case, ё → е). */
  form: string;
  /** `=form`: only this form; otherwise any form of the word. */
  exact: boolean;
}

export type PatternItem =
  | { type: 'word'; alternatives: PatternAlternative[]; optional: boolean; group: number }
  | { type: 'gap'; max: number };

export type ParsePatternResult = { items: PatternItem[]; error?: undefined } | { items?: undefined; error: string };

export const PATTERN_LIMITS = {
  chars: 300,
  words: 12,
  alternatives: 20,
  gaps: 3,
  gapMax: 8,
  defaultGap: 3,
} as const;

/**
 * The syntax errors a lead sees in options (a subscribed or imported pack's rule that does not parse) and in
 * `sufler pack check`. Shared with the clause parser where the wording is the same. Background and CLI only:
 * the agent script receives compiled rules and never parses a pattern.
 */
export const patternMessages = /* @__PURE__ */ defineMessages({
  ru: {
    tooLong: (max: number) => `шаблон длиннее ${max} символов — разбейте его на несколько`,
    empty: 'пустой шаблон',
    nested: 'скобки нельзя вкладывать друг в друга',
    extraClose: 'лишняя закрывающая скобка «)»',
    emptyGroup: 'пустые скобки «()»: внутри должно быть хотя бы одно слово',
    gapInGroup: 'пропуск «…» нельзя ставить внутри скобок',
    gapSize: (part: string, max: number) => `пропуск «${part}»: можно пропустить от 1 до ${max} слов`,
    gapFirst: 'шаблон не может начинаться с пропуска «…»',
    twoGaps: 'два пропуска «…» подряд — оставьте один',
    tooManyGaps: (max: number) => `не больше ${max} пропусков «…» в одном шаблоне`,
    tooManyAlternatives: (part: string, max: number) => `«${part}»: не больше ${max} вариантов через «|»`,
    emptyAlternative: (part: string) => `«${part}»: пустой вариант — проверьте «|» и «=»`,
    notAWord: (word: string) =>
      `«${word}» — не слово: в шаблоне пишут слова, «|», «=», скобки и «…»; знаки препинания и регулярные выражения не поддерживаются`,
    tooManyWords: (max: number) => `не больше ${max} слов в одном шаблоне`,
    unclosed: 'не закрыта скобка «(»',
    gapLast: 'шаблон не может заканчиваться пропуском «…»',
    noRequired: 'в шаблоне нет ни одного обязательного слова: он совпал бы с чем угодно',
  },
  en: {
    tooLong: (max: number) => `the pattern is longer than ${max} characters; split it into several`,
    empty: 'the pattern is empty',
    nested: 'parentheses cannot be nested',
    extraClose: 'a closing parenthesis “)” without an opening one',
    emptyGroup: 'empty parentheses “()”: put at least one word inside',
    gapInGroup: 'a gap “…” cannot stand inside parentheses',
    gapSize: (part: string, max: number) => `gap “${part}”: a gap skips 1 to ${max} words`,
    gapFirst: 'a pattern cannot start with a gap “…”',
    twoGaps: 'two gaps “…” in a row; keep one',
    tooManyGaps: (max: number) => `at most ${max} gaps “…” in one pattern`,
    tooManyAlternatives: (part: string, max: number) => `“${part}”: at most ${max} alternatives separated by “|”`,
    emptyAlternative: (part: string) => `“${part}”: an empty alternative; check the “|” and “=”`,
    notAWord: (word: string) =>
      `“${word}” is not a word: a pattern is made of words, “|”, “=”, parentheses and “…”; punctuation and regular expressions are not supported`,
    tooManyWords: (max: number) => `at most ${max} words in one pattern`,
    unclosed: 'the parenthesis “(” is not closed',
    gapLast: 'a pattern cannot end with a gap “…”',
    noRequired: 'the pattern has no required word: it would match anything',
  },
});

const t = patternMessages;

const GAP = /^(?:…|\.\.\.)(\d+)?$/;

/** Normalizes one word exactly as draft text is normalized; null when it is not a single word. */
export function normalizeWord(word: string): string | null {
  // Fast path for the usual plain Russian word: compiling 1,000 rules must stay within milliseconds.
  if (SIMPLE_WORD.test(word)) return word.toLowerCase().replaceAll('ё', 'е');
  const normalized = normalizeText(word).text;
  const tokens = tokenize(normalized);
  if (tokens.length !== 1 || tokens[0].placeholder) return null;
  return tokens[0].start === 0 && tokens[0].end === normalized.length ? tokens[0].form : null;
}

const SIMPLE_WORD = /^[а-яА-ЯёЁ0-9]+(?:-[а-яА-ЯёЁ0-9]+)*$/;

export function parsePattern(source: string): ParsePatternResult {
  const fail = (error: string): ParsePatternResult => ({ error });
  if (source.length > PATTERN_LIMITS.chars) {
    return fail(t.tooLong(PATTERN_LIMITS.chars));
  }
  // Parentheses are separate tokens, so `(вам)` and `( вам )` read the same.
  const parts = source
    .replace(/([()])/g, ' $1 ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (parts.length === 0) return fail(t.empty);

  const items: PatternItem[] = [];
  let group = 0;
  let inGroup = false;
  let groupWords = 0;
  let words = 0;
  let gaps = 0;
  for (const part of parts) {
    if (part === '(') {
      if (inGroup) return fail(t.nested);
      inGroup = true;
      group++;
      groupWords = 0;
      continue;
    }
    if (part === ')') {
      if (!inGroup) return fail(t.extraClose);
      if (groupWords === 0) return fail(t.emptyGroup);
      inGroup = false;
      continue;
    }
    const gap = GAP.exec(part);
    if (gap) {
      if (inGroup) return fail(t.gapInGroup);
      const max = gap[1] === undefined ? PATTERN_LIMITS.defaultGap : Number(gap[1]);
      if (max < 1 || max > PATTERN_LIMITS.gapMax) {
        return fail(t.gapSize(part, PATTERN_LIMITS.gapMax));
      }
      if (items.length === 0) return fail(t.gapFirst);
      if (items[items.length - 1].type === 'gap') return fail(t.twoGaps);
      if (++gaps > PATTERN_LIMITS.gaps) return fail(t.tooManyGaps(PATTERN_LIMITS.gaps));
      items.push({ type: 'gap', max });
      continue;
    }
    const raw = part.split('|');
    if (raw.length > PATTERN_LIMITS.alternatives) {
      return fail(t.tooManyAlternatives(part, PATTERN_LIMITS.alternatives));
    }
    const alternatives: PatternAlternative[] = [];
    for (const alternative of raw) {
      const exact = alternative.startsWith('=');
      const word = exact ? alternative.slice(1) : alternative;
      if (!word) return fail(t.emptyAlternative(part));
      const form = normalizeWord(word);
      if (form === null) {
        return fail(t.notAWord(word));
      }
      if (!alternatives.some((known) => known.form === form && known.exact === exact)) {
        alternatives.push({ form, exact });
      }
    }
    if (++words > PATTERN_LIMITS.words) return fail(t.tooManyWords(PATTERN_LIMITS.words));
    if (inGroup) groupWords++;
    items.push({ type: 'word', alternatives, optional: inGroup, group: inGroup ? group : 0 });
  }
  if (inGroup) return fail(t.unclosed);
  if (items[items.length - 1].type === 'gap') return fail(t.gapLast);
  if (!items.some((item) => item.type === 'word' && !item.optional)) {
    return fail(t.noRequired);
  }
  return { items };
}

/** Every word a pattern asks for in any form (the words the build step expands with the dictionary). */
export function lemmaWords(items: PatternItem[]): string[] {
  const words: string[] = [];
  for (const item of items) {
    if (item.type !== 'word') continue;
    for (const alternative of item.alternatives) if (!alternative.exact) words.push(alternative.form);
  }
  return words;
}
