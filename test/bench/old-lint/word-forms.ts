/**
 * Where the word forms of a rule word come from at runtime.
 *
 * A built pack carries `compiled.lint.lexicon`: for every word its rules ask for in any form, all forms the
 * OpenCorpora dictionary knows (written by build-lexicon.ts at pack-build time). The runtime only reads it.
 * A hand-written pack without it still works through `fallbackForms`: the word plus its stem with common
 * Russian endings. That catches regular inflection («клиент» → «клиенту», «клиентов») but not stem
 * changes («мочь» → «могу»), which is why packs should be built with `sufler pack build`.
 */
export const LEXICON_VERSION = 1;

export interface LintLexicon {
  version: typeof LEXICON_VERSION;
  /** Which dictionary produced the forms, for people reading the pack. */
  source: string;
  /** Normalized rule word → its normalized forms (the word itself included). */
  forms: Record<string, string[]>;
}

/** Reads the lexicon out of `pack.compiled`, ignoring anything malformed (packs arrive from URLs). */
export function readLexicon(compiled: Record<string, unknown> | undefined): Map<string, string[]> {
  const lexicon = new Map<string, string[]>();
  const lint = compiled?.lint as Partial<LintLexicon> | undefined;
  if (!lint || typeof lint !== 'object' || lint.version !== LEXICON_VERSION) return lexicon;
  const forms = lint.forms;
  if (!forms || typeof forms !== 'object') return lexicon;
  for (const word of Object.keys(forms)) {
    const list = forms[word];
    if (Array.isArray(list) && list.every((form) => typeof form === 'string')) lexicon.set(word, list);
  }
  return lexicon;
}

// Longest first, so that «-ами» is stripped before «-и».
const ENDINGS = [
  'ующими',
  'ающими',
  'ями',
  'ами',
  'ого',
  'его',
  'ому',
  'ему',
  'ыми',
  'ими',
  'ешь',
  'ете',
  'ишь',
  'ите',
  'ала',
  'ало',
  'али',
  'ила',
  'ило',
  'или',
  'ть',
  'ти',
  'ов',
  'ев',
  'ей',
  'ам',
  'ям',
  'ах',
  'ях',
  'ом',
  'ем',
  'ой',
  'ый',
  'ий',
  'ая',
  'яя',
  'ое',
  'ее',
  'ые',
  'ие',
  'ых',
  'их',
  'ым',
  'им',
  'ую',
  'юю',
  'ет',
  'ит',
  'ут',
  'ют',
  'ат',
  'ят',
  'ал',
  'ил',
  'а',
  'я',
  'о',
  'е',
  'ы',
  'и',
  'у',
  'ю',
  'й',
  'ь',
];
const MIN_STEM = 3;

/** The stem a rule word is matched by when the pack has no lexicon; null for words too short to stem. */
export function fallbackStem(word: string): string | null {
  if (!/^[а-я-]+$/.test(word)) return null;
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM) return word.slice(0, -ending.length);
  }
  return word.length >= MIN_STEM ? word : null;
}

const ENDINGS_BY_LAST = new Map<string, string[]>();
for (const ending of ENDINGS) {
  const last = ending[ending.length - 1];
  ENDINGS_BY_LAST.set(last, [...(ENDINGS_BY_LAST.get(last) ?? []), ending]);
}

/**
 * Every stem a draft word could have under the fallback: the word itself and the word minus each common
 * ending it has. A rule word matches when its `fallbackStem` is among them, which equals generating
 * stem + every ending, without building thousands of forms per rule.
 */
export function candidateStems(form: string): string[] {
  const stems = [form];
  const endings = ENDINGS_BY_LAST.get(form[form.length - 1]);
  if (endings) {
    for (const ending of endings) {
      if (form.length - ending.length >= MIN_STEM && form.endsWith(ending)) stems.push(form.slice(0, -ending.length));
    }
  }
  return stems;
}

/** The forms the fallback accepts for a word (for tests and docs; the runtime uses stems). */
export function fallbackForms(word: string): string[] {
  const stem = fallbackStem(word);
  if (stem === null) return [word];
  return [...new Set([word, stem, ...ENDINGS.map((ending) => stem + ending)])];
}
