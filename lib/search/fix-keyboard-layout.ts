/**
 * The wrong keyboard layout: an agent types «возврат» with the English layout on and gets «djpdhfn».
 * The mapping is per key (ЙЦУКЕН over QWERTY), and on ЙЦУКЕН the keys `[ ] ; ' , . \`` are letters
 * (х ъ ж э б ю ё), so conversion runs on the raw query before any tokenising strips them.
 */
const LATIN = '`qwertyuiop[]asdfghjkl;\'zxcvbnm,./~QWERTYUIOP{}ASDFGHJKL:"ZXCVBNM<>?';
const CYRILLIC = 'ёйцукенгшщзхъфывапролджэячсмитьбю.ЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,';

const toCyrillic = new Map<string, string>();
const toLatin = new Map<string, string>();
for (let i = 0; i < LATIN.length; i++) {
  toCyrillic.set(LATIN[i], CYRILLIC[i]);
  // `.` and `,` exist on both layouts; keep them as they are when going back to Latin.
  if (!toLatin.has(CYRILLIC[i])) toLatin.set(CYRILLIC[i], LATIN[i]);
}
toLatin.set('.', '.');
toLatin.set(',', ',');

export function convertLayout(text: string, to: 'cyrillic' | 'latin'): string {
  const map = to === 'cyrillic' ? toCyrillic : toLatin;
  let out = '';
  for (const char of text) out += map.get(char) ?? char;
  return out;
}

const HAS_LATIN = /[a-z]/i;
const HAS_CYRILLIC = /[а-яё]/i;

/**
 * A word that is Latin on purpose: a brand or product name written with an inner capital («iPhone»,
 * «WhatsApp», «MacBook») or a short all-caps abbreviation («SMS», «USB», «PDF»). Someone typing Russian in
 * the wrong layout produces neither (Caps Lock gives all caps, but over a whole Russian word, longer).
 */
export function isBrandLike(word: string): boolean {
  const letters = word.replace(/[^a-z]/gi, '');
  if (/[a-z][A-Z]/.test(letters)) return true;
  return letters.length >= 2 && letters.length <= 4 && letters === letters.toUpperCase() && word === letters;
}

/**
 * The query as it would read in the Russian layout, or null when there is nothing to fix: only a query
 * with Latin letters and no Cyrillic is a candidate, and brand-like words stay as typed. The caller searches
 * both the query as typed and this variant and keeps the better match per template, because a plain Latin
 * word («wifi», «android») cannot be told from a mistyped Russian one by looking at it.
 */
export function fixKeyboardLayout(query: string): string | null {
  if (!HAS_LATIN.test(query) || HAS_CYRILLIC.test(query)) return null;
  let changed = false;
  const fixed = query
    .split(/(\s+)/)
    .map((part) => {
      if (/^\s*$/.test(part) || isBrandLike(part)) return part;
      const converted = convertLayout(part, 'cyrillic');
      if (converted !== part) changed = true;
      return converted;
    })
    .join('');
  return changed ? fixed : null;
}

/**
 * The reverse slip: a Latin word typed with the Russian layout on («шзрщту» for «iphone»). Only worth
 * trying when the query as typed found nothing, since the library is Russian.
 */
export function toLatinLayout(query: string): string | null {
  if (!HAS_CYRILLIC.test(query) || HAS_LATIN.test(query)) return null;
  const converted = convertLayout(query.toLowerCase(), 'latin');
  return /[a-z]/.test(converted) ? converted : null;
}
