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
    return fail(`шаблон длиннее ${PATTERN_LIMITS.chars} символов — разбейте его на несколько`);
  }
  // Parentheses are separate tokens, so `(вам)` and `( вам )` read the same.
  const parts = source
    .replace(/([()])/g, ' $1 ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (parts.length === 0) return fail('пустой шаблон');

  const items: PatternItem[] = [];
  let group = 0;
  let inGroup = false;
  let groupWords = 0;
  let words = 0;
  let gaps = 0;
  for (const part of parts) {
    if (part === '(') {
      if (inGroup) return fail('скобки нельзя вкладывать друг в друга');
      inGroup = true;
      group++;
      groupWords = 0;
      continue;
    }
    if (part === ')') {
      if (!inGroup) return fail('лишняя закрывающая скобка «)»');
      if (groupWords === 0) return fail('пустые скобки «()»: внутри должно быть хотя бы одно слово');
      inGroup = false;
      continue;
    }
    const gap = GAP.exec(part);
    if (gap) {
      if (inGroup) return fail('пропуск «…» нельзя ставить внутри скобок');
      const max = gap[1] === undefined ? PATTERN_LIMITS.defaultGap : Number(gap[1]);
      if (max < 1 || max > PATTERN_LIMITS.gapMax) {
        return fail(`пропуск «${part}»: можно пропустить от 1 до ${PATTERN_LIMITS.gapMax} слов`);
      }
      if (items.length === 0) return fail('шаблон не может начинаться с пропуска «…»');
      if (items[items.length - 1].type === 'gap') return fail('два пропуска «…» подряд — оставьте один');
      if (++gaps > PATTERN_LIMITS.gaps) return fail(`не больше ${PATTERN_LIMITS.gaps} пропусков «…» в одном шаблоне`);
      items.push({ type: 'gap', max });
      continue;
    }
    const raw = part.split('|');
    if (raw.length > PATTERN_LIMITS.alternatives) {
      return fail(`«${part}»: не больше ${PATTERN_LIMITS.alternatives} вариантов через «|»`);
    }
    const alternatives: PatternAlternative[] = [];
    for (const alternative of raw) {
      const exact = alternative.startsWith('=');
      const word = exact ? alternative.slice(1) : alternative;
      if (!word) return fail(`«${part}»: пустой вариант — проверьте «|» и «=»`);
      const form = normalizeWord(word);
      if (form === null) {
        return fail(
          `«${word}» — не слово: в шаблоне пишут слова, «|», «=», скобки и «…»; знаки препинания и регулярные выражения не поддерживаются`,
        );
      }
      if (!alternatives.some((known) => known.form === form && known.exact === exact)) {
        alternatives.push({ form, exact });
      }
    }
    if (++words > PATTERN_LIMITS.words) return fail(`не больше ${PATTERN_LIMITS.words} слов в одном шаблоне`);
    if (inGroup) groupWords++;
    items.push({ type: 'word', alternatives, optional: inGroup, group: inGroup ? group : 0 });
  }
  if (inGroup) return fail('не закрыта скобка «(»');
  if (items[items.length - 1].type === 'gap') return fail('шаблон не может заканчиваться пропуском «…»');
  if (!items.some((item) => item.type === 'word' && !item.optional)) {
    return fail('в шаблоне нет ни одного обязательного слова: он совпал бы с чем угодно');
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
