/**
 * How people type, for rule words: a joined negation («немогу», «незнаю», «нерассматриваем») and one
 * slip in a longer word («помоч», «зависет», «долны», «обрашение», «нечего» for «ничего»).
 *
 * Slips are found with a deletion dictionary (the SymSpell idea): every form of the pack's lexicon with
 * at least `MIN_TYPO_LENGTH` letters is stored under itself minus each one letter; a draft word w is within
 * one edit (a letter missing, extra, replaced, or two swapped) of a form f when w minus a letter is f, or w
 * is f minus a letter, or both minus a letter meet. The index is built once per compiled rule set from its
 * own forms (so it never travels in the pack), and only words the rules know can be "corrected" into:
 * a draft word that is itself a known form of any rule word, or a common word listed in `REAL_WORDS`, is
 * never corrected («может» stays «может», not «можем»; «помощь» stays «помощь»). Short function words
 * are never touched.
 */
export const MIN_TYPO_LENGTH = 5;
/** Longer tokens are not words anyone mistypes: skipping them keeps a 100k-letter "word" linear. */
const MAX_TYPO_LENGTH = 24;

/** Real words one edit away from common rule words, which must keep their own meaning. */
const REAL_WORDS = new Set(
  'помощь помощи помощью можете может могут знает знают должок вины винам ваша наша нашей вашей ничто ничья'.split(' '),
);

export interface TypoIndex {
  /** A form minus one letter → the forms it comes from. */
  deletions: Map<string, string[]>;
  /** Every form the pack's rules know (typo targets and whole paradigms): never corrected. */
  known: Set<string>;
}

export function buildTypoIndex(targets: Iterable<string>, known: Iterable<string>): TypoIndex {
  const deletions = new Map<string, string[]>();
  const knownSet = new Set(known);
  for (const form of targets) {
    knownSet.add(form);
    if (form.length < MIN_TYPO_LENGTH || form.length > MAX_TYPO_LENGTH || !/^[а-я]+$/.test(form)) continue;
    for (let i = 0; i < form.length; i++) {
      const deleted = form.slice(0, i) + form.slice(i + 1);
      const list = deletions.get(deleted);
      if (list === undefined) deletions.set(deleted, [form]);
      else if (!list.includes(form)) list.push(form);
    }
  }
  return { deletions, known: knownSet };
}

/** The forms a draft word may be a slip of (empty when it is a word in its own right). */
export function typoCandidates(word: string, index: TypoIndex, isTarget: (form: string) => boolean): string[] {
  if (word.length < MIN_TYPO_LENGTH - 1 || word.length > MAX_TYPO_LENGTH) return [];
  if (index.known.has(word) || REAL_WORDS.has(word)) return [];
  const found: string[] = [];
  const add = (form: string) => {
    if (form.length >= MIN_TYPO_LENGTH && !found.includes(form)) found.push(form);
  };
  // A letter missing: the word is a form minus a letter.
  for (const form of index.deletions.get(word) ?? []) add(form);
  if (word.length >= MIN_TYPO_LENGTH) {
    for (let i = 0; i < word.length; i++) {
      const deleted = word.slice(0, i) + word.slice(i + 1);
      // An extra letter: the word minus a letter is a form.
      if (isTarget(deleted)) add(deleted);
      // A letter replaced, or two swapped: both minus a letter meet.
      for (const form of index.deletions.get(deleted) ?? []) if (form.length === word.length) add(form);
    }
  }
  return found;
}

/** The word without a joined «не» when the rest is a known form («немогу» → «могу»), else null. */
export function splitJoinedNegation(word: string, isTarget: (form: string) => boolean): string | null {
  if (word.length < 5 || !word.startsWith('не') || word.length > MAX_TYPO_LENGTH) return null;
  const rest = word.slice(2);
  return isTarget(rest) ? rest : null;
}
