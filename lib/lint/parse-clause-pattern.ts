import { defineMessages } from '../i18n';
import { normalizeWord, PATTERN_LIMITS, patternMessages } from './parse-pattern';

/**
 * The pattern language of `kind: clause` rules (documented for authors in lib/lint/README.md):
 *
 *   помочь          any form of the word
 *   =ничем          exactly this form
 *   мочь:1л         forms with these grammemes only (see `GRAMMEMES`); `1л`/`2л` also accept a past-tense
 *                   or short form («смог», «должны») when the clause's subject is that person
 *   мочь|смочь      any of the alternatives (each with its own `=` or `:…`)
 *   не мочь         the word negated: «не» right before it, or joined («немогу»)
 *   (=вам)          optional: taken into the marked span when it stands right beside it
 *   *               any word after the previous one («=ожидайте *»: something follows «ожидайте»)
 *   =как+=я         «я» right after «как» (order and adjacency for just these two words)
 *
 * All required words must occur in one clause, in any order, with other words between them (at most
 * `CLAUSE_WINDOW` tokens from the first to the last). A word written without `не` matches only where it is
 * not negated, so «вы не должны» never satisfies `=вы должен`.
 */
export interface ClauseAlternative {
  /** Normalized word form. */
  form: string;
  exact: boolean;
  /** Grammeme filter in the author's notation, sorted and joined with `,` (e.g. `1л` or `мн,прош`); '' for none. */
  tags: string;
}

export interface ClauseSlot {
  alternatives: ClauseAlternative[];
  negated: boolean;
  optional: boolean;
  /** `*`: any word after the previous slot's word (in exceptions: «ожидайте *» — something follows). */
  any: boolean;
  /** Written `a+b`: this word stands right after the previous slot's word. */
  adjacent: boolean;
}

export type ParseClauseResult = { slots: ClauseSlot[]; error?: undefined } | { slots?: undefined; error: string };

/** At most this many tokens from the first matched word to the last. */
export const CLAUSE_WINDOW = 10;
export const CLAUSE_LIMITS = { words: 8 } as const;

/** The author's grammeme names → OpenCorpora grammemes (the build step filters forms with them). */
export const GRAMMEMES: Record<string, string> = {
  '1л': '1per',
  '2л': '2per',
  '3л': '3per',
  ед: 'sing',
  мн: 'plur',
  прош: 'past',
  наст: 'pres',
  буд: 'futr',
  инф: 'INFN',
  пов: 'impr',
  им: 'nomn',
  рд: 'gent',
  дт: 'datv',
  вн: 'accs',
  тв: 'ablt',
  пр: 'loct',
  муж: 'masc',
  жен: 'femn',
  ср: 'neut',
};

/** The lexicon key of a word with grammemes: `мочь:1л`. */
export const taggedKey = (form: string, tags: string) => (tags ? `${form}:${tags}` : form);

/**
 * The clause parser's own syntax errors (those worded as for phrase patterns come from `patternMessages`).
 * «не», «*», «+» and the grammeme names are the syntax itself, so English quotes them as written. `@__PURE__`:
 * lint-text.ts (in the page scripts) imports `CLAUSE_WINDOW` from here, and the bundler keeps a top-level call
 * it cannot prove pure, with both catalogs.
 */
const t = /* @__PURE__ */ defineMessages({
  ru: {
    plusBetween: '«+» ставят между двумя словами: «=как+=я»',
    negatedGroup: '«не» относится к слову: пишите «(не слово)» или «не слово» вне скобок',
    wordAfterNot: 'после «не» нужно слово',
    noGaps: 'в правиле вида clause пропуски «…» не нужны: слова и так ищутся по всей части предложения',
    anyFirst: '«*» означает «любое слово после предыдущего»: перед ним нужно слово',
    anyPlace: '«*» не бывает в скобках или после «не»',
    doubleNot: '«не не» — лишнее «не»',
    emptyAlternative: (part: string) => `«${part}»: пустой вариант — проверьте «|», «=» и «:»`,
    extraColon: (alternative: string) => `«${alternative}»: признаки пишутся через запятую после одного «:»`,
    exactTags: (alternative: string) => `«${alternative}»: у точной формы «=» признаков не бывает`,
    unknownTag: (alternative: string, unknown: string, known: string[]) =>
      `«${alternative}»: неизвестный признак «${unknown}»; можно: ${known.join(', ')}`,
    notAWord: (word: string) =>
      `«${word}» — не слово: в шаблоне пишут слова, «|», «=», «:признак», «не» и скобки; знаки препинания и регулярные выражения не поддерживаются`,
    endsNot: 'шаблон не может кончаться на «не»: после него нужно слово',
    wordAfterPlus: 'после «+» нужно слово',
  },
  en: {
    plusBetween: '“+” goes between two words: “=как+=я”',
    negatedGroup: '“не” belongs to a word: write “(не word)”, or “не word” outside the parentheses',
    wordAfterNot: '“не” must be followed by a word',
    noGaps: 'a clause rule needs no gaps “…”: its words are looked for anywhere in the clause',
    anyFirst: '“*” means “any word after the previous one”: it needs a word before it',
    anyPlace: '“*” cannot stand inside parentheses or after “не”',
    doubleNot: '“не не”: one “не” too many',
    emptyAlternative: (part: string) => `“${part}”: an empty alternative; check the “|”, “=” and “:”`,
    extraColon: (alternative: string) => `“${alternative}”: grammemes follow a single “:”, separated by commas`,
    exactTags: (alternative: string) => `“${alternative}”: an exact form “=” takes no grammemes`,
    unknownTag: (alternative: string, unknown: string, known: string[]) =>
      `“${alternative}”: unknown grammeme “${unknown}”; known: ${known.map((tag) => `“${tag}”`).join(', ')}`,
    notAWord: (word: string) =>
      `“${word}” is not a word: a pattern is made of words, “|”, “=”, “:grammeme”, “не” and parentheses; punctuation and regular expressions are not supported`,
    endsNot: 'a pattern cannot end with “не”: it must be followed by a word',
    wordAfterPlus: '“+” must be followed by a word',
  },
});

const shared = patternMessages;

export function parseClausePattern(source: string): ParseClauseResult {
  const fail = (error: string): ParseClauseResult => ({ error });
  if (source.length > PATTERN_LIMITS.chars) {
    return fail(shared.tooLong(PATTERN_LIMITS.chars));
  }
  const parts = source
    .replace(/([()])/g, ' $1 ')
    .replace(/\+/g, ' + ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (parts.length === 0) return fail(shared.empty);
  const slots: ClauseSlot[] = [];
  let optional = false;
  let negated = false;
  let adjacent = false;
  for (const part of parts) {
    if (part === '+') {
      if (slots.length === 0 || negated || adjacent) return fail(t.plusBetween);
      adjacent = true;
      continue;
    }
    if (part === '(') {
      if (optional) return fail(shared.nested);
      if (negated) return fail(t.negatedGroup);
      optional = true;
      continue;
    }
    if (part === ')') {
      if (!optional) return fail(shared.extraClose);
      if (negated) return fail(t.wordAfterNot);
      optional = false;
      continue;
    }
    if (/^(?:…|\.\.\.)\d*$/.test(part)) {
      return fail(t.noGaps);
    }
    if (part === '*') {
      if (slots.length === 0) return fail(t.anyFirst);
      if (optional || negated) return fail(t.anyPlace);
      slots.push({ alternatives: [], negated: false, optional: false, any: true, adjacent: false });
      if (slots.length > CLAUSE_LIMITS.words) return fail(shared.tooManyWords(CLAUSE_LIMITS.words));
      continue;
    }
    if (part === 'не') {
      if (negated) return fail(t.doubleNot);
      negated = true;
      continue;
    }
    const raw = part.split('|');
    if (raw.length > PATTERN_LIMITS.alternatives) {
      return fail(shared.tooManyAlternatives(part, PATTERN_LIMITS.alternatives));
    }
    const alternatives: ClauseAlternative[] = [];
    for (const alternative of raw) {
      const exact = alternative.startsWith('=');
      const [word, tagText, extra] = (exact ? alternative.slice(1) : alternative).split(':');
      if (!word) return fail(t.emptyAlternative(part));
      if (extra !== undefined) return fail(t.extraColon(alternative));
      let tags = '';
      if (tagText !== undefined) {
        if (exact) return fail(t.exactTags(alternative));
        const list = tagText.split(',').filter(Boolean);
        const unknown = list.find((tag) => !(tag in GRAMMEMES));
        if (list.length === 0 || unknown !== undefined) {
          return fail(t.unknownTag(alternative, unknown ?? '', Object.keys(GRAMMEMES)));
        }
        tags = [...new Set(list)].sort().join(',');
      }
      const form = normalizeWord(word);
      if (form === null) {
        return fail(t.notAWord(word));
      }
      alternatives.push({ form, exact, tags });
    }
    slots.push({ alternatives, negated, optional, any: false, adjacent });
    negated = false;
    adjacent = false;
    if (slots.length > CLAUSE_LIMITS.words) return fail(shared.tooManyWords(CLAUSE_LIMITS.words));
  }
  if (optional) return fail(shared.unclosed);
  if (negated) return fail(t.endsNot);
  if (adjacent) return fail(t.wordAfterPlus);
  if (!slots.some((slot) => !slot.optional && !slot.any)) {
    return fail(shared.noRequired);
  }
  return { slots };
}

/** Every lexicon key a clause pattern needs (words in any form, with their grammeme filters). */
export function clauseLemmaKeys(slots: ClauseSlot[]): string[] {
  const keys: string[] = [];
  for (const slot of slots) {
    for (const alternative of slot.alternatives) {
      if (!alternative.exact) keys.push(taggedKey(alternative.form, alternative.tags));
    }
  }
  return keys;
}
