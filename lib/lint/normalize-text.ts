/**
 * Folds a draft into the one spelling the matcher knows, keeping a map back to the original text so
 * that every finding points at what the agent actually typed.
 *
 * What is folded, and why:
 * - case, and ё → е (Russian writers use ё inconsistently);
 * - typographic quotes → `"`, all dashes → `-`, `…` → `...` (keyboards and editors auto-replace these);
 * - no-break and other Unicode spaces → space; runs of whitespace → one space, or one `\n` when the run
 *   holds a blank line (a paragraph break ends a phrase);
 * - zero-width characters, soft hyphens and combining stress marks disappear (pasted text carries them);
 *   the combining breve and diaeresis are folded into й and е;
 * - Latin look-alike letters inside a word that also has Cyrillic letters become Cyrillic («пoмoчь» with
 *   Latin o is still «помочь»).
 *
 * Pure and linear: one pass over the UTF-16 code units plus one pass per word.
 */
export interface NormalizedText {
  text: string;
  /** For each code unit of `text`: the index in the original text where it starts. */
  starts: Int32Array;
  /** For each code unit of `text`: the index in the original text just after its source character. */
  ends: Int32Array;
}

const QUOTES = new Set([0x00ab, 0x00bb, 0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x2036]);
const SINGLE_QUOTES = new Set([0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x2035, 0x02bc]);
const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d]);
/** Characters that carry nothing for matching and are dropped. */
const INVISIBLE = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x180e]);

/** Latin letters that look like Cyrillic ones, as they appear in text (before case folding). */
const LOOKALIKES: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  k: 'к',
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};

function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0x85
  );
}

function isCyrillic(code: number): boolean {
  return code >= 0x0400 && code <= 0x04ff;
}

function isLatinLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

const LOOKALIKE_CODES = new Map<number, number>(
  Object.entries(LOOKALIKES).map(([latin, cyrillic]) => [latin.charCodeAt(0), cyrillic.toLowerCase().charCodeAt(0)]),
);

const UTF16 = new TextDecoder('utf-16le');
const SHORT = 512;

export function normalizeText(original: string): NormalizedText {
  const length = original.length;
  // The fast paths below write at most one code unit per unit they read, so room for what is left of the
  // input (`n + length - i`) is checked only where a character grows («…» → «...», a few letters when
  // lower-cased): the hot loop writes without a capacity check or a closure.
  let capacity = length + 16;
  let out = new Uint16Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let n = 0;
  const makeRoom = (needed: number) => {
    if (needed <= capacity) return;
    capacity = Math.max(needed, 2 * capacity);
    const grown = [new Uint16Array(capacity), new Int32Array(capacity), new Int32Array(capacity)] as const;
    grown[0].set(out.subarray(0, n));
    grown[1].set(starts.subarray(0, n));
    grown[2].set(ends.subarray(0, n));
    [out, starts, ends] = grown;
  };

  let i = 0;
  while (i < length) {
    const code = original.charCodeAt(i);
    // Fast paths: Cyrillic and ASCII letters, digits and common punctuation.
    if (code >= 0x0430 && code <= 0x044f) {
      out[n] = code;
      starts[n] = i;
      ends[n++] = ++i;
      continue;
    }
    if (code >= 0x0410 && code <= 0x042f) {
      out[n] = code + 32;
      starts[n] = i;
      ends[n++] = ++i;
      continue;
    }
    if (code > 0x20 && code < 0x80) {
      out[n] = code >= 0x41 && code <= 0x5a ? code + 32 : code;
      starts[n] = i;
      ends[n++] = ++i;
      continue;
    }
    if (isSpace(code)) {
      // A run of whitespace: one space, or a paragraph break when it spans a blank line.
      let j = i;
      let newlines = 0;
      while (j < length) {
        const c = original.charCodeAt(j);
        if (isSpace(c)) {
          if (c === 0x0a) newlines++;
          j++;
        } else if (INVISIBLE.has(c)) j++;
        else break;
      }
      out[n] = newlines >= 2 ? 0x0a : 0x20;
      starts[n] = i;
      ends[n++] = j;
      i = j;
      continue;
    }
    const start = i++;
    makeRoom(n + 3 + length - i);
    // Emoji and ellipses first: a page can paste 100,000 of them (issue 12), so they skip the set lookups below.
    if (code >= 0xd800 && code <= 0xdbff && i < length && (original.charCodeAt(i) & 0xfc00) === 0xdc00) {
      // Astral characters are never part of a word; keep the pair whole so offsets stay on boundaries.
      i++;
      for (const unit of [code, original.charCodeAt(i - 1)]) {
        out[n] = unit;
        starts[n] = start;
        ends[n++] = i;
      }
      continue;
    }
    let folded: number;
    if (code === 0x2026) {
      for (let k = 0; k < 3; k++) {
        out[n] = 0x2e;
        starts[n] = start;
        ends[n++] = i;
      }
      continue;
    }
    if (INVISIBLE.has(code)) continue;
    if (code === 0x0451 || code === 0x0401) folded = 0x0435;
    else if (code >= 0x0300 && code <= 0x036f) {
      // Combining marks: fold и+breve into й, drop the rest (stress marks; ё's diaeresis since ё → е).
      if (n > 0) {
        if (code === 0x0306 && out[n - 1] === 0x0438) out[n - 1] = 0x0439;
        ends[n - 1] = i;
      }
      continue;
    } else if (QUOTES.has(code)) folded = 0x22;
    else if (SINGLE_QUOTES.has(code)) folded = 0x27;
    else if (DASHES.has(code)) folded = 0x2d;
    // A lone surrogate becomes U+FFFD here, as the decoder below would make it: short texts skip the decoder.
    else if (code >= 0xd800 && code <= 0xdfff) folded = 0xfffd;
    else if (code < 0xc0) folded = code;
    else {
      const lower = original[start].toLowerCase();
      for (let k = 0; k < lower.length; k++) {
        out[n] = lower.charCodeAt(k);
        starts[n] = start;
        ends[n++] = i;
      }
      continue;
    }
    out[n] = folded;
    starts[n] = start;
    ends[n++] = i;
  }

  fixLookalikes(out, original, starts, n);
  // One native decode instead of String.fromCharCode over chunks: 100,000 emoji or dots cost a
  // millisecond, not ten (issue 12). A lone surrogate decodes to U+FFFD, also one code unit, so offsets hold.
  // A short text (a sentence: the incremental linter's piece, lint-draft.ts) is faster without the decoder's
  // fixed cost.
  const text =
    n <= SHORT
      ? String.fromCharCode.apply(null, out.subarray(0, n) as unknown as number[])
      : UTF16.decode(out.subarray(0, n));
  return { text, starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

/** Replaces Latin look-alikes in words that mix Latin and Cyrillic letters. */
function fixLookalikes(out: Uint16Array, original: string, starts: Int32Array, n: number): void {
  let i = 0;
  while (i < n) {
    if (!isCyrillic(out[i]) && !isLatinLetter(out[i])) {
      i++;
      continue;
    }
    let j = i;
    let cyrillic = false;
    let latin = false;
    while (j < n) {
      const c = out[j];
      if (isCyrillic(c)) cyrillic = true;
      else if (isLatinLetter(c)) latin = true;
      else break;
      j++;
    }
    if (cyrillic && latin) {
      let convertible = true;
      for (let k = i; k < j && convertible; k++) {
        if (isLatinLetter(out[k]) && !LOOKALIKE_CODES.has(original.charCodeAt(starts[k]))) convertible = false;
      }
      if (convertible) {
        for (let k = i; k < j; k++) {
          if (isLatinLetter(out[k])) out[k] = LOOKALIKE_CODES.get(original.charCodeAt(starts[k]))!;
        }
      }
    }
    i = j;
  }
}
