import { normalizeWord, PATTERN_LIMITS } from './parse-pattern';

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

export function parseClausePattern(source: string): ParseClauseResult {
  const fail = (error: string): ParseClauseResult => ({ error });
  if (source.length > PATTERN_LIMITS.chars) {
    return fail(`шаблон длиннее ${PATTERN_LIMITS.chars} символов — разбейте его на несколько`);
  }
  const parts = source
    .replace(/([()])/g, ' $1 ')
    .replace(/\+/g, ' + ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (parts.length === 0) return fail('пустой шаблон');
  const slots: ClauseSlot[] = [];
  let optional = false;
  let negated = false;
  let adjacent = false;
  for (const part of parts) {
    if (part === '+') {
      if (slots.length === 0 || negated || adjacent) return fail('«+» ставят между двумя словами: «=как+=я»');
      adjacent = true;
      continue;
    }
    if (part === '(') {
      if (optional) return fail('скобки нельзя вкладывать друг в друга');
      if (negated) return fail('«не» относится к слову: пишите «(не слово)» или «не слово» вне скобок');
      optional = true;
      continue;
    }
    if (part === ')') {
      if (!optional) return fail('лишняя закрывающая скобка «)»');
      if (negated) return fail('после «не» нужно слово');
      optional = false;
      continue;
    }
    if (/^(?:…|\.\.\.)\d*$/.test(part)) {
      return fail('в правиле вида clause пропуски «…» не нужны: слова и так ищутся по всей части предложения');
    }
    if (part === '*') {
      if (slots.length === 0) return fail('«*» означает «любое слово после предыдущего»: перед ним нужно слово');
      if (optional || negated) return fail('«*» не бывает в скобках или после «не»');
      slots.push({ alternatives: [], negated: false, optional: false, any: true, adjacent: false });
      if (slots.length > CLAUSE_LIMITS.words) return fail(`не больше ${CLAUSE_LIMITS.words} слов в одном шаблоне`);
      continue;
    }
    if (part === 'не') {
      if (negated) return fail('«не не» — лишнее «не»');
      negated = true;
      continue;
    }
    const raw = part.split('|');
    if (raw.length > PATTERN_LIMITS.alternatives) {
      return fail(`«${part}»: не больше ${PATTERN_LIMITS.alternatives} вариантов через «|»`);
    }
    const alternatives: ClauseAlternative[] = [];
    for (const alternative of raw) {
      const exact = alternative.startsWith('=');
      const [word, tagText, extra] = (exact ? alternative.slice(1) : alternative).split(':');
      if (!word) return fail(`«${part}»: пустой вариант — проверьте «|», «=» и «:»`);
      if (extra !== undefined) return fail(`«${alternative}»: признаки пишутся через запятую после одного «:»`);
      let tags = '';
      if (tagText !== undefined) {
        if (exact) return fail(`«${alternative}»: у точной формы «=» признаков не бывает`);
        const list = tagText.split(',').filter(Boolean);
        const unknown = list.find((tag) => !(tag in GRAMMEMES));
        if (list.length === 0 || unknown !== undefined) {
          return fail(
            `«${alternative}»: неизвестный признак «${unknown ?? ''}»; можно: ${Object.keys(GRAMMEMES).join(', ')}`,
          );
        }
        tags = [...new Set(list)].sort().join(',');
      }
      const form = normalizeWord(word);
      if (form === null) {
        return fail(
          `«${word}» — не слово: в шаблоне пишут слова, «|», «=», «:признак», «не» и скобки; знаки препинания и регулярные выражения не поддерживаются`,
        );
      }
      alternatives.push({ form, exact, tags });
    }
    slots.push({ alternatives, negated, optional, any: false, adjacent });
    negated = false;
    adjacent = false;
    if (slots.length > CLAUSE_LIMITS.words) return fail(`не больше ${CLAUSE_LIMITS.words} слов в одном шаблоне`);
  }
  if (optional) return fail('не закрыта скобка «(»');
  if (negated) return fail('шаблон не может кончаться на «не»: после него нужно слово');
  if (adjacent) return fail('после «+» нужно слово');
  if (!slots.some((slot) => !slot.optional && !slot.any)) {
    return fail('в шаблоне нет ни одного обязательного слова: он совпал бы с чем угодно');
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
